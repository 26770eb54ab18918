/**
 * Previews to one ChangeSet: sources, their cases and the cases' attributes, built with
 * the shared operations; later files see what earlier ones added (a duplicate inside one
 * batch is caught too). A file whose changes fail is reported and leaves no trace; the
 * others still import.
 */
import type { ChangeSet } from '../model/changes';
import { combine } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Attribute, Case, Guid, Project } from '../model/schema';
import { addSource, createAttribute, createCase, setCaseValue } from '../ops';
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
  let lastYield = Date.now();
  for (const [i, file] of files.entries()) {
    if (signal?.aborted) throw new ImportCancelled();
    onProgress?.({ done: i, total: files.length, fileName: file.name });
    try {
      const preview = await analyzeFile(file.bytes, file.name, options);
      const edits = options.edits?.[file.name];
      previews.push(edits ? applyPreview(preview, edits) : withoutUtterances(preview));
    } catch (error) {
      refused.push(refusal(file.name, error));
    }
    // Let progress paint and Cancel be heard every few dozen milliseconds, not after every small file
    // (a timer costs at least a millisecond, which is most of the time for a short transcript),
    // and only when someone is listening: a batch with neither runs straight through.
    if ((onProgress || signal) && Date.now() - lastYield > 30) {
      await tick();
      lastYield = Date.now();
    }
  }
  if (signal?.aborted) throw new ImportCancelled();
  onProgress?.({ done: files.length, total: files.length, fileName: '' });
  const planned = planImport(project, ctx, previews);
  const order = new Map(files.map((f, i) => [f.name, i]));
  const reports = [...planned.report.files, ...refused].sort((a, b) => (order.get(a.fileName) ?? 0) - (order.get(b.fileName) ?? 0));
  return { set: planned.set, report: { files: reports } };
}

/**
 * A preview as planning needs it. The utterances are there to relabel a renamed speaker and
 * are not needed once the edits are applied; kept for a whole batch, tens of thousands of
 * them made every garbage collection copy them again.
 */
function withoutUtterances(preview: ImportPreview): ImportPreview {
  return { ...preview, documents: preview.documents.map(({ utterances: _, ...doc }) => doc) };
}

export function refusal(fileName: string, error: unknown): FileReport {
  const problem =
    error instanceof ImportError ? error.message : `${fileName}: could not be read (${error instanceof Error ? error.message : String(error)})`;
  return { fileName, status: 'refused', problem, warnings: [], sources: [], duplicates: [] };
}

/**
 * Rows the import has created or changed so far, by lowercase name (cases, attributes)
 * and by text (keyed by the string itself: the engine's own string hashing is far cheaper
 * than contentHash over every character). Kept as maps rather than re-applying each change to the
 * project, so a survey with thousands of respondents plans in linear time. A file's changes
 * are kept only if the whole file succeeds: each is noted with the value it replaced, and
 * rolled back otherwise (a copy of the maps per file made a large batch quadratic).
 */
class Index {
  readonly attributes: Map<string, Attribute>;
  readonly cases: Map<string, Case>;
  /** Each text with the name of the first document that holds it. */
  private readonly texts = new Map<string, string>();
  private undo: { map: Map<string, unknown>; key: string; before: unknown }[] = [];

  constructor(project: Project) {
    this.attributes = new Map(project.attributes.map((a) => [a.name.toLowerCase(), a]));
    this.cases = new Map(project.cases.map((c) => [c.name.toLowerCase(), c]));
    for (const s of project.sources) if (!this.texts.has(s.text)) this.texts.set(s.text, s.name);
  }

  setAttribute(key: string, attribute: Attribute): void {
    this.remember(this.attributes, key);
    this.attributes.set(key, attribute);
  }

  setCase(key: string, kase: Case): void {
    this.remember(this.cases, key);
    this.cases.set(key, kase);
  }

  addText(name: string, text: string): void {
    if (this.texts.has(text)) return;
    this.remember(this.texts, text);
    this.texts.set(text, name);
  }

  duplicateOf(text: string): string | undefined {
    return this.texts.get(text);
  }

  /** The project as the operations need to see it: the current attributes and the given cases. */
  view(project: Project, cases: Case[] = []): Project {
    return { ...project, attributes: [...this.attributes.values()], cases };
  }

  /** Keeps what the current file changed. */
  commit(): void {
    this.undo = [];
  }

