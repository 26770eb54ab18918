/**
 * A small, strict XML tokenizer for the one part that dominates a transcript import:
 * Word's word/document.xml. saxes reads it character by character and was most of a Word
 * import (about 20 ms of the 40 Word files in the benchmark study, where unzipping and
 * decoding them take 14 ms); this finds each '<' with the engine's native search and
 * reads tags with sticky regexes, about 4x faster.
 *
 * Still strict where it matters for a damaged or hostile file: tags must nest and close,
 * attributes must be quoted, references must be XML's five entities or a valid character
 * number, there is one root element, and a document type declaration is refused (Word
 * never writes one, and refusing it rules out entity-expansion attacks). Not checked:
 * the finer rules on names and on where a comment may appear, which a well-formed
 * reading of a Word document does not need. Other parts (.odt, .xlsx, REFI-QDA) still
 * go through saxes.
 */

export class XmlScanError extends Error {}

export interface ScannedTag {
  name: string;
  isSelfClosing: boolean;
  /** An attribute's value by its qualified name, references resolved; read on demand, as few tags need one. */
  attribute(name: string): string | undefined;
}

export interface ScanHandlers {
  open?: (tag: ScannedTag) => void;
  /** Called with the tag its opening reported, and for self-closing tags too, as saxes does. */
  close?: (tag: ScannedTag) => void;
  text?: (text: string) => void;
}

const WS = '[ \\t\\r\\n]';
const NAME = `[^ \\t\\r\\n/>"'=<&!?]+`;
/** Tested, not executed: a match array per tag was most of a Word import's garbage. */
const OPEN_TAG = new RegExp(`<${NAME}(?:${WS}+${NAME}${WS}*=${WS}*(?:"[^"<]*"|'[^'<]*'))*${WS}*/?>`, 'y');
/** Only to name a closing tag in an error message. */
const CLOSE_TAG = new RegExp(`</(${NAME})${WS}*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})${WS}*=${WS}*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const ONLY_WHITE_SPACE = /^[ \t\r\n]*$/;
const REFERENCE = /&([^&;]*)(;?)/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function scanXml(xml: string, handlers: ScanHandlers): void {
  const open: Tag[] = [];
  let rootSeen = false;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    const end = lt === -1 ? xml.length : lt;
    if (end > pos) {
      const raw = xml.slice(pos, end);
      if (open.length === 0) {
        if (!ONLY_WHITE_SPACE.test(raw)) throw new XmlScanError(`text outside the root element at character ${pos}`);
      } else {
        // Resolved even when nobody listens, so a bad reference is refused the same either way.
        const text = raw.includes('&') ? resolveReferences(raw, pos) : raw;
        handlers.text?.(text);
      }
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const expected = open.pop();
      const closed = expected && xml.startsWith(expected.name, lt + 2) ? closingBracket(xml, lt + 2 + expected.name.length) : -1;
      if (closed === -1) throw mismatch(xml, lt, expected);
      handlers.close?.(expected!);
      pos = closed + 1;    } else if (next === 0x3f /* ? */) {
      pos = after(xml, '?>', lt, 'a processing instruction');
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        pos = after(xml, '-->', lt, 'a comment');
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (open.length === 0) throw new XmlScanError(`a CDATA section outside the root element at character ${lt}`);
        pos = after(xml, ']]>', lt, 'a CDATA section');
        handlers.text?.(xml.slice(lt + 9, pos - 3));
      } else if (xml.startsWith('<!DOCTYPE', lt)) {
        throw new XmlScanError('it declares a document type (DTD), which Word never writes; refused');
      } else {
        throw new XmlScanError(`an unknown declaration at character ${lt}`);
      }
    } else {
      OPEN_TAG.lastIndex = lt;
      if (!OPEN_TAG.test(xml)) throw new XmlScanError(`a malformed tag at character ${lt}`);
      const tagEnd = OPEN_TAG.lastIndex;
      let nameEnd = lt + 1;
      while (!endsName(xml.charCodeAt(nameEnd))) nameEnd++;
      const selfClosing = xml.charCodeAt(tagEnd - 2) === 0x2f;
      const t = new Tag(xml.slice(lt + 1, nameEnd), xml, nameEnd, selfClosing ? tagEnd - 2 : tagEnd - 1, selfClosing);
      if (open.length === 0 && rootSeen) throw new XmlScanError(`a second root element <${t.name}> at character ${lt}`);
      rootSeen = true;
      handlers.open?.(t);
      if (selfClosing) handlers.close?.(t);
      else open.push(t);
      pos = tagEnd;
    }
  }
  if (open.length) throw new XmlScanError(`<${open[open.length - 1]!.name}> is never closed (the part ends early)`);
  if (!rootSeen) throw new XmlScanError('there is no root element');
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const endsName = (c: number) => isSpace(c) || c === 0x2f || c === 0x3e || Number.isNaN(c);

/** Where the '>' of a closing tag is, after its name and any white space; -1 when the name goes on or the tag is malformed. */
function closingBracket(xml: string, at: number): number {
  let i = at;
  while (isSpace(xml.charCodeAt(i))) i++;
  return xml.charCodeAt(i) === 0x3e ? i : -1;
}

function mismatch(xml: string, lt: number, expected: Tag | undefined): XmlScanError {
  CLOSE_TAG.lastIndex = lt;
  const name = CLOSE_TAG.exec(xml)?.[1];
  if (name === undefined) return new XmlScanError(`a malformed closing tag at character ${lt}`);
  return new XmlScanError(expected ? `</${name}> closes <${expected.name}> at character ${lt}` : `</${name}> closes nothing at character ${lt}`);
}

function after(xml: string, terminator: string, from: number, what: string): number {
  const at = xml.indexOf(terminator, from);
  if (at === -1) throw new XmlScanError(`${what} at character ${from} is never closed`);
  return at + terminator.length;
}

/** A class, not an object with an arrow function: one closure per tag (and tsx's name helper on each) cost more than the scan. */
class Tag implements ScannedTag {
  constructor(
    readonly name: string,
    private readonly xml: string,
    private readonly attributesStart: number,
    private readonly attributesEnd: number,
    readonly isSelfClosing: boolean,
  ) {}

  attribute(wanted: string): string | undefined {
    if (this.attributesEnd <= this.attributesStart) return undefined;
    for (const m of this.xml.slice(this.attributesStart, this.attributesEnd).matchAll(ATTRIBUTE)) {
      if (m[1] === wanted) {
        const value = m[2] ?? m[3] ?? '';
        return value.includes('&') ? resolveReferences(value, 0) : value;
      }
    }
    return undefined;
  }
}

function resolveReferences(text: string, offset: number): string {
  return text.replace(REFERENCE, (whole, ref: string, semicolon: string, at: number) => {
    const where = offset + at;
    if (!semicolon) throw new XmlScanError(`a bare '&' at character ${where}`);
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const code = /^#[0-9]{1,7}$/.test(ref)
      ? Number(ref.slice(1))
      : /^#x[0-9a-fA-F]{1,6}$/.test(ref)
        ? parseInt(ref.slice(2), 16)
        : NaN;
    if (!isXmlChar(code)) throw new XmlScanError(`an unknown reference ${whole} at character ${where}`);
    return String.fromCodePoint(code);
  });
}

/** The characters XML 1.0 allows, which a character reference must name. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
