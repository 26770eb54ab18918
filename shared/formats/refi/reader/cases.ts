/** Stage: Variables become attributes and Cases become cases with their values and sources. */
import type { AttributeType } from '../../../model/schema';
import type { XmlElement } from '../xml';
import { child, childrenNamed } from '../xml';
import type { ReadContext } from './context';
import { IdMap, items, optionalText, tidy } from './context';

const VARIABLE_TYPES: Record<string, AttributeType> = {
  text: 'text', boolean: 'boolean', integer: 'integer', float: 'float', date: 'date', datetime: 'datetime',
};

export function readVariables(ctx: ReadContext): void {
  const { attributes } = ctx.rows;
  const container = child(ctx.root, 'Variables');
  if (container) ctx.used.set(container, '');
  for (const v of items(ctx.root, 'Variables', 'Variable')) {
    const id = ctx.ids.assign('Variable', v.attrs.guid);
    const type = VARIABLE_TYPES[(v.attrs.typeOfVariable ?? 'Text').trim().toLowerCase()] ?? 'text';
    const descriptionEl = child(v, 'Description');
    const description = optionalText(ctx, descriptionEl);
    attributes.push({ id, name: tidy(ctx, v.attrs.name) || `Variable ${attributes.length + 1}`, type, ...(description !== undefined ? { description } : {}) });
    ctx.used.set(v, id);
    if (description !== undefined) ctx.used.set(descriptionEl!, '');
  }
}

/**
 * An element's VariableValues into `into`, by attribute id; values of unknown variables
 * are left unused. `keep` leaves them unused anyway, to be written back where they were.
 */
export function readValues(ctx: ReadContext, el: XmlElement, into: Record<string, string>, keep = false): void {
  for (const vv of childrenNamed(el, 'VariableValue')) {
    const attrId = ctx.ids.lookup('Variable', child(vv, 'VariableRef')?.attrs.targetGUID);
    const valueEl = vv.children.find((c) => c.name !== 'VariableRef');
    if (!attrId) {
      ctx.warn(`a variable value refers to an unknown variable ${child(vv, 'VariableRef')?.attrs.targetGUID ?? ''}; skipped it`);
      continue;
    }
    into[attrId] = tidy(ctx, valueEl?.text);
    if (!keep) ctx.used.set(vv, '');
  }
}

export function readCases(ctx: ReadContext): void {
  const { cases } = ctx.rows;
  const container = child(ctx.root, 'Cases');
  if (container) ctx.used.set(container, '');
  for (const c of items(ctx.root, 'Cases', 'Case')) {
    const id = ctx.ids.assign('Case', c.attrs.guid);
    const descriptionEl = child(c, 'Description');
    const description = optionalText(ctx, descriptionEl);
    cases.push({ id, name: tidy(ctx, c.attrs.name) || `Case ${cases.length + 1}`, values: {}, ...(description !== undefined ? { description } : {}) });
    ctx.used.set(c, id);
    if (description !== undefined) ctx.used.set(descriptionEl!, '');
    readValues(ctx, c, cases[cases.length - 1]!.values);
    for (const ref of childrenNamed(c, 'SourceRef')) {
      const key = IdMap.key(ref.attrs.targetGUID);
      if (!key) continue;
      if (ctx.caseOfSource.has(key))
        ctx.warn(`a source belongs to several cases; Lantern QDA keeps one case per source (the first, "${cases.find((k) => k.id === ctx.caseOfSource.get(key))?.name}")`);
      else ctx.caseOfSource.set(key, id);
    }
  }
}

/**
 * After the sources: a case's SourceRef is used when its source became one of ours and
 * belongs to that case; the others (a PDF source, a second case of a source) are kept.
 */
export function markCaseMembers(ctx: ReadContext): void {
  const caseOf = new Map(ctx.rows.sources.map((s) => [s.id, s.caseId]));
  for (const c of items(ctx.root, 'Cases', 'Case')) {
    const caseId = ctx.used.get(c);
    for (const ref of childrenNamed(c, 'SourceRef')) {
      const sourceId = ctx.ids.lookup('Source', ref.attrs.targetGUID);
      if (sourceId && caseId && caseOf.get(sourceId) === caseId) ctx.used.set(ref, '');
    }
  }
}
