/**
 * The synthetic large study, built deterministically from a seed: the transcripts as
 * utterances (which files.ts writes in several formats) and the same study as in-memory
 * projects (both coders together, each coder alone for the merge benchmark, and a single
 * long transcript for the browser benchmark).
 *
 * Over 400 lines because it is one job: every builder draws from the one seeded generator in
 * a fixed order, and that order is what makes the study the same on every run.
 */
import type {
  Attribute, Case, Code, CodeOrigin, Coder, Coding, Guid, Memo, MemoTarget, Project, RichBlock, Source,
  SourceFormat, Speaker, Theme,
} from '../shared/model';
import { emptyProject, nextColor, seededGuids } from '../shared/model';
import type { Utterance } from '../shared/text/compose';
import { composeTranscript } from '../shared/text/compose';
import type { Rng } from './prng';
import { seededRng } from './prng';
import {
  CATEGORIES, CODE_NOUNS, FIRST_NAMES, IN_VIVO, PARTNER_ROLES, QUALIFIERS, SITES, THEMES, countWords, memoText,
  question, sentence,
} from './words';

export interface StudySize {
  transcripts: number;
  wordsPerTranscript: number;
  codes: number;
  codings: number;
  themes: number;
  memos: number;
  singleWords: number;
  singleCodings: number;
}

export const FULL_SIZE: StudySize = {
  transcripts: 200, wordsPerTranscript: 10_000, codes: 400, codings: 50_000, themes: 12, memos: 500,
  singleWords: 30_000, singleCodings: 1_000,
};

/** The --quick smoke variant: the same shape, about a tenth of the size. */
export const QUICK_SIZE: StudySize = {
  transcripts: 20, wordsPerTranscript: 2_000, codes: 120, codings: 3_000, themes: 12, memos: 60,
  singleWords: 6_000, singleCodings: 200,
};

export const TINY_SIZE: StudySize = {
  transcripts: 10, wordsPerTranscript: 300, codes: 40, codings: 400, themes: 4, memos: 20,
  singleWords: 800, singleCodings: 40,
};

export const DEFAULT_SEED = 20261127;

/** How a transcript is written to disk; the importer must recognise each. */
export type FileKind =
  | 'txt:name' | 'txt:interviewer-respondent' | 'txt:qa' | 'txt:bracket-id' | 'txt:participant-id'
  | 'docx:name' | 'docx:interviewer-respondent' | 'vtt:voice' | 'csv:rows';

/** A cycle of ten so that even a tiny study has every format and convention. */
const KIND_CYCLE: FileKind[] = [
  'txt:name', 'txt:interviewer-respondent', 'txt:qa', 'txt:bracket-id', 'txt:participant-id', 'docx:name',
  'vtt:voice', 'csv:rows', 'docx:interviewer-respondent', 'vtt:voice',
];

export interface TranscriptPlan {
  fileName: string;
  kind: FileKind;
  caseName: string;
  interviewer: string;
  utterances: Utterance[];
  /** Text files only: Windows line ends and a byte-order mark, as transcribers' files often have. */
  crlf: boolean;
  bom: boolean;
}

export interface CaseRow {
  case: string;
  file: string;
  participantType: 'partner' | 'participant';
  site: string;
  role: string;
  yearsInvolved: number;
}

export interface Study {
  seed: number;
  size: StudySize;
  plans: TranscriptPlan[];
  caseRows: CaseRow[];
  /** Both coders' work on one codebook: what analysis, agreement, reports and QDPX measure. */
  combined: Project;
  /** Coder A's project alone and coder B's variant (own source ids, renamed and moved codes) for merging. */
  coderA: Project;
  coderB: Project;
  /** One 30k-word transcript with its codings, for the browser benchmark. */
  single: Project;
}

