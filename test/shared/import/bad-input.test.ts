/**
 * Bad files: each gets one message naming the file and the problem, the other files in
 * the batch still import, and a refused file leaves no trace in the project.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/model/changes';
import { analyzeFile, importFiles, MAX_FILE_BYTES } from '../../../shared/import';
import { strToU8, zipSync } from 'fflate';
import { buildDocx, buildXlsx, declareEntrySizes } from './build-fixtures';
import { freshProject, testContext, utf8 } from './helpers';

async function problemOf(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await analyzeFile(bytes, name);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

describe('bad input', () => {
  it('empty and whitespace-only files', async () => {
    expect(await problemOf(new Uint8Array(), 'empty.txt')).toBe('empty.txt: the file is empty');
    expect(await problemOf(utf8('\n\n  \n'), 'blank.md')).toMatch(/^blank\.md: the file is empty/);
    expect(await problemOf(utf8('WEBVTT\n\n'), 'nocues.vtt')).toMatch(/^nocues\.vtt: no WebVTT cues/);
    expect(await problemOf(utf8('a,b\n'), 'header-only.csv')).toMatch(/^header-only\.csv: the file has a header row but no data rows/);
  });

  it('binary data under a text extension', async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(await problemOf(noise, 'noise.txt')).toMatch(/^noise\.txt: this is not a text file/);
    expect(await problemOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.srt')).toMatch(/PNG image/);
  });

  it('corrupt, truncated and impostor zip containers', async () => {
    const docx = await buildDocx(['Interviewer: Hello.', 'Ana: Hi.']);
    expect(await problemOf(docx.subarray(0, Math.floor(docx.length / 2)), 'half.docx')).toMatch(/^half\.docx: the Word document is damaged or truncated/);
    expect(await problemOf(utf8('this is plain text'), 'fake.docx')).toMatch(/^fake\.docx: this is not a Word document/);
    const xlsx = await buildXlsx([['a'], ['b']]);
    expect(await problemOf(xlsx, 'renamed.docx')).toMatch(/^renamed\.docx: this zip archive is not a Word document/);
    const garbled = docx.slice();
    for (let i = 200; i < garbled.length - 200; i += 37) garbled[i] = garbled[i]! ^ 0x5a;
    expect(await problemOf(garbled, 'garbled.docx')).toMatch(/^garbled\.docx: .*damaged/);
    expect(await problemOf(xlsx.subarray(0, 300), 'cut.xlsx')).toMatch(/^cut\.xlsx: the Excel workbook is damaged or truncated/);
    expect(await problemOf(utf8('PK not really'), 'pk.odt')).toMatch(/^pk\.odt: the OpenDocument text is damaged or truncated/);
  });

  it('a document whose zip directory understates what it inflates to is refused as a zip bomb, not read cut short', async () => {
    const body = `<w:p><w:r><w:t>Interviewer: Hello.</w:t></w:r></w:p>${'<w:p/>'.repeat(2_000_000)}`;
    const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const honest = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) }, { level: 9 });
    const lying = declareEntrySizes(honest, 'word/document.xml', 4096);
    expect(await problemOf(lying, 'bomb.docx')).toBe('bomb.docx: the Word document is damaged or hostile, and refused: zip entry "word/document.xml" declares 4096 bytes but inflates to more than that (possible zip bomb)');
  });

  it('a corrupt size in a part the import does not need still reads as damaged, not as a huge file', async () => {
    const docx = await buildDocx(['Interviewer: Hello.', 'Ana: Hi.']);
    const corrupt = declareEntrySizes(docx, '[Content_Types].xml', 0xf000_0000);
    expect(await problemOf(corrupt, 'corrupt.docx')).toMatch(/^corrupt\.docx: the Word document is damaged or would unpack to more than 300 MB, which is refused \(zip entry "\[Content_Types\]\.xml" declares 3\.8 GiB/);
  });

  it('files over 100 MB are refused before parsing', async () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(await problemOf(huge, 'huge.txt')).toBe('huge.txt: the file is 100.0 MB; files over 100.0 MB are refused (split it into smaller files)');
  });

  it('undecodable text, unknown types, and row files without a text column', async () => {
    const koi8 = Uint8Array.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x20, 0xcd, 0xc9, 0xd2]);
    expect(await problemOf(koi8, 'koi8.txt')).toMatch(/^koi8\.txt: the text encoding is not UTF-8, UTF-16 or Windows-1252/);
    expect(await problemOf(utf8('x'), 'audio.mp3')).toMatch(/^audio\.mp3: files of type '\.mp3' are not supported/);
    expect(await problemOf(utf8('x'), 'old.doc')).toMatch(/save it as \.docx/);
    expect(await problemOf(utf8('id,score,group\n1,4,a\n2,5,b\n'), 'scores.csv')).toMatch(/^scores\.csv: no text column/);
  });

  it('a batch imports the good files, reports each bad one once, and the project holds nothing of the bad ones', async () => {
    const ctx = testContext();
    const project = freshProject(ctx);
    const good = utf8('Interviewer: Hello.\nAna: Hi there.\nInterviewer: Bye.');
    const files = [
      { name: 'good.txt', bytes: good },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'broken.docx', bytes: utf8('PK\u0003\u0004 nonsense') },
      { name: 'survey.csv', bytes: utf8('id,n\n1,2\n') },
      { name: 'also-good.srt', bytes: utf8('1\n00:00:01,000 --> 00:00:02,000\nHello.\n') },
    ];
    const { set, report } = await importFiles(project, ctx, files);
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual([
      ['good.txt', 'imported'],
      ['empty.txt', 'refused'],
      ['broken.docx', 'refused'],
      ['survey.csv', 'refused'],
      ['also-good.srt', 'imported'],
    ]);
    for (const f of report.files.filter((r) => r.status === 'refused')) expect(f.problem!.startsWith(`${f.fileName}: `)).toBe(true);
    const after = applyChanges(project, set);
    expect(after.sources.map((s) => s.name)).toEqual(['good', 'also-good']);
    expect(after.cases).toEqual([]);
    expect(after.attributes).toEqual([]);
  });
});
