/** Text encodings: every common one decodes to the same words, anything else is refused rather than garbled. */
import { describe, expect, it } from 'vitest';
import { decodeText, ImportError } from '../../../shared/import';
import { decodeTextLeniently, decodeXmlBytes } from '../../../shared/import/decode';

const SAMPLE = 'Interviewer: Was it “fair”? It cost €20 – café, naïve.\r\nRespondent: Yes.';
const EXPECTED = SAMPLE.replace('\r\n', '\n');

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** Windows-1252 bytes for the sample, written out by hand from the code page table. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { '“': 0x93, '”': 0x94, '€': 0x80, '–': 0x96, 'é': 0xe9, 'ï': 0xef };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe('decodeText', () => {
  it('UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(SAMPLE);
    expect(decodeText(plain, 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-8', bom: false });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(withBom, 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-8', bom: true });
  });

  it('UTF-16 LE and BE, with a BOM or recognised from the zero bytes', () => {
    expect(decodeText(utf16(SAMPLE, true, true), 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16(SAMPLE, false, true), 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16(SAMPLE, true, false), 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16(SAMPLE, false, false), 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'utf-16be', bom: false });
  });

  it('Windows-1252 curly quotes, euro and accents come out right', () => {
    expect(decodeText(cp1252(SAMPLE), 'a.txt')).toMatchObject({ text: EXPECTED, encoding: 'windows-1252' });
  });

  it('a file mixing UTF-8 and Windows-1252 (pasted from two editors) reads each part in its own encoding, with a warning', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('Interviewer: café “ok” '), ...cp1252('naïve – “fair”'), ...new TextEncoder().encode(' €5')]);
    const d = decodeText(bytes, 'mix.txt');
    expect(d.text).toBe('Interviewer: café “ok” naïve – “fair” €5');
    expect(d.warnings).toEqual([expect.stringMatching(/mixes UTF-8 with 4 bytes of Windows-1252 text/)]);
  });

  it('normalises to NFC so the same word has one spelling', () => {
    const decomposed = new TextEncoder().encode('cafe\u0301');
    expect(decodeText(decomposed, 'a.txt').text).toBe('café');
  });

  it('line ends become \\n whether written CRLF, LF or a lone CR', () => {
    const bytes = new TextEncoder().encode('one\r\ntwo\rthree\nfour\r\r\nfive');
    expect(decodeText(bytes, 'a.txt').text).toBe('one\ntwo\nthree\nfour\n\nfive');
  });

  it('drops stray NUL characters wherever the decoder let them through', () => {
    // Past the sample that refuses NUL as binary, in a BOM-marked UTF-8 file, and in UTF-16.
    const long = new TextEncoder().encode('Anna: yes. '.repeat(7000) + '\0end');
    expect(long.length).toBeGreaterThan(64 * 1024);
    expect(decodeText(long, 'long.txt').text.endsWith('yes. end')).toBe(true);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Anna: yes.\0 No.')]);
    expect(decodeText(bom, 'bom.txt').text).toBe('Anna: yes. No.');
    expect(decodeText(utf16('Anna: yes.\0 No.', true, true), 'u16.txt').text).toBe('Anna: yes. No.');
    const unmarked = 'Anna: yes, I think it was fair enough.\0 No.';
    expect(decodeText(utf16(unmarked, true, false), 'u16.txt').text).toBe(unmarked.replace('\0', ''));
  });

  it('UTF-8 cut off inside a character keeps the rest and says so', () => {
    const bytes = new TextEncoder().encode('Prix: 20 €');
    const cut = bytes.subarray(0, bytes.length - 1);
    const d = decodeText(cut, 'cut.txt');
    expect(d.text).toBe('Prix: 20 ');
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings[0]).toMatch(/truncated/);
  });

  it('refuses empty files, binary data and unknown legacy encodings with the file name', () => {
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow('empty.txt: the file is empty');
    expect(() => decodeText(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toThrow(/blank\.txt: the file is empty/);
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256);
    expect(() => decodeText(binary, 'photo.txt')).toThrow(/photo\.txt: this is not a text file/);
    expect(() => decodeText(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'paper.txt')).toThrow(/PDF/);
    // Cyrillic in Windows-1251: as 1252 it would be mojibake, so it is refused.
    const cp1251 = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]);
    const error = (() => {
      try {
        decodeText(cp1251, 'russian.txt');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^russian\.txt: the text encoding is not UTF-8, UTF-16 or Windows-1252/);
  });
});

describe('decodeTextLeniently (text whose positions another tool counted)', () => {
  it('keeps the text as written: no normalisation, nothing refused, only the BOM dropped', () => {
    const utf8 = new TextEncoder().encode(`\uFEFF${SAMPLE}e\u0301`);
    expect(decodeTextLeniently(utf8, 'x.txt')).toEqual({ text: `${SAMPLE}e\u0301`, encoding: 'utf-8', bom: true, warnings: [] });
    expect(decodeTextLeniently(utf16(SAMPLE, false, true), 'x.txt')).toMatchObject({ text: SAMPLE, encoding: 'utf-16be', bom: true });
    expect(decodeTextLeniently(new Uint8Array(0), 'x.txt').text).toBe('');
  });

  it('reads what is not UTF-8 as Windows-1252 and says so, naming the file', () => {
    expect(decodeTextLeniently(cp1252(SAMPLE), 'P01 (sources/p01.txt)')).toEqual({
      text: SAMPLE,
      encoding: 'windows-1252',
      bom: false,
      warnings: ['P01 (sources/p01.txt) is not valid UTF-8; read it as Windows-1252'],
    });
  });
});

describe('decodeXmlBytes', () => {
  it('reads UTF-16 by its BOM and UTF-8 without its BOM', () => {
    expect(decodeXmlBytes(utf16('<a/>', true, true))).toBe('<a/>');
    expect(decodeXmlBytes(new TextEncoder().encode('\uFEFF<a>é</a>'))).toBe('<a>é</a>');
  });
});