const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);
const stamp = (minutes: number) => new Date(BASE_TIME + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function formatOf(kind: FileKind): SourceFormat {
  return kind.split(':')[0] as SourceFormat;
}

/** The speaker labels a file of this kind uses, as the importer would read them. */
function speakersFor(kind: FileKind, rng: Rng, index: number, respondents: number): { interviewer: string; respondents: string[] } {
  const convention = kind.split(':')[1];
  switch (convention) {
    case 'interviewer-respondent':
      return { interviewer: 'Interviewer', respondents: respondents === 1 ? ['Respondent'] : ['Respondent 1', 'Respondent 2'] };
    case 'qa':
      return { interviewer: 'Q', respondents: ['A'] };
    case 'bracket-id':
      return { interviewer: 'id1', respondents: Array.from({ length: respondents }, (_, i) => `id${i + 2}`) };
    case 'participant-id':
      return { interviewer: 'Interviewer', respondents: Array.from({ length: respondents }, (_, i) => `P${pad(index + 1 + i * 500, 2)}`) };
    default: {
      const names = rng.shuffle([...FIRST_NAMES]);
      return { interviewer: names[0]!, respondents: names.slice(1, 1 + respondents) };
    }
  }
}

function answer(rng: Rng, partner: boolean, words: number, paragraphs: boolean): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(rng, partner, 0.03);
    sentences.push(s);
    count += countWords(s);
  }
  // Long answers run over two paragraphs, as transcribers break them.
  if (paragraphs && sentences.length > 6 && rng.chance(0.4)) {
    const cut = rng.int(2, sentences.length - 2);
    return `${sentences.slice(0, cut).join(' ')}\n${sentences.slice(cut).join(' ')}`;
  }
  return sentences.join(' ');
}

function interview(rng: Rng, partner: boolean, interviewer: string, respondents: string[], targetWords: number, timed: boolean): Utterance[] {
  const out: Utterance[] = [];
  let words = 0;
  let timeMs = rng.int(0, 20_000);
  const push = (speaker: string, text: string) => {
    const n = countWords(text);
    out.push(timed ? { speaker, text, timeMs } : { speaker, text });
    words += n;
    timeMs += Math.round((n / 150) * 60_000) + rng.int(300, 2_500);
  };
  while (words < targetWords) {
    push(interviewer, question(rng, partner));
    for (const r of respondents) {
      if (r !== respondents[0] && !rng.chance(0.5)) continue;
      // Subtitle cues and spreadsheet rows carry one line per utterance.
      push(r, answer(rng, partner, rng.around(95, 70, 8, 400), !timed));
    }
  }
  return out;
}

/** Word boundaries of a text, for codings that start and end on whole words. */
interface WordIndex {
  starts: Int32Array;
  ends: Int32Array;
}

