/**
 * Advance widths read from a TrueType font on this machine (its cmap and hmtx tables), so tests
 * can measure report text in the face LibreOffice really prints it in, independently of the
 * estimates the report itself uses.
 */
import { existsSync, readFileSync } from 'node:fs';

export const DEJAVU_SANS_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

export interface FontMetrics {
  /** Width of the text in thousandths of an em (no kerning: Word and LibreOffice do not kern table text by default). */
  em(text: string): number;
}

export function readFontMetrics(file: string): FontMetrics {
  if (!existsSync(file)) throw new Error(`${file} is missing: install the fonts-dejavu-core package (.ci/run does)`);
  const b = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0; i < b.readUInt16BE(4); i++) tables.set(b.toString('latin1', 12 + i * 16, 16 + i * 16), b.readUInt32BE(20 + i * 16));
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file} has no ${tag} table`);
    return at;
  };
  const unitsPerEm = b.readUInt16BE(table('head') + 18);
  const longMetrics = b.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => b.readUInt16BE(hmtx + 4 * Math.min(glyph, longMetrics - 1));

  // The Windows Unicode BMP subtable (format 4): segments of character codes mapped to glyphs.
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + b.readUInt32BE(record + 4);
    if (b.readUInt16BE(record) === 3 && b.readUInt16BE(record + 2) === 1 && b.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub < 0) throw new Error(`${file} has no Unicode cmap`);
  const segments = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  const glyphOf = (code: number): number => {
    for (let i = 0; i < segments; i++) {
      if (code > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (code < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const range = b.readUInt16BE(ranges + 2 * i);
      if (range === 0) return (code + delta) & 0xffff;
      const glyph = b.readUInt16BE(ranges + 2 * i + range + 2 * (code - start));
      return glyph ? (glyph + delta) & 0xffff : 0;
    }
    return 0;
  };
  return {
    em: (text) => [...text].reduce((sum, ch) => sum + (advance(glyphOf(ch.codePointAt(0)!)) * 1000) / unitsPerEm, 0),
  };
}
