/**
 * Merging two or more codebooks. The first is the base; each further codebook is
 * matched against what has been merged so far: by GUID, then by normalised path, then
 * by normalised name elsewhere in the tree. What does not match may get proposals
 * (similar names, the same definition) that the user accepts or not. Every code is
 * classified for the preview, every conflict can be resolved, and the result maps every
 * input code to its merged code. The types are in codebook-types.ts, the lookups over the
 * merged codebook in merged-index.ts, and what follows a merge (automatic decisions, the
 * report as text) in codebook-report.ts.
 */
import type { Code, Guid } from '../model/schema';
import { codePath, codeTree } from '../model/project';
import { featureTokenSimilarity, featureTrigramSimilarity, nameFeatures, normalizeName } from './similarity';
import type {
  CodebookInput,
  CodebookMergeOptions,
  CodebookMergeResult,
  CodeField,
  CodeDifference,
  MatchedBy,
  MatchKind,
  MergeEntry,
  Proposal,
  Resolution,
  Resolutions,
  TextField,
} from './codebook-types';
import { resolutionKey } from './codebook-types';
import { MergedIndex } from './merged-index';

export * from './codebook-types';
export { automaticResolutions, codebookReportText } from './codebook-report';

const TEXT_FIELDS: readonly TextField[] = ['name', 'definition', 'inclusion', 'exclusion', 'example'];

export function mergeCodebooks(
  inputs: readonly CodebookInput[],
  resolutions: Resolutions,
  options: CodebookMergeOptions,
): CodebookMergeResult {
  if (inputs.length === 0) throw new RangeError('a codebook merge needs at least one codebook');
  const threshold = options.proposalThreshold ?? 0.5;
  const merged = new Map<Guid, Code>();
  for (const { code } of codeTree(inputs[0]!.codes)) merged.set(code.id, { ...code });
  // Codes whose parent is missing are still codes: codeTree shows them at the top.
  const index = new MergedIndex(merged);
  const mapping: Record<Guid, Guid>[] = [Object.fromEntries(inputs[0]!.codes.map((c) => [c.id, c.id]))];
  const entries: MergeEntry[] = [];

  for (let i = 1; i < inputs.length; i++) {
    const input = inputs[i]!;
    const map: Record<Guid, Guid> = {};
    mapping.push(map);
    const own = new Map(input.codes.map((c) => [c.id, c]));
    const round: Round = { placed: new Set(), claimed: new Set(), nameCount: new Map() };
    for (const c of input.codes) round.nameCount.set(normalizeName(c.name), (round.nameCount.get(normalizeName(c.name)) ?? 0) + 1);
    for (const { code } of codeTree(input.codes)) {
      const entry = placeCode(code, i, input, own, map, merged, index, round, resolutions, threshold, options.newId);
      map[code.id] = entry.mergedId;
      entries.push(entry);
    }
  }

  const codes = [...merged.values()];
  const counts = { identical: 0, matched: 0, renamed: 0, moved: 0, conflicting: 0, new: 0 } as Record<MatchKind, number>;
  for (const e of entries) counts[e.kind]++;
  return {
    codes,
    mapping,
    entries,
    report: {
      inputs: inputs.map((x) => ({ label: x.label, codes: x.codes.length })),
      merged: codes.length,
      counts,
      entries,
    },
  };
}

/**
 * What one codebook's placement has done so far. Weak matches (path, name, proposals) look
 * only at codes from earlier codebooks: a codebook that uses one name in two branches
 * ("citizenship" under two parents) must not have its second code matched to its first.
 */
interface Round {
  /** Merged codes this codebook added. */
  placed: Set<Guid>;
  /** Merged codes one of its codes already matched. */
  claimed: Set<Guid>;
  /** How often each normalised name occurs in this codebook. */
  nameCount: Map<string, number>;
}

