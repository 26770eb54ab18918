/** The name written for a coded selection in REFI-QDA: its first words, as other tools show them. */

/** What `\s` (and String.prototype.trim) count as white space. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The first few words of a selection as its name, so other tools can show and check it:
 * white space collapsed and trimmed, at most 80 code points (79 and "…" when longer),
 * looking at no more than the first 400 UTF-16 units. Walked by hand, stopping once the
 * name is full, because a study writes tens of thousands of these.
 */
export function selectionName(text: string, start: number, end: number): string {
  const stop = Math.min(end, start + 400);
  let count = 0;
  let at79 = -1;
  let space = false;
  let out = '';
  for (let i = start; i < stop && count <= 80; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = count > 0;
      continue;
    }
    if (space) {
      out += ' ';
      if (++count === 79) at79 = out.length;
      space = false;
      if (count > 80) break;
    }
    // A surrogate pair is one code point; a lone surrogate counts alone.
    const low = c >= 0xd800 && c <= 0xdbff && i + 1 < stop ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      out += text.slice(i, i + 2);
      i++;
    } else out += text[i]!;
    if (++count === 79) at79 = out.length;
  }
  return count > 80 ? `${out.slice(0, at79)}…` : out;
}
