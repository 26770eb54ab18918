/**
 * Reading other tools' selection offsets.
 *
 * REFI-QDA says "code points", but producers count differently (see
 * ../shared/refi-qda/NOTES.md): NVivo for Windows counts UTF-16 units with CRLF as
 * two and the BOM skipped; ATLAS.ti and QualCoder count code points with CRLF as one.
 * A reading mode is (unit, how CRLF counts). We pick one from the file's origin,
 * score every mode against the text (selections whose `name` holds the selected text,
 * selections on word boundaries) and switch only when another mode is clearly better.
 *
 * Offsets are read against the raw file text (BOM stripped, CRs kept) and then mapped
 * onto the normalised text we store (NFC, `\n`), so each selection lands on the same
 * words the producing tool showed.
 */
import { normalizeText } from '../../model/positions';

export type PositionUnit = 'utf16' | 'codepoint';
export interface PositionMode {
  unit: PositionUnit;
  /** How many positions a Windows line break (CRLF) takes. */
  crlf: 1 | 2;
}

export const ALL_MODES: PositionMode[] = [
  { unit: 'codepoint', crlf: 1 },
  { unit: 'codepoint', crlf: 2 },
  { unit: 'utf16', crlf: 2 },
  { unit: 'utf16', crlf: 1 },
];

export function modeLabel(mode: PositionMode): string {
  return `${mode.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}, CRLF counted as ${mode.crlf}`;
}

export function sameMode(a: PositionMode, b: PositionMode): boolean {
  return a.unit === b.unit && a.crlf === b.crlf;
}

/** What the producing tool is known to count, from the Project's `origin`. */
export function modeForOrigin(origin: string | undefined): { mode: PositionMode; why: string } {
  const o = (origin ?? '').toLowerCase();
  if (o.includes('nvivo')) return { mode: { unit: 'utf16', crlf: 2 }, why: 'NVivo counts UTF-16 units with CRLF as 2' };
  if (o.includes('atlas')) return { mode: { unit: 'codepoint', crlf: 1 }, why: 'ATLAS.ti counts code points with CRLF as 1' };
  if (o.includes('qualcoder')) return { mode: { unit: 'codepoint', crlf: 1 }, why: 'QualCoder counts code points over text read with universal newlines' };
  if (o.includes('lantern')) return { mode: { unit: 'codepoint', crlf: 1 }, why: 'Lantern QDA writes code points over text with plain newlines' };
  return { mode: { unit: 'codepoint', crlf: 2 }, why: 'the REFI-QDA standard counts code points, and every character in the file' };
}

/**
 * A text file's raw content and its normalised form, with the offset mapping between
 * them. A selection's start maps to where it begins in the normalised text and its end
 * to where it ends; an offset inside a character that normalisation merged, or inside a
 * surrogate pair, snaps outward so no character is split.
 *
 * Most texts are already NFC, so only line breaks change: then the mapping is computed
 * from the list of CRLF positions, with no per-character tables (600k-character texts
 * are common and projects hold hundreds).
 */
export class SourceTextMap {
  readonly text: string;
  /** Per raw UTF-16 offset, only when normalisation changed more than line breaks. */
  private readonly floor: Int32Array | null = null;
  private readonly ceil: Int32Array | null = null;
  /** Raw UTF-16 offsets of surrogate pairs and of CRLF pairs: the places where counting modes differ. */
  private readonly astral: number[] = [];
  private readonly crlfs: number[] = [];
  private readonly pairCache = new Map<string, number[]>();

