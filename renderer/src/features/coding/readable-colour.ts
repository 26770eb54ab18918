/**
 * Colours for labels drawn on a code's colour (margin stripes): near-black or white, whichever
 * has the higher WCAG 2 contrast ratio with the background, so light and mid-tone colours such as
 * #76b7b2 get dark text. Where neither reaches AA for small text (4.5:1; e.g. #9c755f gives 4.2:1
 * at best), the stripe is shaded a little darker or lighter until it does.
 */
export const DARK_TEXT = '#1f2328';
export const LIGHT_TEXT = '#ffffff';

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb (or #rgb) colour; null if it is not one. */
export function luminance(hex: string): number | null {
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) return null;
  const n = parseInt(h, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

export function readableOn(hex: string): string {
  const bg = luminance(hex);
  if (bg === null) return DARK_TEXT;
  return contrastRatio(bg, luminance(DARK_TEXT)!) >= contrastRatio(bg, 1) ? DARK_TEXT : LIGHT_TEXT;
}

const AA = 4.5;

function hex2(n: number): string {
  return Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');
}

/** Text and background for a label on this colour, at least 4.5:1 apart. */
export function labelColours(hex: string): { text: string; background: string } {
  const text = readableOn(hex);
  const bg = luminance(hex);
  if (bg === null) return { text, background: hex };
  const textLum = luminance(text)!;
  if (contrastRatio(bg, textLum) >= AA) return { text, background: hex };
  const n = parseInt(hex.replace(/^#/, '').replace(/^(.)(.)(.)$/, '$1$1$2$2$3$3'), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const toward = text === LIGHT_TEXT ? 0 : 255; // white text: darken; dark text: lighten
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = `#${rgb.map((c) => hex2(c + (toward - c) * t)).join('')}`;
    if (contrastRatio(luminance(mixed)!, textLum) >= AA) return { text, background: mixed };
  }
  return { text, background: toward === 0 ? '#000000' : '#ffffff' };
}
