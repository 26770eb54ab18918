/**
 * Building a source's text and structure from speaker turns. Importers of row files,
 * subtitles and the demo and benchmark generators all describe a transcript as a list
 * of utterances; this turns them into the one text layout we store:
 *
 *   Speaker: utterance paragraph one
 *   utterance paragraph two
 *
 *   Next speaker: ...
 *
 * The speaker label stays in the text (so other tools reading our REFI export still see
 * who speaks), while each turn's span covers only the utterance.
 */
import type { Paragraph, Span, Speaker, Turn } from '../model/schema';
import { normalizeText } from '../model/positions';

export interface Utterance {
  /** Null for narrative text with no speaker (a paragraph of its own). */
  speaker: string | null;
  text: string;
  /** The turn's time; without a speaker, the time of the utterance's first paragraph (captions). */
  timeMs?: number;
}

export interface TranscriptStructure {
  text: string;
  paragraphs: Paragraph[];
  turns: Turn[];
  speakers: Speaker[];
}

const INTERVIEWER_NAMES = /^(interviewer|int|i|q|moderator|facilitator|researcher)\b/i;

/** A first guess at who asks the questions; the user confirms it before import. */
export function guessRole(speaker: string): Speaker['role'] {
  return INTERVIEWER_NAMES.test(speaker.trim()) ? 'interviewer' : 'respondent';
}

/**
 * normalized: the caller vouches that every utterance text and speaker name is NFC without
 * carriage returns (slices of a decoded text, with only white space changed), so the
 * transcript needs no check.
 */
export function composeTranscript(utterances: readonly Utterance[], options: { normalized?: boolean } = {}): TranscriptStructure {
  // Utterances usually come from text normalised already (decoded files). Normalising each of
  // thousands separately cost more than building the transcript, so build it as given and check the whole
  // once. The joints are ASCII that composes with nothing, so the whole is NFC exactly when every piece is.
  const asGiven = compose(utterances, (s) => s);
  if (options.normalized || (!asGiven.text.includes('\r') && asGiven.text.normalize('NFC') === asGiven.text)) return asGiven;
  return compose(utterances, normalizeText);
}

function compose(utterances: readonly Utterance[], normalize: (text: string) => string): TranscriptStructure {
  // Joined once at the end rather than concatenated: a string built with += stays a rope that
  // every later reader walks (hashing it ran at half speed), while join makes it flat.
  const parts: string[] = [];
  let length = 0;
  const paragraphs: Paragraph[] = [];
  const turns: Turn[] = [];
  const speakerOrder: string[] = [];
  for (const u of utterances) {
    const body = normalize(u.text).trim();
    if (!body) continue;
    if (length) {
      parts.push('\n\n');
      length += 2;
    }
    const paragraphStart = length;
    let block = body;
    if (u.speaker !== null) {
      // A name is one line (a spreadsheet cell may hold a break), so the label never splits a paragraph.
      const name = normalize(u.speaker).trim();
      const speaker = name.includes('\n') ? name.replace(/\s*\n\s*/g, ' ') : name;
      if (!speakerOrder.includes(speaker)) speakerOrder.push(speaker);
      block = `${speaker}: ${body}`;
      const start = paragraphStart + speaker.length + 2;
      const turn: Turn = { speaker, start, end: paragraphStart + block.length };
      if (u.timeMs !== undefined) turn.timeMs = u.timeMs;
      turns.push(turn);
    }
    parts.push(block);
    length += block.length;
    // A multi-line utterance keeps its lines as paragraphs of one turn. The lines are found in
    // the body (flat already; searching the labelled block would copy it) and placed after the label.
    const label = block.length - body.length;
    const timed = u.speaker === null && u.timeMs !== undefined;
    for (let from = 0; ; ) {
      const newline = body.indexOf('\n', from);
      const lineEnd = newline === -1 ? body.length : newline;
      if (lineEnd > from) {
        const paragraph: Paragraph = { start: paragraphStart + (from === 0 ? 0 : label + from), end: paragraphStart + label + lineEnd };
        if (timed && from === 0) paragraph.timeMs = u.timeMs;
        paragraphs.push(paragraph);
      }
      if (newline === -1) break;
      from = newline + 1;
    }
  }
  return {
    text: parts.join(''),
    paragraphs,
    turns,
    speakers: speakerOrder.map((name) => ({ name, role: guessRole(name) })),
  };
}

/** Paragraph spans of plain text: each non-blank line is a paragraph. */
export function paragraphSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (!isBlank(text, start, end)) out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** The same, for a text already split into lines (turn detection has them), so it is not searched for line ends again. */
export function paragraphSpansOfLines(text: string, lines: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const { start, end } of lines) if (!isBlank(text, start, end)) out.push({ start, end });
  return out;
}

/** Whether text[start, end) is only white space; nearly every line opens with a visible ASCII character, which settles it without a copy. */
function isBlank(text: string, start: number, end: number): boolean {
  if (start === end) return true;
  const first = text.charCodeAt(start);
  if (first > 0x20 && first < 0x7f) return false;
  return !text.slice(start, end).trim();
}
