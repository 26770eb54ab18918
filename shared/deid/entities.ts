/**
 * The seam for a natural-language library that finds people, places and organisations.
 * Finding works without one (patterns, the project's own names, capitalised words); the
 * CLI and the app pass the English one in (compromise.ts), so the core does not load a
 * few hundred kB of lexicon for callers that never de-identify.
 */
import type { Found } from './names';

export interface EntityFinder {
  /** A short name for reports, e.g. "compromise 14". */
  name: string;
  /** People, places and organisations in one paragraph of text; offsets into that text. */
  find(text: string): Found[];
}
