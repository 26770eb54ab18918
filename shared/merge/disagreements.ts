/**
 * Where two coders differ, code by code, and recording the team's decision as codings
 * of the consensus coder. A disagreement is a stretch of text that either coder coded
 * with a code (one connected piece of their joint coverage) where their coverage is not
 * the same: one coded it and the other did not, or their boundaries differ.
 */
import type { ChangeSet } from '../model/changes';
import { applyChanges, combine, put } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Guid, Project, Setting } from '../model/schema';
import type { Interval } from '../agreement/intervals';
import { unionIntervals } from '../agreement/intervals';
import { addCoder, applyCode, removeCode } from '../ops';

export interface Disagreement {
  /** Stable while the codings do not change: source, code and start. */
  key: string;
  sourceId: Guid;
  codeId: Guid;
  start: number;
  end: number;
  /** Each coder's coverage inside [start, end). */
  a: Interval[];
  b: Interval[];
  kind: 'only-a' | 'only-b' | 'boundaries';
  /** The consensus coder has coded this code somewhere in [start, end), or the team decided it does not apply. */
  resolved: boolean;
}

export interface DisagreementOptions {
  coderIds: readonly [Guid, Guid];
  codeIds?: readonly Guid[];
  sourceIds?: readonly Guid[];
  /** Whose codings count as the decision (default: the project's consensus coder, if any). */
  consensusCoderId?: Guid;
}

export type ConsensusChoice = 'keep-a' | 'keep-b' | 'keep-both' | 'remove';

/**
 * "Remove" leaves no consensus coding behind, so the decision itself is kept: the
 * stretches the team decided the code does not apply to, in one project setting.
 */
export const REMOVED_SETTING_ID = 'team.consensus.removed';

function removedKeys(project: Project): Set<string> {
  const value = project.settings.find((s) => s.id === REMOVED_SETTING_ID)?.value;
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
}

function decisionKey(d: Pick<Disagreement, 'sourceId' | 'codeId' | 'start' | 'end'>): string {
  return `${d.sourceId}:${d.codeId}:${d.start}-${d.end}`;
}

/** Disagreements in sources both coders coded, in source order, then code, then position. */
export function listDisagreements(project: Project, options: DisagreementOptions): Disagreement[] {
  const [a, b] = options.coderIds;
  const consensus = options.consensusCoderId ?? project.coders.find((c) => c.isConsensus)?.id;
  const wantedCodes = options.codeIds ? new Set(options.codeIds) : null;
  const wantedSources = options.sourceIds ? new Set(options.sourceIds) : null;
  const codedBy = new Map<Guid, Set<Guid>>();
  const spans = new Map<string, [Interval[], Interval[], Interval[]]>();
  for (const c of project.codings) {
    const who = c.coderId === a ? 0 : c.coderId === b ? 1 : c.coderId === consensus ? 2 : -1;
    if (who < 0) continue;
    if (who < 2) codedBy.set(c.sourceId, (codedBy.get(c.sourceId) ?? new Set()).add(c.coderId));
    if (wantedCodes && !wantedCodes.has(c.codeId)) continue;
    const key = `${c.sourceId}\u0000${c.codeId}`;
    let lists = spans.get(key);
    if (!lists) spans.set(key, (lists = [[], [], []]));
    lists[who as 0 | 1 | 2].push(c);
  }
  const removed = removedKeys(project);
  const sourceOrder = new Map(project.sources.map((s, i) => [s.id, i]));
  const codeOrder = new Map(project.codes.map((c, i) => [c.id, i]));
  const out: Disagreement[] = [];
  for (const [key, [listA, listB, listC]] of spans) {
    const [sourceId, codeId] = key.split('\u0000') as [Guid, Guid];
    if (wantedSources && !wantedSources.has(sourceId)) continue;
    if (codedBy.get(sourceId)?.size !== 2) continue;
    const ua = unionIntervals(listA);
    const ub = unionIntervals(listB);
    const uc = unionIntervals(listC);
    for (const piece of unionIntervals([...ua, ...ub])) {
      const inA = within(ua, piece);
      const inB = within(ub, piece);
      if (inA.length === inB.length && inA.every((s, i) => s.start === inB[i]!.start && s.end === inB[i]!.end)) continue;
      out.push({
        key: `${sourceId}:${codeId}:${piece.start}`,
        sourceId,
        codeId,
        start: piece.start,
        end: piece.end,
        a: inA,
        b: inB,
        kind: inB.length === 0 ? 'only-a' : inA.length === 0 ? 'only-b' : 'boundaries',
        resolved: within(uc, piece).length > 0 || removed.has(decisionKey({ sourceId, codeId, ...piece })),
      });
    }
  }
  return out.sort(
    (x, y) =>
      (sourceOrder.get(x.sourceId) ?? 0) - (sourceOrder.get(y.sourceId) ?? 0) ||
      (codeOrder.get(x.codeId) ?? 0) - (codeOrder.get(y.codeId) ?? 0) ||
      x.start - y.start,
  );
}

function within(union: readonly Interval[], piece: Interval): Interval[] {
  const out: Interval[] = [];
  for (const s of union) {
    const start = Math.max(s.start, piece.start);
    const end = Math.min(s.end, piece.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * Record the decision on one disagreement as the consensus coder's coding of that stretch
 * (replacing an earlier decision there). The consensus coder is created if the project
 * has none. One change set: one undo step.
 */
export function resolveDisagreement(
  project: Project,
  ctx: OpContext,
  disagreement: Disagreement,
  choice: ConsensusChoice,
  consensusCoderId?: Guid,
): ChangeSet & { consensusCoderId: Guid } {
  const sets: ChangeSet[] = [];
  let current = project;
  const step = (set: ChangeSet) => {
    sets.push(set);
    current = applyChanges(current, set);
  };
  let coderId = consensusCoderId ?? project.coders.find((c) => c.isConsensus)?.id;
  if (!coderId) {
    const created = addCoder(project, ctx, { name: 'Consensus', isConsensus: true });
    step(created);
    coderId = created.id;
  }
  const { sourceId, codeId, start, end } = disagreement;
  step(removeCode(current, ctx, { sourceId, codeId, start, end, coderId }));
  const keep = choice === 'keep-a' ? disagreement.a : choice === 'keep-b' ? disagreement.b : choice === 'keep-both' ? unionIntervals([...disagreement.a, ...disagreement.b]) : [];
  for (const span of keep) step(applyCode(current, ctx, { sourceId, codeId, start: span.start, end: span.end, coderId }));
  const keys = removedKeys(current);
  const key = decisionKey(disagreement);
  if ((choice === 'remove') !== keys.has(key)) {
    if (choice === 'remove') keys.add(key);
    else keys.delete(key);
    const before = current.settings.find((x) => x.id === REMOVED_SETTING_ID) ?? null;
    const after: Setting = { id: REMOVED_SETTING_ID, value: [...keys].sort() };
    step({ label: 'Record decision', changes: [put('settings', before, after)] });
  }
  const words = { 'keep-a': 'keep first coder', 'keep-b': 'keep second coder', 'keep-both': 'keep both', remove: 'remove' }[choice];
  return { ...combine(`Resolve disagreement (${words})`, sets), consensusCoderId: coderId };
}
