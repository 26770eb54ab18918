/** What an operation needs from the outside world, injected so operations stay pure and testable. */
import type { Guid } from './schema';

export interface OpContext {
  newId: () => Guid;
  /** ISO 8601 UTC, second precision: 2026-11-27T10:00:00Z. */
  now: () => string;
  /** The coder doing the work: recorded on every coding and new code. */
  coderId: Guid;
}

export function isoNow(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
