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
  /** Sum of all entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Largest expansion ratio allowed for an entry bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  // Plain text and XML compress 5-20x; hundreds-fold is what bombs look like.
  maxRatio: 1000,
  ratioFloorBytes: 1024 ** 2,
  maxEntries: 100_000,
};

export interface ZipArchive {
  /** Entry names as stored (folders included), with `\` turned into `/`. */
  readonly names: string[];
  /** An entry's bytes, matching the name case-insensitively. */
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

export function readZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (!isZip(bytes)) throw new ZipError(`${fileName} is not a zip archive`);
  let total = 0;
  let count = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(info) {
        count++;
        if (count > limits.maxEntries) throw new ZipError(`${fileName} holds more than ${limits.maxEntries} entries; refusing to open it`);
        const unsafe = unsafeEntryReason(info.name);
        if (unsafe) throw new ZipError(`${fileName}: zip entry "${info.name}" ${unsafe}; refusing to open an archive that could write outside its folder`);
        total += info.originalSize;
        if (total > limits.maxTotalBytes)
          throw new ZipError(
            `${fileName} would expand to more than ${formatBytes(limits.maxTotalBytes)} (possible zip bomb); refusing to open it`,
          );
        if (
          info.originalSize > limits.ratioFloorBytes &&
          info.originalSize > Math.max(info.size, 1) * limits.maxRatio
        )
          throw new ZipError(
            `${fileName}: zip entry "${info.name}" expands ${formatBytes(info.size)} into ${formatBytes(info.originalSize)} (possible zip bomb); refusing to open it`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`${fileName} is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  const byName = new Map<string, Uint8Array>();
  const stored = new Map<string, string>();
  const names: string[] = [];
  for (const [raw, data] of Object.entries(files)) {
    const name = raw.replace(/\\/g, '/');
    names.push(name);
    byName.set(name.toLowerCase(), data);
    stored.set(name.toLowerCase(), name);
  }
  return {
    names,
    get: (name) => byName.get(name.replace(/\\/g, '/').toLowerCase()),
    find: (name) => stored.get(name.replace(/\\/g, '/').toLowerCase()),
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
