/**
 * The text of a Word document's word/document.xml as Word shows it, paragraph by
 * paragraph: the one rule for what is hidden, used by transcript import
 * (import/docx.ts) and by REFI-QDA sources that ship only their Word file (refi/docx.ts).
 *
 * Shown: the runs' text, tabs, manual line breaks, non-breaking hyphens, tracked
 * insertions, field results, text boxes (as paragraphs of their own, before the
 * paragraph holding them). Hidden: tracked deletions and moves away, field codes (both
 * w:instrText and whatever lies between a field's begin and separate), the fallback
 * copy of drawings, note and comment references, property blocks (a w:tab there is a
 * tab stop, not a tab), and runs formatted as hidden (w:vanish), which Word neither
 * shows nor prints by default.
 */
import type { ScanHandlers, ScannedTag } from './xml-scan';
import { scanXml } from './xml-scan';

const HIDDEN = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'mc:Fallback',
  'w:commentReference',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:pPr',
  'w:rPr',
  'w:sectPr',
  'w:tblPr',
  'w:trPr',
  'w:tcPr',
]);

/**
 * The paragraphs of a document part, in reading order, empty ones included; a manual line
 * break is written as lineBreak. Throws XmlScanError when the part is not well-formed.
 */
export function docxParagraphs(documentXml: string, lineBreak = '\n'): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  /** Open paragraphs, innermost last: a text box inside a paragraph is a paragraph of its own. */
  const open: DocxParagraph[] = [];
  let hidden = 0;
  let inText = false;
  /** Inside a run whose own properties say w:vanish; its properties come before its text. */
  let inRun = false;
  let runProperties = false;
  let runVanished = false;
  /** Inside a complex field: between 'begin' and 'separate' is the code, after it the shown result. */
  const fields: ('code' | 'result')[] = [];
  const append = (s: string) => {
    if (hidden || runVanished || fields.at(-1) === 'code' || open.length === 0 || !s) return;
    open[open.length - 1]!.add(s);
  };
  const handlers: ScanHandlers = {
    open: (tag: ScannedTag) => {
      if (HIDDEN.has(tag.name)) {
        // A run's own properties are hidden but read for w:vanish; the paragraph mark's (inside w:pPr) are not the run's.
        if (tag.name === 'w:rPr' && inRun && hidden === 0) runProperties = true;
        if (!tag.isSelfClosing) hidden++;
        return;
      }
      switch (tag.name) {
        case 'w:p':
          open.push(new DocxParagraph());
          break;
        case 'w:r':
          inRun = true;
          runVanished = false;
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:vanish':
        case 'w:specVanish':
          if (runProperties && !/^(0|false|off)$/.test(tag.attribute('w:val') ?? '')) runVanished = true;
          break;
        case 'w:tab':
          append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          append(lineBreak);
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
        if (tag.name === 'w:rPr') runProperties = false;
        return;
      }
      if (tag.name === 'w:t') inText = false;
      else if (tag.name === 'w:r') inRun = runVanished = false;
      else if (tag.name === 'w:p') {
        const p = open.pop();
        if (p) paragraphs.push(p);
      }
    },
    text: (t) => {
      if (inText) append(t);
    },
  };
  scanXml(documentXml, handlers);
  return paragraphs;
}

/**
 * A paragraph's text. What it holds is noted per piece as it comes, because asking the
 * joined text (is it blank? does a line end in blanks?) would copy every paragraph once more.
 */
export class DocxParagraph {
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