function indexWords(text: string): WordIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** First word index at or after a UTF-16 offset. */
function wordAt(index: WordIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface BuiltSource {
  source: Source;
  words: WordIndex;
  /** Word-index ranges [first, last] of each turn, respondents' turns first weighted. */
  respondentTurns: [number, number][];
  interviewerTurns: [number, number][];
}

function buildSource(
  plan: TranscriptPlan, id: Guid, caseId: Guid, importedBy: Guid, minute: number,
): BuiltSource {
  const structure = composeTranscript(plan.utterances);
  const speakers: Speaker[] = structure.speakers.map((s) => ({
    name: s.name,
    role: s.name === plan.interviewer ? 'interviewer' : 'respondent',
    ...(s.name === plan.interviewer ? {} : { caseId }),
  }));
  const source: Source = {
    id,
    name: plan.fileName,
    text: structure.text,
    paragraphs: structure.paragraphs,
    turns: structure.turns,
    speakers,
    caseId,
    format: formatOf(plan.kind),
    importedAt: stamp(minute),
    importedBy,
  };
  const words = indexWords(source.text);
  const respondentTurns: [number, number][] = [];
  const interviewerTurns: [number, number][] = [];
  for (const turn of source.turns) {
    const first = wordAt(words, turn.start);
    const last = wordAt(words, turn.end) - 1;
    if (last < first) continue;
    (turn.speaker === plan.interviewer ? interviewerTurns : respondentTurns).push([first, last]);
  }
  return { source, words, respondentTurns, interviewerTurns };
}

interface Codebook {
  codes: Code[];
  /** Codes any coder may apply (level 2 and 3), shared by both coders. */
  shared: Code[];
  ownA: Code[];
  ownB: Code[];
  /** B's own code that mirrors an A-own code under a near name (the merge must propose the match). */
  twinOfA: Map<Guid, Guid>;
}

function buildCodebook(rng: Rng, newId: () => Guid, size: number, coderA: Guid, coderB: Guid, firstSource: () => Guid): Codebook {
  const l1 = Math.max(2, Math.round(size * 0.02));
  const l2 = Math.max(l1, Math.round(size * 0.12));
  const l3 = size - l1 - l2;
  const codes: Code[] = [];
  const names = new Set<string>();
  const make = (name: string, parentId: Guid | null, order: number, origin: CodeOrigin, codable: boolean, createdBy: Guid, minute: number): Code => {
    names.add(name);
    const code: Code = {
      id: newId(),
      name,
      parentId,
      order,
      color: nextColor(codes.length),
      definition: origin === 'deductive' ? `Talk about ${name.toLowerCase()} as it bears on the program.` : `Emerged in coding: ${name}.`,
      inclusion: origin === 'deductive' ? `Any account of ${name.toLowerCase()}, first- or second-hand.` : '',
      exclusion: origin === 'deductive' ? 'General complaints with no link to a service.' : '',
      example: '',
      origin,
      codable,
      createdBy,
      createdAt: stamp(minute),
      ...(origin === 'deductive' ? {} : { firstSourceId: firstSource() }),
    };
    codes.push(code);
    return code;
  };
  const top = Array.from({ length: l1 }, (_, i) =>
    make(CATEGORIES[i % CATEGORIES.length]! + (i >= CATEGORIES.length ? ` ${Math.floor(i / CATEGORIES.length) + 1}` : ''), null, i, 'deductive', false, coderA, 0),
  );
  const mid = Array.from({ length: l2 }, (_, i) => {
    const noun = CODE_NOUNS[i % CODE_NOUNS.length]!;
    const name = i >= CODE_NOUNS.length ? `${noun} ${Math.floor(i / CODE_NOUNS.length) + 1}` : noun;
    return make(name.charAt(0).toUpperCase() + name.slice(1), top[i % l1]!.id, Math.floor(i / l1), 'deductive', true, coderA, 1);
  });
  const leaves: Code[] = [];
  for (let i = 0; i < l3; i++) {
    const parent = mid[i % l2]!;
    const roll = rng.next();
    const origin: CodeOrigin = roll < 0.6 ? 'deductive' : roll < 0.9 ? 'inductive' : 'in-vivo';
    let name: string;
    do {
      name = origin === 'in-vivo'
        ? rng.chance(0.5) ? rng.pick(IN_VIVO) : `“${sentence(rng, rng.chance(0.5), 0).split(' ').slice(0, 4).join(' ').toLowerCase()}”`
        : `${parent.name.toLowerCase()}: ${rng.pick(QUALIFIERS)}`;
    } while (names.has(name));
    leaves.push(make(name, parent.id, Math.floor(i / l2), origin, true, coderA, 2 + i));
  }
  // Each coder also created codes of their own while coding (inductive), some under near names.
  const inductive = leaves.filter((c) => c.origin === 'inductive');
  const ownCount = Math.max(1, Math.round(size * 0.05));
  const ownA = inductive.slice(0, ownCount);
  const ownB = inductive.slice(ownCount, ownCount * 2);
  const twinOfA = new Map<Guid, Guid>();
  ownB.forEach((code, i) => {
    code.createdBy = coderB;
    const a = ownA[i];
    if (a && i < ownCount / 2) {
      // e.g. "transportation: too far" beside "Transportation - too far": same idea, other hands.
      code.name = nearName(a.name, names);
      names.add(code.name);
      code.parentId = a.parentId;
      twinOfA.set(a.id, code.id);
    }
  });
  const own = new Set([...ownA, ...ownB].map((c) => c.id));
  const shared = [...mid, ...leaves.filter((c) => !own.has(c.id))];
  return { codes, shared, ownA, ownB, twinOfA };
}

function nearName(name: string, taken: Set<string>): string {
  const variants = [
    name.replace(': ', ' - '),
    name.charAt(0).toUpperCase() + name.slice(1),
    `${name}s`,
    name.replace(/^transportation/, 'transport').replace(/^transport\b/, 'transportation'),
    `${name} (B)`,
  ];
  return variants.find((v) => v !== name && !taken.has(v)) ?? `${name} ${taken.size}`;
}

/** Zipf-like draws: a few codes are used a lot, most a little, as in real coding. */
function weightedPicker<T>(rng: Rng, items: readonly T[]): () => T {
  const order = rng.shuffle(items.map((_, i) => i));
  const cumulative: number[] = [];
  let total = 0;
  order.forEach((_, rank) => {
    total += 1 / Math.pow(rank + 1, 0.8);
    cumulative.push(total);
  });
  return () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[order[lo]!]!;
  };
}

