/** One rule for the text Word shows, read the same by transcript import and by REFI-QDA sources. */
import { describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../../shared/formats/docx-text';
import { docxText } from '../../../shared/formats/refi/docx';
import { readDocx } from '../../../shared/import/docx';
import { buildRawDocx } from '../import/build-fixtures';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const body = [
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>${run('Shown ')}${run('hidden ', '<w:vanish/>')}${run('again', '<w:b/><w:vanish w:val="0"/>')}</w:p>`,
  `<w:p>${run('A')}<w:r><w:tab/><w:t>B</w:t><w:noBreakHyphen/><w:t>C</w:t><w:br/><w:t>D</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>`,
  '<w:p/>',
  `<w:p>${run('Last')}</w:p>`,
].join('');

describe('docx text', () => {
  it('hides runs formatted as hidden (w:vanish), deletions and tab stops; keeps a run whose w:vanish is switched off', () => {
    const paragraphs = docxParagraphs(`<w:document ${W}><w:body>${body}</w:body></w:document>`);
    expect(paragraphs.map((p) => p.text)).toEqual(['Shown again', 'A\tB-C\nD', '', 'Last']);
  });

  it('gives import and REFI sources the same words, each in its own layout', async () => {
    const bytes = buildRawDocx(body);
    expect(await readDocx(bytes, 'a.docx')).toBe('Shown again\n\nA\tB-C\nD\n\nLast');
    expect(docxText(bytes, 'a.docx')).toBe('Shown again\r\nA\tB-C\r\nD\r\n\r\nLast');
  });

  it('names the file and the part when document.xml is not well-formed', () => {
    expect(() => docxText(buildRawDocx('<w:p><w:r></w:p>'), 'broken.docx')).toThrow(/^broken\.docx:word\/document\.xml is not well-formed XML: <\/w:p> closes <w:r>/);
  });
});
