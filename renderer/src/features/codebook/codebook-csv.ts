/**
 * Importing a deductive codebook from CSV (name, parent, definition, inclusion,
 * exclusion, example), before or after coding has started. Codes that exist already
 * (same name under the same parent) keep their codings; their empty fields are filled,
 * and a field whose text differs from the file's is a conflict: reported, and replaced
 * only when the caller asks (`conflicts: 'update'`). Missing parents are created. The
 * whole import is one change set (one undo).
 */
import Papa from 'papaparse';
import type { ChangeSet, Code, OpContext, Project } from '../../../../shared/model';
import { applyChanges } from '../../../../shared/model';
import { createCode, updateCode } from '../../../../shared/ops';
import { decodeText } from '../../../../shared/import/decode';

export interface CodebookImport {
  set: ChangeSet;
  created: number;
  updated: number;
  problems: string[];
  /** Existing codes whose text differs from the file's (kept or updated, as asked). */
  conflicts: CodebookConflict[];
  /** New codes named like a code elsewhere in the tree: allowed (an "Other" under each parent), but said. */
  namesakes: string[];
}

export interface CodebookConflict {
  row: number;
  code: string;
  field: (typeof FIELDS)[number];
  current: string;
  incoming: string;
}

/** One line per conflict, e.g. for a confirmation or a report. */
export function describeConflict(c: CodebookConflict): string {
  const cut = (t: string) => (t.length > 60 ? `${t.slice(0, 59)}…` : t);
  return `row ${c.row}: '${c.code}' ${c.field} is “${cut(c.current)}” in the codebook, “${cut(c.incoming)}” in the file`;
}

const FIELDS = ['definition', 'inclusion', 'exclusion', 'example'] as const;
const HEADER_ALIASES: Record<string, string> = {
  code: 'name',
  'code name': 'name',
  parent: 'parent',
  'parent code': 'parent',
  description: 'definition',
  'inclusion criteria': 'inclusion',
  'exclusion criteria': 'exclusion',
};

/**
 * A picked CSV file's text, read by the importers' decoder: Excel writes CSV as
 * Windows-1252 or UTF-16 as often as UTF-8, and a codebook's accents must survive that.
 * Throws ImportError (naming the file) for an empty, binary or unreadable file.
 */
export function codebookCsvText(bytes: Uint8Array, fileName: string): string {
  return decodeText(bytes, fileName).text;
}

export function importCodebookCsv(
  project: Project,
  ctx: OpContext,
  text: string,
  fileName: string,
  options: { conflicts?: 'keep' | 'update' } = {},
): CodebookImport {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    // Blank lines are kept (and skipped below) so reported row numbers match the file.
    skipEmptyLines: false,
    transformHeader: (h) => {
      const key = h.trim().toLowerCase();
      return HEADER_ALIASES[key] ?? key;
    },
  });
  const problems: string[] = [];
  if (!parsed.meta.fields?.includes('name'))
    throw new Error(`${fileName} has no 'name' column (expected columns: name, parent, definition, inclusion, exclusion, example)`);
  const blank = (row: Record<string, string> | undefined) => !row || Object.values(row).every((v) => !v?.trim());
  for (const e of parsed.errors.filter((e) => !blank(parsed.data[e.row ?? -1])).slice(0, 5))
    problems.push(`${fileName} row ${(e.row ?? 0) + 2}: ${e.message}`);

  let current = project;
  const changes: ChangeSet['changes'] = [];
  let created = 0;
  let updated = 0;
  const conflicts: CodebookConflict[] = [];
  const namesakes: string[] = [];
  const run = (set: ChangeSet) => {
    current = applyChanges(current, set);
    changes.push(...set.changes);
  };
  const find = (name: string, parentId: string | null): Code | undefined =>
    current.codes.find((c) => c.parentId === parentId && c.name.toLowerCase() === name.toLowerCase());
  // A parent is named by its name (anywhere in the codebook) or a path "Parent/Child".
  const resolveParent = (raw: string): string | null => {
    const parts = raw.split(/\s*[/>]\s*/).filter(Boolean);
    if (!parts.length) return null;
    if (parts.length === 1) {
      const anywhere = current.codes.find((c) => c.name.toLowerCase() === parts[0]!.toLowerCase());
      if (anywhere) return anywhere.id;
    }
    let parentId: string | null = null;
    for (const part of parts) {
      const existing = find(part, parentId);
      if (existing) parentId = existing.id;
      else {
        const made = createCode(current, ctx, { name: part, parentId, origin: 'deductive' });
        run(made);
        created++;
        parentId = made.id;
      }
    }
    return parentId;
  };

  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const name = (row.name ?? '').trim();
    if (!name) {
      if (Object.values(row).some((v) => v?.trim())) problems.push(`${fileName} row ${line}: no code name, row skipped`);
      return;
    }
    try {
      const parentId = resolveParent((row.parent ?? '').trim());
      const texts = Object.fromEntries(FIELDS.map((f) => [f, (row[f] ?? '').trim()])) as Record<(typeof FIELDS)[number], string>;
      const existing = find(name, parentId);
      if (existing) {
        const differing = FIELDS.filter((f) => existing[f] && texts[f] && existing[f]!.trim() !== texts[f]);
        for (const f of differing) conflicts.push({ row: line, code: existing.name, field: f, current: existing[f]!, incoming: texts[f] });
        const replace = options.conflicts === 'update' ? differing : [];
        const patch = Object.fromEntries(FIELDS.filter((f) => (!existing[f] && texts[f]) || replace.includes(f)).map((f) => [f, texts[f]]));
        if (Object.keys(patch).length) {
          run(updateCode(current, ctx, existing.id, patch));
          updated++;
        }
        return;
      }
      const namesake = current.codes.find((c) => c.parentId !== parentId && c.name.toLowerCase() === name.toLowerCase());
      if (namesake) {
        namesakes.push(`row ${line}: '${name}' was created ${placeOf(current, parentId)}; a code of that name is already ${placeOf(current, namesake.parentId ?? null)}`);
      }
      run(createCode(current, ctx, { name, parentId, origin: 'deductive', ...texts }));
      created++;
    } catch (e) {
      problems.push(`${fileName} row ${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { set: { label: `Import codebook ${fileName}`, changes }, created, updated, problems, conflicts, namesakes };
}

function placeOf(project: Project, parentId: string | null): string {
  const parent = parentId ? project.codes.find((c) => c.id === parentId) : undefined;
  return parent ? `under '${parent.name}'` : 'at the top level';
}
