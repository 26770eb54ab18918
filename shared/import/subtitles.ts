/**
 * WebVTT and SubRip captions to utterances. Automatic transcription (Teams, Zoom,
 * YouTube, Whisper) writes these; researchers want the words and who said them, not the
 * cue timing, styling or the rolling repetition of auto-captions. Cue start times are
 * kept as turn times.
 */
import type { Utterance } from '../text/compose';
import { ImportError } from './errors';
import { detectTurns } from './turns';

interface Cue {
  startMs: number;
  lines: string[];
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

/**
 * The start time of a line that TIMING matches, (h:)mm:ss.fff after any leading blanks; read
 * digit by digit, as it runs for every cue and a match array, split or Number made garbage.
 */
function cueStartMs(line: string): number {
  let before = 0;
  let unit = 0;
  let fraction = -1;
  let fractionDigits = 0;
  let i = 0;
  // TIMING allows only white space before the first digit.
  while (i < line.length && !(line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39)) i++;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a) {
      before = (before + unit) * 60;
      unit = 0;
    } else if (c === 0x2e || c === 0x2c) {
      fraction = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (fraction >= 0) {
        fraction = fraction * 10 + (c - 0x30);
        fractionDigits++;
      } else {
        unit = unit * 10 + (c - 0x30);
      }
    } else {
      break;
    }
  }
  return (before + unit) * 1000 + (fraction < 0 ? 0 : fraction * 10 ** (3 - fractionDigits));
}

const WHITE_SPACE = /\s/;

/** Where the first visible character of text[start, end) is, or -1 for a blank line (nearly every line opens with visible ASCII). */
function firstVisible(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x20 && c < 0x7f) || !WHITE_SPACE.test(text[i]!)) return i;
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A timing line opens with a digit; asking that first spares the search for '-->' through every line of words. */
function isTiming(text: string, start: number, end: number): boolean {
  const first = firstVisible(text, start, end);
  if (first < 0 || !isDigit(text.charCodeAt(first))) return false;
  const line = text.slice(start, end);
  return line.includes('-->') && TIMING.test(line);
}

function lineEnd(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}

/**
 * Cues in file order. Blocks are split at blank lines and, for sloppy files, at every timing
 * line. Walked by line offsets rather than split into lines: only cue text is ever sliced,
 * and a long recording has a hundred thousand lines.
 */
function readCues(text: string, kind: 'vtt' | 'srt', fileName: string): Cue[] {
  let start = 0;
  if (kind === 'vtt') {
    if (!/^WEBVTT(?:[ \t]|$)/.test(text.slice(0, lineEnd(text, 0)))) throw new ImportError(fileName, 'this is not a WebVTT file (the first line must be WEBVTT)');
    // The header block (Kind:, Language:, Style: ...) runs to the first blank line.
    while (start < text.length) {
      const end = lineEnd(text, start);
      if (firstVisible(text, start, end) < 0) break;
      start = end + 1;
    }
  }
  const cues: Cue[] = [];
  let current: Cue | null = null;
  let skipping = false;
  let blockStart = true;
  for (; start <= text.length; ) {
    const end = lineEnd(text, start);
    const next = end + 1;
    const visible = firstVisible(text, start, end);
    if (visible < 0) {
      blockStart = true;
      skipping = false;
    } else {
      const atBlockStart = blockStart;
      blockStart = false;
      if (!skipping) {
        if (isTiming(text, start, end)) {
          current = { startMs: cueStartMs(text.slice(start, end)), lines: [] };
          cues.push(current);
        } else if (atBlockStart && kind === 'vtt' && /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(text.slice(start, end))) {
          skipping = true;
        } else if (atBlockStart && next <= text.length && isTiming(text, next, lineEnd(text, next))) {
          // A cue identifier (SRT's number, VTT's optional id) sits just above a timing line.
        } else {
          // Text after a blank line inside a cue (SRT allows it) still belongs to that cue.
          current?.lines.push(text.slice(start, end));
        }
      }
    }
    if (end === text.length) break;
    start = next;
  }
  return cues;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '', rlm: '' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Words only: inline word timings, class/colour/italic tags and SSA position codes go. Most
 * lines have none, so test before replacing. Runs of blanks are collapsed; whether the file
 * has any is asked once for the whole file (blankRuns), as asking every line cost more than
 * the rest of this function, and again only for a line that removing markup has changed.
 */
function cleanLine(line: string, reading: Reading): string {
  let s = line;
  if (s.includes('<')) s = s.replace(/<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>/g, '').replace(/<\/?[a-z][^>]*>/gi, '');
  if (s.includes('{')) s = s.replace(/\{\\[^}]*\}/g, '');
  if (s.includes('&')) s = decodeEntities(s);
  if (s !== line) reading.altered = true;
  if ((reading.blankRuns || s !== line) && BLANK_RUN.test(s)) s = s.replace(/[ \t]+/g, ' ');
  return s.trim();
}

