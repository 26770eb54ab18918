/** The transcripts of the synthetic study: speakers, utterances, and each source with its word and turn index. */
import type { Guid, Source, SourceFormat, Speaker } from '../shared/model';
import type { Utterance } from '../shared/text/compose';
import { composeTranscript } from '../shared/text/compose';
import type { Rng } from './prng';
import { FIRST_NAMES, countWords, question, sentence } from './words';
import type { FileKind, TranscriptPlan } from './study';

export const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);
export const stamp = (minutes: number) => new Date(BASE_TIME + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const pad = (n: number, width = 3) => String(n).padStart(width, '0');
export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export function formatOf(kind: FileKind): SourceFormat {
  return kind.split(':')[0] as SourceFormat;
}

/** The speaker labels a file of this kind uses, as the importer would read them. */
export function speakersFor(kind: FileKind, rng: Rng, index: number, respondents: number): { interviewer: string; respondents: string[] } {
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

export function answer(rng: Rng, partner: boolean, words: number, paragraphs: boolean): string {
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

export function interview(rng: Rng, partner: boolean, interviewer: string, respondents: string[], targetWords: number, timed: boolean): Utterance[] {
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
export interface WordIndex {
  starts: Int32Array;
  ends: Int32Array;
}

export function indexWords(text: string): WordIndex {
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
export function wordAt(index: WordIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface BuiltSource {
  source: Source;
  words: WordIndex;
  /** Word-index ranges [first, last] of each turn, respondents' turns first weighted. */
  respondentTurns: [number, number][];
  interviewerTurns: [number, number][];
}

export function buildSource(
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
