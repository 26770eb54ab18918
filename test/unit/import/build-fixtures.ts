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
