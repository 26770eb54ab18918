/**
 * The small context every merge stage reads and adds to: the two projects, the change
 * set being built, the id mappings so far, and the report's lists. A stage reads the
 * mappings of the stages before it and fills its own; the order is in stages.ts.
 */
import type { Change } from '../../model/changes';
import { put } from '../../model/changes';
import type { OpContext } from '../../model/context';
import type { Code, Guid, Project, Source, TableName } from '../../model/schema';
import type { CodebookMergeReport } from '../codebook';
import { normalizeName } from '../similarity';
import type { NotPlaced, ProjectMergeMapping, ProjectMergeOptions, ProjectMergeReport } from './types';

type Tally = Partial<Record<TableName, number>>;
type RowOf<T extends TableName> = Parameters<typeof put<T>>[2];

export class MergeState {
  readonly label: string;
  readonly changes: Change[] = [];
  readonly added: Tally = {};
  readonly updated: Tally = {};
  readonly present: Tally = {};
  readonly notPlaced: NotPlaced[] = [];
  readonly conflicts: ProjectMergeReport['conflicts'] = [];
  readonly coderLines: ProjectMergeReport['coders'] = [];
  readonly sourceLines: ProjectMergeReport['sources'] = [];
  readonly mapping: ProjectMergeMapping = { coders: {}, sources: {}, codes: {}, codings: {}, memos: {}, attributes: {}, cases: {}, themes: {}, documentSets: {} };
  /** Sources this project lacks, held back until their cases exist (the cases stage adds them). */
  readonly newSources: Source[] = [];
  /** Text length of every source, this project's and the new ones, to check codings against. */
  readonly sourceLength: Map<Guid, number>;
  /** The merged codebook; this project's until the codes stage runs. */
  codes: readonly Code[];
  codebookReport: CodebookMergeReport | null = null;
  private readonly taken: Set<string>;

  constructor(
    readonly base: Project,
    readonly incoming: Project,
    readonly ctx: OpContext,
    readonly options: ProjectMergeOptions = {},
  ) {
    this.label = options.incomingLabel ?? incoming.meta.name;
    this.taken = new Set<string>(Object.values(base).flatMap((rows) => (Array.isArray(rows) ? rows.map((r: { id: string }) => r.id) : [])));
    this.sourceLength = new Map(base.sources.map((s) => [s.id, s.text.length]));
    this.codes = base.codes;
  }

  /** Keep the incoming id when it is free (so merging twice recognises rows); otherwise mint one. */
  freshId(id: Guid): Guid {
    const out = this.taken.has(id) ? this.ctx.newId() : id;
    this.taken.add(out);
    return out;
  }

  /** An id placed by other means (the codebook merge) is no longer free. */
  claim(id: Guid): void {
    this.taken.add(id);
  }

  count(into: Tally, table: TableName): void {
    into[table] = (into[table] ?? 0) + 1;
  }

  add<T extends TableName>(table: T, row: RowOf<T>): void {
    this.changes.push(put(table, null, row) as Change);
    this.count(this.added, table);
  }

  update<T extends TableName>(table: T, before: Parameters<typeof put<T>>[1], row: RowOf<T>): void {
    this.changes.push(put(table, before, row) as Change);
    this.count(this.updated, table);
  }

  /**
   * The row of this project an incoming row is: the same GUID (renamed on one side since the
   * projects parted, so the rename is a conflict, not a second row), else the same name.
   */
  sameGuidOrName<T extends { id: Guid; name: string }>(rows: readonly T[], row: T, table: TableName, noun: string): T | undefined {
    const byId = rows.find((r) => r.id === row.id);
    if (!byId) return rows.find((r) => normalizeName(r.name) === normalizeName(row.name));
    if (normalizeName(byId.name) !== normalizeName(row.name)) this.conflicts.push({ table, what: `name of ${noun} '${byId.name}'`, kept: byId.name, incoming: row.name });
    return byId;
  }
}

/** One step of the merge: reads the state the stages before it left, and adds to it. */
export type MergeStage = (state: MergeState) => void;
