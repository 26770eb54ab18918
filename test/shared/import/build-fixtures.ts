/**
 * Small documents built in the test from code, so every fixture is ours, tiny, and
 * written by the same tools researchers' files come from (the docx library writes
 * real Word XML, exceljs real workbooks).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export async function buildDocx(paragraphs: (string | { bold: string; text: string })[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map((p) =>
          typeof p === 'string'
            ? new Paragraph({ children: [new TextRun(p)] })
            : new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: p.bold, bold: true }), new TextRun({ text: p.text, italics: true })] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function buildOdt(paragraphsXml: string[]): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>${paragraphsXml.join('\n')}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
}

export async function buildXlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Transcript');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A .docx with hand-written document XML, for what the docx library does not write (tracked changes, fields). */
export function buildRawDocx(bodyXml: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${bodyXml}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}

/** A hostile zip: rewrites the sizes an entry declares, in the central directory and its local header alike. */
export function declareEntrySizes(zip: Uint8Array, entry: string, size: number, compressed?: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 30; i++) {
    const signature = view.getUint32(i, true);
    const central = signature === 0x02014b50;
    if (!central && signature !== 0x04034b50) continue;
    const nameAt = i + (central ? 46 : 30);
    const name = new TextDecoder().decode(out.subarray(nameAt, nameAt + view.getUint16(i + (central ? 28 : 26), true)));
    if (name !== entry) continue;
    const sizes = i + (central ? 20 : 18);
    view.setUint32(sizes + 4, size, true);
    if (compressed !== undefined) view.setUint32(sizes, compressed, true);
  }
  return out;
}
