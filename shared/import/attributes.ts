/**
 * Case attributes from a CSV (e.g. site, role, age per interview), keyed by the source's
 * file name or by the case's name or id. Rows that match nothing and values that do not
 * fit the attribute's type or its declared list of values are reported, not guessed at.
 */
import Papa from 'papaparse';
import type { ChangeSet } from '../model/changes';
import { applyChanges, combine, put } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project } from '../model/schema';
import { assignCase, createAttribute, createCase, setCaseValue } from '../ops';
import { baseNameOf } from './analyze';
import { inferAttributeType, valueProblem } from './attributeTypes';
import { decodeText } from './decode';
import { ImportError } from './errors';

export interface AttributeImportReport {
  keyColumn: string;
  attributesCreated: string[];
  casesCreated: string[];
  rowsMatched: number;
  /** Row numbers as a spreadsheet shows them (the header is row 1). */
  unmatched: { line: number; key: string }[];
  badValues: { line: number; key: string; attribute: string; value: string; problem: string }[];
  /** Values stored in the declared spelling of a listed value ('partner' as 'Partner'), so groups do not split on case. */
  respelled: { line: number; key: string; attribute: string; value: string; stored: string }[];
  /** Values added to an attribute's declared list because the caller asked for it (a new site joining the study). */
  valuesAdded: { line: number; attribute: string; value: string }[];
}

export interface AttributeImportOptions {
  /** Add values outside an attribute's declared list to the list instead of refusing them. */
  addValues?: boolean;
}

const KEY_NAMES = [
  'file', 'file_name', 'filename', 'source', 'source_name', 'document', 'document_name', 'doc', 'transcript', 'case',
  'case_id', 'caseid', 'case_name', 'id', 'name', 'respondent', 'participant', 'interview',
];

const norm = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');

export function importAttributes(
  project: Project,
  ctx: OpContext,
  bytes: Uint8Array,
  fileName: string,
  options: AttributeImportOptions = {},
): { set: ChangeSet; report: AttributeImportReport } {
  const { text } = decodeText(bytes, fileName);
  // Blank rows are kept (and skipped below) so reported row numbers match what a spreadsheet shows.
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  const header = rows[0]?.map((h) => h.trim());
  if (!header || !rows.slice(1).some((r) => r.some((c) => c.trim()))) throw new ImportError(fileName, 'the attributes file needs a header row and at least one data row');
  const keyIndex = Math.max(0, header.findIndex((h) => KEY_NAMES.includes(norm(h))));
  const columns = header.map((name, i) => ({ name, i })).filter((c) => c.i !== keyIndex && c.name);
  if (columns.length === 0) throw new ImportError(fileName, `the attributes file has only the key column '${header[keyIndex]}' and no attribute columns`);

  let running = project;
  const sets: ChangeSet[] = [];
  const step = <S extends ChangeSet>(set: S): S => {
    sets.push(set);
    running = applyChanges(running, set);
    return set;
  };
  const report: AttributeImportReport = {
    keyColumn: header[keyIndex]!,
    attributesCreated: [],
    casesCreated: [],
    rowsMatched: 0,
    unmatched: [],
    badValues: [],
    respelled: [],
    valuesAdded: [],
  };

  const attributeIds = new Map<number, Guid>();
  for (const column of columns) {
    const existing = running.attributes.find((a) => a.name.toLowerCase() === column.name.toLowerCase());
    if (existing) {
      attributeIds.set(column.i, existing.id);
      continue;
    }
    const type = inferAttributeType(rows.slice(1).map((r) => r[column.i] ?? ''));
    attributeIds.set(column.i, step(createAttribute(running, ctx, { name: column.name, type })).id);
    report.attributesCreated.push(column.name);
  }

  rows.slice(1).forEach((row, r) => {
    const line = r + 2;
    if (!row.some((c) => c.trim())) return;
    const key = (row[keyIndex] ?? '').trim();
    const caseId = key ? caseFor(key) : null;
    if (!caseId) {
      report.unmatched.push({ line, key });
      return;
    }
    report.rowsMatched++;
    for (const column of columns) {
      const value = (row[column.i] ?? '').trim();
      if (!value) continue;
      const attribute = running.attributes.find((a) => a.id === attributeIds.get(column.i))!;
      const problem = valueProblem(attribute.type, value);
      if (problem) {
        report.badValues.push({ line, key, attribute: attribute.name, value, problem: `${problem} (${attribute.name} is ${attribute.type})` });
        continue;
      }
      let stored = value;
      if (attribute.values?.length) {
        // A value outside the list would silently become a new group in matrices and reports.
        const declared = attribute.values.find((v) => v === value) ?? attribute.values.find((v) => v.toLowerCase() === value.toLowerCase());
        if (declared === undefined && options.addValues) {
          // No op edits an attribute's value list; this is the one row change it needs.
          step({ label: `Add '${value}' to ${attribute.name}`, changes: [put('attributes', attribute, { ...attribute, values: [...attribute.values, value] })] });
          report.valuesAdded.push({ line, attribute: attribute.name, value });
        } else if (declared === undefined) {
          const listed = attribute.values.map((v) => `'${v}'`).join(', ');
          report.badValues.push({ line, key, attribute: attribute.name, value, problem: `'${value}' is not one of the values of ${attribute.name} (${listed})` });
          continue;
        }
        if (declared !== undefined && declared !== value) report.respelled.push({ line, key, attribute: attribute.name, value, stored: declared });
        stored = declared ?? value;
      }
      step(setCaseValue(running, ctx, caseId, attribute.id, stored));
    }
  });

  function caseFor(key: string): Guid | null {
    const lower = key.toLowerCase();
    const kase = running.cases.find((c) => c.id === lower || c.name.toLowerCase() === lower);
    if (kase) return kase.id;
    const stem = baseNameOf(key).toLowerCase();
    const source = running.sources.find((s) => s.name.toLowerCase() === lower || s.name.toLowerCase() === stem);
    if (!source) return null;
    if (source.caseId) return source.caseId;
    const created = step(createCase(running, ctx, { name: source.name }));
    report.casesCreated.push(source.name);
    step(assignCase(running, ctx, source.id, created.id));
    return created.id;
  }

  return { set: combine(`Import attributes from '${fileName}'`, sets), report };
}
