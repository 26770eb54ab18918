/**
 * Reading and writing zip containers (.qdpx, .docx) that may come from strangers.
 *
 * A zip names its own entries and declares their sizes, so a hostile one can try to
 * write outside a folder (`../`, absolute paths, drive letters) or expand a few
 * kilobytes into gigabytes. Every entry's name and declared size is checked before
 * anything is inflated, and the limits are then enforced on the bytes actually inflated:
 * an entry is inflated as a stream with a running count that stops it the moment it
 * passes the size it declared, so a lying size cannot buy more memory than was allowed.
 */
import { Inflate, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

/** What kind of refusal, so callers with their own wording (the transcript import) can say it their way. */
export type ZipProblem = 'not-zip' | 'unsafe' | 'too-large' | 'bomb' | 'damaged';

export class ZipError extends Error {
  override name = 'ZipError';
  constructor(
    message: string,
    readonly problem: ZipProblem = 'damaged',
    /** The problem without the file name, for callers that name the file themselves. */
    readonly detail: string = message,
  ) {
    super(message);
  }
}

export interface ZipLimits {
  /** Sum of the uncompressed sizes of the entries actually read. */
  maxTotalBytes: number;
  /** Largest single entry (REFI-QDA allows internal files up to 2^31-1 bytes). */
  maxEntryBytes: number;
  /** Largest expansion ratio allowed for an entry bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 2 ** 31 - 1,
  // Plain text and XML compress 5-20x; hundreds-fold is what bombs look like.
  maxRatio: 1000,
  ratioFloorBytes: 1024 ** 2,
  maxEntries: 100_000,
};

export interface ZipArchive {
  /** Entry names as stored (folders included), with `\` turned into `/`. */
  readonly names: string[];
  /** An entry's bytes, matching the name case-insensitively; inflated on first use. */
  get(name: string): Uint8Array | undefined;
  /** The stored name of an entry, matched case-insensitively. */
  find(name: string): string | undefined;
  /** The size an entry declares it inflates to, without inflating it. */
  sizeOf(name: string): number | undefined;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Why an entry name is unsafe to extract, or null when it is fine. */
export function unsafeEntryReason(rawName: string): string | null {
  const name = rawName.replace(/\\/g, '/');
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'starts with a drive letter';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive with ../';
  return null;
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${n} bytes`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface EntryInfo {
  raw: string;
  name: string;
  originalSize: number;
}

/**
 * Opens an archive: every entry's name and declared size is checked up front (so one
 * hostile entry refuses the whole file), but entries are inflated only when asked for,
 * so a project with gigabytes of internal video still opens for its text.
 */
export function readZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const refuse = (problem: ZipProblem, detail: string, consequence: string): never => {
    throw new ZipError(`${fileName}: ${detail}; ${consequence}`, problem, detail);
  };
  if (!isZip(bytes)) throw new ZipError(`${fileName} is not a zip archive`, 'not-zip', 'it is not a zip archive');
  const entries = new Map<string, EntryInfo>();
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        if (names.length >= limits.maxEntries) throw new ZipError(`${fileName} holds more than ${limits.maxEntries} entries; refusing to open it`, 'too-large', `it holds more than ${limits.maxEntries} entries`);
        const unsafe = unsafeEntryReason(info.name);
        if (unsafe) refuse('unsafe', `zip entry "${info.name}" ${unsafe}`, 'refusing to open an archive that could write outside its folder');
        if (info.originalSize > limits.maxEntryBytes)
          refuse('too-large', `zip entry "${info.name}" declares ${formatBytes(info.originalSize)}, more than the ${formatBytes(limits.maxEntryBytes)} allowed`, 'refusing to open it');
        if (info.originalSize > limits.ratioFloorBytes && info.originalSize > Math.max(info.size, 1) * limits.maxRatio)
          refuse('bomb', `zip entry "${info.name}" expands ${formatBytes(info.size)} into ${formatBytes(info.originalSize)} (possible zip bomb)`, 'refusing to open it');
        const name = info.name.replace(/\\/g, '/');
        names.push(name);
        entries.set(name.toLowerCase(), { raw: info.name, name, originalSize: info.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${fileName} is not a readable zip archive (${describe(error)})`, 'damaged', `it is not a readable zip archive (${describe(error)})`);
  }
  const cache = new Map<string, Uint8Array>();
  let located: Map<string, Located> | undefined;
  let inflated = 0;
  return {
    names,
    find: (name) => entries.get(name.replace(/\\/g, '/').toLowerCase())?.name,
    sizeOf: (name) => entries.get(name.replace(/\\/g, '/').toLowerCase())?.originalSize,
    get(name) {
      const key = name.replace(/\\/g, '/').toLowerCase();
      const entry = entries.get(key);
      if (!entry) return undefined;
      const cached = cache.get(key);
      if (cached) return cached;
      if (inflated + entry.originalSize > limits.maxTotalBytes)
        throw new ZipError(
          `${fileName} would expand to more than ${formatBytes(limits.maxTotalBytes)} (possible zip bomb); refusing to read more of it`,
          'too-large',
          `it would expand to more than ${formatBytes(limits.maxTotalBytes)}`,
        );
      // Counted before inflating: the inflater never yields more than the declared size.
      inflated += entry.originalSize;
      located ??= locateAll(bytes);
      const data = inflateEntry(bytes, located.get(entry.raw), entry, fileName);
      cache.set(key, data);
      return data;
    },
  };
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

interface Located {
  method: number;
  compressedSize: number;
  dataStart: number;
}

/**
 * Where each entry's data lies, by the name fflate gives it, from the central directory
 * (the listing pass has already checked the archive parses). Built once per archive.
 */
function locateAll(bytes: Uint8Array): Map<string, Located> {
  const found = new Map<string, Located>();
  let end = bytes.length - 22;
  while (end > 0 && u32(bytes, end) !== 0x06054b50) end--;
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const zip64End = u64(bytes, end - 12);
    if (u32(bytes, zip64End) === 0x06064b50) {
      count = u64(bytes, zip64End + 32);
      at = u64(bytes, zip64End + 48);
    }
  }
  const utf8 = new TextDecoder();
  for (let i = 0; i < count && at + 46 <= bytes.length && u32(bytes, at) === 0x02014b50; i++) {
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Decoded as fflate decodes it (UTF-8 only when the entry's flag says so), so the names agree.
    const name = u16(bytes, at + 8) & 0x800 ? utf8.decode(nameBytes) : String.fromCharCode(...nameBytes);
    let compressedSize = u32(bytes, at + 20);
    let offset = u32(bytes, at + 42);
    // Zip64 keeps the real values in extra field 1, in the order size, compressed size, offset, each only when its field is 0xffffffff.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; e += 4 + u16(bytes, e + 2)) {
      if (u16(bytes, e) !== 1) continue;
      let field = e + 4;
      if (u32(bytes, at + 24) === 0xffffffff) field += 8;
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, field);
        field += 8;
      }
      if (offset === 0xffffffff) offset = u64(bytes, field);
    }
    if (offset + 30 <= bytes.length && u32(bytes, offset) === 0x04034b50) {
      found.set(name, { method: u16(bytes, at + 10), compressedSize, dataStart: offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28) });
    }
    at += 46 + nameLength + extraLength + u16(bytes, at + 32);
  }
  return found;
}