/** What reading a caption file learns on the way. */
interface Reading {
  /** The file has a tab or two spaces in a row somewhere (hasBlankRuns). */
  readonly blankRuns: boolean;
  /**
   * Markup or an entity was taken out of some line. Until then every piece is a slice of
   * the decoded (NFC) text with only white space changed, so the transcript is NFC too.
   */
  altered: boolean;
}

/** Whether a text has a tab or two spaces in a row, which cleanLine collapses. */
function hasBlankRuns(text: string): boolean {
  return text.includes('\t') || text.includes('  ');
}

const BLANK_RUN = /\t| {2}/;

interface Piece {
  speaker: string | null;
  text: string;
  timeMs: number;
}

const VOICE_END = /<\/v>\s*$/;

/**
 * A voice tag opening the line, <v Name> or <v.class Name>, read by hand: the pattern
 * /^\s*<v(?:\.[^\s>]+)*\s+([^>]+)>/ and its match array cost more than the rest of a cue
 * line's reading. Returns where the tag ends and the name as written, or null.
 */
function voiceTag(line: string): { end: number; name: string } | null {
  const open = firstVisible(line, 0, line.length);
  if (open < 0 || line.charCodeAt(open) !== 0x3c || line.charCodeAt(open + 1) !== 0x76) return null;
  let at = open + 2;
  // Classes: each a dot and at least one character other than white space and '>'.
  while (line[at] === '.') {
    let end = at + 1;
    while (end < line.length && line[end] !== '>' && !WHITE_SPACE.test(line[end]!)) end++;
    if (end === at + 1) return null;
    at = end;
  }
  let name = at;
  while (name < line.length && WHITE_SPACE.test(line[name]!)) name++;
  if (name === at) return null;
  const close = line.indexOf('>', name);
  if (close < 0) return null;
  // A name of blanks only: the pattern gives it the last blank, as backtracking would.
  if (close === name) return name - at >= 2 ? { end: close + 1, name: line.slice(name - 1, close) } : null;
  return { end: close + 1, name: line.slice(name, close) };
}

/** Splits a cue into voice-tagged pieces, added to out; a cue without a voice tag is one piece with no speaker. */
function cuePieces(cue: Cue, out: Piece[], reading: Reading): void {
  const first = out.length;
  let speaker: string | null = null;
  for (const raw of cue.lines) {
    const voice = voiceTag(raw);
    if (voice) speaker = voice.name.trim();
    // The voice tag is known to be markup, so it is cut off here rather than found again by cleanLine's patterns.
    const text = cleanLine(voice ? raw.slice(voice.end) : raw, reading);
    if (!voice && raw.includes('</v>') && VOICE_END.test(raw)) speaker = null;
    if (!text) continue;
    const last = out.length > first ? out[out.length - 1] : undefined;
    if (last && last.speaker === speaker) last.text += '\n' + text;
    else out.push({ speaker, text, timeMs: cue.startMs });
  }
}

/**
 * Rolling auto-captions repeat the previous cue's line before adding a new one, and
 * growing captions extend it word by word. Keep each line once, in its fullest form.
 */
function dropRepeats(pieces: Piece[]): Piece[] {
  if (!isRolling(pieces)) return pieces;
  const out: Piece[] = [];
  let recent: string[] = [];
  let recentSpeaker: string | null = null;
  for (const piece of pieces) {
    const lines = piece.text.split('\n');
    const fresh: string[] = [];
    for (const line of lines) {
      if (recentSpeaker === piece.speaker && recent.includes(line)) continue;
      const last = out[out.length - 1];
      const lastLines = last?.text.split('\n') ?? [];
      const tail = lastLines[lastLines.length - 1];
      if (fresh.length === 0 && last && last.speaker === piece.speaker && tail && line.startsWith(tail) && line.length > tail.length) {
        lastLines[lastLines.length - 1] = line;
        last.text = lastLines.join('\n');
        continue;
      }
      fresh.push(line);
    }
    recent = lines;
    recentSpeaker = piece.speaker;
    if (fresh.length) out.push({ ...piece, text: fresh.join('\n') });
  }
  return out;
}

/** Rolling captions, not a conversation in which someone happens to repeat "Yes.": many cues open with the previous cue's last line. */
function isRolling(pieces: Piece[]): boolean {
  let repeats = 0;
  for (let i = 1; i < pieces.length; i++) {
    // Two people may say the same thing; only one voice repeating itself is rolling.
    if (pieces[i - 1]!.speaker !== pieces[i]!.speaker) continue;
    // Compared in place: slicing both lines and adding a space made garbage for every cue of a recording.
    const before = pieces[i - 1]!.text;
    // lastIndexOf is a slow call in the engine; most pieces are one line, which includes settles.
    const lastStart = before.includes('\n') ? before.lastIndexOf('\n') + 1 : 0;
    const lastLength = before.length - lastStart;
    const text = pieces[i]!.text;
    const newline = text.indexOf('\n');
    const firstLength = newline < 0 ? text.length : newline;
    const opensWithLast = firstLength >= lastLength && text.startsWith(lastLength === before.length ? before : before.slice(lastStart));
    if (opensWithLast && (firstLength === lastLength || text.charCodeAt(lastLength) === 0x20)) repeats++;
  }
  return pieces.length > 1 && repeats >= (pieces.length - 1) * 0.25;
}

