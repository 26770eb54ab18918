/**
 * A fast content hash: recognises a text we saved before (a source's text in our REFI
 * extras, the project.qde beside them) without keeping a copy. Not cryptographic; where a
 * false match would matter the caller also compares the texts or their lengths.
 *
 * Version 2 (written as "v2:<hash>-<length>") hashes the text's UTF-8 bytes four at a time:
 * the engine's TextEncoder turns the text into bytes faster than a loop can read it one
 * UTF-16 unit at a time, which made version 1 a tenth of an import. Hashes written before
 * (no prefix) are still recognised by contentHashMatches, so projects saved by earlier
 * versions keep their extras.
 */

const VERSION_2 = 'v2:';

/** Text is encoded in pieces of this many UTF-16 units, so the scratch buffer stays small whatever the text. */
const CHUNK = 16_384;
const encoder = new TextEncoder();
const scratch = new Uint8Array(CHUNK * 3 + 4);
// Little-endian words on every machine, so a hash means the same everywhere.
const words = new DataView(scratch.buffer);

export function contentHash(text: string): string {
  let a = 0xdeadbeef | 0;
  let b = 0x41c6ce57;
  let c = 0x9e3779b9 | 0;
  let d = 0x85ebca6b | 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(from + CHUNK, text.length);
    // A piece never ends between the halves of a surrogate pair (each half alone would encode as U+FFFD).
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--;
    const { written } = encoder.encodeInto(from === 0 && to === text.length ? text : text.slice(from, to), scratch);
    const padded = (written + 3) & ~3;
    scratch.fill(0, written, padded);
    // Four independent lanes: the multiplications overlap instead of waiting on each other.
    let i = 0;
    for (; i + 16 <= padded; i += 16) {
      a = Math.imul(a ^ words.getInt32(i, true), 2654435761);
      b = Math.imul(b ^ words.getInt32(i + 4, true), 1597334677);
      c = Math.imul(c ^ words.getInt32(i + 8, true), 2246822507);
      d = Math.imul(d ^ words.getInt32(i + 12, true), 3266489909);
    }
    for (; i < padded; i += 4) a = Math.imul(a ^ words.getInt32(i, true), 2654435761);
    from = to;
  }
  let h1 = mix(a ^ Math.imul(c, 0x85ebca6b));
  let h2 = mix(b ^ Math.imul(d, 0xc2b2ae35));
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return VERSION_2 + hex53(h1, h2) + '-' + text.length.toString(16);
}

/** Whether a stored hash is this text's, whichever version wrote it; pass the text's current hash if it is known already. */
export function contentHashMatches(stored: string, text: string, current?: string): boolean {
  return stored.startsWith(VERSION_2) ? stored === (current ?? contentHash(text)) : stored === contentHashVersion1(text);
}

/** Murmur3's finaliser: every input bit reaches every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function hex53(h1: number, h2: number): string {
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(16).padStart(14, '0');
}

/** cyrb53 over UTF-16 units with the length: what projects saved before version 2 hold. */
export function contentHashVersion1(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${hex53(h1, h2)}-${text.length.toString(16)}`;
}