  constructor(readonly raw: string) {
    const n = raw.length;
    for (let i = 0; i < n; i++) {
      const c = raw.charCodeAt(i);
      if (c === 13) {
        if (raw.charCodeAt(i + 1) === 10) this.crlfs.push(i++);
      } else if (c >= 0xd800 && c <= 0xdbff && (raw.charCodeAt(i + 1) & 0xfc00) === 0xdc00) this.astral.push(i++);
    }
    const withoutCr = raw.replace(/\r\n?/g, '\n');
    const nfc = withoutCr.normalize('NFC');
    if (nfc === withoutCr) {
      this.text = nfc;
      return;
    }
    // Slow path: normalise piece by piece (a character and its combining marks) to know where each piece lands.
    const floor = new Int32Array(n + 1);
    const ceil = new Int32Array(n + 1);
    const chunks: string[] = [];
    const run = /[\s\S][\p{M}\u1160-\u11ff]*/uy;
    let out = 0;
    let i = 0;
    while (i < n) {
      if (raw.charCodeAt(i) === 13) {
        floor[i] = ceil[i] = out;
        if (raw.charCodeAt(i + 1) === 10) {
          floor[i + 1] = ceil[i + 1] = out;
          i += 2;
        } else i += 1;
        chunks.push('\n');
        out += 1;
        continue;
      }
      run.lastIndex = i;
      const piece = run.exec(raw)![0];
      const normalized = piece.normalize('NFC');
      const same = normalized === piece;
      for (let k = 0; k < piece.length; k++) {
        const lowHalf = k > 0 && (piece.charCodeAt(k) & 0xfc00) === 0xdc00 && (piece.charCodeAt(k - 1) & 0xfc00) === 0xd800;
        if (same && !lowHalf) floor[i + k] = ceil[i + k] = out + k;
        else if (same) {
          floor[i + k] = out + k - 1;
          ceil[i + k] = out + k + 1;
        } else {
          floor[i + k] = out;
          ceil[i + k] = k === 0 ? out : out + normalized.length;
        }
      }
      chunks.push(normalized);
      out += normalized.length;
      i += piece.length;
    }
    floor[n] = ceil[n] = out;
    this.floor = floor;
    this.ceil = ceil;
    this.text = chunks.join('');
  }

  /** Raw offset -> normalised offset when only line breaks changed; `end` snaps a split surrogate pair forward. */
  private fastMap(rawOffset: number, end: boolean): number {
    let at = rawOffset;
    if (at > 0 && at < this.raw.length && (this.raw.charCodeAt(at) & 0xfc00) === 0xdc00 && (this.raw.charCodeAt(at - 1) & 0xfc00) === 0xd800)
      at += end ? 1 : -1;
    // Each CRLF that begins before the offset shrank the text by one.
    let lo = 0;
    let hi = this.crlfs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.crlfs[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return at - lo;
  }

  /** True when piecewise normalisation gave the same text as normalising the whole. */
  matchesWholeNormalization(): boolean {
    return this.text === normalizeText(this.raw);
  }

  private pairs(mode: PositionMode): number[] {
    const key = `${mode.unit}/${mode.crlf}`;
    let list = this.pairCache.get(key);
    if (!list) {
      const a = mode.unit === 'codepoint' ? this.astral : [];
      const b = mode.crlf === 1 ? this.crlfs : [];
      list = a.length === 0 ? b : b.length === 0 ? a : [...a, ...b].sort((x, y) => x - y);
      this.pairCache.set(key, list);
    }
    return list;
  }

  /** Length of the raw text as the mode counts it. */
  lengthIn(mode: PositionMode): number {
    return this.raw.length - this.pairs(mode).length;
  }

  /** A position counted in the mode -> raw UTF-16 offset. Each pair counts one in the mode but two raw. */
  private toRaw(position: number, mode: PositionMode): number {
    const pairs = this.pairs(mode);
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! - mid < position) lo = mid + 1;
      else hi = mid;
    }
    return position + lo;
  }

  /** A selection in the mode's counting -> a span of the normalised text, or why it cannot be placed. */
  map(start: number, end: number, mode: PositionMode): { start: number; end: number } | { error: string } {
    const length = this.lengthIn(mode);
    if (!Number.isInteger(start) || !Number.isInteger(end)) return { error: `positions ${start}-${end} are not whole numbers` };
    if (start < 0 || end > length) return { error: `positions ${start}-${end} fall outside the text (0-${length} in ${modeLabel(mode)})` };
    if (end < start) return { error: `selection ends (${end}) before it starts (${start})` };
    const rawStart = this.toRaw(start, mode);
    const rawEnd = this.toRaw(end, mode);
    const s = this.floor ? this.floor[rawStart]! : this.fastMap(rawStart, false);
    const e = this.ceil ? this.ceil[rawEnd]! : this.fastMap(rawEnd, true);
    return { start: s, end: Math.max(s, e) };
  }
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const c = text.charCodeAt(at - 1);
  return (c & 0xfc00) === 0xdc00 && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
}

