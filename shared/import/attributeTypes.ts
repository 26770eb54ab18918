/** Choosing an attribute's type from the values a file gives for it. */
import type { AttributeType } from '../model/schema';
import { valueProblem } from '../ops';

const CANDIDATES: AttributeType[] = ['boolean', 'integer', 'float', 'date', 'datetime'];

/**
 * The most specific type that at least three in four values fit; the rest are reported
 * as misfits rather than silently turning a numeric attribute into text.
 */
export function inferAttributeType(values: readonly string[]): AttributeType {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return 'text';
  for (const type of CANDIDATES) {
    // 0/1 columns are counts more often than flags; only words make a boolean.
    if (type === 'boolean' && !filled.some((v) => /^(true|false|yes|no)$/i.test(v))) continue;
    // A column of years or ids parses as a date too; dates need the date shape.
    if (type === 'datetime' && !filled.some((v) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v))) continue;
    const fits = filled.filter((v) => valueProblem(type, v) === null).length;
    if (fits >= filled.length * 0.75) return type;
  }
  return 'text';
}

export { valueProblem };
