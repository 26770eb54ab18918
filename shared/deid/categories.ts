/**
 * What kind of identifier a candidate is, and the pseudonym each kind gets by default:
 * numbered people and organisations ("[Participant 3]", "[Agency 2]"), lettered sites
 * ("[Site B]"), and one fixed tag for patterns ("[Phone]", "[Date]").
 */
import { z } from 'zod';

export const deidCategorySchema = z.enum([
  'participant', 'interviewer', 'person', 'officer', 'place', 'site', 'organisation',
  'email', 'phone', 'address', 'date', 'age', 'id', 'url',
]);
export type DeidCategory = z.infer<typeof deidCategorySchema>;
export const DEID_CATEGORIES = deidCategorySchema.options;

/** Where a candidate came from, shown beside it in the review list. */
export const deidOriginSchema = z.enum(['speaker', 'case', 'attribute', 'list', 'nlp', 'pattern', 'capitalised', 'saved']);
export type DeidOrigin = z.infer<typeof deidOriginSchema>;

const NUMBERED: Partial<Record<DeidCategory, string>> = {
  participant: 'Participant',
  interviewer: 'Interviewer',
  person: 'Person',
  officer: 'Officer',
  place: 'Place',
  organisation: 'Agency',
};
const FIXED: Partial<Record<DeidCategory, string>> = {
  email: '[Email]', phone: '[Phone]', address: '[Address]', date: '[Date]', age: '[90+]', id: '[ID]', url: '[URL]',
};

export const CATEGORY_LABELS: Record<DeidCategory, string> = {
  participant: 'Participant', interviewer: 'Interviewer', person: 'Other person', officer: 'Officer / official',
  place: 'Place', site: 'Site', organisation: 'Organisation', email: 'E-mail', phone: 'Phone', address: 'Street address',
  date: 'Date', age: 'Age over 89', id: 'ID / case number', url: 'Web address',
};

/** People, places and organisations are named; the rest are patterns that all share one tag. */
export function isNameCategory(category: DeidCategory): boolean {
  return !(category in FIXED);
}

export function isPersonCategory(category: DeidCategory): boolean {
  return category === 'participant' || category === 'interviewer' || category === 'person' || category === 'officer';
}

/** A, B, ..., Z, AA, AB, ... */
function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** The n-th (1-based) default pseudonym of a category. */
export function defaultPseudonym(category: DeidCategory, n: number): string {
  if (category === 'site') return `[Site ${letters(n)}]`;
  const fixed = FIXED[category];
  if (fixed) return fixed;
  return `[${NUMBERED[category]} ${n}]`;
}
