/**
 * Speaker turns in plain text (txt, md, docx, odt). Transcribers mark speakers in many
 * ways; we recognise the common ones at the start of a line:
 *
 *   Interviewer: text        Q: text        P07: text        **Anna:** text
 *   [id1] text               <v Anna>text
 *   John Smith   0:03        00:01:02 John Smith      [10:02] Anna      (a name and time line above the text)
 *   [10:02] Anna: text       Speaker 1 (00:00): text      Anna: [00:01:23] text
 *
 * A paragraph without a label continues the previous turn. A label must sit at the
 * start of a line, be short, and recur (or be a role word such as Interviewer or Q),
 * so that a sentence with a colon in it is not taken for a speaker. Where only plain
 * labels are used the original text is kept word for word; where timestamps or markup
 * accompany the labels the text is rebuilt without them, and the times go to the turns.
 * The label patterns themselves are in turn-patterns.ts.
 */
import type { Turn } from '../model/schema';
import type { TranscriptStructure, Utterance } from '../text/compose';
import { composeTranscript, paragraphSpansOfLines } from '../text/compose';
import { guessSpeakerRole } from './roles';
import { parseClock, TIME_PATTERN } from './time';
import type { Family, Shape } from './turn-patterns';
import { NAME_LIKE_WORD, NOT_A_SPEAKER, PATTERNS, ROLE_LABEL, TRAILING_TIME } from './turn-patterns';

export interface DetectedTranscript {
  structure: TranscriptStructure;
  /** Present when the text was rebuilt from utterances, so a renamed speaker can be relabelled in the text. */
  utterances?: Utterance[];
}

interface Candidate {
  line: number;
  family: Family;
  speaker: string;
  /** Offset in the text where the utterance begins on this line; null for a name-and-time line. */
  contentStart: number | null;
  timeMs?: number;
  /** The label line carries a timestamp or markup that the stored text should not keep. */
  markup: boolean;
  /** Where a transcriber's timestamp at the end of the label line begins (Anna: text [00:03:15]). */
  trailingTimeAt?: number;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const T = TIME_PATTERN;

export function detectTurns(text: string): DetectedTranscript {
  const lines = splitLines(text);
  const timed = timedBlocks(lines);
  if (timed) return { structure: withRoles(composeTranscript(timed)), utterances: timed };
  const names: NameCache = new Map();
  const candidates: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = matchLine(lines[i]!, i, names);
    if (c) candidates.push(c);
  }
  const chosen = chooseFamily(candidates, lines);
  if (!chosen) return { structure: narrative(text, lines) };
  const rebuild = chosen.some((c) => c.markup);
  return rebuild ? rebuilt(lines, chosen) : inPlace(text, lines, chosen);
}

const TIMING_LINE = new RegExp(String.raw`^\s*(${T})\s*-->\s*${T}\s*$`);

/**
 * Microsoft Teams' Word transcripts (and captions pasted into a document) put a cue
 * timing line above each block, the speaker's name on the next line, then the words:
 *
 *   0:0:0.0 --> 0:0:3.960
 *   John Smith
 *   Hello everyone.
 *
 * The timing lines go; the names become speakers when they look like names and recur.
 */
