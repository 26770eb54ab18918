/** What a codebook merge takes and gives: inputs, how codes matched, the user's resolutions, entries and the report. */
import type { Code, Guid } from '../model/schema';

export interface CodebookInput {
  /** Who or what this codebook is, for the report: a file name or a coder. */
  label: string;
  codes: readonly Code[];
}

/** Fields that can differ between two versions of the same code. */
export const CODE_FIELDS = ['name', 'parent', 'definition', 'inclusion', 'exclusion', 'example', 'color', 'codable'] as const;
export type CodeField = (typeof CODE_FIELDS)[number];
export type TextField = 'name' | 'definition' | 'inclusion' | 'exclusion' | 'example';

export type MatchKind = 'identical' | 'matched' | 'renamed' | 'moved' | 'conflicting' | 'new';
export type MatchedBy = 'id' | 'path' | 'name' | 'user';

export interface Proposal {
  /** A merged code this code may be the same as. */
  codeId: Guid;
  path: string[];
  score: number;
  why: string;
}

export type Resolution =
  /** Keep the merged (first) codebook's version of every differing field. */
  | { action: 'keep-a' }
  /** Take this codebook's version of every differing field. */
  | { action: 'keep-b' }
  /** Keep this code as a code of its own (its name gets the codebook's label if it would clash). */
  | { action: 'keep-both' }
  /** Merged text written by the user, for any of the text fields (others keep A). */
  | { action: 'edit'; fields: Partial<Record<TextField, string>> }
  /** Merge into this merged code: accept a proposal, or match by hand. */
  | { action: 'match'; codeId: Guid };

/** Resolutions keyed by resolutionKey(inputIndex, codeId). */
export type Resolutions = Readonly<Record<string, Resolution>>;

export function resolutionKey(inputIndex: number, codeId: Guid): string {
  return `${inputIndex}:${codeId}`;
}

export interface CodeDifference {
  field: CodeField;
  /** The merged codebook's value and this codebook's (parent as a path). */
  a: string;
  b: string;
}

export interface MergeEntry {
  key: string;
  input: number;
  inputLabel: string;
  codeId: Guid;
  path: string[];
  kind: MatchKind;
  matchedBy: MatchedBy | null;
  /** The merged code it maps to. */
  mergedId: Guid;
  /** Differences from the merged code it matched (empty for new and identical codes). */
  differences: CodeDifference[];
  proposals: Proposal[];
  resolution: Resolution['action'] | null;
  note?: string;
}

export interface CodebookMergeResult {
  codes: Code[];
  /** mapping[i][codeId] = merged code id, for every code of every input. */
  mapping: Record<Guid, Guid>[];
  /** Codes of the inputs after the first, each classified. The first input's codes map to themselves. */
  entries: MergeEntry[];
  report: CodebookMergeReport;
}

export interface CodebookMergeReport {
  inputs: { label: string; codes: number }[];
  merged: number;
  counts: Record<MatchKind, number>;
  entries: MergeEntry[];
}

export interface CodebookMergeOptions {
  /** Fresh ids for codes whose own id is taken (keep-both of a GUID match). */
  newId: () => Guid;
  /** Minimum score for a proposal (0..1); default 0.5. */
  proposalThreshold?: number;
}
