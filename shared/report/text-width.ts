/**
 * How wide a line of table text prints, so columns can be made wide enough that no word breaks.
 * The report asks for Arial; Word and macOS have it, Linux and LibreOffice often put Liberation
 * Sans (the same widths) or DejaVu Sans (wider: "Excerpts" in bold is 16% wider) in its place.
 * A width here is the larger of the two, so a column fits whichever face the reader's machine uses.
 */

// Advance widths of Arial (and Liberation Sans) in thousandths of an em, for the characters whose
// width is far from a digit's; the rest are estimated by their case.
const ARIAL_NARROW: Record<string, number> = {
  ' ': 278,
  '(': 333,
  ')': 333,
  '[': 278,
  ']': 278,
  '/': 278,
  '.': 278,
  ',': 278,
  ':': 278,
  ';': 278,
  '-': 333,
  "'": 191,
  '\u2019': 222,
  '=': 584,
  '%': 889,
  '\u2013': 556,
  '\u2014': 1000,
  i: 222,
  j: 222,
  l: 222,
  f: 278,
  t: 278,
  r: 333,
  m: 833,
  w: 722,
  I: 278,
  M: 833,
  W: 944,
};

function arialEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    const narrow = ARIAL_NARROW[ch];
    if (narrow !== undefined) em += bold && /\p{L}/u.test(ch) ? narrow + 56 : narrow;
    else if (/\p{Lu}/u.test(ch)) em += 722;
    else em += bold ? 611 : 556;
  }
  return em;
}

// DejaVu Sans 2.37 (Book and Bold) advance widths in thousandths of an em, read from the fonts'
// hmtx tables, for U+0020-U+007E and then the characters in DEJAVU_EXTRA.
const DEJAVU_EXTRA = '\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026';
// prettier-ignore
const DEJAVU_BOOK = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838,318,500,1000,318,318,518,518,1000];
// prettier-ignore
const DEJAVU_BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838,348,500,1000,380,380,657,657,1000];

function dejavuWidth(ch: string, bold: boolean): number {
  const table = bold ? DEJAVU_BOLD : DEJAVU_BOOK;
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return table[code - 0x20]!;
  const extra = DEJAVU_EXTRA.indexOf(ch);
  if (extra >= 0) return table[95 + extra]!;
  // An accented letter is as wide as its base letter; anything else (CJK, symbols) a full em.
  const base = ch.normalize('NFD')[0]!;
  return base !== ch && base.codePointAt(0)! <= 0x7e ? dejavuWidth(base, bold) : 1000;
}

function dejavuEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += dejavuWidth(ch, bold);
  return em;
}

/** Width of one line of table text in DXA: body cells are 9 pt, headers 8 pt bold (see `table`). */
export function lineWidthDxa(text: string, header = false): number {
  const em = Math.max(arialEm(text, header), dejavuEm(text, header));
  const points = header ? 8 : 9;
  return Math.ceil((em / 1000) * points * 20);
}
