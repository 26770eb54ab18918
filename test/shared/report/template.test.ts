import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { rasterize } from '../../../cli/rasterize';
import { buildCodebookDocx, buildThemeReport, TemplateError } from '../../../shared/report';
import { buildStudy } from './fixture';
import { docxDom, docxPart, paragraphsInStyle } from './docx-read';

/** A house style as a user would save it from Word: Georgia headings in red, a plain Quote. */
async function houseTemplate(): Promise<Uint8Array> {
  const doc = new Document({
    styles: {
      default: { heading1: { run: { font: 'Georgia', color: 'C00000', size: 36 } } },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { font: 'Georgia', italics: false, color: '0000AA' } },
      ],
    },
    sections: [{ children: [new Paragraph({ children: [new TextRun('Template body text is not copied.')] })] }],
  });
  return Packer.pack(doc, 'uint8array');
}

function styleXml(stylesXml: string, id: string): string[] {
  return [...stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)]
    .filter((m) => m[1] === id)
    .map((m) => m[0]);
}

describe('Word templates', () => {
  it("give the report the template's styles and keep ours only where the template has none", async () => {
    const { project } = buildStudy();
    const template = { bytes: await houseTemplate(), name: 'house.dotx' };
    const bytes = await buildThemeReport(project, { groupBy: 'group' }, { rasterize, template });
    const styles = docxPart(bytes, 'word/styles.xml');
    const heading1 = styleXml(styles, 'Heading1');
    expect(heading1).toHaveLength(1);
    expect(heading1[0]).toContain('Georgia');
    expect(heading1[0]).toContain('C00000');
    const quote = styleXml(styles, 'Quote');
    expect(quote).toHaveLength(1);
    expect(quote[0]).toContain('0000AA');
    // The template has no attribution or table text style: ours stay, once each.
    expect(styleXml(styles, 'Attribution')).toHaveLength(1);
    expect(styleXml(styles, 'TableText')).toHaveLength(1);
    // The content is the report's, not the template's.
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).not.toContain('Template body text');
    expect(paragraphsInStyle(xml, 'Quote').length).toBeGreaterThan(0);
    expect([...(await docxDom(bytes)).querySelectorAll('h1')].map((h) => h.textContent)).toContain(
      'Services unavailable',
    );
  });

  it('style the codebook too, and name a file that is not a Word template', async () => {
    const { project } = buildStudy();
    const codebook = await buildCodebookDocx(project, {
      template: { bytes: await houseTemplate(), name: 'house.dotx' },
    });
    expect(styleXml(docxPart(codebook, 'word/styles.xml'), 'Heading1')[0]).toContain('Georgia');
    const notZip = { bytes: new TextEncoder().encode('hello'), name: 'notes.txt' };
    await expect(buildCodebookDocx(project, { template: notZip })).rejects.toThrow(TemplateError);
    await expect(buildCodebookDocx(project, { template: notZip })).rejects.toThrow(
      'notes.txt is not a Word document or template',
    );
    const { writeZip } = await import('../../../shared/formats/zip');
    const noStyles = { bytes: writeZip([['word/document.xml', '<w:document/>']]), name: 'empty.docx' };
    await expect(buildCodebookDocx(project, { template: noStyles })).rejects.toThrow('empty.docx has no Word styles');
  });
});
