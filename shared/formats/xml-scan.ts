/**
 * The one XML tokenizer: Word's parts, OpenDocument and Excel parts on import, and
 * REFI-QDA project and codebook files (refi/xml.ts builds its element tree from it).
 * It finds each '<' with the engine's native search and reads tags with sticky regexes,
 * about 4x faster than saxes, which reads character by character.
 *
 * Strict where it matters for a damaged or hostile file, and every such limit is here:
 * tags must nest and close, attributes must be quoted, references must be XML's five
 * entities or a valid character number, there is one root element, nesting is at most
 * MAX_DEPTH deep, and a document type declaration (or a stray entity declaration) is
 * refused: no Word, OpenDocument, Excel or REFI-QDA file needs one, and it is the door to
 * external entities (XXE) and entity expansion ("billion laughs"). Line ends are
 * normalised as XML requires (CR LF and CR to LF in text, white space in attribute values
 * to spaces). Not checked: the finer rules on names, characters and on where a comment
 * may appear, which a lenient reading of these files does not need. Sizes are bounded
 * before this runs, by the zip reader's limits.
 */

export class XmlScanError extends Error {
  constructor(
    message: string,
    /** What kind of refusal: a DTD and too deep nesting are refused for safety, not as damage. */
    readonly kind: 'malformed' | 'doctype' | 'too-deep' = 'malformed',
  ) {
    super(message);
  }
}

/** Deep enough for any real document or code hierarchy; shallow enough that walking a tree of it cannot overflow the stack. */
export const MAX_DEPTH = 500;

export interface ScannedTag {
  /** The qualified name, prefix included. */
  name: string;
  isSelfClosing: boolean;
  /** Where the tag's '<' is, in characters from the start of the text. */
  start: number;
  /** An attribute's value by its qualified name, references resolved; read on demand, as few tags need one. */
  attribute(name: string): string | undefined;
  /** Every attribute as [qualified name, value], in document order. */
  attributes(): [string, string][];
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
/** Sticky, read from where the last attribute ended: no copy of the tag, and no search past it. */
const ATTRIBUTE = new RegExp(`${WS}*(${NAME})${WS}*=${WS}*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const ONLY_WHITE_SPACE = /^[ \t\r\n]*$/;
const REFERENCE = /&([^&;]*)(;?)/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function scanXml(xml: string, handlers: ScanHandlers): void {
  const open: Tag[] = [];
  // XML reads CR LF and a lone CR as LF; most files have no CR at all, and pay nothing.
  const eol = xml.includes('\r') ? normalizeLineEnds : (text: string) => text;
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
        // Line ends first, so that a CR written as &#13; stays one. References are resolved even
        // when nobody listens, so a bad reference is refused the same either way.
        const lines = eol(raw);
        const text = lines.includes('&') ? resolveReferences(lines, pos) : lines;
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
      pos = closed + 1;
    } else if (next === 0x3f /* ? */) {
      pos = after(xml, '?>', lt, 'a processing instruction');
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        pos = after(xml, '-->', lt, 'a comment');
      } else if (xml.startsWith('<![CDATA[', lt)) {
        if (open.length === 0) throw new XmlScanError(`a CDATA section outside the root element at character ${lt}`);
        pos = after(xml, ']]>', lt, 'a CDATA section');
        handlers.text?.(eol(xml.slice(lt + 9, pos - 3)));
      } else if (DECLARATION.test(xml.slice(lt + 2, lt + 9))) {
        throw new XmlScanError('it declares a document type (DTD) or an entity, which no file we read needs and which can read local files or expand without limit; refused', 'doctype');
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
      const t = new Tag(xml.slice(lt + 1, nameEnd), lt, xml, nameEnd, selfClosing ? tagEnd - 2 : tagEnd - 1, selfClosing);
      if (open.length === 0 && rootSeen) throw new XmlScanError(`a second root element <${t.name}> at character ${lt}`);
      rootSeen = true;
      handlers.open?.(t);
      if (selfClosing) handlers.close?.(t);
      else if (open.push(t) > MAX_DEPTH) throw new XmlScanError(`elements nest more than ${MAX_DEPTH} deep at character ${lt}; no real file needs that`, 'too-deep');
      pos = tagEnd;
    }
  }
  if (open.length) throw new XmlScanError(`<${open[open.length - 1]!.name}> is never closed (the part ends early)`);
  if (!rootSeen) throw new XmlScanError('there is no root element');
}

const DECLARATION = /^(DOCTYPE|ENTITY)/i;

function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
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
    readonly start: number,
    private readonly xml: string,
    private readonly attributesStart: number,
    private readonly attributesEnd: number,
    readonly isSelfClosing: boolean,
  ) {}

  attribute(wanted: string): string | undefined {
    let found: string | undefined;
    this.eachAttribute((name, value) => {
      if (name !== wanted) return false;
      found = attributeValue(value);
      return true;
    });
    return found;
  }

  attributes(): [string, string][] {
    const out: [string, string][] = [];
    this.eachAttribute((name, value) => {
      out.push([name, attributeValue(value)]);
      return false;
    });
    return out;
  }

  /** Each attribute's name and raw value, until visit says it is done. The tag was checked whole, so every match lies inside it. */
  private eachAttribute(visit: (name: string, raw: string) => boolean): void {
    let at = this.attributesStart;
    while (at < this.attributesEnd) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(this.xml);
      if (!m || visit(m[1]!, m[2] ?? m[3] ?? '')) return;
      at = ATTRIBUTE.lastIndex;
    }
  }
}

/** White space written literally in a value reads as a space (CR LF as one); written as a reference it is kept. */
const VALUE_SPACE = /\r\n?|[\n\t]/g;
const HAS_VALUE_SPACE = /[\r\n\t]/;

function attributeValue(raw: string): string {
  const spaced = HAS_VALUE_SPACE.test(raw) ? raw.replace(VALUE_SPACE, ' ') : raw;
  return spaced.includes('&') ? resolveReferences(spaced, 0) : spaced;
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
