/**
 * Spoken names for the code palette (shared/model CODE_PALETTE): a screen-reader user hears
 * "orange", not "#f28e2b". Colours outside the palette (from the custom picker) are named by hue.
 */
const NAMES: Record<string, string> = {
  '#4e79a7': 'steel blue', '#f28e2b': 'orange', '#e15759': 'red', '#76b7b2': 'teal', '#59a14f': 'green',
  '#edc948': 'yellow', '#b07aa1': 'purple', '#ff9da7': 'pink', '#9c755f': 'brown', '#bab0ac': 'grey',
  '#1f77b4': 'blue', '#2ca02c': 'bright green', '#d62728': 'crimson', '#9467bd': 'violet', '#8c564b': 'dark brown',
  '#e377c2': 'orchid', '#17becf': 'cyan', '#bcbd22': 'olive',
};

const HUES: [number, string][] = [
  [15, 'red'], [45, 'orange'], [70, 'yellow'], [165, 'green'], [200, 'teal'], [255, 'blue'], [290, 'purple'], [335, 'pink'], [360, 'red'],
];

export function colourName(hex: string): string {
  const known = NAMES[hex.toLowerCase()];
  if (known) return known;
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return hex;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  if (max - min < 0.08) return light > 0.85 ? 'white' : light < 0.15 ? 'black' : 'grey';
  const d = max - min;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  const hue = HUES.find(([limit]) => h * 60 <= limit)![1];
  return light < 0.3 ? `dark ${hue}` : light > 0.75 ? `light ${hue}` : hue;
}