/** Coverage per (source, coder, code): a coder never holds two overlapping or touching codings of one code. */
class Coverage {
  private readonly spans = new Map<string, [number, number][]>();
  tryAdd(key: string, start: number, end: number): boolean {
    const list = this.spans.get(key) ?? [];
    if (list.some(([s, e]) => start <= e && end >= s)) return false;
    list.push([start, end]);
    this.spans.set(key, list);
    return true;
  }
}

interface CodingDraft {
  codeId: Guid;
  source: BuiltSource;
  first: number;
  last: number;
}

function draftSpan(rng: Rng, built: BuiltSource): { first: number; last: number; turn: [number, number] } | null {
  const turns = rng.chance(0.85) || built.interviewerTurns.length === 0 ? built.respondentTurns : built.interviewerTurns;
  if (turns.length === 0) return null;
  const turn = rng.pick(turns);
  const length = rng.around(40, 30, 6, 150);
  const first = rng.int(turn[0], Math.max(turn[0], turn[1] - 3));
  return { first, last: Math.min(turn[1], first + length - 1), turn };
}

function codeSources(
  rng: Rng, newId: () => Guid, built: BuiltSource[], book: Codebook, coderA: Guid, coderB: Guid, total: number,
): Coding[] {
  const coverage = new Coverage();
  const codings: Coding[] = [];
  const pickA = weightedPicker(rng, [...book.shared, ...book.ownA]);
  const pickB = weightedPicker(rng, [...book.shared, ...book.ownB]);
  const sharedIds = new Set(book.shared.map((c) => c.id));
  const siblings = new Map<string | null, Code[]>();
  for (const c of book.shared) siblings.set(c.parentId, [...(siblings.get(c.parentId) ?? []), c]);
  const targetA = Math.round(total * 0.56);
  const targetB = total - targetA;
  let minute = 10_000;
  const add = (draft: CodingDraft, coderId: Guid): boolean => {
    const { source, words } = draft.source;
    const start = words.starts[draft.first]!;
    const end = words.ends[draft.last]!;
    if (!coverage.tryAdd(`${source.id}|${coderId}|${draft.codeId}`, start, end)) return false;
    codings.push({ id: newId(), codeId: draft.codeId, sourceId: source.id, coderId, start, end, createdAt: stamp(minute++) });
    return true;
  };
  const draftsA: (CodingDraft & { turn: [number, number] })[] = [];
  for (let i = 0, tries = 0; draftsA.length < targetA && tries < targetA * 4; tries++) {
    const source = built[i++ % built.length]!;
    const span = draftSpan(rng, source);
    if (!span) continue;
    const draft = { codeId: pickA().id, source, ...span };
    if (add(draft, coderA)) draftsA.push(draft);
  }
  // 70% of B's codings sit near one of A's (same idea, boundaries a few words apart); the rest are B's own reading.
  let madeB = 0;
  for (let tries = 0; madeB < targetB && tries < targetB * 4; tries++) {
    let draft: CodingDraft | null = null;
    if (rng.chance(0.7) && draftsA.length > 0) {
      const a = rng.pick(draftsA);
      let codeId = a.codeId;
      if (!sharedIds.has(codeId)) codeId = book.twinOfA.get(codeId) ?? rng.pick(book.shared).id;
      else if (rng.chance(0.1)) codeId = rng.pick(siblings.get(book.shared.find((c) => c.id === codeId)!.parentId) ?? book.shared).id;
      const first = Math.max(a.turn[0], Math.min(a.turn[1], a.first + rng.around(0, 5, -8, 8)));
      const last = Math.min(a.turn[1], Math.max(first + 3, a.last + rng.around(0, 5, -8, 8)));
      draft = { codeId, source: a.source, first, last };
    } else {
      const source = rng.pick(built);
      const span = draftSpan(rng, source);
      if (span) draft = { codeId: pickB().id, source, first: span.first, last: span.last };
    }
    if (draft && add(draft, coderB)) madeB++;
  }
  // Exemplar quotes: about 4% of A's codings, the pool a report draws from.
  for (const c of codings) if (c.coderId === coderA && rng.chance(0.04)) c.exemplar = true;
  return codings;
}

