/** Creating an empty project, and the lookups every feature needs over one. */
import type { Code, Coder, Guid, Project, Source } from './schema';
import { tableNames } from './schema';

export interface NewProjectOptions {
  id: Guid;
  name: string;
  now: string;
  coder?: Coder;
  description?: string;
}

export function emptyProject(opts: NewProjectOptions): Project {
  const tables = Object.fromEntries(tableNames.map((t) => [t, []])) as unknown as Omit<Project, 'meta'>;
  return {
    ...tables,
    meta: {
      id: opts.id,
      name: opts.name,
      description: opts.description ?? '',
      createdAt: opts.now,
      modifiedAt: opts.now,
      ...(opts.coder ? { createdBy: opts.coder.id } : {}),
    },
    coders: opts.coder ? [opts.coder] : [],
  };
}

export function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Codes in tree order (parents before children, siblings by order then name). */
export function codeTree(codes: readonly Code[]): { code: Code; depth: number }[] {
  const children = new Map<string | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    // A dangling parent (e.g. from a partial import) shows the code at the top level.
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const out: { code: Code; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const code of children.get(parent) ?? []) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      out.push({ code, depth });
      walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The names from the root down to the code, e.g. ["Services", "Housing"]. */
export function codePath(code: Code, codesById: ReadonlyMap<string, Code>): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current: Code | undefined = code;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.name);
    current = current.parentId ? codesById.get(current.parentId) : undefined;
  }
  return path;
}

/** The code and all codes below it. */
export function descendantIds(codeId: string, codes: readonly Code[]): Set<string> {
  const out = new Set([codeId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The distinct speaker names of a source, in order of first appearance. */
export function speakerNames(source: Source): string[] {
  return [...new Set(source.turns.map((t) => t.speaker))];
}

/** A source's attributes as name -> value, from its case. */
export function sourceAttributes(project: Pick<Project, 'cases' | 'attributes'>, source: Source): Record<string, string> {
  const out: Record<string, string> = {};
  const kase = source.caseId ? project.cases.find((c) => c.id === source.caseId) : undefined;
  if (!kase) return out;
  for (const attr of project.attributes) {
    const value = kase.values[attr.id];
    if (value !== undefined && value !== '') out[attr.name] = value;
  }
  return out;
}

/** Each code gets a distinct, readable default colour (a qualitative palette that works on light and dark). */
export const CODE_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22',
] as const;

export function nextColor(usedCount: number): string {
  return CODE_PALETTE[usedCount % CODE_PALETTE.length]!;
}

/**
 * The project with every table sorted by id: row order carries no meaning (display
 * order is the `order` field), so two projects are the same when these are deep-equal.
 */
export function canonicalProject(project: Project): Project {
  const out = { ...project } as Record<string, unknown>;
  for (const t of tableNames) out[t] = [...project[t]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out as Project;
}
