/**
 * Agreement figures as text. A kappa of -0.0004 rounds to zero, and zero has no sign: a
 * printed "-0.000" reads as a (tiny) disagreement that the counts do not show.
 */

/** x to the given decimals, a value that rounds to zero printed without a minus sign. */
export function fixedFigure(x: number, digits: number, missing = 'undefined'): string {
  if (!Number.isFinite(x)) return missing;
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A proportion as a percentage with one decimal. */
export function percentFigure(x: number, missing = 'undefined'): string {
  return Number.isFinite(x) ? `${fixedFigure(x * 100, 1)}%` : missing;
}

/** "1 source", "2 sources". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