/** Match, classify and place one code of input `i` into the merged codebook. */
function placeCode(
  code: Code,
  i: number,
  input: CodebookInput,
  own: ReadonlyMap<Guid, Code>,
  map: Record<Guid, Guid>,
  merged: Map<Guid, Code>,
  index: MergedIndex,
  round: Round,
  resolutions: Resolutions,
  threshold: number,
  newId: () => Guid,
): MergeEntry {
  const key = resolutionKey(i, code.id);
  const resolution = resolutions[key];
  const path = codePath(code, own);
  // The parent this code would have in the merged codebook.
  const mappedParent = code.parentId ? (map[code.parentId] ?? null) : null;

  let target: Code | undefined;
  let matchedBy: MatchedBy | null = null;
  if (resolution?.action === 'match') {
    target = merged.get(resolution.codeId);
    if (!target) throw new RangeError(`the resolution for '${code.name}' names a code that is not in the merged codebook`);
    matchedBy = 'user';
  } else if (merged.has(code.id)) {
    target = merged.get(code.id);
    matchedBy = 'id';
  } else {
    const atPath = index.atPath(path);
    const earlier = (c: Code) => !round.placed.has(c.id) && !round.claimed.has(c.id);
    if (atPath && earlier(atPath)) {
      target = atPath;
      matchedBy = 'path';
    } else if (round.nameCount.get(normalizeName(code.name)) === 1) {
      // A name alone is evidence only when it is unambiguous on both sides.
      const sameName = index.named(code.name).filter(earlier);
      if (sameName.length === 1) {
        target = sameName[0];
        matchedBy = 'name';
      }
    }
  }
  if (target) round.claimed.add(target.id);
  const base = { key, input: i, inputLabel: input.label, codeId: code.id, path };

  if (!target || resolution?.action === 'keep-both') {
    const proposals = target ? [] : propose(code, mappedParent, merged, index, round, threshold);
    const placed = addNew(code, mappedParent, merged, input.label, newId);
    index.add(placed);
    round.placed.add(placed.id);
    return {
      ...base,
      kind: 'new',
      matchedBy: null,
      mergedId: placed.id,
      differences: [],
      proposals,
      resolution: resolution?.action === 'keep-both' ? 'keep-both' : null,
      ...(placed.name !== code.name ? { note: `named '${placed.name}' to tell it from '${code.name}'` } : {}),
      ...(target ? { note: `kept apart from '${codePath(target, merged).join(' > ')}' as asked` } : {}),
    };
  }

  const differences = diff(target, code, mappedParent, merged);
  const kind = classify(differences, matchedBy!);
  let note: string | undefined;
  if (differences.length > 0) {
    const chosen = resolution && resolution.action !== 'match' ? resolution : { action: 'keep-a' as const };
    note = applyResolution(target, code, mappedParent, differences, chosen, merged);
    if (chosen.action !== 'keep-a') index.invalidate();
  }
  // Inductive codes keep where they first appeared, whichever side recorded it.
  if (!target.firstSourceId && code.firstSourceId) merged.set(target.id, { ...merged.get(target.id)!, firstSourceId: code.firstSourceId });
  return {
    ...base,
    kind,
    matchedBy,
    mergedId: target.id,
    differences,
    proposals: [],
    resolution: differences.length > 0 ? (resolution?.action ?? 'keep-a') : (resolution?.action ?? null),
    ...(note ? { note } : {}),
  };
}

function classify(differences: readonly CodeDifference[], matchedBy: MatchedBy): MatchKind {
  const fields = new Set(differences.map((d) => d.field));
  if (['definition', 'inclusion', 'exclusion', 'example', 'color', 'codable'].some((f) => fields.has(f as CodeField))) return 'conflicting';
  if (fields.has('name')) return 'renamed';
  if (fields.has('parent')) return 'moved';
  return matchedBy === 'id' ? 'identical' : 'matched';
}

function diff(a: Code, b: Code, bParent: Guid | null, merged: ReadonlyMap<Guid, Code>): CodeDifference[] {
  const out: CodeDifference[] = [];
  const parentPath = (id: Guid | null) => (id && merged.get(id) ? codePath(merged.get(id)!, merged).join(' > ') : '(top level)');
  if (a.name !== b.name) out.push({ field: 'name', a: a.name, b: b.name });
  if (a.parentId !== bParent) out.push({ field: 'parent', a: parentPath(a.parentId), b: parentPath(bParent) });
  for (const f of ['definition', 'inclusion', 'exclusion', 'example'] as const) {
    if (a[f].trim() !== b[f].trim()) out.push({ field: f, a: a[f], b: b[f] });
  }
  if (a.color.toLowerCase() !== b.color.toLowerCase()) out.push({ field: 'color', a: a.color, b: b.color });
  if (a.codable !== b.codable) out.push({ field: 'codable', a: String(a.codable), b: String(b.codable) });
  return out;
}