function timedBlocks(lines: Line[]): Utterance[] | null {
  // A plain loop with a cheap '-->' check: this runs on every line of every text file.
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.text.includes('-->') && TIMING_LINE.test(lines[i]!.text)) starts.push(i);
  if (starts.length < 2) return null;
  const blocks = starts.map((start, k) => {
    const body = lines.slice(start + 1, starts[k + 1] ?? lines.length).map((l) => l.text.trim()).filter(Boolean);
    return { timeMs: parseClock(TIMING_LINE.exec(lines[start]!.text)![1]!), body };
  });
  const nameLike = (line: string | undefined) =>
    !!line && line.length <= 40 && !/[.?!,;:]$/.test(line) && line.split(' ').length <= 5 && line.split(' ').every((w) => NAME_LIKE_WORD.test(w));
  const named = blocks.filter((b) => b.body.length >= 2 && nameLike(b.body[0]));
  const counts = new Map<string, number>();
  for (const b of named) counts.set(b.body[0]!, (counts.get(b.body[0]!) ?? 0) + 1);
  const withNames = named.length >= blocks.length * 0.8 && [...counts.values()].some((n) => n >= 2);
  const utterances: Utterance[] = lines
    .slice(0, starts[0])
    .filter((l) => l.text.trim())
    .map((l) => ({ speaker: null, text: l.text }));
  for (const b of blocks) {
    const hasName = withNames && b.body.length >= 2 && nameLike(b.body[0]);
    const words = (hasName ? b.body.slice(1) : b.body).map(stripMarkup).join(' ').trim();
    if (!words) continue;
    const speaker = hasName ? b.body[0]! : null;
    const last = utterances[utterances.length - 1];
    // The same voice across consecutive cues is one turn.
    if (speaker && last && last.speaker === speaker) last.text += ' ' + words;
    else utterances.push({ speaker, text: words, ...(speaker && b.timeMs !== undefined ? { timeMs: b.timeMs } : {}) });
  }
  return utterances;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end) });
    if (nl === -1) return out;
    start = nl + 1;
  }
}

function matchLine(line: Line, index: number, names: NameCache): Candidate | null {
  const indent = line.text.length - line.text.trimStart().length;
  const body = line.text.slice(indent);
  // Every convention has a colon, a bracket or a voice tag; most lines of a transcript have none, so skip the patterns.
  if (!body || (!body.includes(':') && body[0] !== '[' && body[0] !== '<')) return null;
  const shape: Shape = {
    timeFirst: body[0] === '[' || (body[0]! >= '0' && body[0]! <= '9'),
    bracket: body.includes('(') || body.includes('['),
    last: lastNonSpace(body),
  };
  for (const p of PATTERNS) {
    if (!p.may(shape, body)) continue;
    const m = p.ascii?.exec(body) ?? p.re.exec(body);
    if (!m) continue;
    const speaker = cleanName(m[p.name] ?? '', names);
    if (!speaker) continue;
    const labelTime = p.time ? m[p.time] : undefined;
    let time = labelTime !== undefined ? parseClock(labelTime) : undefined;
    const contentStart = p.header ? null : line.start + indent + m[0].length;
    // Only when the label gave no time: the bracketed time then dates the turn and leaves the text.
    const trailing =
      time === undefined && contentStart !== null && p.family === 'colon' && endsWithBracket(body) ? TRAILING_TIME.re.exec(body.slice(m[0].length)) : null;
    const trailingTime = trailing?.[TRAILING_TIME.time];
    if (trailingTime !== undefined) time = parseClock(trailingTime);
    const candidate: Candidate = { line: index, family: p.family, speaker, contentStart, markup: p.markup || trailing !== null };
    if (time !== undefined) candidate.timeMs = time;
    if (trailing) candidate.trailingTimeAt = contentStart! + trailing.index;
    return candidate;
  }
  return null;
}

/** TRAILING_TIME is unanchored at its start, so it tries every position of the line; most lines cannot match, which this tells in O(1). */
function endsWithBracket(line: string): boolean {
  const last = lastNonSpace(line);
  return last === ')' || last === ']';
}

function lastNonSpace(line: string): string {
  let i = line.length - 1;
  while (i >= 0 && WHITE_SPACE.test(line[i]!)) i--;
  return i >= 0 ? line[i]! : '';
}

const WHITE_SPACE = /\s/u;

/** Labels recur hundreds of times in a transcript, so each raw label is judged once per document. */
type NameCache = Map<string, string | null>;

function cleanName(raw: string, cache: NameCache): string | null {
  let name = cache.get(raw);
  if (name === undefined) {
    name = judgeName(raw);
    cache.set(raw, name);
  }
  return name;
}

