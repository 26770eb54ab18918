/**
 * Word .docx to plain paragraphs, read from word/document.xml the way Word shows the
 * text: tracked insertions kept and deletions dropped, field results kept and field codes
 * dropped, tables and text boxes as their own paragraphs, formatting ignored. A direct
 * read with fflate and a small strict tokenizer (xml-scan.ts) is many times faster than a
 * full document model and runs unchanged in the CLI and in the app's import worker.
 */
import { normalizeText } from '../model/positions';
import { ImportError } from './errors';
import type { ScanHandlers, ScannedTag } from './xml-scan';
import { scanXml, XmlScanError } from './xml-scan';
import { openZip, utf8Xml } from './zip';

/** Elements whose text Word does not show: deletions, field codes, the fallback copy of drawings, comments' anchors. */
const HIDDEN = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'mc:Fallback', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference']);

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  const parts = openZip(bytes, fileName, 'Word document', (p) => p === 'word/document.xml');
  const document = parts['word/document.xml'];
  if (!document) throw new ImportError(fileName, 'this zip archive is not a Word document, or it is damaged (it has no word/document.xml)');
  const paragraphs: string[] = [];
  /** Open paragraphs, innermost last: a text box inside a paragraph is a paragraph of its own. */
  const open: OpenParagraph[] = [];
  let hidden = 0;
  let inText = false;
  /** Inside a complex field: between 'begin' and 'separate' is the code, after it the shown result. */
  const fields: ('code' | 'result')[] = [];
  const flush = (p: OpenParagraph | undefined) => {
    if (!p?.visible) return;
    // Blanks at the end of a line go, as Word does not show them; most paragraphs have no line to trim, and are kept as built.
    paragraphs.push(p.lineBreak || p.last === ' ' || p.last === '\t' ? p.text.replace(/[ \t]+$/gm, '') : p.text);
  };
  const append = (s: string) => {
    if (hidden || fields.at(-1) === 'code' || open.length === 0 || !s) return;
    open[open.length - 1]!.add(s);
  };
  const handlers: ScanHandlers = {
    open: (tag: ScannedTag) => {
      if (HIDDEN.has(tag.name)) {
        if (!tag.isSelfClosing) hidden++;
        return;
      }
      switch (tag.name) {
        case 'w:p':
          open.push(new OpenParagraph());
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          // w:tab inside w:tabs (paragraph properties) defines a tab stop, not a character.
          if (!tag.attribute('w:val')) append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
        case 'w:noBreakHyphen':
          append('-');
          break;
        case 'w:fldChar': {
          const type = tag.attribute('w:fldCharType');
          if (type === 'begin') fields.push('code');
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
          else if (type === 'end') fields.pop();
          break;
        }
      }
    },
    close: (tag: ScannedTag) => {
      if (HIDDEN.has(tag.name)) {
        if (!tag.isSelfClosing) hidden--;
        return;
      }
      if (tag.name === 'w:t') inText = false;
      else if (tag.name === 'w:p') flush(open.pop());
    },
    text: (t) => {
      if (inText) append(t);
    },
  };
  try {
    scanXml(utf8Xml(document), handlers);
  } catch (error) {
    if (!(error instanceof XmlScanError)) throw error;
    throw new ImportError(fileName, `the file is damaged: word/document.xml is not well-formed XML (${error.message})`);
  }
  // Word may hold decomposed accents or carriage returns; the stored text is NFC with \n, as every import's is.
  return normalizeText(paragraphs.join('\n\n'));
}

/**
 * A paragraph being read. What it holds is noted per piece as it comes, because asking the
 * joined text (is it blank? does a line end in blanks?) would copy every paragraph once more.
 */
class OpenParagraph {
  text = '';
  /** Holds a character other than white space. */
  visible = false;
  /** Holds a line terminator, so some line inside may end in blanks. */
  lineBreak = false;
  /** The last character added. */
  last = '';

  add(piece: string): void {
    this.text += piece;
    if (!this.visible && VISIBLE.test(piece)) this.visible = true;
    if (!this.lineBreak && hasLineTerminator(piece)) this.lineBreak = true;
    this.last = piece[piece.length - 1]!;
  }
}

const VISIBLE = /\S/;
/** What the m flag's $ matches before. Four native searches: the regex, asked of every run of text, cost a tenth of reading the XML. */
function hasLineTerminator(piece: string): boolean {
  return piece.includes('\n') || piece.includes('\r') || piece.includes('\u2028') || piece.includes('\u2029');
}
