/**
 * Plain text out of a .docx, for REFI sources that ship only their rich-text file.
 * One line per Word paragraph, tabs and manual breaks kept: close to what the producing
 * tool's own plain-text rendering holds.
 */
import { readZip } from '../zip';
import type { XmlElement } from './xml';
import { decodeXmlBytes, parseXml } from './xml';

/** Text Word does not show: tracked deletions, field codes, the fallback copy of drawings. */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'Fallback']);

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
      else if (c.name === 'br' || c.name === 'cr') out.push('\n');
      else if (c.name === 'p') {
        const inner: string[] = [];
        runText(c, inner);
        lines.push(inner.join(''));
      } else if (!HIDDEN.has(c.name)) runText(c, out);
    }
  };
  const stray: string[] = [];
  runText(root, stray);
  return lines.join('\n');
}