function buildThemes(rng: Rng, newId: () => Guid, book: Codebook, count: number): Theme[] {
  const themes: Theme[] = [];
  const topLevel = Math.max(1, count - Math.floor(count / 6));
  for (let i = 0; i < count; i++) {
    const codeIds = rng.shuffle([...book.shared]).slice(0, rng.int(6, 18)).map((c) => c.id);
    const parent = i >= topLevel ? themes[i - topLevel] : undefined;
    themes.push({
      id: newId(),
      name: THEMES[i % THEMES.length]! + (i >= THEMES.length ? ` ${Math.floor(i / THEMES.length) + 1}` : ''),
      definition: memoText(rng, i % 2 === 0, 2),
      codeIds,
      parentId: parent ? parent.id : null,
      order: parent ? 0 : i,
      color: nextColor(i),
    });
  }
  return themes;
}

function memoBody(rng: Rng, codes: Code[]): RichBlock[] {
  const blocks: RichBlock[] = [];
  const paragraphs = rng.int(1, 4);
  for (let p = 0; p < paragraphs; p++) {
    if (rng.chance(0.2)) {
      blocks.push({
        type: 'bulleted-list',
        children: Array.from({ length: rng.int(2, 4) }, () => ({ type: 'list-item' as const, children: [{ text: memoText(rng, true, 1) }] })),
      });
    } else if (rng.chance(0.25) && codes.length > 0) {
      const code = rng.pick(codes);
      blocks.push({
        type: 'paragraph',
        children: [
          { text: memoText(rng, false, 1) + ' See ' },
          { type: 'link', target: { kind: 'code', id: code.id }, children: [{ text: code.name }] },
          { text: '.', bold: rng.chance(0.3) },
        ],
      });
    } else {
      blocks.push({ type: 'paragraph', children: [{ text: memoText(rng, rng.chance(0.5), rng.int(1, 5)), italic: rng.chance(0.1) }] });
    }
  }
  return blocks;
}

function buildMemos(
  rng: Rng, newId: () => Guid, count: number, project: Project, authors: Guid[],
): Memo[] {
  const memos: Memo[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    let target: MemoTarget;
    if (i === 0) target = { kind: 'project' };
    else if (roll < 0.3) target = { kind: 'source', id: rng.pick(project.sources).id };
    else if (roll < 0.7) target = { kind: 'code', id: rng.pick(project.codes).id };
    else if (roll < 0.75 && project.themes.length > 0) target = { kind: 'theme', id: rng.pick(project.themes).id };
    else if (roll < 0.95) target = { kind: 'coding', id: rng.pick(project.codings).id };
    else target = { kind: 'case', id: rng.pick(project.cases).id };
    memos.push({
      id: newId(),
      title: i === 0 ? 'Analytic plan' : `Memo ${i}: ${memoText(rng, true, 1).split(' ').slice(0, 5).join(' ')}`,
      target,
      body: memoBody(rng, project.codes),
      authorId: rng.pick(authors),
      createdAt: stamp(20_000 + i),
      modifiedAt: stamp(20_000 + i + rng.int(0, 500)),
    });
  }
  return memos;
}

function buildAttributes(newId: () => Guid): Attribute[] {
  return [
    { id: newId(), name: 'participant type', type: 'text', values: ['partner', 'participant'] },
    { id: newId(), name: 'site', type: 'text', values: [...SITES] },
    { id: newId(), name: 'role', type: 'text', values: [...PARTNER_ROLES, 'participant'] },
    { id: newId(), name: 'years involved', type: 'integer' },
  ];
}

function casesFor(rows: CaseRow[], attributes: Attribute[], newId: () => Guid): Case[] {
  const [type, site, role, years] = attributes as [Attribute, Attribute, Attribute, Attribute];
  return rows.map((r) => ({
    id: newId(),
    name: r.case,
    values: { [type.id]: r.participantType, [site.id]: r.site, [role.id]: r.role, [years.id]: String(r.yearsInvolved) },
  }));
}

