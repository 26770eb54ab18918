/** Clock times as transcripts write them ("0:03", "00:01:02", "00:01:02,500", "1:02:03.5") to milliseconds. */
export const TIME_PATTERN = String.raw`\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?`;

const TIME = new RegExp(String.raw`^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$`);

export function parseClock(value: string): number | undefined {
  const m = TIME.exec(value);
  if (!m) return undefined;
  const [, h, min, s, frac] = m;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return ((Number(h ?? 0) * 60 + Number(min)) * 60 + Number(s)) * 1000 + ms;
}

/**
 * A time cell from a spreadsheet: a clock time, plain seconds, or (from .xlsx) a
 * fraction of a day, which is how Excel stores a time typed as 0:01:02.
 */
export function parseTimeCell(value: string, numbersAreDays = false): number | undefined {
  const clock = parseClock(value);
  if (clock !== undefined) return clock;
  const trimmed = value.trim();
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Math.round(numbersAreDays && n < 1 ? n * 86_400_000 : n * 1000);
}
