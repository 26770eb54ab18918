/**
 * The project merge, stage by stage, in the order each needs the mappings of the ones
 * before it: sources are matched before the codebook (a new code's first source is
 * re-pointed) but added after the cases they belong to; codings need sources, codes and
 * coders; themes need codes; memos need everything they can be written on.
 */
import { mergeAttributes, mergeCases, placeSources } from './cases';
import { mergeCoders } from './coders';
import { mergeCodes } from './codes';
import { mergeCodings } from './codings';
import { listLeftovers } from './leftovers';
import { mergeMemos } from './memos';
import { matchSources } from './sources';
import type { MergeStage } from './state';
import { mergeDocumentSets, mergeThemes } from './themes';

export const MERGE_STAGES: readonly (readonly [name: string, stage: MergeStage])[] = [
  ['coders', mergeCoders],
  ['sources', matchSources],
  ['codes', mergeCodes],
  ['attributes', mergeAttributes],
  ['cases', mergeCases],
  ['place sources', placeSources],
  ['codings', mergeCodings],
  ['themes', mergeThemes],
  ['document sets', mergeDocumentSets],
  ['memos', mergeMemos],
  ['leftovers', listLeftovers],
];

export { MergeState } from './state';
export type { MergeStage } from './state';
export * from './types';