  /** Forgets what the current file changed, newest first. */
  rollback(): void {
    for (const { map, key, before } of this.undo.reverse()) {
      if (before === undefined) map.delete(key);
      else map.set(key, before);
    }
    this.undo = [];
  }

  private remember<V>(map: Map<string, V>, key: string): void {
    this.undo.push({ map: map as Map<string, unknown>, key, before: map.get(key) });
  }
}

/** The change set for previews the user has checked; pure and fast (no parsing), so the app runs it on the UI thread. */
export function planImport(project: Project, ctx: OpContext, previews: readonly ImportPreview[]): ImportResult {
  const index = new Index(project);
  const sets: ChangeSet[] = [];
  const files: FileReport[] = [];
  for (const preview of previews) {
    const fileSets: ChangeSet[] = [];
    const report: FileReport = { fileName: preview.fileName, status: 'imported', warnings: [...preview.warnings], sources: [], duplicates: [] };
    try {
      const attributeIds = ensureAttributes(preview, project, index, ctx, fileSets);
      const caseId = (name: string, values: Record<string, string> = {}) => ensureCase(name, values, attributeIds, project, index, ctx, fileSets, report);
      for (const doc of preview.documents) {
        const existing = index.duplicateOf(doc.structure.text);
        if (existing) {
          report.duplicates.push({ name: doc.name, existing });
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
        const added = addSource(project, ctx, {
          name: doc.name,
          structure: { ...doc.structure, speakers },
          format: preview.format,
          ...(sourceCase ? { caseId: sourceCase } : {}),
        });
        fileSets.push(added);
        index.addText(doc.name, doc.structure.text);
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
        index.rollback();
      } else {
        index.commit();
        sets.push(...fileSets);
      }
      files.push(report);
    } catch (error) {
      index.rollback();
      files.push(refusal(preview.fileName, error));
    }
  }
  const imported = files.filter((f) => f.status === 'imported');
  const label = imported.length === 1 ? `Import '${imported[0]!.fileName}'` : `Import ${imported.length} files`;
  return { set: combine(label, sets), report: { files } };
}

/** One attribute per case column, found by name or created with a type inferred from this file's values. */
function ensureAttributes(preview: ImportPreview, project: Project, index: Index, ctx: OpContext, sets: ChangeSet[]): Map<string, Guid> {
  const columns = new Map<string, string[]>();
  for (const doc of preview.documents) {
    for (const [name, value] of Object.entries(doc.caseValues ?? {})) {
      const list = columns.get(name) ?? [];
      list.push(value);
      columns.set(name, list);
    }
  }
  const ids = new Map<string, Guid>();
  for (const [name, values] of columns) {
    let attribute = index.attributes.get(name.toLowerCase());
    if (!attribute) {
      const set = createAttribute(index.view(project), ctx, { name, type: inferAttributeType(values) });
      sets.push(set);
      attribute = set.changes[0]!.after as Attribute;
      index.setAttribute(name.toLowerCase(), attribute);
    }
    ids.set(name, attribute.id);
  }
  return ids;
}

/** The case by name, created if new; its values set where they fit the attribute's type (misfits are reported). */
function ensureCase(
  name: string,
  values: Record<string, string>,
  attributeIds: Map<string, Guid>,
  project: Project,
  index: Index,
  ctx: OpContext,
  sets: ChangeSet[],
  report: FileReport,
): Guid {
  const fitting: Record<Guid, string> = {};
  for (const [attrName, value] of Object.entries(values)) {
    const attribute = [...index.attributes.values()].find((a) => a.id === attributeIds.get(attrName));
    if (!attribute || !value.trim()) continue;
    const problem = valueProblem(attribute.type, value);
    if (problem) report.warnings.push(`case '${name}': ${attribute.name} ${problem} (a ${attribute.type}); left empty`);
    else fitting[attribute.id] = value.trim();
  }
  let kase = index.cases.get(name.toLowerCase());
  if (!kase) {
    const set = createCase(index.view(project), ctx, { name, values: fitting });
    sets.push(set);
    kase = set.changes[0]!.after as Case;
    index.setCase(name.toLowerCase(), kase);
    return kase.id;
  }
  for (const [attributeId, value] of Object.entries(fitting)) {
    if (kase.values[attributeId] === value) continue;
    const set = setCaseValue(index.view(project, [kase]), ctx, kase.id, attributeId, value);
    sets.push(set);
    kase = set.changes[0]!.after as Case;
    index.setCase(name.toLowerCase(), kase);
  }
  return kase.id;
}
