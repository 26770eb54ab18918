/** Other tools' deviations from the standard, each as the smallest file that shows it. */
import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readQdpx, readQdc, writeQde, writeQdpx } from '../../../../shared/formats/refi';
import type { ReadOptions } from '../../../../shared/formats/refi';
import { richProject } from './helpers';

const G = {
  user: '{AAAAAAAA-0000-4000-8000-000000000001}',
  code: 'BBBBBBBB-0000-4000-8000-000000000002',
  code2: 'bbbbbbbb-0000-4000-8000-000000000003',
  src: 'CCCCCCCC-0000-4000-8000-000000000004',
  sel: 'DDDDDDDD-0000-4000-8000-000000000005',
  coding: 'EEEEEEEE-0000-4000-8000-000000000006',
  note: 'FFFFFFFF-0000-4000-8000-000000000007',
  variable: '11111111-0000-4000-8000-000000000008',
  case: '22222222-0000-4000-8000-000000000009',
};

function project(body: string, attrs = 'origin="SomeTool 1.0" name="Study"', ns = 'xmlns="urn:QDA-XML:project:1.0"'): string {
  return `<?xml version="1.0" encoding="utf-8"?><Project ${ns} ${attrs}>${body}</Project>`;
}

function qdpx(qde: string, files: Record<string, string | Uint8Array> = {}, qdeName = 'project.qde'): Uint8Array {
  const entries: Record<string, Uint8Array> = { [qdeName]: strToU8(qde) };
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(entries);
}

const users = `<Users><User guid="${G.user}" name="Ana"/></Users>`;
const codebook = `<CodeBook><Codes><Code guid="${G.code}" name="Housing" isCodable="true" color="rgb(255, 0, 128)"><Description>Where people sleep</Description><Code guid="${G.code2}" name="Shelter" color="#F0A"/></Code></Codes></CodeBook>`;
const text = 'Ana: We waited three months.\nBob: The shelter was full.';
function selection(start: number, end: number, name = '', code = G.code): string {
  return `<PlainTextSelection guid="${G.sel}" startPosition="${start}" endPosition="${end}"${name ? ` name="${name}"` : ''}><Coding guid="${G.coding}" creatingUser="${G.user.toLowerCase()}"><CodeRef targetGUID="{${code.toLowerCase()}}"/></Coding></PlainTextSelection>`;
}
function textSource(path: string, inner = selection(text.indexOf('three'), text.indexOf('three') + 12)): string {
  return `<Sources><TextSource guid="${G.src}" name="Interview" plainTextPath="${path}">${inner}</TextSource></Sources>`;
}

function read(bytes: Uint8Array, opts: ReadOptions = {}) {
  return readQdpx(bytes, 'foreign.qdpx', { now: '2026-11-27T10:00:00Z', ...opts });
}

function codedText(result: ReturnType<typeof read>): string[] {
  const { project } = result;
  return project.codings.map((c) => project.sources.find((s) => s.id === c.sourceId)!.text.slice(c.start, c.end));
}