function planTranscripts(rng: Rng, size: StudySize): { plans: TranscriptPlan[]; caseRows: CaseRow[] } {
  const plans: TranscriptPlan[] = [];
  const caseRows: CaseRow[] = [];
  for (let i = 0; i < size.transcripts; i++) {
    const kind = KIND_CYCLE[i % KIND_CYCLE.length]!;
    const partner = rng.chance(0.55);
    const role = partner ? rng.pick(PARTNER_ROLES) : 'participant';
    const site = SITES[i % SITES.length]!;
    const respondents = partner && rng.chance(0.2) ? 2 : 1;
    const people = speakersFor(kind, rng, i, respondents);
    const ext = kind.split(':')[0]!;
    const fileName = `int-${pad(i + 1)}-${slug(site)}-${slug(role)}.${ext}`;
    const caseName = `Case ${pad(i + 1)}`;
    const timed = ext === 'vtt' || ext === 'csv';
    const words = rng.around(size.wordsPerTranscript, size.wordsPerTranscript * 0.15, 50, size.wordsPerTranscript * 2);
    plans.push({
      fileName,
      kind,
      caseName,
      interviewer: people.interviewer,
      utterances: interview(rng, partner, people.interviewer, people.respondents, words, timed),
      crlf: ext === 'txt' && rng.chance(0.25),
      bom: ext === 'txt' && rng.chance(0.3),
    });
    caseRows.push({ case: caseName, file: fileName, participantType: partner ? 'partner' : 'participant', site, role, yearsInvolved: rng.int(0, 9) });
  }
  return { plans, caseRows };
}

function buildCombined(rng: Rng, newId: () => Guid, size: StudySize, plans: TranscriptPlan[], caseRows: CaseRow[]) {
  const coderA: Coder = { id: newId(), name: 'Alex Rivera', color: '#4e79a7' };
  const coderB: Coder = { id: newId(), name: 'Bảo Nguyễn', color: '#e15759' };
  const project = emptyProject({ id: newId(), name: 'LEAD benchmark study', now: stamp(0), coder: coderA, description: 'Synthetic study generated for benchmarks.' });
  project.coders = [coderA, coderB];
  project.attributes = buildAttributes(newId);
  project.cases = casesFor(caseRows, project.attributes, newId);
  const built = plans.map((plan, i) => buildSource(plan, newId(), project.cases[i]!.id, coderA.id, 5 + i));
  project.sources = built.map((b) => b.source);
  const book = buildCodebook(rng, newId, size.codes, coderA.id, coderB.id, () => rng.pick(project.sources).id);
  project.codes = book.codes;
  project.codings = codeSources(rng, newId, built, book, coderA.id, coderB.id, size.codings);
  project.themes = buildThemes(rng, newId, book, size.themes);
  project.memos = buildMemos(rng, newId, size.memos, project, [coderA.id, coderB.id]);
  return { project, book, coderA, coderB };
}

/**
 * Coder B's own copy of the study: sources imported separately (new ids, some other file
 * names), cases typed in again, the shared codebook with some codes renamed, moved,
 * redefined or recoloured, B's own codes, and only B's codings and memos.
 */
function buildCoderB(rng: Rng, newId: () => Guid, combined: Project, book: Codebook, coderB: Coder): Project {
  const project = emptyProject({ id: newId(), name: 'LEAD study (Bảo)', now: stamp(1), coder: coderB });
  project.attributes = combined.attributes.map((a) => ({ ...a }));
  const caseIds = new Map(combined.cases.map((c) => [c.id, newId()]));
  project.cases = combined.cases.map((c) => ({ ...c, id: caseIds.get(c.id)! }));
  const sourceIds = new Map(combined.sources.map((s) => [s.id, newId()]));
  project.sources = combined.sources.map((s, i) => ({
    ...s,
    id: sourceIds.get(s.id)!,
    name: i % 5 === 0 ? `Interview ${i + 1} (${s.name.split('-').slice(2, 4).join(' ')})` : s.name,
    caseId: s.caseId ? caseIds.get(s.caseId) : undefined,
    speakers: s.speakers.map((sp) => (sp.caseId ? { ...sp, caseId: caseIds.get(sp.caseId)! } : sp)),
    importedBy: coderB.id,
  }));
  const ownA = new Set(book.ownA.map((c) => c.id));
  const mids = book.codes.filter((c) => c.parentId !== null && book.codes.find((p) => p.id === c.parentId)?.parentId === null);
  const taken = new Set(book.codes.map((c) => c.name));
  project.codes = book.codes
    .filter((c) => !ownA.has(c.id))
    .map((c) => {
      const code = { ...c };
      const leaf = mids.every((m) => m.id !== c.id) && c.parentId !== null;
      if (!leaf || c.createdBy === coderB.id) return code;
      const roll = rng.next();
      if (roll < 0.05) code.name = nearName(c.name, taken);
      else if (roll < 0.075) code.parentId = rng.pick(mids).id;
      else if (roll < 0.115) code.definition = `${c.definition} (B reads this more narrowly: ${memoText(rng, true, 1)})`;
      else if (roll < 0.135) code.color = nextColor(rng.int(0, 17));
      taken.add(code.name);
      return code;
    });
  project.codings = combined.codings
    .filter((c) => c.coderId === coderB.id)
    .map((c) => ({ ...c, sourceId: sourceIds.get(c.sourceId)! }));
  const codeIds = new Set(project.codes.map((c) => c.id));
  const codingIds = new Set(project.codings.map((c) => c.id));
  project.memos = combined.memos
    .filter((m) => m.authorId === coderB.id)
    .flatMap((m): Memo[] => {
      const t = m.target;
      if (t.kind === 'source') return [{ ...m, target: { kind: 'source', id: sourceIds.get(t.id)! } }];
      if (t.kind === 'case') return [{ ...m, target: { kind: 'case', id: caseIds.get(t.id)! } }];
      if (t.kind === 'code' && !codeIds.has(t.id)) return [];
      if (t.kind === 'coding' && !codingIds.has(t.id)) return [];
      if (t.kind === 'theme') return [];
      return [m];
    });
  return project;
}

