/** Lookups over a codebook being merged, by normalised path and name, kept up to date as codes are added. */
import type { Code, Guid } from '../model/schema';
import type { NameFeatures } from './similarity';
import { nameFeatures, normalizeName } from './similarity';

function pathKey(path: readonly string[]): string {
  return path.map(normalizeName).join('\u0000');
}

/**
 * Lookups over the merged codebook by normalised path and name, and each code's name
 * features for proposals. Built once and kept up to date as codes are added; rebuilt only
 * after a decision renames or moves a code (which can change the paths below it).
 */
export class MergedIndex {
  private byPath = new Map<string, Guid>();
  private byName = new Map<string, Guid[]>();
  private keys = new Map<Guid, string>();
  private features = new Map<Guid, { name: string; features: NameFeatures }>();
  private dirty = true;

  constructor(private readonly merged: ReadonlyMap<Guid, Code>) {}

  invalidate(): void {
    this.dirty = true;
  }

  private keyOf(id: Guid, visiting = new Set<Guid>()): string {
    const known = this.keys.get(id);
    if (known !== undefined) return known;
    const code = this.merged.get(id)!;
    visiting.add(id);
    const parent = code.parentId && this.merged.has(code.parentId) && !visiting.has(code.parentId) ? code.parentId : null;
    const key = parent ? `${this.keyOf(parent, visiting)}\u0000${normalizeName(code.name)}` : normalizeName(code.name);
    this.keys.set(id, key);
    return key;
  }

  private index(code: Code): void {
    this.byPath.set(this.keyOf(code.id), code.id);
    const n = normalizeName(code.name);
    const list = this.byName.get(n);
    if (list) list.push(code.id);
    else this.byName.set(n, [code.id]);
  }

  private build(): void {
    if (!this.dirty) return;
    this.byPath.clear();
    this.byName.clear();
    this.keys.clear();
    for (const code of this.merged.values()) this.index(code);
    this.dirty = false;
  }

  /** A code just added (its parent is indexed already). */
  add(code: Code): void {
    if (!this.dirty) this.index(code);
  }

  atPath(path: readonly string[]): Code | undefined {
    this.build();
    const id = this.byPath.get(pathKey(path));
    return id ? this.merged.get(id) : undefined;
  }

  named(name: string): Code[] {
    this.build();
    return (this.byName.get(normalizeName(name)) ?? []).map((id) => this.merged.get(id)!);
  }

  featuresOf(code: Code): NameFeatures {
    const cached = this.features.get(code.id);
    if (cached && cached.name === code.name) return cached.features;
    const features = nameFeatures(code.name);
    this.features.set(code.id, { name: code.name, features });
    return features;
  }
}
