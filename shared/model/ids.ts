/** GUIDs as REFI-QDA needs them: 8-4-4-4-12 hex, compared case-insensitively, written lowercase. */
import type { Guid } from './schema';

const GUID_PATTERN = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A fresh random GUID (Web Crypto exists in browsers, Electron and Node, so no Node import). */
export function newGuid(): Guid {
  return crypto.randomUUID();
}

/** The canonical form of a GUID written by another tool (braces stripped, lowercase), or null. */
export function normalizeGuid(raw: string): Guid | null {
  const m = GUID_PATTERN.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A deterministic GUID generator for tests, fixtures and the benchmark generator:
 * the same seed always yields the same sequence.
 */
export function seededGuids(seed: number): () => Guid {
  let state = seed >>> 0 || 1;
  const next32 = () => {
    // xorshift32: small, fast, and good enough for identifiers.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return () => {
    const hex = Array.from({ length: 4 }, () => next32().toString(16).padStart(8, '0')).join('');
    // Set the version (4) and variant bits so the result is a well-formed UUID.
    const v = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 32)}`;
    return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
  };
}