export interface CaptionResult {
  utterances: Utterance[];
  cueCount: number;
  /** The utterances are NFC already: composeTranscript need not check. */
  normalized: boolean;
}

export function parseCaptions(text: string, kind: 'vtt' | 'srt', fileName: string): CaptionResult {
  const cues = readCues(text, kind, fileName);
  if (cues.length === 0) throw new ImportError(fileName, `no ${kind === 'vtt' ? 'WebVTT' : 'SubRip'} cues (timing lines such as 00:00:01.000 --> 00:00:02.000) were found`);
  // Into one array, not flatMap over an array per cue: a long recording has tens of thousands of cues.
  const all: Piece[] = [];
  const reading: Reading = { blankRuns: hasBlankRuns(text), altered: false };
  for (const cue of cues) cuePieces(cue, all, reading);
  const pieces = dropRepeats(all);
  const voiced = pieces.some((p) => p.speaker !== null);
  const labelled = voiced ? labelsBesideVoices(pieces) : labelsInCueText(pieces);
  return { utterances: mergeSameSpeaker(labelled), cueCount: cues.length, normalized: !reading.altered };
}

/**
 * Zoom and many SRT files put "Name: " at the start of the cue text instead of a voice
 * tag. Use the plain-text detector so the same false-positive guards apply.
 */
function labelsInCueText(pieces: Piece[]): Piece[] {
  const joined = pieces.map((p) => p.text.replace(/\n/g, ' ')).join('\n');
  const detected = detectTurns(joined);
  // Timestamps inside cue text would make the detector rebuild the text, and its offsets would no longer match.
  if (detected.structure.turns.length === 0 || detected.utterances) return pieces.map((p) => ({ ...p, text: p.text.replace(/\n/g, ' ') }));
  const out: Piece[] = [];
  let offset = 0;
  const turns = detected.structure.turns;
  let t = 0;
  for (const piece of pieces) {
    const line = piece.text.replace(/\n/g, ' ');
    const lineEnd = offset + line.length;
    while (t < turns.length && turns[t]!.end <= offset) t++;
    const turn = turns[t];
    if (turn && turn.start >= offset && turn.start <= lineEnd) {
      out.push({ speaker: turn.speaker, text: joined.slice(turn.start, lineEnd), timeMs: piece.timeMs });
    } else if (turn && turn.start < offset && turn.end >= lineEnd && out.length) {
      out.push({ speaker: out[out.length - 1]!.speaker, text: line, timeMs: piece.timeMs });
    } else {
      out.push({ speaker: null, text: line, timeMs: piece.timeMs });
    }
    offset = lineEnd + 1;
  }
  return out;
}

/**
 * Files that mix conventions (a Zoom export edited by hand, captions merged from two
 * tools) tag some cues with <v Name> and label others "Name: ". The plain-text detector
 * reads the whole file with the voices written as labels, so an untagged label is judged
 * in the context of the dialogue; a label naming a voice already heard is always a turn.
 * Either way a label never stays in the text outside a turn.
 */
function labelsBesideVoices(pieces: Piece[]): Piece[] {
  const voices = new Map<string, string>();
  // Every cue tagged: nothing is left for the plain-text detector to judge, and running it over the whole file is most of a caption import.
  if (pieces.every((p) => p.speaker !== null)) return pieces;
  for (const p of pieces) if (p.speaker !== null && !voices.has(p.speaker.toLowerCase())) voices.set(p.speaker.toLowerCase(), p.speaker);
  const detected = labelsInCueText(pieces.map((p) => (p.speaker === null ? p : { ...p, text: `${p.speaker}: ${p.text}` })));
  return pieces.map((p, i) => {
    if (p.speaker !== null) return p;
    const label = /^([^:\n]{1,60}):[ \t]+(\S[\s\S]*)$/.exec(p.text);
    const voice = label && voices.get(label[1]!.trim().toLowerCase());
    if (voice) return { ...p, speaker: voice, text: label[2]! };
    return detected[i]!;
  });
}

/**
 * A speaker's consecutive cues are one turn (caption lines break where the screen is
 * full, not where the thought ends). Cues without a speaker stay one paragraph each, with its cue time.
 */
function mergeSameSpeaker(pieces: Piece[]): Utterance[] {
  const out: Utterance[] = [];
  // A turn's cue texts are joined once, when it ends: built with += they made a rope that was copied flat twice later on.
  let parts: string[] = [];
  const finish = () => {
    if (parts.length > 1) out[out.length - 1]!.text = parts.join(' ');
    parts = [];
  };
  for (const piece of pieces) {
    const text = piece.text.includes('\n') ? piece.text.replace(/\n/g, ' ') : piece.text;
    const last = out[out.length - 1];
    if (piece.speaker !== null && last && last.speaker === piece.speaker) {
      parts.push(text);
      continue;
    }
    finish();
    // Without a speaker the cue time goes to the paragraph, so captions keep their timing.
    out.push({ speaker: piece.speaker, text, timeMs: piece.timeMs });
    parts.push(text);
  }
  finish();
  return out;
}
