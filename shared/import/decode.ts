/**
 * Bytes to text without mojibake: the one decoder, for transcripts, XML parts and the
 * text files inside a REFI-QDA project. Transcripts arrive as UTF-8 (with or without BOM),
 * UTF-16 (Word's "Unicode text", Excel's "Unicode" CSV) or Windows-1252 (older Windows
 * editors). Anything else is refused rather than guessed, because a wrong guess would
 * be stored for ever in an immutable source text. A REFI-QDA project's text files are
 * read as they are instead (decodeTextLeniently): their selections count characters of
 * exactly that text, so nothing is normalised or refused, and the guess is reported.
 */
import { normalizeText } from '../model/positions';
import { ImportError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** NFC, \n line ends, no BOM. */
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  warnings: string[];
}

const SAMPLE = 64 * 1024;
/** Binary data shows its control bytes at once; judging the first few kilobytes keeps the check cheap for every real text. */
const CONTROL_SAMPLE = 8 * 1024;

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new ImportError(fileName, 'the file is empty');
  const decoded = decodeRaw(bytes, fileName);
  const normal = normalizeText(decoded.text);
  const text = mayHoldNul(bytes, decoded) && normal.includes('\0') ? normal.replaceAll('\0', '') : normal;
  if (!text.trim()) throw new ImportError(fileName, 'the file is empty (it holds only white space)');
  return { ...decoded, text };
}

/**
 * Bytes to text as decodeText reads them, but exactly as stored: no normalisation, line
 * ends as they are, nothing refused for being empty. For formats whose offsets count the
 * stored text (REFI-QDA selections), which map positions themselves.
 */
export function decodeStoredText(bytes: Uint8Array, fileName: string): DecodedText {
  return bytes.length === 0 ? { text: '', encoding: 'utf-8', bom: false, warnings: [] } : decodeRaw(bytes, fileName);
}

/**
 * Whether the text can hold U+0000, which we strip. A decoder without a BOM has refused any
 * NUL in its first SAMPLE bytes, so a short UTF-8 file is settled already. Asked first because
 * searching a two-byte string for '\0' is slow: every ASCII character's high byte is zero.
 */
function mayHoldNul(bytes: Uint8Array, decoded: DecodedText): boolean {
  if (decoded.bom || decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') return true;
  return bytes.length > SAMPLE && bytes.indexOf(0, SAMPLE) !== -1;
}

function decodeRaw(bytes: Uint8Array, fileName: string): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return utf8(bytes, fileName, true);
  if (b0 === 0xff && b1 === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) throw new ImportError(fileName, 'the text is UTF-32, which is not supported; save it as UTF-8 and import again');
    return utf16(bytes, 'utf-16le', true, fileName);
  }
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes, 'utf-16be', true, fileName);

  // Both UTF-16 and binary data show NUL bytes; text in one of our encodings has none, and a native search finds that quickly.
  const sample = bytes.subarray(0, SAMPLE);
  const hasNul = sample.indexOf(0) !== -1;
  if (hasNul) {
    const utf16Guess = guessUtf16(bytes);
    if (utf16Guess) return utf16(bytes, utf16Guess, false, fileName);
  }
  const binary = binaryKind(bytes) ?? (hasNul ? 'it contains NUL bytes, so it is binary data' : null);
  if (binary) throw new ImportError(fileName, `this is not a text file (${binary})`);

  const strict = strictUtf8(bytes);
  if (strict === null) {
    refuseControlBytes(latin1.decode(bytes.subarray(0, CONTROL_SAMPLE)), fileName);
    return utf8OrLegacy(bytes, fileName);
  }
  refuseControlBytes(strict.slice(0, CONTROL_SAMPLE), fileName);
  return { text: strict, encoding: 'utf-8', bom: false, warnings: [] };
}

const lenientUtf8 = new TextDecoder('utf-8');

/**
 * An XML part or file as a string: UTF-16 when its BOM says so, else UTF-8 with any BOM
 * dropped. Damaged bytes become U+FFFD; whether the rest is XML is the tokenizer's call.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // The decoder drops a UTF-8 BOM itself.
  return lenientUtf8.decode(bytes);
}

/**
 * Text as written, for a file whose positions other tools counted (a REFI-QDA source or
 * note): BOM dropped, UTF-16 when a BOM says so, UTF-8 when it is valid, else
 * Windows-1252, with a warning naming `what` and the encoding assumed. Never refused,
 * never normalised.
 */
export function decodeTextLeniently(bytes: Uint8Array, what: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true, warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true, warnings: [] };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = strictUtf8(body);
  if (text !== null) return { text, encoding: 'utf-8', bom, warnings: [] };
  return { text: decodeWindows1252(body), encoding: 'windows-1252', bom, warnings: [`${what} is not valid UTF-8; read it as Windows-1252`] };
}

