/**
 * The speaker labels detectTurns (turns.ts) recognises at the start of a line, as regular
 * expressions with a cheap pre-check each, and the words that are or are not speakers.
 */
import { TIME_PATTERN } from './time';

export type Family = 'colon' | 'bracket' | 'header' | 'voice';

export const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}.'’&\-_]*`;
export const NAME = String.raw`${WORD}(?: (?:${WORD}|\(${WORD}\))){0,4}`;
const T = TIME_PATTERN;

/** What a line offers cheaply, so a pattern that cannot match is not run (each is a regex with backtracking over names). */
export interface Shape {
  /** Opens with '[' or a digit, as a label that starts with a time does. */
  timeFirst: boolean;
  /** Has '(' or '[' somewhere, as a bracketed time needs. */
  bracket: boolean;
  /** The last character that is not white space. */
  last: string;
}

export interface Pattern {
  family: Family;
  re: RegExp;
  header?: boolean;
  markup: boolean;
  may: (s: Shape, body: string) => boolean;
}

/**
 * The pattern with its named groups made plain, and where each name's group is. The names
 * document the patterns; matching with them built a groups object for every labelled line.
 */
export function numbered(re: RegExp): { re: RegExp; name: number; time: number } {
  let index = 0;
  const at: Record<string, number> = {};
  // Escapes and character classes pass unchanged (a '(' inside [...] opens no group).
  const source = re.source.replace(/\\.|\[(?:\\.|[^\]\\])*\]|\((\?<(\w+)>|\?)?/g, (token, extension?: string, name?: string) => {
    if (token[0] !== '(' || extension === '?') return token;
    index++;
    if (name) at[name] = index;
    return '(';
  });
  return { re: new RegExp(source, re.flags), name: at.name ?? 0, time: at.time ?? 0 };
}

export const NAMED_PATTERNS: Pattern[] = [
  // [10:02] Anna: text  |  00:01:02 John Smith: text
  { family: 'colon', re: new RegExp(String.raw`^\[?(?<time>${T})\]?\s+(?:-\s*)?(?<name>${NAME})\s*:(?:\s+|$)`, 'u'), markup: true, may: (s) => s.timeFirst },
  // Speaker 1 (00:00): text
  { family: 'colon', re: new RegExp(String.raw`^(?<name>${NAME})\s+[([](?<time>${T})[)\]]\s*:(?:\s+|$)`, 'u'), markup: true, may: (s) => s.bracket },
  // John Smith   0:03  |  Speaker 1 (00:00):  (alone on the line)
  {
    family: 'header',
    header: true,
    re: new RegExp(String.raw`^(?<name>${NAME})\s+[([]?(?<time>${T})[)\]]?\s*:?\s*$`, 'u'),
    markup: true,
    may: (s) => s.last === ':' || s.last === ')' || s.last === ']' || (s.last >= '0' && s.last <= '9'),
  },
  // 00:01:02 John Smith  |  [10:02] Anna
  { family: 'header', header: true, re: new RegExp(String.raw`^\[?(?<time>${T})\]?\s+(?:-\s*)?(?<name>${NAME})\s*$`, 'u'), markup: true, may: (s) => s.timeFirst },
  // [John Smith] 10:02:03 (Zoom)
  { family: 'header', header: true, re: new RegExp(String.raw`^\[(?<name>[^\]\n]{1,40})\]\s+(?<time>${T})\s*$`, 'u'), markup: true, may: (_, b) => b[0] === '[' },
  // Anna: [00:01:23] text  |  Anna: (01:23) text
  { family: 'colon', re: new RegExp(String.raw`^(?<name>${NAME})\s*:\s*[([](?<time>${T})[)\]](?:\s+|$)`, 'u'), markup: true, may: (s) => s.bracket },
  // **Anna:** text  |  **Anna**: text
  { family: 'colon', re: new RegExp(String.raw`^\*\*(?<name>${NAME})(?::\*\*|\*\*\s*:)(?:\s+|$)`, 'u'), markup: false, may: (_, b) => b[0] === '*' },
  // Anna: text
  { family: 'colon', re: new RegExp(String.raw`^(?<name>${NAME})\s*:(?:\s+|$)`, 'u'), markup: false, may: () => true },
  // [id1] text
  { family: 'bracket', re: /^\[(?<name>[^\]\n]{1,30})\](?:\s+|$)/u, markup: false, may: (_, b) => b[0] === '[' },
  // <v Anna>text
  { family: 'voice', re: /^<v(?:\.[^\s>]+)*\s+(?<name>[^>\n]{1,60})>\s*/u, markup: true, may: (_, b) => b[0] === '<' },
];
export const PATTERNS = NAMED_PATTERNS.map((p) => {
  const plain = numbered(p.re);
  return { ...p, ...plain, ascii: asciiNames(plain.re) };
});

/**
 * The pattern with names of ASCII letters and digits only, tried first: most speakers' names
 * are, and it runs three times faster than Unicode classes. It has the same shape with
 * narrower classes, and every character it matches in a name is in both, so where it
 * matches the full pattern matches the same text with the same groups.
 */
export function asciiNames(re: RegExp): RegExp | null {
  const source = re.source.replaceAll(String.raw`\p{L}\p{N}`, 'A-Za-z0-9');
  return source === re.source ? null : new RegExp(source, re.flags);
}

/** Role words (optionally numbered) that are speakers even when they occur once. */
export const ROLE_LABEL =
  /^(interviewer|interviewee|respondent|participant|moderator|facilitator|researcher|speaker|question|answer|int|res|resp|iv|ie|i|r|q|a|p|id|m)\s*[-_#]?\s*\d*$/i;

/** Bracketed stage directions and metadata headings that look like labels but are not speakers. */
export const NOT_A_SPEAKER =
  /^(inaudible|laughter|laughs|laughing|crosstalk|cross talk|pause|long pause|silence|unclear|music|applause|noise|overlapping|overlap|coughs|background noise|redacted|name|end|start|note|notes|nb|ps|date|time|location|place|duration|title|subject|re|example|e\.g|source|tel|email|phone|http|https|www|transcript|transcription|recording|file|page|summary|topic|site|interview date|attendees|present|keywords)$/i;

export const NAME_LIKE_WORD = /^[\p{Lu}\p{N}(]/u;

/** A bracketed time closing a line, where transcribers mark the recording's clock. */
export const TRAILING_TIME = numbered(new RegExp(String.raw`\s*[([](?<time>${T})[)\]]\s*$`, 'u'));
