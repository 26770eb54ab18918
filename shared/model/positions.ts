/**
 * The one place where text positions change units.
 *
 * We store UTF-16 code-unit offsets (JavaScript's string indices). REFI-QDA counts
 * Unicode code points; the two differ only after astral characters (emoji, some CJK),
 * each of which is two UTF-16 units but one code point. A PositionMap indexes the
 * astral characters of one text once, so each conversion is a binary search.
 */

export class PositionMap {
  /** UTF-16 offsets of every astral character (its high surrogate), ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** Number of astral characters that start before the UTF-16 offset. */
  private astralBeforeUtf16(offset: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * UTF-16 offset -> code point offset. An offset inside a surrogate pair (which a
   * stored span never has) counts the pair as already begun.
   */
  toCodePoint(utf16: number): number {
    if (utf16 < 0 || utf16 > this.utf16Length) throw new RangeError(`UTF-16 offset ${utf16} is outside 0..${this.utf16Length}`);
    return utf16 - this.astralBeforeUtf16(utf16);
  }

  /** Code point offset -> UTF-16 offset. */
  toUtf16(codePoint: number): number {
    if (codePoint < 0 || codePoint > this.codePointLength)
      throw new RangeError(`code point offset ${codePoint} is outside 0..${this.codePointLength}`);
    // Find how many astral characters start before the answer: the k-th astral char
    // (UTF-16 offset a_k) lies at code point a_k - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }
}

/** Normalise text once at import: Unicode NFC and \n line ends. Spans are taken over the result. */
export function normalizeText(raw: string): string {
  // Most texts have no carriage return; the search is far cheaper than a regex replace that finds nothing.
  // CRLF first as a plain string, then any lone CR (old Mac files). Split and join rather than replaceAll,
  // whose result is a rope that normalize() would have to copy flat again.
  if (!raw.includes('\r')) return raw.normalize('NFC');
  const lf = raw.split('\r\n').join('\n');
  return (lf.includes('\r') ? lf.replaceAll('\r', '\n') : lf).normalize('NFC');
}
