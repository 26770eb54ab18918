/** What a project merge is asked and what it answers: the public shapes of mergeProject. */
import type { ChangeSet } from '../../model/changes';
import type { Guid, TableName } from '../../model/schema';
import type { CodebookMergeReport, Resolutions } from '../codebook';

export interface ProjectMergeOptions {
  /** Incoming coder id -> a base coder id, or 'new' to keep them apart. */
  coderMap?: Readonly<Record<Guid, Guid | 'new'>>;
  /** Conflict resolutions for the codebook (keys from resolutionKey(1, codeId)). */
  codeResolutions?: Resolutions;
  /** For the report and the undo label: the incoming file or coder. */
  incomingLabel?: string;
}

export interface ProjectMergeMapping {
  coders: Record<Guid, Guid>;
  sources: Record<Guid, Guid>;
  codes: Record<Guid, Guid>;
  codings: Record<Guid, Guid>;
  memos: Record<Guid, Guid>;
  attributes: Record<Guid, Guid>;
  cases: Record<Guid, Guid>;
  themes: Record<Guid, Guid>;
  documentSets: Record<Guid, Guid>;
}

export interface NotPlaced {
  table: TableName;
  id: string;
  what: string;
  reason: string;
}

export interface ProjectMergeReport {
  base: string;
  incoming: string;
  /** Rows added per table. */
  added: Partial<Record<TableName, number>>;
  /** Rows of this project changed by the merge (a decision taken, codes or sources added to a theme or case). */
  updated: Partial<Record<TableName, number>>;
  /** Rows recognised as already present (same text, same coding, same memo). */
  alreadyPresent: Partial<Record<TableName, number>>;
  coders: { incoming: string; mergedAs: string; how: 'id' | 'name' | 'user' | 'new' }[];
  sources: { incoming: string; mergedAs: string; how: 'same text' | 'new' }[];
  /** Values that differed and were kept as the base has them. */
  conflicts: { table: TableName; what: string; kept: string; incoming: string }[];
  notPlaced: NotPlaced[];
  codebook: CodebookMergeReport;
}

export interface ProjectMergeResult {
  set: ChangeSet;
  mapping: ProjectMergeMapping;
  report: ProjectMergeReport;
}
