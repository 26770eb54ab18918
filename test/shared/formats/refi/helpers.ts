/** Shared by the REFI-QDA tests: the reference material's location, schema checks, and a rich test project. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { sharedPath } from '../../../interop/shared';
import { emptyProject } from '../../../../shared/model/project';
import { seededGuids } from '../../../../shared/model/ids';
import type { Code, Coding, Project, Source } from '../../../../shared/model/schema';
import { composeTranscript } from '../../../../shared/text/compose';

/** The REFI-QDA schemas vendored with the CLI (an interop test checks they equal the official ones). */
const SCHEMAS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../cli/schemas');
/** Other tools' files: for `*.interop.test.ts` only. */
export const SAMPLES = sharedPath('refi-qda/samples');

export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(SAMPLES, name)));
}

/** libxml2's verdict on a document against the official Project or Codebook schema. */
export async function schemaErrors(xml: string, kind: 'project' | 'codebook'): Promise<string[]> {
  const file = kind === 'project' ? 'Project.xsd' : 'Codebook.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'doc.xml', contents: xml }],
    schema: [{ fileName: file, contents: readFileSync(resolve(SCHEMAS, file), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const NOW = '2026-11-27T10:00:00Z';

export function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return {
    id, name, parentId: null, order: 0, color: '#4e79a7', definition: '', inclusion: '', exclusion: '', example: '',
    origin: 'deductive', codable: true, createdAt: NOW, ...extra,
  };
}

export function source(id: string, name: string, utterances: { speaker: string | null; text: string }[]): Source {
  const s = composeTranscript(utterances);
  return { id, name, ...s, format: 'txt', importedAt: NOW };
}

/** The span of the n-th occurrence of `needle` in the source's text. */
export function spanOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  return { start: at, end: at + needle.length };
}

/**
 * A project that uses every field REFI-QDA cannot hold and text that shifts offsets
 * between counting schemes: accents (also decomposed-looking), CJK and emoji.
 */
export function richProject(): Project {
  const id = seededGuids(7);
  const alex = { id: id(), name: 'Alex Rivera', color: '#e15759' };
  const sam = { id: id(), name: 'Sam Chen' };
  const consensus = { id: id(), name: 'Consensus', isConsensus: true };
  const p = emptyProject({ id: id(), name: 'Ünïcode & <study> "quotes"', now: NOW, coder: alex, description: 'Tests offsets & escaping' });
  p.coders.push(sam, consensus);
  const s1 = source(id(), 'Entrevista 1 — São Paulo', [
    { speaker: 'Interviewer', text: 'Como está o acesso aos serviços? 🙂' },
    { speaker: 'Participante', text: 'Não há vagas 😞😞 no abrigo; a espera é de três meses. Café ☕ ajuda.' },
    { speaker: 'Interviewer', text: 'E o programa LEAD?' },
    { speaker: 'Participante', text: 'O caseworker 👩🏽‍⚕️ me ligou, mas o telefone foi roubado.' },
  ]);
  const s2 = source(id(), '訪談二', [
    { speaker: 'Q', text: '服務容易取得嗎？' },
    { speaker: '受訪者', text: '住房服務很難申請 🏠，等待時間很長。𠀀字也在這裡。' },
  ]);
  const s3 = source(id(), 'Notes without speakers', [{ speaker: null, text: 'Plain narrative, naïve café façade.\nSecond line with 🎉 party.' }]);
  s1.description = 'First site visit';
  s2.description = ''; // present but empty must survive too
  p.sources.push(s1, s2, s3);

  const attrType = { id: id(), name: 'Participant type', type: 'text' as const, values: ['partner', 'participant'], description: 'Role in LEAD' };
  const attrMonths = { id: id(), name: 'Months', type: 'integer' as const };
  const attrActive = { id: id(), name: 'Active', type: 'boolean' as const };
  const attrScore = { id: id(), name: 'Score', type: 'float' as const };
  const attrDate = { id: id(), name: 'Interviewed', type: 'date' as const };
  const attrWhen = { id: id(), name: 'Recorded at', type: 'datetime' as const };
  p.attributes.push(attrType, attrMonths, attrActive, attrScore, attrDate, attrWhen);
  const case1 = {
    id: id(), name: 'P01', description: 'Site A participant',
    values: { [attrType.id]: 'participant', [attrMonths.id]: '7', [attrActive.id]: 'true', [attrScore.id]: '3.5', [attrDate.id]: '2026-03-01', [attrWhen.id]: '2026-03-01T09:30:00Z' },
  };
  const case2 = { id: id(), name: 'Officer 2', description: '', values: { [attrType.id]: 'partner', [attrMonths.id]: 'unknown' } };
  p.cases.push(case1, case2);
  s1.caseId = case1.id;
  s2.caseId = case2.id;

  const parent = code(id(), 'Services', { codable: false, definition: 'Parent category', order: 0, color: '#59a14f' });
  const unavailable = code(id(), 'Services unavailable', {
    parentId: parent.id, order: 1, definition: 'No slot exists', inclusion: 'waitlists', exclusion: 'refusals', example: '"Não há vagas"',
    origin: 'inductive', createdBy: sam.id, firstSourceId: s1.id, shortcut: '1',
  });
  const inaccessible = code(id(), 'Services inaccessible', { parentId: parent.id, order: 0, origin: 'in-vivo', color: '#f28e2b' });
  const phone = code(id(), 'Phone <lost> & "stolen"', { order: 1, definition: '  Line one\r\nLine two\ttabbed\n' });
  const housing = code(id(), '住房', { order: 2, color: '#9467bd' });
  p.codes.push(phone, unavailable, parent, inaccessible, housing);

  const codings: Coding[] = [];
  const addCoding = (src: Source, codeId: string, needle: string, coderId: string, extra: Partial<Coding> = {}) => {
    const span = spanOf(src.text, needle);
    const c: Coding = { id: id(), codeId, sourceId: src.id, coderId, ...span, createdAt: NOW, ...extra };
    codings.push(c);
    return c;
  };
  const c1 = addCoding(s1, unavailable.id, 'Não há vagas 😞😞 no abrigo', alex.id, { exemplar: true });
  addCoding(s1, inaccessible.id, 'Não há vagas 😞😞 no abrigo', sam.id);
  addCoding(s1, unavailable.id, 'três meses', sam.id);
  addCoding(s1, phone.id, 'caseworker 👩🏽‍⚕️ me ligou, mas o telefone foi roubado', alex.id);
  addCoding(s1, inaccessible.id, '☕', consensus.id, { exemplar: false });
  const c6 = addCoding(s2, housing.id, '住房服務很難申請 🏠', alex.id);
  addCoding(s2, unavailable.id, '𠀀字', sam.id);
  addCoding(s3, inaccessible.id, 'naïve café', alex.id);
  addCoding(s3, phone.id, '🎉 party', sam.id);
  p.codings.push(...codings);

  const t1 = { id: id(), name: 'Services unavailable', definition: 'Nothing to refer to', codeIds: [unavailable.id, housing.id], parentId: null, order: 1, color: '#e15759' };
  const t2 = { id: id(), name: 'Continuum of care disrupted', definition: '', codeIds: [phone.id], parentId: null, order: 0 };
  const t3 = { id: id(), name: 'Staff workarounds', definition: 'Sub-theme', codeIds: [], parentId: t2.id, order: 0 };
  p.themes.push(t1, t2, t3);
  p.documentSets.push({ id: id(), name: 'Site A', description: 'Seattle', sourceIds: [s1.id, s3.id] }, { id: id(), name: 'Empty set', description: '', sourceIds: [] });

  const memo = (target: Project['memos'][number]['target'], title: string, body: Project['memos'][number]['body']) => ({
    id: id(), title, target, body, authorId: alex.id, createdAt: NOW, modifiedAt: '2026-11-27T11:00:00Z',
  });
  p.memos.push(
    memo({ kind: 'project' }, 'Research plan', [{ type: 'paragraph', children: [{ text: 'Plan with ' }, { text: 'bold', bold: true }, { text: ' & <tags>' }] }]),
    memo({ kind: 'source', id: s1.id }, 'About interview 1', [
      { type: 'paragraph', children: [{ text: 'See ' }, { type: 'link', target: { kind: 'code', id: unavailable.id }, children: [{ text: 'this code' }] }] },
      { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'point one' }] }, { type: 'list-item', children: [{ text: 'point 🙂 two' }] }] },
    ]),
    memo({ kind: 'code', id: unavailable.id }, 'Code memo', [{ type: 'paragraph', children: [{ text: 'Why this code' }] }]),
    memo({ kind: 'coding', id: c1.id }, 'Segment memo', [{ type: 'paragraph', children: [{ text: 'Powerful quote' }] }]),
    memo({ kind: 'coding', id: c6.id }, '', [{ type: 'paragraph', children: [{ text: '' }] }]),
    memo({ kind: 'theme', id: t1.id }, 'Theme memo', [{ type: 'paragraph', children: [{ text: 'Theme notes' }] }]),
    memo({ kind: 'case', id: case1.id }, 'Case memo', [{ type: 'paragraph', children: [{ text: 'Case notes' }] }]),
  );
  p.savedQueries.push({ id: id(), name: 'Housing by site', query: { kind: 'matrix', rows: ['site'], nested: [1, 2, { a: null }] } });
  p.settings.push({ id: 'report.lastOptions', value: { includeMemos: true, quoteLimit: 3 } });
  p.meta.origin = 'Lantern QDA 0.1.0';
  return p;
}
