/**
 * Plain text out of a .docx, for REFI sources that ship only their rich-text file.
 * One line per Word paragraph, tabs and manual breaks kept: what NVivo's own plain-text
 * rendering of the same document holds (checked on the NVivo sample, 621k characters).
 * What Word hides is decided in one place, formats/docx-text.ts, as for transcript import.
 */
import { docxParagraphs } from '../docx-text';
import { XmlScanError } from '../xml-scan';
import { readZip } from '../zip';
import { decodeXmlBytes } from './xml';

export function docxText(bytes: Uint8Array, fileName: string): string {
  const zip = readZip(bytes, fileName);
  const xml = zip.get('word/document.xml');
  if (!xml) throw new Error(`${fileName} is not a Word document (no word/document.xml)`);
  try {
    // Windows line breaks, as the producers that ship .docx (NVivo, ATLAS.ti) write their plain text:
    // offset counting then tells CRLF-as-one from CRLF-as-two tools apart, and normalisation makes them \n.
    return docxParagraphs(decodeXmlBytes(xml), '\r\n')
      .map((p) => p.text)
      .join('\r\n');
  } catch (error) {
    if (error instanceof XmlScanError) throw new Error(`${fileName}:word/document.xml is not well-formed XML: ${error.message}`);
    throw error;
  }
}
