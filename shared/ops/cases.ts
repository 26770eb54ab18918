/** Cases (the people or units a source belongs to) and their typed attributes. */
import type { Change, ChangeSet } from '../model/changes';
import { put, remove } from '../model/changes';
import type { OpContext } from '../model/context';
import type { Attribute, AttributeType, Case, Guid, Project } from '../model/schema';
import { find, OpError, requireName } from './common';

/** Why a value does not fit an attribute's type, or null when it fits. Empty means "no value". */
export function valueProblem(type: AttributeType, value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  switch (type) {
    case 'text':
      return null;
    case 'boolean':
      return /^(true|false|yes|no|1|0)$/i.test(v) ? null : `'${value}' is not yes/no`;
    case 'integer':
      return /^[+-]?\d+$/.test(v) ? null : `'${value}' is not a whole number`;
    case 'float':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? null : `'${value}' is not a number`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? null : `'${value}' is not a date (YYYY-MM-DD)`;
    case 'datetime':
      return !Number.isNaN(Date.parse(v)) ? null : `'${value}' is not a date and time`;
  }
}

export function createAttribute(
  project: Project,
  ctx: OpContext,
  args: { name: string; type?: AttributeType; values?: string[]; description?: string },
): ChangeSet & { id: Guid } {
  const name = requireName(args.name, 'attribute');
  if (project.attributes.some((a) => a.name.toLowerCase() === name.toLowerCase()))
    throw new OpError(`An attribute named '${name}' exists already`);
  const id = ctx.newId();
  const attribute: Attribute = {
    id,
    name,
    type: args.type ?? 'text',
    ...(args.values ? { values: args.values } : {}),
    ...(args.description ? { description: args.description } : {}),
  };
  return { label: `Add attribute '${name}'`, changes: [put('attributes', null, attribute)], id };
}

export function createCase(
  project: Project,
  ctx: OpContext,
  args: { name: string; values?: Record<Guid, string>; description?: string },
): ChangeSet & { id: Guid } {
  const id = ctx.newId();
  const kase: Case = {
    id,
    name: requireName(args.name, 'case'),
    values: checkValues(project, args.values ?? {}),
    ...(args.description ? { description: args.description } : {}),
  };
  return { label: `Add case '${kase.name}'`, changes: [put('cases', null, kase)], id };
}

function checkValues(project: Project, values: Record<Guid, string>): Record<Guid, string> {
  for (const [attributeId, value] of Object.entries(values)) {
    const attribute = find(project, 'attributes', attributeId);
    const problem = valueProblem(attribute.type, value);
    if (problem) throw new OpError(`${attribute.name}: ${problem}`);
  }
  return values;
}

export function setCaseValue(project: Project, _ctx: OpContext, caseId: Guid, attributeId: Guid, value: string): ChangeSet {
  const before = find(project, 'cases', caseId);
  const attribute = find(project, 'attributes', attributeId);
  const problem = valueProblem(attribute.type, value);
  if (problem) throw new OpError(`${attribute.name}: ${problem}`);
  const values = { ...before.values };
  if (value.trim() === '') delete values[attributeId];
  else values[attributeId] = value.trim();
  return { label: `Set ${attribute.name} of '${before.name}'`, changes: [put('cases', before, { ...before, values })] };
}

export function assignCase(project: Project, _ctx: OpContext, sourceId: Guid, caseId: Guid | null): ChangeSet {
  const before = find(project, 'sources', sourceId);
  if (caseId) find(project, 'cases', caseId);
  const { caseId: _old, ...rest } = before;
  return { label: `Assign case of '${before.name}'`, changes: [put('sources', before, caseId ? { ...rest, caseId } : rest)] };
}

/** Removes the case and unlinks its sources and speakers; the sources themselves stay. */
export function deleteCase(project: Project, _ctx: OpContext, id: Guid): ChangeSet {
  const kase = find(project, 'cases', id);
  const changes: Change[] = [];
  for (const source of project.sources) {
    const speakers = source.speakers.map((s) => (s.caseId === id ? { name: s.name, role: s.role } : s));
    const touched = source.caseId === id || speakers.some((s, i) => s !== source.speakers[i]);
    if (!touched) continue;
    const { caseId, ...rest } = source;
    changes.push(put('sources', source, { ...(caseId === id ? rest : source), speakers }));
  }
  changes.push(remove('cases', kase));
  return { label: `Delete case '${kase.name}'`, changes };
}
