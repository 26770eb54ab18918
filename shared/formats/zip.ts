/**
 * Reading and writing zip containers (.qdpx, .docx) that may come from strangers.
 *
 * A zip names its own entries and declares their sizes, so a hostile one can try to
 * write outside a folder (`../`, absolute paths, drive letters) or expand a few
 * kilobytes into gigabytes. Every entry's name and declared size is checked before
 * anything is inflated, and fflate inflates into a buffer of exactly the declared
 * size, so a lying header cannot make an entry grow past what was allowed.
 */
import { unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export class ZipError extends Error {
  override name = 'ZipError';
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
  if (!isZip(bytes)) throw new ZipError(`${fileName} is not a zip archive`);
  const entries = new Map<string, EntryInfo>();
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        if (names.length >= limits.maxEntries) throw new ZipError(`${fileName} holds more than ${limits.maxEntries} entries; refusing to open it`);
        const unsafe = unsafeEntryReason(info.name);
        if (unsafe) throw new ZipError(`${fileName}: zip entry "${info.name}" ${unsafe}; refusing to open an archive that could write outside its folder`);
        if (info.originalSize > limits.maxEntryBytes)
          throw new ZipError(`${fileName}: zip entry "${info.name}" declares ${formatBytes(info.originalSize)}, more than the ${formatBytes(limits.maxEntryBytes)} allowed; refusing to open it`);
        if (info.originalSize > limits.ratioFloorBytes && info.originalSize > Math.max(info.size, 1) * limits.maxRatio)
          throw new ZipError(
            `${fileName}: zip entry "${info.name}" expands ${formatBytes(info.size)} into ${formatBytes(info.originalSize)} (possible zip bomb); refusing to open it`,
          );
        const name = info.name.replace(/\\/g, '/');
        names.push(name);
        entries.set(name.toLowerCase(), { raw: info.name, name, originalSize: info.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${fileName} is not a readable zip archive (${describe(error)})`);
  }
  const cache = new Map<string, Uint8Array>();
  let inflated = 0;
  return {
    names,
    find: (name) => entries.get(name.replace(/\\/g, '/').toLowerCase())?.name,
    get(name) {
      const key = name.replace(/\\/g, '/').toLowerCase();
      const entry = entries.get(key);
      if (!entry) return undefined;
      const cached = cache.get(key);
      if (cached) return cached;
      if (inflated + entry.originalSize > limits.maxTotalBytes)
        throw new ZipError(`${fileName} would expand to more than ${formatBytes(limits.maxTotalBytes)} (possible zip bomb); refusing to read more of it`);
      inflated += entry.originalSize;
      let data: Uint8Array | undefined;
      try {
        // fflate inflates into a buffer of the declared size, so a lying header cannot make this grow.
        data = unzipSync(bytes, { filter: (info) => info.name === entry.raw })[entry.raw];
      } catch (error) {
        throw new ZipError(`${fileName}: zip entry "${entry.name}" is damaged (${describe(error)})`);
      }
      if (!data) return undefined;
      cache.set(key, data);
      return data;
    },
  };
}

/**
 * A zip of the given entries, in the given order. A fixed timestamp keeps the bytes
 * the same for the same content, so saving an unchanged project changes nothing.
 */
export function writeZip(entries: ReadonlyArray<readonly [string, Uint8Array | string]>, mtime = new Date('2000-01-01T00:00:00Z')): Uint8Array {
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  for (const [name, data] of entries) {
    const unsafe = unsafeEntryReason(name);
    if (unsafe) throw new ZipError(`refusing to write zip entry "${name}": it ${unsafe}`);
    tree[name] = [typeof data === 'string' ? encoder.encode(data) : data, { level: 6, mtime }];
  }
  return zipSync(tree);
}