/** Writes the chosen values into the merged code; returns a note when a choice could not be honoured. */
function applyResolution(
  target: Code,
  incoming: Code,
  incomingParent: Guid | null,
  differences: readonly CodeDifference[],
  resolution: Exclude<Resolution, { action: 'match' } | { action: 'keep-both' }>,
  merged: Map<Guid, Code>,
): string | undefined {
  if (resolution.action === 'keep-a') return undefined;
  const next: Code = { ...merged.get(target.id)! };
  let note: string | undefined;
  if (resolution.action === 'edit') {
    for (const f of TEXT_FIELDS) {
      const value = resolution.fields[f];
      if (value !== undefined) (next as Record<TextField, string>)[f] = f === 'name' ? value.trim() || next.name : value;
    }
  } else {
    for (const d of differences) {
      switch (d.field) {
        case 'parent':
          if (incomingParent && isAncestorOrSelf(target.id, incomingParent, merged)) {
            note = `kept under '${d.a}': moving it under '${d.b}' would put it inside itself`;
          } else next.parentId = incomingParent;
          break;
        case 'codable':
          next.codable = incoming.codable;
          break;
        case 'color':
          next.color = incoming.color.toLowerCase();
          break;
        default:
          next[d.field] = incoming[d.field];
      }
    }
  }
  const clash = [...merged.values()].find(
    (c) => c.id !== next.id && c.parentId === next.parentId && normalizeName(c.name) === normalizeName(next.name),
  );
  if (clash) {
    note = `kept the name '${target.name}': '${next.name}' is taken at that level`;
    next.name = merged.get(target.id)!.name;
  }
  merged.set(next.id, next);
  return note;
}

function isAncestorOrSelf(ancestorId: Guid, id: Guid, merged: ReadonlyMap<Guid, Code>): boolean {
  const seen = new Set<Guid>();
  for (let cur: Guid | null = id; cur && !seen.has(cur); cur = merged.get(cur)?.parentId ?? null) {
    if (cur === ancestorId) return true;
    seen.add(cur);
  }
  return false;
}

function addNew(code: Code, parentId: Guid | null, merged: Map<Guid, Code>, label: string, newId: () => Guid): Code {
  const siblings = [...merged.values()].filter((c) => c.parentId === parentId);
  let name = code.name;
  if (siblings.some((c) => normalizeName(c.name) === normalizeName(name))) {
    name = `${code.name} (${label})`;
    for (let n = 2; siblings.some((c) => normalizeName(c.name) === normalizeName(name)); n++) name = `${code.name} (${label} ${n})`;
  }
  const placed: Code = {
    ...code,
    id: merged.has(code.id) ? newId() : code.id,
    name,
    parentId,
    order: siblings.reduce((max, s) => Math.max(max, s.order + 1), 0),
  };
  merged.set(placed.id, placed);
  return placed;
}

/** Merged codes this unmatched code may be: similar names, or the same definition under another name. */
/** Letter-group similarity alone is weak evidence (shared prefixes abound), so it needs more. */
const SPELLING_THRESHOLD = 0.7;

function propose(
  code: Code,
  parentId: Guid | null,
  merged: ReadonlyMap<Guid, Code>,
  index: MergedIndex,
  round: Round,
  threshold: number,
): Proposal[] {
  const out: Proposal[] = [];
  const definition = normalizeName(code.definition);
  const mine = nameFeatures(code.name);
  // A code is not the same as the category it sits in.
  const ancestors = new Set<Guid>();
  for (let p = parentId; p && !ancestors.has(p); p = merged.get(p)?.parentId ?? null) ancestors.add(p);
  for (const c of merged.values()) {
    if (round.placed.has(c.id) || ancestors.has(c.id)) continue;
    const theirs = index.featuresOf(c);
    const tokens = featureTokenSimilarity(mine, theirs);
    const chars = featureTrigramSimilarity(mine, theirs);
    const sameDefinition = definition.length >= 12 && normalizeName(c.definition) === definition;
    const score = Math.max(tokens, chars >= Math.max(threshold, SPELLING_THRESHOLD) ? chars : 0, sameDefinition ? 1 : 0);
    if (score < threshold) continue;
    const why = sameDefinition
      ? 'same definition under another name'
      : tokens >= chars
        ? `similar words (${Math.round(tokens * 100)}% of stemmed words shared)`
        : `similar spelling (${Math.round(chars * 100)}% of letter groups shared)`;
    out.push({ codeId: c.id, path: codePath(c, merged), score, why });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 3);
}