describe('tolerant REFI-QDA import', () => {
  it('accepts namespace typos, no namespace and prefixed elements', () => {
    const body = users + codebook + textSource('internal://a.txt');
    for (const qde of [
      project(body, undefined, 'xmlns="urn:QDA-XML:project:1:0"'),
      project(body, undefined, ''),
      `<q:Project xmlns:q="urn:QDA-XML:project:1.0" origin="X" name="Study">${body.replace(/<(\/?)(\w)/g, '<$1q:$2')}</q:Project>`,
    ]) {
      const result = read(qdpx(qde, { 'sources/a.txt': text }));
      expect(codedText(result)).toEqual(['three months']);
      expect(result.project.codes.map((c) => c.name)).toEqual(['Housing', 'Shelter']);
    }
  });

  it('normalises GUID case and braces and resolves references either way', () => {
    const { project: p } = read(qdpx(project(users + codebook + textSource('internal://a.txt')), { 'sources/a.txt': text }));
    expect(p.coders[0]!.id).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(p.codings[0]).toMatchObject({
      id: G.coding.toLowerCase(), codeId: G.code.toLowerCase(), coderId: 'aaaaaaaa-0000-4000-8000-000000000001', sourceId: G.src.toLowerCase(),
    });
  });

  it('reads rgb() and #RGB colours, and a missing isCodable as codable', () => {
    const { project: p, report } = read(qdpx(project(codebook.replace('rgb(255, 0, 128)', 'not-a-colour'))));
    expect(p.codes[1]!.color).toBe('#ff00aa');
    expect(p.codes[1]!.codable).toBe(true);
    expect(report.warnings.join('\n')).toMatch(/unreadable colour "not-a-colour"/);
    expect(read(qdpx(project(codebook))).project.codes[0]!.color).toBe('#ff0080');
    expect(p.codes[0]!.definition).toBe('Where people sleep');
  });

  it('finds text files under Sources/, with no scheme, and in a .qde named after the project', () => {
    const bytes = qdpx(project(users + codebook + textSource('a.txt')), { 'Sources/A.TXT': text }, 'My Study.qde');
    expect(codedText(read(bytes))).toEqual(['three months']);
  });

  it('reads relative:// and absolute paths through the caller only, and keeps them as they are otherwise', () => {
    const qde = project(users + codebook + textSource('relative://texts/a.txt'), 'name="S" basePath="/data/study"');
    const skipped = read(qdpx(qde));
    expect(skipped.project.sources).toEqual([]);
    expect(skipped.report.kept?.[0]).toMatchObject({ kind: 'TextSource', name: 'Interview' });
    expect(skipped.report.kept?.[0]!.reason).toMatch(/relative:\/\/texts\/a\.txt is not in foreign\.qdpx \(with its 1 coding\)/);
    const asked: string[] = [];
    const found = read(qdpx(qde), { readExternal: (p) => (asked.push(p), p === '/data/study/texts/a.txt' ? strToU8(text) : undefined) });
    expect(asked).toEqual(['/data/study/texts/a.txt']);
    expect(codedText(found)).toEqual(['three months']);
  });

  it('reads PlainTextContent, BOMs, unknown elements and missing optional attributes', () => {
    const qde = project(
      `<Extension vendor="x"><Whatever/></Extension>${codebook}<Sources><TextSource guid="${G.src}"><Description/><PlainTextContent>${text}</PlainTextContent>${selection(0, 3).replace(` creatingUser="${G.user.toLowerCase()}"`, '')}<Unknown/></TextSource></Sources>`,
      'name="S"',
    );
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(qde)]);
    const { project: p, report } = read(qdpx(new TextDecoder().decode(bom)));
    expect(p.sources[0]!.name).toBe('Source 1');
    expect(p.sources[0]!.text).toBe(text);
    expect(codedText({ project: p, report })).toEqual(['Ana']);
    expect(p.coders).toHaveLength(1);
    expect(report.warnings.join('\n')).toMatch(/names no users/);
    const bare = read(bom);
    expect(bare.project.sources[0]!.text).toBe(text);
  });

  it('strips a BOM from a text file and counts NVivo offsets after it', () => {
    const crlf = `\ufeff${text.replace('\n', '\r\n')} 😀 end`;
    const start = crlf.indexOf('shelter') - 1; // NVivo counts after the BOM
    const qde = project(users + codebook + textSource('internal://a.txt', selection(start, start + 7)), 'origin="NVivo for Windows 12.6" name="S"');
    const result = read(qdpx(qde, { 'sources/a.txt': crlf }));
    expect(codedText(result)).toEqual(['shelter']);
    expect(result.project.sources[0]!.text.startsWith('Ana:')).toBe(true);
  });

  it('reads a text file that is not UTF-8 as Windows-1252, and says so', () => {
    const latin1 = new Uint8Array([...'Ana: caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x96, 0x20, 0x6f, 0x6b]));
    const { project: p, report } = read(qdpx(project(users + codebook + textSource('internal://a.txt', selection(5, 9))), { 'sources/a.txt': latin1 }));
    expect(p.sources[0]!.text).toBe('Ana: café – ok');
    expect(codedText({ project: p, report })).toEqual(['café']);
    expect(report.warnings.join('\n')).toMatch(/not valid UTF-8; read it as Windows-1252/);
  });

  it('takes the text from the .docx when the plain-text file is missing', () => {
    const documentXml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
      <w:p><w:r><w:t>Ana: We waited </w:t></w:r><w:r><w:t>three months.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Bob: The shelter was full.</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml) });
    const qde = project(
      users + codebook + `<Sources><TextSource guid="${G.src}" name="Interview" plainTextPath="internal://a.txt" richTextPath="internal://a.docx">${selection(15, 27)}</TextSource></Sources>`,
    );
    const result = read(qdpx(qde, { 'sources/a.docx': docx }));
    expect(result.project.sources[0]!.text).toBe(text);
    expect(codedText(result)).toEqual(['three months']);
    expect(result.report.warnings.join('\n')).toMatch(/no plain-text file; took its text from sources\/a\.docx/);
  });

  it('keeps an uncoded selection with its comment as it is, to write it back', () => {
    const uncoded = `<PlainTextSelection guid="${G.sel}" startPosition="0" endPosition="3" name="Ana"><Description>Who is Ana?</Description></PlainTextSelection>`;
    const { project: p, report } = read(qdpx(project(users + codebook + textSource('internal://a.txt', uncoded)), { 'sources/a.txt': text }));
    expect(p.codings).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.kept).toEqual([{ kind: 'PlainTextSelection', name: 'Ana', reason: expect.stringMatching(/no code is applied.*comment stays with it/) }]);
    expect(p.memos).toEqual([]);
    expect(writeQde(p)).toContain('<Description>Who is Ana?</Description>');
  });

  it('reports an out-of-range selection instead of clipping it, and keeps it as it is', () => {
    const qde = project(users + codebook + textSource('internal://a.txt', selection(40, 500)));
    const { project: p, report } = read(qdpx(qde, { 'sources/a.txt': text }));
    expect(p.codings).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.kept).toHaveLength(1);
    expect(writeQde(p)).toMatch(/startPosition="40" endPosition="500"/);
    expect(report.kept![0]!.reason).toMatch(new RegExp(`positions 40-500 fall outside the text \\(0-${text.length} .*\\); not clipped`));
  });

  it('reads ATLAS.ti offsets (code points, CRLF as one) and checks them against the names', () => {
    const raw = 'Q: Olá 😀\r\nA: Não há vagas no abrigo.\r\nQ: E depois?';
    const lf = raw.replace(/\r\n/g, '\n');
    const start = Array.from(lf.slice(0, lf.indexOf('Não'))).length;
    const end = start + Array.from('Não há vagas').length;
    const qde = project(users + codebook + textSource('internal://a.txt', selection(start, end, 'Não há vagas')), 'origin="ATLAS.ti 9.1" name="S"');
    const result = read(qdpx(qde, { 'sources/a.txt': raw }));
    expect(codedText(result)).toEqual(['Não há vagas']);
    expect(result.report.positions).toMatchObject({ mode: { unit: 'codepoint', crlf: 1 }, chosenBy: 'origin' });
    expect(result.report.positions!.evidence).toMatch(/1\/1 names match/);
  });

  it('switches counting when the origin is wrong and the names say so', () => {
    const raw = 'Olá 😀 😀 😀 mundo bonito e grande';
    const start = raw.indexOf('mundo'); // UTF-16 units, though the origin claims ATLAS.ti
    const sels = ['mundo', 'bonito', 'grande'].map((w, i) => {
      const s = raw.indexOf(w);
      return selection(s, s + w.length, w).replace(G.sel, G.sel.replace(/5$/, String(i))).replace(G.coding, G.coding.replace(/6$/, String(i)));
    });
    const qde = project(users + codebook + textSource('internal://a.txt', sels.join('')), 'origin="ATLAS.ti 9.1" name="S"');
    const result = read(qdpx(qde, { 'sources/a.txt': raw }));
    expect(result.report.positions).toMatchObject({ mode: { unit: 'utf16' }, chosenBy: 'heuristics' });
    expect(codedText(result)).toEqual(['mundo', 'bonito', 'grande']);
    expect(start).toBeGreaterThan(0);
  });

  it('keeps QualCoder file attributes (on a new case) and whole-source codings', () => {
    const qde = project(
      users + codebook +
        `<Variables><Variable guid="${G.variable}" name="Site" typeOfVariable="Text"/></Variables>` +
        `<Sources><TextSource guid="${G.src}" name="Interview" plainTextPath="internal://a.txt"><Coding guid="${G.coding}"><CodeRef targetGUID="${G.code}"/></Coding>` +
        `<VariableValue><VariableRef targetGUID="${G.variable}"/><TextValue>Site A</TextValue></VariableValue></TextSource></Sources>`,
      'origin="QualCoder 3.5" name="S"',
    );
    const { project: p, report } = read(qdpx(qde, { 'sources/a.txt': text }));
    expect(p.cases).toHaveLength(1);
    expect(p.sources[0]!.caseId).toBe(p.cases[0]!.id);
    expect(p.cases[0]!.values).toEqual({ [G.variable]: 'Site A' });
    expect(codedText({ project: p, report })).toEqual([text]);
  });

  it('gives an element whose GUID was already declared a new one, keeping references on the first', () => {
    const twice = selection(0, 3) + selection(text.indexOf('three'), text.indexOf('three') + 12);
    const { project: p, report } = read(qdpx(project(users + codebook + textSource('internal://a.txt', twice)), { 'sources/a.txt': text }));
    expect(new Set(p.codings.map((c) => c.id)).size).toBe(2);
    expect(codedText({ project: p, report })).toEqual(['Ana', 'three months']);
    expect(report.warnings.join('\n')).toMatch(/Coding GUID .* is declared more than once/);
  });

  it('gives a case that reuses a code GUID (NVivo) its own id', () => {
    const qde = project(users + codebook + `<Cases><Case guid="${G.code}" name="P01"><SourceRef targetGUID="${G.src}"/></Case></Cases>` + textSource('internal://a.txt'));
    const { project: p } = read(qdpx(qde, { 'sources/a.txt': text }));
    expect(p.cases[0]!.id).not.toBe(p.codes[0]!.id);
    expect(p.sources[0]!.caseId).toBe(p.cases[0]!.id);
    expect(p.codings[0]!.codeId).toBe(p.codes[0]!.id);
  });

  it('attaches notes where the file points at them: NoteRef on a selection, Link from a note, or the project', () => {
    const sel = selection(text.indexOf('three'), text.indexOf('three') + 12).replace('</PlainTextSelection>', `<NoteRef targetGUID="${G.note}"/></PlainTextSelection>`);
    const notes = `<Notes><Note guid="${G.note}" name="Annotation"><PlainTextContent>Long wait &amp; no beds</PlainTextContent></Note><Note guid="${G.variable}"><PlainTextContent>Linked</PlainTextContent></Note><Note guid="${G.case}" name="Loose"><PlainTextContent>Free</PlainTextContent></Note></Notes>`;
    const links = `<Links><Link guid="33333333-0000-4000-8000-000000000001" originGUID="${G.variable}" targetGUID="${G.src}"/></Links>`;
    const qde = project(users + codebook + textSource('internal://a.txt', sel) + notes + links);
    const { project: p } = read(qdpx(qde, { 'sources/a.txt': text }));
    const byTitle = Object.fromEntries(p.memos.map((m) => [m.title, m]));
    expect(byTitle.Annotation!.target).toEqual({ kind: 'coding', id: G.coding.toLowerCase() });
    expect(byTitle.Annotation!.body).toEqual([{ type: 'paragraph', children: [{ text: 'Long wait & no beds' }] }]);
    expect(byTitle.Linked!.target).toEqual({ kind: 'source', id: G.src.toLowerCase() });
    expect(byTitle.Loose!.target).toEqual({ kind: 'project' });
  });

  it('finds speaker turns in a foreign transcript without changing its text', () => {
    const transcript = 'Interviewer: How long did you wait?\nAna: Three months.\nInterviewer: And then?\nAna: Nothing happened.';
    const { project: p } = read(qdpx(project(users + codebook + textSource('internal://a.txt', '')), { 'sources/a.txt': transcript }));
    const s = p.sources[0]!;
    expect(s.text).toBe(transcript);
    expect(s.speakers.map((x) => x.name)).toEqual(['Interviewer', 'Ana']);
    expect(s.turns.map((t) => s.text.slice(t.start, t.end))).toEqual(['How long did you wait?', 'Three months.', 'And then?', 'Nothing happened.']);
  });

  it('does not take repeated "Label:" lines of a non-conversation for speakers', () => {
    const comments = ['Vaccine: first comment', 'Vaccine: second comment', 'Vaccine: third', 'Election: fourth', 'Election: fifth', 'Election: sixth'].join('\n');
    const { project: p } = read(qdpx(project(users + codebook + textSource('internal://a.txt', '')), { 'sources/a.txt': comments }));
    expect(p.sources[0]!.turns).toEqual([]);
    expect(p.sources[0]!.paragraphs).toHaveLength(6);
  });

  it('reads ATLAS.ti codebooks with :: hierarchy and Sets pointing with guid=', () => {
    const qdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti"><Codes>
      <Code guid="${G.code}" name="Food::Coke" isCodable="true"/><Code guid="${G.code2}" name="Food::Milk" isCodable="true"/></Codes>
      <Sets><Set guid="${G.note}" name="Drinks"><MemberCode guid="${G.code}"/><MemberCode guid="${G.code2}"/></Set></Sets></CodeBook>`;
    const { codes, themes, report } = readQdc(qdc, 'atlas.qdc');
    const food = codes.find((c) => c.name === 'Food')!;
    expect(food.codable).toBe(false);
    expect(codes.filter((c) => c.parentId === food.id).map((c) => c.name)).toEqual(['Coke', 'Milk']);
    expect(themes[0]!.codeIds).toEqual([G.code.toLowerCase(), G.code2]);
    expect(report.warnings.join('\n')).toMatch(/made a category "Food"/);
  });

  it('falls back to reading project.qde alone when our extras are damaged or were kept by another tool', () => {
    const original = richProject();
    const files = unzipSync(writeQdpx(original));
    const damaged = zipSync({ ...files, 'lantern/project.json': strToU8('{"format":"lantern-qda","version":1,"meta":{}}') });
    const a = read(damaged);
    expect(a.report.restoredLanternData).toBe(false);
    expect(a.report.warnings.join('\n')).toMatch(/lantern\/project\.json is damaged/);
    expect(a.project.codings).toHaveLength(original.codings.length);
    const future = zipSync({ ...files, 'lantern/project.json': strToU8('{"format":"lantern-qda","version":99}') });
    expect(read(future).report.warnings.join('\n')).toMatch(/version 99/);
    const edited = new TextDecoder().decode(files['project.qde']).replace('name="Services inaccessible"', 'name="Renamed elsewhere"');
    const b = read(zipSync({ ...files, 'project.qde': strToU8(edited) }));
    expect(b.report.warnings.join('\n')).toMatch(/changed by another tool/);
    const renamed = b.project.codes.find((c) => c.name === 'Renamed elsewhere')!;
    const before = original.codes.find((c) => c.id === renamed.id)!;
    expect({ ...renamed, name: before.name }).toEqual(before);
    expect(b.project.themes).toEqual(original.themes);
    // A text changed elsewhere keeps its new text and gets fresh structure, not stale offsets.
    const s0 = original.sources[0]!;
    const changed = zipSync({ ...files, [`sources/${s0.id}.txt`]: strToU8(`Interviewer: Changed?\nAna: ${s0.text}`) });
    const c = read(changed).project.sources.find((s) => s.id === s0.id)!;
    expect(c.text.startsWith('Interviewer: Changed?')).toBe(true);
    expect(c.turns.every((t) => t.end <= c.text.length)).toBe(true);
    expect(c.turns[0]).toMatchObject({ speaker: 'Interviewer', start: 13 });
  });
});
