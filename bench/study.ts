/**
 * The synthetic large study, built deterministically from a seed: the transcripts as
 * utterances (which files.ts writes in several formats) and the same study as in-memory
 * projects (both coders together, each coder alone for the merge benchmark, and a single
 * long transcript for the browser benchmark).
 * The transcripts are built in study-text.ts, the codebook in study-codebook.ts, themes, memos,
 * attributes and cases in study-extras.ts; this file plans the study and codes it. Every
 * builder draws from the one seeded generator passed down from here, in a fixed order: that
 * order is what makes the study the same on every run.
 */
import type { Case, Code, Coder, Coding, Guid, Memo, Project } from '../shared/model';
import { emptyProject, nextColor, seededGuids } from '../shared/model';
import type { Utterance } from '../shared/text/compose';
import type { Rng } from './prng';
import { seededRng } from './prng';
import { PARTNER_ROLES, SITES, memoText } from './words';
import type { BuiltSource } from './study-text';
import { buildSource, interview, pad, slug, speakersFor, stamp } from './study-text';
import type { Codebook } from './study-codebook';
import { buildCodebook, nearName } from './study-codebook';
import { buildAttributes, buildMemos, buildThemes, casesFor } from './study-extras';

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
