/**
 * Word .docx to plain paragraphs for a transcript: the text Word shows (formats/docx-text.ts
 * holds the rule), blank paragraphs dropped, blanks at line ends trimmed, paragraphs apart
 * by a blank line. A direct read with fflate and a small strict tokenizer is many times
 * faster than a full document model and runs unchanged in the CLI and the import worker.
 */
import { docxParagraphs } from '../formats/docx-text';
import { XmlScanError } from '../formats/xml-scan';
import { normalizeText } from '../model/positions';
import { decodeXmlBytes } from './decode';
import { ImportError } from './errors';
import { openZip } from './zip';

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<string> {
  const parts = openZip(bytes, fileName, 'Word document', (p) => p === 'word/document.xml');
  const document = parts['word/document.xml'];
  if (!document) throw new ImportError(fileName, 'this zip archive is not a Word document, or it is damaged (it has no word/document.xml)');
  let paragraphs;
  try {
    paragraphs = docxParagraphs(decodeXmlBytes(document));
  } catch (error) {
    if (!(error instanceof XmlScanError)) throw error;
    throw new ImportError(fileName, `the file is damaged: word/document.xml is not well-formed XML (${error.message})`);
  }
  const shown: string[] = [];
  for (const p of paragraphs) {
    if (!p.visible) continue;
    // Blanks at the end of a line go, as Word does not show them; most paragraphs have no line to trim, and are kept as built.
    shown.push(p.lineBreak || p.last === ' ' || p.last === '\t' ? p.text.replace(/[ \t]+$/gm, '') : p.text);
  }
  // Word may hold decomposed accents or carriage returns; the stored text is NFC with \n, as every import's is.
  return normalizeText(shown.join('\n\n'));
}
