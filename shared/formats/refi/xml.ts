/**
 * Just enough XML for REFI-QDA: a small element tree over the one tokenizer
 * (formats/xml-scan.ts, which holds the safety limits: no DOCTYPE or entity
 * declarations, so no external entities or expansion bombs; bounded depth), and
 * escaping for the writer.
 *
 * The tree matches on local names and ignores namespaces, because producers spell
 * the REFI namespace several ways (or leave it out).
 */
import { MAX_DEPTH, XmlScanError, scanXml } from '../xml-scan';

export { decodeXmlBytes } from '../../import/decode';

export class XmlError extends Error {
  override name = 'XmlError';
}

export interface XmlElement {
  /** Local name, prefix stripped. */
  name: string;
  /** The default namespace declared on this element, if any. */
  xmlns?: string;
  /** Attributes by local name (namespace declarations left out). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element. */
  text: string;
  line: number;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function parseXml(source: string, fileName: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  // Line numbers for messages, counted as the tags come: the next line end is remembered, so the text is searched once.
  let line = 1;
  let nextLineEnd = source.indexOf('\n');
  const lineAt = (at: number) => {
    while (nextLineEnd !== -1 && nextLineEnd < at) {
      line++;
      nextLineEnd = source.indexOf('\n', nextLineEnd + 1);
    }
    return line;
  };
  try {
    scanXml(source, {
      open: (tag) => {
        const attrs: Record<string, string> = {};
        let xmlns: string | undefined;
        for (const [qname, value] of tag.attributes()) {
          if (qname === 'xmlns') xmlns = value;
          else if (!qname.startsWith('xmlns:')) attrs[localName(qname)] = value;
        }
        const el: XmlElement = { name: localName(tag.name), attrs, children: [], text: '', line: lineAt(tag.start) };
        if (xmlns !== undefined) el.xmlns = xmlns;
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(el);
        else root ??= el;
        stack.push(el);
      },
      text: (text) => {
        const top = stack[stack.length - 1];
        if (top) top.text = top.text === '' ? text : top.text + text;
      },
      close: () => {
        stack.pop();
      },
    });
  } catch (error) {
    if (!(error instanceof XmlScanError)) throw error;
    if (error.kind === 'doctype')
      throw new XmlError(
        `${fileName} declares a DOCTYPE or ENTITY; refusing it because such declarations can read local files or expand without limit (XXE, "billion laughs"), and REFI-QDA files never need them`,
      );
    if (error.kind === 'too-deep') throw new XmlError(`${fileName} nests elements more than ${MAX_DEPTH} deep (line ${stack[stack.length - 1]?.line ?? line}); refusing it, no REFI-QDA file needs that`);
    throw new XmlError(`${fileName} is not well-formed XML: ${error.message}`);
  }
  if (!root) throw new XmlError(`${fileName} holds no XML element`);
  return root;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Characters XML 1.0 cannot hold at all, even escaped (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL, '');
}

/** Anything escaping or stripping would touch; most values (GUIDs, numbers, plain names) have none. */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\x00-\x1f\ud800-\udfff\ufffe\uffff]/;

export function escapeText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripIllegalXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values also escape quotes and keep tabs and line breaks, which parsers would otherwise fold into spaces. */
export function escapeAttr(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Builds indented XML; attributes with undefined values are left out rather than written empty. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private depth = 0;

  private attrs(attrs: Record<string, string | number | boolean | undefined>): string {
    let out = '';
    for (const key in attrs) {
      const value = attrs[key];
      if (value === undefined) continue;
      out += ` ${key}="${escapeAttr(String(value))}"`;
    }
    return out;
  }

  /** Indentation by depth, made once per depth rather than once per element. */
  private readonly indents: string[] = [''];

  private indent(): string {
    return (this.indents[this.depth] ??= '  '.repeat(this.depth));
  }

  open(name: string, attrs: Record<string, string | number | boolean | undefined> = {}): void {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}>\n`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.parts.push(`${this.indent()}</${name}>\n`);
  }

  empty(name: string, attrs: Record<string, string | number | boolean | undefined> = {}): void {
    this.parts.push(`${this.indent()}<${name}${this.attrs(attrs)}/>\n`);
  }

  /** An element holding only text; its content is written verbatim (no indentation added). */
  textElement(name: string, text: string): void {
    this.parts.push(`${this.indent()}<${name}>${escapeText(text)}</${name}>\n`);
  }

  toString(): string {
    return this.parts.join('');
  }
}
