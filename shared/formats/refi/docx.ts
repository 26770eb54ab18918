/**
 * Plain text out of a .docx, for REFI sources that ship only their rich-text file.
 * One line per Word paragraph, tabs and manual breaks kept: what NVivo's own plain-text
 * rendering of the same document holds (checked on the NVivo sample, 621k characters).
 */
import { readZip } from '../zip';
import type { XmlElement } from './xml';
import { decodeXmlBytes, parseXml } from './xml';

/**
 * Text Word does not show: tracked deletions, field codes, the fallback copy of drawings,
 * and property blocks (a <w:tab/> in paragraph properties is a tab stop, not a tab).
 */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'Fallback', 'pPr', 'rPr', 'sectPr', 'tblPr', 'trPr', 'tcPr']);

export function docxText(bytes: Uint8Array, fileName: string): string {
  const zip = readZip(bytes, fileName);
  const xml = zip.get('word/document.xml');
  if (!xml) throw new Error(`${fileName} is not a Word document (no word/document.xml)`);
  const root = parseXml(decodeXmlBytes(xml), `${fileName}:word/document.xml`);
  const lines: string[] = [];
  const runText = (el: XmlElement, out: string[]) => {
    for (const c of el.children) {
      if (c.name === 't') out.push(c.text);
      else if (c.name === 'tab') out.push('\t');
      else if (c.name === 'br' || c.name === 'cr') out.push('\r\n');
      else if (c.name === 'p') {
        const inner: string[] = [];
        runText(c, inner);
        lines.push(inner.join(''));
      } else if (!HIDDEN.has(c.name)) runText(c, out);
    }
  };
  const stray: string[] = [];
  runText(root, stray);
  // Windows line breaks, as the producers that ship .docx (NVivo, ATLAS.ti) write their plain text:
  // offset counting then tells CRLF-as-one from CRLF-as-two tools apart, and normalisation makes them \n.
  return lines.join('\r\n');
}