function charAt(text: string, at: number): string {
  if (at >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(at)!);
}

/** A selection edge is on a word boundary unless it splits a run of letters or digits. */
export function onWordBoundary(text: string, at: number): boolean {
  return !(WORD.test(charBefore(text, at)) && WORD.test(charAt(text, at)));
}

/** Whether a selection's `name` matches the text it selects (ATLAS.ti truncates with "…"). */
export function nameMatches(name: string, selected: string): boolean {
  const n = normalizeText(name).trim();
  const s = selected.trim();
  if (!n) return false;
  if (n.endsWith('…') || n.endsWith('...')) {
    const prefix = n.replace(/(…|\.\.\.)$/, '').trim();
    return prefix.length > 0 && s.startsWith(prefix);
  }
  return s === n;
}

export interface SelectionProbe {
  map: SourceTextMap;
  start: number;
  end: number;
  name?: string;
}

export interface ModeScore {
  mode: PositionMode;
  placed: number;
  outOfRange: number;
  boundaries: number;
  named: number;
  nameMatches: number;
  score: number;
}

export function scoreMode(mode: PositionMode, probes: readonly SelectionProbe[]): ModeScore {
  const s: ModeScore = { mode, placed: 0, outOfRange: 0, boundaries: 0, named: 0, nameMatches: 0, score: 0 };
  for (const p of probes) {
    const span = p.map.map(p.start, p.end, mode);
    if ('error' in span) {
      s.outOfRange++;
      continue;
    }
    s.placed++;
    const text = p.map.text;
    if (onWordBoundary(text, span.start) && onWordBoundary(text, span.end)) s.boundaries++;
    if (p.name && normalizeText(p.name).trim()) {
      s.named++;
      if (nameMatches(p.name, text.slice(span.start, span.end))) s.nameMatches++;
    }
  }
  // A matching name is stronger evidence than a boundary; an impossible offset is strong counter-evidence.
  s.score = 3 * s.nameMatches + s.boundaries - 3 * s.outOfRange;
  return s;
}

export interface ModeChoice {
  mode: PositionMode;
  chosenBy: 'origin' | 'heuristics';
  evidence: string;
  scores: ModeScore[];
}

function describe(s: ModeScore, total: number): string {
  const parts = [`${s.boundaries}/${total} on word boundaries`];
  if (s.named) parts.push(`${s.nameMatches}/${s.named} names match`);
  if (s.outOfRange) parts.push(`${s.outOfRange} out of range`);
  return `${modeLabel(s.mode)}: ${parts.join(', ')}`;
}

/** The origin's mode unless another scores clearly better over all of the file's selections. */
export function chooseMode(origin: string | undefined, probes: readonly SelectionProbe[]): ModeChoice {
  const preferred = modeForOrigin(origin);
  const scores = ALL_MODES.map((m) => scoreMode(m, probes));
  const pref = scores.find((s) => sameMode(s.mode, preferred.mode))!;
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a), pref);
  const margin = Math.max(2, Math.ceil(probes.length * 0.05));
  const others = scores.filter((s) => s !== pref).map((s) => describe(s, probes.length));
  if (best !== pref && best.score - pref.score >= margin) {
    return {
      mode: best.mode,
      chosenBy: 'heuristics',
      evidence: `origin "${origin ?? 'unknown'}" suggested ${modeLabel(pref.mode)} (${preferred.why}), but the text disagrees. ${describe(best, probes.length)}; ${others.filter((o) => !o.startsWith(modeLabel(best.mode))).join('; ')}`,
      scores,
    };
  }
  return {
    mode: pref.mode,
    chosenBy: 'origin',
    evidence:
      probes.length === 0
        ? `origin "${origin ?? 'unknown'}": ${preferred.why} (no selections to check)`
        : `origin "${origin ?? 'unknown'}": ${preferred.why}. ${describe(pref, probes.length)}; ${others.join('; ')}`,
    scores,
  };
}