function buildCoderA(combined: Project, book: Codebook, coderA: Coder): Project {
  const ownB = new Set(book.ownB.map((c) => c.id));
  const codingIds = new Set<string>();
  const codings = combined.codings.filter((c) => c.coderId === coderA.id);
  for (const c of codings) codingIds.add(c.id);
  return {
    ...combined,
    meta: { ...combined.meta, name: 'LEAD study (Alex)' },
    coders: [coderA],
    codes: combined.codes.filter((c) => !ownB.has(c.id)),
    codings,
    themes: combined.themes.map((t) => ({ ...t, codeIds: t.codeIds.filter((id) => !ownB.has(id)) })),
    memos: combined.memos.filter(
      (m) => m.authorId === coderA.id && !(m.target.kind === 'code' && ownB.has(m.target.id)) && !(m.target.kind === 'coding' && !codingIds.has(m.target.id)),
    ),
  };
}

function buildSingle(rng: Rng, newId: () => Guid, size: StudySize, combined: Project, book: Codebook, coderA: Coder): Project {
  const people = speakersFor('txt:name', rng, 0, 1);
  const plan: TranscriptPlan = {
    fileName: 'long-interview.txt',
    kind: 'txt:name',
    caseName: 'Case L',
    interviewer: people.interviewer,
    utterances: interview(rng, true, people.interviewer, people.respondents, size.singleWords, false),
    crlf: false,
    bom: false,
  };
  const kase: Case = { id: newId(), name: plan.caseName, values: {} };
  const built = buildSource(plan, newId(), kase.id, coderA.id, 1);
  // One coder: both passes are coder A's, and the first pass alone (56% of twice the count) holds enough.
  const codings = codeSources(rng, newId, [built], book, coderA.id, coderA.id, size.singleCodings * 2).slice(0, size.singleCodings);
  // Keys 1-9 apply the first nine codable codes: the browser benchmark applies codes by key.
  const shortcuts = new Map(combined.codes.filter((c) => c.codable).slice(0, 9).map((c, i) => [c.id, String(i + 1)]));
  const codes = combined.codes.map((c) => (shortcuts.has(c.id) ? { ...c, shortcut: shortcuts.get(c.id)! } : c));
  return {
    ...emptyProject({ id: newId(), name: 'Long transcript', now: stamp(2), coder: coderA }),
    sources: [built.source],
    cases: [kase],
    codes,
    codings,
  };
}

export function buildStudy(size: StudySize = FULL_SIZE, seed = DEFAULT_SEED): Study {
  const rng = seededRng(seed);
  const newId = seededGuids(seed ^ 0x5eed);
  const { plans, caseRows } = planTranscripts(rng, size);
  const { project: combined, book, coderA, coderB } = buildCombined(rng, newId, size, plans, caseRows);
  return {
    seed,
    size,
    plans,
    caseRows,
    combined,
    coderA: buildCoderA(combined, book, coderA),
    coderB: buildCoderB(rng, newId, combined, book, coderB),
    single: buildSingle(rng, newId, size, combined, book, coderA),
  };
}
