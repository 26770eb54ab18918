/**
 * The two CSV files of de-identification: the team's list of names (identifier,
 * pseudonym, category), read; and the mapping of the copy (identifier -> pseudonym),
 * written. The mapping re-identifies participants, so it is only ever its own file.
 */
import Papa from 'papaparse';
import { toCsv } from '../analysis/csv';
import type { DeidCategory } from './categories';
import { CATEGORY_LABELS, DEID_CATEGORIES } from './categories';
import type { MappingRow } from './apply';
import type { ListEntry } from './knowledge';

export class NamesCsvError extends Error {}

const ALIASES: Record<string, DeidCategory> = {
  organization: 'organisation', org: 'organisation', agency: 'organisation', program: 'organisation', programme: 'organisation',
  name: 'person', other: 'person', nickname: 'person', police: 'officer', official: 'officer', city: 'place', town: 'place',
  location: 'place', dob: 'date', 'date of birth': 'date', 'e-mail': 'email', telephone: 'phone', web: 'url',
};

export function parseCategory(raw: string): DeidCategory | null {
  const v = raw.trim().toLowerCase();
  if (!v) return 'person';
  if ((DEID_CATEGORIES as readonly string[]).includes(v)) return v as DeidCategory;
  const byLabel = DEID_CATEGORIES.find((c) => CATEGORY_LABELS[c].toLowerCase() === v);
  return byLabel ?? ALIASES[v] ?? null;
}

/** A cell we wrote with a guard apostrophe (see toCsv) reads back as what it was. */
function unguard(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

/** names.csv: a header naming identifier (required), pseudonym and category; one name per row. */
export function parseNamesCsv(text: string, fileName: string): ListEntry[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  if (rows.length === 0) throw new NamesCsvError(`${fileName} is empty: it needs a header row with identifier, pseudonym, category`);
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const id = col(['identifier', 'name', 'original', 'real name']);
  const pseudo = col(['pseudonym', 'replacement', 'alias']);
  const cat = col(['category', 'type', 'kind']);
  if (id < 0) throw new NamesCsvError(`${fileName} has no "identifier" column (its header is: ${rows[0]!.join(', ')})`);
  const out: ListEntry[] = [];
  rows.slice(1).forEach((row, i) => {
    const identifier = unguard(row[id]?.trim() ?? '');
    if (!identifier) return;
    const category = parseCategory(cat >= 0 ? (row[cat] ?? '') : '');
    if (!category)
      throw new NamesCsvError(`${fileName} line ${i + 2}: unknown category "${row[cat]}" (use one of ${DEID_CATEGORIES.join(', ')})`);
    const pseudonym = pseudo >= 0 ? unguard(row[pseudo]?.trim() ?? '') : '';
    out.push({ identifier, category, ...(pseudonym ? { pseudonym } : {}) });
  });
  return out;
}

/** mapping.csv: identifier, pseudonym, category, forms, count; readable back as a names.csv. */
export function mappingCsv(rows: readonly MappingRow[]): string {
  return toCsv(
    [['identifier', 'pseudonym', 'category', 'forms', 'count'], ...rows.map((r) => [r.identifier, r.pseudonym, r.category, r.variants.join('; '), r.count])],
    { bom: true },
  );
}