/**
 * The text when the bytes are well-formed UTF-8, else null. The lenient decoder is the
 * engine's fast path; only a text that shows U+FFFD (a damaged byte, or the character
 * itself) pays for the strict decoder's verdict.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  const text = lenientUtf8.decode(bytes);
  return text.includes('\uFFFD') ? tryDecode('utf-8', bytes) : text;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array, fileName: string, bom: boolean): DecodedText {
  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', bom, warnings: [] };
  return { ...utf8OrLegacy(bytes, fileName), bom };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean, fileName: string): DecodedText {
  const warnings: string[] = [];
  let body = bytes;
  if (body.length % 2 === 1) {
    body = body.subarray(0, body.length - 1);
    warnings.push('the file ends in the middle of a character (truncated?); the last byte was dropped');
  }
  const text = tryDecode(encoding, body);
  if (text === null) throw new ImportError(fileName, `the text looks like ${encoding.toUpperCase()} but holds invalid character sequences`);
  return { text, encoding, bom, warnings };
}

/** UTF-16 without a BOM shows as a zero byte in every other position for Latin text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive, e.g. a Word or Excel file with the wrong extension'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc/.xls); save it as .docx or .xlsx'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'a Rich Text (RTF) document; save it as .docx or .txt'],
];

/** What kind of binary file the bytes' signature names, or null. */
function binaryKind(bytes: Uint8Array): string | null {
  for (const [magic, kind] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return kind;
  return null;
}

/** Latin-1 reads one character a byte, so control bytes keep their count. */
const latin1 = new TextDecoder('latin1');
/** C0 controls other than tab, line feed, form feed and carriage return (NUL is refused before this is asked). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\x01-\x08\x0b\x0e-\x1f]/g;

/**
 * Data that decodes but is mostly control characters is binary. Counted on the decoded
 * sample with a native regex rather than a loop over the bytes: most texts have none.
 */
function refuseControlBytes(sample: string, fileName: string): void {
  const controls = sample.match(CONTROL_CHARACTERS)?.length ?? 0;
  if (controls > sample.length * 0.02) throw new ImportError(fileName, 'this is not a text file (it is mostly control characters, so it is binary data)');
}

/**
 * Not valid UTF-8. Either UTF-8 with a few damaged bytes (truncated at the end, or a
 * stray byte), which we keep as UTF-8 with a warning, or a legacy single-byte text.
 * Only Windows-1252 is accepted: any other code page decoded as 1252 is mojibake.
 */
function utf8OrLegacy(bytes: Uint8Array, fileName: string): DecodedText {
  const { valid, invalid, truncatedTail } = scanUtf8(bytes);
  if (invalid === 0 && truncatedTail > 0) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, bytes.length - truncatedTail));
    return { text, encoding: 'utf-8', bom: false, warnings: ['the file ends in the middle of a character (truncated?); the incomplete character was dropped'] };
  }
  if (valid > 0) {
    // A transcript pasted together from two editors: decoding all of it either way garbles half.
    const mixed = decodeMixed(bytes);
    if (mixed !== null) {
      return {
        text: mixed.text,
        encoding: 'utf-8',
        bom: false,
        warnings: [
          `the file mixes UTF-8 with ${mixed.strays} byte${mixed.strays === 1 ? '' : 's'} of Windows-1252 text (pasted from another editor?); each part was read in its own encoding, so check its accented characters`,
        ],
      };
    }
  }
  if (valid > 0 && valid >= invalid * 4) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return {
      text,
      encoding: 'utf-8',
      bom: false,
      warnings: [`${invalid} damaged byte${invalid === 1 ? '' : 's'} in otherwise UTF-8 text ${invalid === 1 ? 'was' : 'were'} replaced by �`],
    };
  }
  let high = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    // Bytes Windows-1252 leaves undefined: their presence means some other encoding.
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) high = Infinity;
  }
  if (high > bytes.length * 0.3) {
    throw new ImportError(
      fileName,
      'the text encoding is not UTF-8, UTF-16 or Windows-1252 and cannot be read without garbling it; save the file as UTF-8 and import again',
    );
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false, warnings: [] };
}

/** 0x80-0x9F of Windows-1252 (the rest equals Latin-1). Node's TextDecoder treats the label as Latin-1, so decode it ourselves. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Windows-1252 leaves these undefined: a stray byte among them means some other encoding. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252; null when a stray byte cannot be 1252. */
function decodeMixed(bytes: Uint8Array): { text: string; strays: number } | null {
  const utf8Decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let runStart = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; ) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      i += len;
      continue;
    }
    const b = bytes[i]!;
    if (CP1252_UNDEFINED.has(b)) return null;
    parts.push(utf8Decoder.decode(bytes.subarray(runStart, i)), decodeWindows1252(bytes.subarray(i, i + 1)));
    i++;
    strays++;
    runStart = i;
  }
  parts.push(utf8Decoder.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), strays };
}

/** Length of the well-formed UTF-8 sequence at i (1 for ASCII), or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong forms and surrogates are not UTF-8 either (TextDecoder would turn them into U+FFFD).
  const b1 = bytes[i + 1]!;
  if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
  return len;
}

function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number; truncatedTail: number } {
  let valid = 0;
  let invalid = 0;
  let truncatedTail = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    while (k < len && i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (k === len) {
      valid++;
      i += len;
    } else if (i + k === bytes.length) {
      truncatedTail = k;
      i += k;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid, truncatedTail };
}
