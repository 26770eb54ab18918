/** Small helpers every operation shares: finding rows and failing with a readable reason. */
import type { Project, Row, TableName } from '../model/schema';

export class OpError extends Error {}

export function find<T extends TableName>(project: Project, table: T, id: string): Row<T> {
  const row = (project[table] as Row<T>[]).find((r) => r.id === id);
  if (!row) throw new OpError(`No ${table.replace(/s$/, '')} with id ${id}`);
  return row;
}

export function requireName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new OpError(`A ${what} needs a name`);
  return trimmed;
}

/** The position after the last sibling, so new items go to the end. */
export function nextOrder(siblings: readonly { order: number }[]): number {
  return siblings.reduce((max, s) => Math.max(max, s.order + 1), 0);
}

/**
 * New `order` values that place `movingId` at `index` among siblings; only rows whose
 * order actually changes are returned, so a move touches as few rows as possible.
 */
export function reorder<T extends { id: string; order: number }>(siblings: readonly T[], movingId: string, moving: T, index: number): T[] {
  const others = siblings.filter((s) => s.id !== movingId).sort((a, b) => a.order - b.order);
  const at = Math.max(0, Math.min(index, others.length));
  others.splice(at, 0, moving);
  return others.map((row, i) => (row.order === i && row.id !== movingId ? row : { ...row, order: i }));
}
