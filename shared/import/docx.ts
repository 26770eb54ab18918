/**
 * Word .docx to plain paragraphs, through mammoth (tracked changes, fields and text boxes
 * handled as Word shows them). Imported statically: the app's import worker is built as a
 * single script, which cannot load chunks on demand.
 */
import mammoth from 'mammoth';
import { ImportError } from './errors';
import { openZip } from './zip';

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  // Check the container first, so a damaged file gets our message rather than a zip library's.
  const parts = openZip(bytes, fileName, 'Word document', (p) => p === 'word/document.xml' || p === '[Content_Types].xml');
  if (!parts['word/document.xml']) throw new ImportError(fileName, 'this zip archive is not a Word document, or it is damaged (it has no word/document.xml)');
  const copy = bytes.slice();
  // mammoth reads { arrayBuffer } in its browser build and { buffer } under Node; give both.
  const input = { arrayBuffer: copy.buffer, buffer: copy } as unknown as Parameters<typeof mammoth.extractRawText>[0];
  let raw: string;
  try {
    raw = (await mammoth.extractRawText(input)).value;
  } catch (error) {
    throw new ImportError(fileName, `the Word document is damaged and cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[ \t]+$/gm, ''))
    .filter((p) => p.trim())
    .join('\n\n');
}