function judgeName(raw: string): string | null {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name || name.length > 40 || !/\p{L}/u.test(name) || NOT_A_SPEAKER.test(name)) return null;
  // A time on its own ("10:02") is not a name.
  if (/^[\d:.,\s]+$/.test(name)) return null;
  return name;
}

/**
 * Which labels are speakers. A timestamp or voice tag beside the name is evidence
 * enough; a role word (Interviewer, Q, P07) too. A plain name must recur, and an odd
 * phrase must recur often. Once a dialogue is established this way, a capitalised name
 * that speaks only once joins it (the neighbour who says one line).
 */
function qualifies(c: Candidate, count: number, dialogue: boolean, label: LabelKind): boolean {
  if (c.markup || label.roleWord) return true;
  if (label.nameLike) return count >= 2 || (dialogue && label.words <= 3);
  return label.words <= 3 && count >= 3;
}

/** What qualifies asks of a speaker label, worked out once per name rather than for each of its hundreds of lines. */
interface LabelKind {
  roleWord: boolean;
  nameLike: boolean;
  words: number;
}

function labelKind(speaker: string): LabelKind {
  const words = speaker.split(' ');
  return { roleWord: ROLE_LABEL.test(speaker), nameLike: words.every((w) => NAME_LIKE_WORD.test(w)), words: words.length };
}

/**
 * One document uses one convention. Evaluate each family of labels on its own and keep
 * the one that marks the most lines, so "He said: no" inside a Teams transcript never
 * starts a turn.
 */
function chooseFamily(candidates: Candidate[], lines: Line[]): Candidate[] | null {
  let best: Candidate[] | null = null;
  for (const family of ['colon', 'bracket', 'header', 'voice'] as Family[]) {
    let own = unifySpelling(candidates.filter((c) => c.family === family));
    if (own.length === 0) continue;
    if (family === 'header') own = own.filter(followedByText(lines, candidates));
    // After unifySpelling one speaker has one spelling, so the name itself is the key.
    const counts = new Map<string, number>();
    const kinds = new Map<string, LabelKind>();
    for (const c of own) {
      counts.set(c.speaker, (counts.get(c.speaker) ?? 0) + 1);
      if (!kinds.has(c.speaker)) kinds.set(c.speaker, labelKind(c.speaker));
    }
    const judge = (c: Candidate, dialogue: boolean) => qualifies(c, counts.get(c.speaker)!, dialogue, kinds.get(c.speaker)!);
    // At least one label must qualify on its own (recur, or be a role word) before one-off names may join it.
    if (!own.some((c) => judge(c, false))) continue;
    const accepted = own.filter((c) => judge(c, true));
    if (!isDialogue(accepted)) continue;
    if (!best || accepted.length > best.length) best = accepted;
  }
  return best;
}

/** Two labelled lines at least, and either two voices or a role word or timed labels (a monologue with a timestamped speaker line is still a transcript). */
function isDialogue(accepted: Candidate[]): boolean {
  if (accepted.length < 2) return false;
  const names = new Set(accepted.map((c) => c.speaker));
  return names.size >= 2 || accepted.some((c) => c.markup || ROLE_LABEL.test(c.speaker));
}

/** A name-and-time line must have words under it, not another such line (each check O(1), so long transcripts stay linear). */
function followedByText(lines: Line[], candidates: Candidate[]): (c: Candidate) => boolean {
  const headerLines = new Set(candidates.filter((c) => c.family === 'header').map((c) => c.line));
  const nextText: number[] = new Array(lines.length + 1).fill(-1);
  for (let i = lines.length - 1; i >= 0; i--) nextText[i] = lines[i]!.text.trim() ? i : nextText[i + 1]!;
  return (c) => {
    const next = nextText[c.line + 1] ?? -1;
    return next >= 0 && !headerLines.has(next);
  };
}

/** Locale-independent, so a file gives the same speakers on every machine (and the engine's fast path, not ICU's). */
const key = (name: string) => name.toLowerCase();

