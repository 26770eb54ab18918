/** OpenDocument .odt to plain paragraphs: the text of content.xml, without styles, notes or tracked deletions. */
import type { ScannedTag } from '../formats/xml-scan';
import { normalizeText } from '../model/positions';
import { ImportError } from './errors';
import { decodeXmlBytes } from './decode';
import { openZip, walkXml } from './zip';

/** Content that is not part of the running text a reader sees. */
const SKIPPED = new Set(['text:note', 'office:annotation', 'text:tracked-changes', 'draw:frame', 'text:sequence-decls', 'office:forms']);

export function readOdt(bytes: Uint8Array, fileName: string): string {
  const parts = openZip(bytes, fileName, 'OpenDocument text', (p) => p === 'content.xml');
  const content = parts['content.xml'];
  if (!content) throw new ImportError(fileName, 'this zip archive is not an OpenDocument text, or it is damaged (it has no content.xml)');
  const paragraphs: string[] = [];
  let inBody = 0;
  let skip = 0;
  let depth = 0;
  let current = '';
  walkXml(
    decodeXmlBytes(content),
    {
      open: (tag: ScannedTag) => {
        if (tag.name === 'office:text') inBody++;
        if (!inBody) return;
        if (SKIPPED.has(tag.name)) skip++;
        if (skip) return;
        if (tag.name === 'text:p' || tag.name === 'text:h') {
          if (depth++ === 0) current = '';
        } else if (depth > 0) {
          if (tag.name === 'text:s') current += ' '.repeat(Math.min(Number(tag.attribute('text:c') ?? 1) || 1, 1000));
          else if (tag.name === 'text:tab') current += '\t';
          else if (tag.name === 'text:line-break') current += '\n';
        }
      },
      close: (tag: ScannedTag) => {
        if (tag.name === 'office:text') inBody--;
        if (!inBody) return;
        if (SKIPPED.has(tag.name)) {
          skip--;
          return;
        }
        if (skip) return;
        if ((tag.name === 'text:p' || tag.name === 'text:h') && --depth === 0 && current.trim()) paragraphs.push(current.replace(/[ \t]+$/gm, ''));
      },
      text: (t) => {
        // ODF collapses white space in the XML; spaces that count are written as <text:s/>.
        if (inBody && !skip && depth > 0) current += t.replace(/[ \t\r\n]+/g, ' ');
      },
    },
    fileName,
    'content.xml',
  );
  // The stored text is NFC with \n, as every import's is.
  return normalizeText(paragraphs.join('\n\n'));
}