/** Small pushes keep what one push can inflate (about a thousandfold) to a few megabytes before the count sees it. */
const INFLATE_CHUNK = 16 * 1024;

/**
 * An entry's bytes, inflated as a stream into a buffer of its declared size. More bytes
 * than declared is a lie (a zip bomb hiding behind a small size) and stops the inflation
 * at once; fewer, or a stream that does not finish, is a damaged entry.
 */
function inflateEntry(bytes: Uint8Array, where: Located | undefined, entry: EntryInfo, fileName: string): Uint8Array {
  const damaged = (why: string) => new ZipError(`${fileName}: zip entry "${entry.name}" is damaged (${why})`, 'damaged', `zip entry "${entry.name}" is damaged (${why})`);
  if (!where || where.dataStart + where.compressedSize > bytes.length) throw damaged('its data lies outside the archive');
  const data = bytes.subarray(where.dataStart, where.dataStart + where.compressedSize);
  const declared = entry.originalSize;
  const lie = (actual: string) => {
    const detail = `zip entry "${entry.name}" declares ${formatBytes(declared)} but inflates to ${actual} (possible zip bomb)`;
    return new ZipError(`${fileName}: ${detail}; refusing to read it`, 'bomb', detail);
  };
  if (where.method === 0) {
    if (data.length > declared) throw lie(formatBytes(data.length));
    if (data.length < declared) throw damaged(`it holds ${formatBytes(data.length)}, not the ${formatBytes(declared)} it declares`);
    return data.slice();
  }
  if (where.method !== 8) throw damaged(`compression method ${where.method} is not supported`);
  const out = new Uint8Array(declared);
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > declared) throw lie(`more than that`);
    out.set(chunk, written);
    written += chunk.length;
    finished = final;
  });
  try {
    for (let i = 0; i < data.length || i === 0; i += INFLATE_CHUNK) inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw damaged(describe(error));
  }
  if (!finished) throw damaged('its compressed data ends early');
  if (written !== declared) throw damaged(`it holds ${formatBytes(written)}, not the ${formatBytes(declared)} it declares`);
  return out;
}

/**
 * A zip of the given entries, in the given order. A fixed timestamp keeps the bytes
 * the same for the same content, so saving an unchanged project changes nothing.
 */
export function writeZip(
  entries: ReadonlyArray<readonly [string, Uint8Array | string]>,
  mtime = new Date('2000-01-01T00:00:00Z'),
  /** Deflate level; large archives written often (.qdpx saves) trade ~5% size for ~25% less time at 3. */
  level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6,
): Uint8Array {
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  for (const [name, data] of entries) {
    const unsafe = unsafeEntryReason(name);
    if (unsafe) throw new ZipError(`refusing to write zip entry "${name}": it ${unsafe}`);
    tree[name] = [typeof data === 'string' ? encoder.encode(data) : data, { level, mtime }];
  }
  return zipSync(tree);
}