/**
 * "INTERVIEWER" and "Interviewer" are one speaker, named as first written. In place: each
 * candidate belongs to one family and is unified once, and a copy of each was garbage.
 */
function unifySpelling(candidates: Candidate[]): Candidate[] {
  const first = new Map<string, string>();
  // A name recurs hundreds of times; lower-casing it each time made a string per line.
  const unified = new Map<string, string>();
  for (const c of candidates) {
    let spelling = unified.get(c.speaker);
    if (spelling === undefined) {
      const k = key(c.speaker);
      spelling = first.get(k) ?? c.speaker;
      first.set(k, spelling);
      unified.set(c.speaker, spelling);
    }
    c.speaker = spelling;
  }
  return candidates;
}

function narrative(text: string, lines: Line[]): TranscriptStructure {
  return { text, paragraphs: paragraphSpansOfLines(text, lines), turns: [], speakers: [] };
}

/** Plain labels: keep the text as typed; each turn spans from after its label to the end of its last line. */
function inPlace(text: string, lines: Line[], labels: Candidate[]): DetectedTranscript {
  const turns: Turn[] = [];
  const order: string[] = [];
  labels.forEach((label, k) => {
    const stop = k + 1 < labels.length ? labels[k + 1]!.line : lines.length;
    let start = label.contentStart!;
    const own = lines[label.line]!;
    if (!text.slice(start, own.end).trim()) {
      let n = label.line + 1;
      while (n < stop && !lines[n]!.text.trim()) n++;
      if (n >= stop) return;
      const next = lines[n]!;
      start = next.start + (next.text.length - next.text.trimStart().length);
    }
    // Scanned by index: slicing and reversing the label's lines for each turn made long transcripts allocate heavily.
    let l = stop - 1;
    while (l > label.line && !lines[l]!.text.trim()) l--;
    const last = lines[l]!;
    const end = last.start + last.text.trimEnd().length;
    if (end <= start) return;
    if (!order.includes(label.speaker)) order.push(label.speaker);
    const turn: Turn = { speaker: label.speaker, start, end };
    if (label.timeMs !== undefined) turn.timeMs = label.timeMs;
    turns.push(turn);
  });
  if (turns.length === 0) return { structure: narrative(text, lines) };
  return {
    structure: {
      text,
      paragraphs: paragraphSpansOfLines(text, lines),
      turns,
      speakers: order.map((name) => ({ name, role: guessSpeakerRole(name) })),
    },
  };
}

/** Labels with timestamps or markup: rebuild the text from utterances without them. */
function rebuilt(lines: Line[], labels: Candidate[]): DetectedTranscript {
  const utterances: Utterance[] = [];
  for (const line of lines.slice(0, labels[0]!.line)) {
    if (line.text.trim()) utterances.push({ speaker: null, text: line.text });
  }
  labels.forEach((label, k) => {
    const stop = k + 1 < labels.length ? labels[k + 1]!.line : lines.length;
    const own = lines[label.line]!;
    const parts: string[] = [];
    if (label.contentStart !== null) parts.push(own.text.slice(label.contentStart - own.start, (label.trailingTimeAt ?? own.end) - own.start));
    for (const l of lines.slice(label.line + 1, stop)) parts.push(l.text);
    const body = parts
      .map((p) => stripMarkup(p).trim())
      .filter(Boolean)
      .join('\n');
    if (body) utterances.push({ speaker: label.speaker, text: body, ...(label.timeMs !== undefined ? { timeMs: label.timeMs } : {}) });
  });
  return { structure: withRoles(composeTranscript(utterances)), utterances };
}

function stripMarkup(line: string): string {
  return line.replace(/<\/?v(?:\.[^\s>]+)*(?:\s[^>]*)?>/g, '');
}

export function withRoles(structure: TranscriptStructure): TranscriptStructure {
  return { ...structure, speakers: structure.speakers.map((s) => ({ ...s, role: guessSpeakerRole(s.name) })) };
}

