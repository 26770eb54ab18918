/**
 * Previews to one ChangeSet: sources, their cases and the cases' attributes, built with
 * the shared operations against a running copy of the project so that later files see
 * earlier ones (a duplicate inside one batch is caught too). A file whose changes fail
 * is reported and leaves no trace; the others still import.
 */
import type { ChangeSet } from '../model/changes';
import { applyChanges, combine } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project } from '../model/schema';
import { addSource, createAttribute, createCase, findDuplicateSource, setCaseValue } from '../ops';
import { analyzeFile, applyPreview } from './analyze';
import { inferAttributeType, valueProblem } from './attributeTypes';
import type { CancelSignal } from './errors';
import { ImportCancelled, ImportError } from './errors';
import type { AnalyzeOptions, ImportPreview, PreviewEdits } from './types';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions extends AnalyzeOptions {
  /** The user's speaker corrections per file name. */
  edits?: Record<string, PreviewEdits>;
}

export interface ImportProgress {
  done: number;
  total: number;
  fileName: string;
}

export interface SourceReport {
  sourceId: Guid;
  name: string;
  speakers: string[];
  turns: number;
  chars: number;
  caseName?: string;
}

export interface FileReport {
  fileName: string;
  /** imported: at least one source added; duplicate: everything in it was already there; refused: nothing added. */
  status: 'imported' | 'duplicate' | 'refused';
  /** Why the file was refused: names the file and the problem. */
  problem?: string;
  warnings: string[];
  sources: SourceReport[];
  /** Documents skipped because the project already holds the same text. */
  duplicates: { name: string; existing: string }[];
}

export interface ImportReport {
  files: FileReport[];
}

export interface ImportResult {
  set: ChangeSet;
  report: ImportReport;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function importFiles(
  project: Project,
  ctx: OpContext,
  files: readonly ImportFile[],
  options: ImportOptions = {},
  onProgress?: (progress: ImportProgress) => void,
  signal?: CancelSignal,
): Promise<ImportResult> {
  const previews: ImportPreview[] = [];
  const refused: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    if (signal?.aborted) throw new ImportCancelled();
    onProgress?.({ done: i, total: files.length, fileName: file.name });
    try {
      const preview = await analyzeFile(file.bytes, file.name, options);
      const edits = options.edits?.[file.name];
      previews.push(edits ? applyPreview(preview, edits) : preview);
    } catch (error) {
      refused.push(refusal(file.name, error));
    }
    await tick();
  }
  if (signal?.aborted) throw new ImportCancelled();
  onProgress?.({ done: files.length, total: files.length, fileName: '' });
  const planned = planImport(project, ctx, previews);
  const order = new Map(files.map((f, i) => [f.name, i]));
  const reports = [...planned.report.files, ...refused].sort((a, b) => (order.get(a.fileName) ?? 0) - (order.get(b.fileName) ?? 0));
  return { set: planned.set, report: { files: reports } };
}

export function refusal(fileName: string, error: unknown): FileReport {
  const problem =
    error instanceof ImportError ? error.message : `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`;
  return { fileName, status: 'refused', problem, warnings: [], sources: [], duplicates: [] };
}

/** The change set for previews the user has checked; pure and fast (no parsing), so the app runs it on the UI thread. */
export function planImport(project: Project, ctx: OpContext, previews: readonly ImportPreview[]): ImportResult {
  let running = project;
  const sets: ChangeSet[] = [];
  const files: FileReport[] = [];
  for (const preview of previews) {
    const fileSets: ChangeSet[] = [];
    let local = running;
    const step = <S extends ChangeSet>(set: S): S => {
      fileSets.push(set);
      local = applyChanges(local, set);
      return set;
    };
    const report: FileReport = { fileName: preview.fileName, status: 'imported', warnings: [...preview.warnings], sources: [], duplicates: [] };
    try {
      const attributeIds = ensureAttributes(preview, () => local, ctx, step);
      const caseId = (name: string, values: Record<string, string> = {}) => ensureCase(name, values, attributeIds, () => local, ctx, step, report);
      for (const doc of preview.documents) {
        const dup = findDuplicateSource(local, doc.structure.text);
        if (dup) {
          report.duplicates.push({ name: doc.name, existing: dup.name });
          continue;
        }
        const speakers = doc.structure.speakers.map((s) => {
          const caseName = preview.speakerCases?.[s.name];
          return caseName ? { ...s, caseId: caseId(caseName) } : s;
        });
        // A one-respondent interview belongs to that respondent's case; a focus group (several cases) to none.
        const respondentCases = new Set(speakers.filter((s) => s.role === 'respondent').map((s) => s.caseId));
        const soleCase = respondentCases.size === 1 ? [...respondentCases][0] : undefined;
        const sourceCase = doc.caseName ? caseId(doc.caseName, doc.caseValues) : soleCase;
        const added = step(addSource(local, ctx, { name: doc.name, structure: { ...doc.structure, speakers }, format: preview.format, ...(sourceCase ? { caseId: sourceCase } : {}) }));
        report.sources.push({
          sourceId: added.id,
          name: doc.name,
          speakers: speakers.map((s) => s.name),
          turns: doc.structure.turns.length,
          chars: doc.structure.text.length,
          ...(doc.caseName ? { caseName: doc.caseName } : {}),
        });
      }
      if (report.sources.length === 0) {
        report.status = 'duplicate';
        fileSets.length = 0;
        local = running;
      }
      running = local;
      sets.push(...fileSets);
      files.push(report);
    } catch (error) {
      files.push(refusal(preview.fileName, error));
    }
  }
  const imported = files.filter((f) => f.status === 'imported');
  const label = imported.length === 1 ? `Import '${imported[0]!.fileName}'` : `Import ${imported.length} files`;
  return { set: combine(label, sets), report: { files } };
}

type Step = <S extends ChangeSet>(set: S) => S;

/** One attribute per case column, found by name or created with a type inferred from this file's values. */
function ensureAttributes(preview: ImportPreview, project: () => Project, ctx: OpContext, step: Step): Map<string, Guid> {
  const columns = new Map<string, string[]>();
  for (const doc of preview.documents) {
    for (const [name, value] of Object.entries(doc.caseValues ?? {})) columns.set(name, [...(columns.get(name) ?? []), value]);
  }
  const ids = new Map<string, Guid>();
  for (const [name, values] of columns) {
    const existing = project().attributes.find((a) => a.name.toLowerCase() === name.toLowerCase());
    ids.set(name, existing ? existing.id : step(createAttribute(project(), ctx, { name, type: inferAttributeType(values) })).id);
  }
  return ids;
}

function ensureCase(
  name: string,
  values: Record<string, string>,
  attributeIds: Map<string, Guid>,
  project: () => Project,
  ctx: OpContext,
  step: Step,
  report: FileReport,
): Guid {
  let kase = project().cases.find((c) => c.name.toLowerCase() === name.toLowerCase());
  const id = kase ? kase.id : step(createCase(project(), ctx, { name })).id;
  kase = project().cases.find((c) => c.id === id)!;
  for (const [attrName, value] of Object.entries(values)) {
    const attributeId = attributeIds.get(attrName);
    const attribute = project().attributes.find((a) => a.id === attributeId);
    if (!attribute || kase.values[attribute.id] === value.trim()) continue;
    const problem = valueProblem(attribute.type, value);
    if (problem) {
      report.warnings.push(`case '${name}': ${attribute.name} ${problem} (a ${attribute.type}); left empty`);
      continue;
    }
    step(setCaseValue(project(), ctx, id, attribute.id, value));
  }
  return id;
}
