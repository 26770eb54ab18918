/**
 * Attributes and cases by GUID or name, values merged, differences kept as this project has
 * them; then the new sources go in, now that their cases exist, and a matched source gains
 * a case only if it had none.
 */
import type { Attribute, Case } from '../../model/schema';
import { sameValue } from '../same';
import type { MergeState } from './state';

export function mergeAttributes(m: MergeState): void {
  const { base, incoming } = m;
  const attributes = m.mapping.attributes;
  for (const attr of incoming.attributes) {
    const same = m.sameGuidOrName(base.attributes, attr, 'attributes', 'attribute');
    if (same) {
      attributes[attr.id] = same.id;
      m.count(m.present, 'attributes');
      if (same.type !== attr.type) m.conflicts.push({ table: 'attributes', what: `attribute '${attr.name}' type`, kept: same.type, incoming: attr.type });
      const values = [...(same.values ?? [])];
      for (const v of attr.values ?? []) if (!values.includes(v)) values.push(v);
      if (same.values && values.length !== same.values.length) m.update('attributes', same, { ...same, values });
      continue;
    }
    const row: Attribute = { ...attr, id: m.freshId(attr.id) };
    m.add('attributes', row);
    attributes[attr.id] = row.id;
  }
}

export function mergeCases(m: MergeState): void {
  const { base, incoming } = m;
  const { attributes, cases } = m.mapping;
  for (const kase of incoming.cases) {
    const values: Record<string, string> = {};
    for (const [attrId, value] of Object.entries(kase.values)) {
      const mapped = attributes[attrId];
      if (mapped) values[mapped] = value;
      else m.notPlaced.push({ table: 'cases', id: kase.id, what: `value '${value}' of case '${kase.name}'`, reason: 'its attribute is not in the incoming project' });
    }
    const same = m.sameGuidOrName(base.cases, kase, 'cases', 'case');
    if (same) {
      cases[kase.id] = same.id;
      m.count(m.present, 'cases');
      const next: Case = { ...same, values: { ...same.values } };
      for (const [attrId, value] of Object.entries(values)) {
        const old = same.values[attrId];
        if (old === undefined || old === '') next.values[attrId] = value;
        else if (old !== value) {
          const name = base.attributes.find((a) => a.id === attrId)?.name ?? attrId;
          m.conflicts.push({ table: 'cases', what: `case '${kase.name}', ${name}`, kept: old, incoming: value });
        }
      }
      if (!sameValue(next.values, same.values)) m.update('cases', same, next);
      continue;
    }
    const row: Case = { ...kase, id: m.freshId(kase.id), values };
    m.add('cases', row);
    cases[kase.id] = row.id;
  }
}

/** The sources matchSources held back, added now that their cases exist; every source's case set. */
export function placeSources(m: MergeState): void {
  const { base, incoming, newSources } = m;
  const { cases, sources } = m.mapping;
  for (const row of newSources) {
    // A focus group's voices point at cases of the incoming project.
    row.speakers = row.speakers.map(({ caseId, ...speaker }) => (caseId && cases[caseId] ? { ...speaker, caseId: cases[caseId] } : speaker));
    m.add('sources', row);
  }
  for (const source of incoming.sources) {
    if (!source.caseId) continue;
    const caseId = cases[source.caseId];
    const mergedId = sources[source.id]!;
    if (!caseId) {
      m.notPlaced.push({ table: 'sources', id: source.id, what: `case of source '${source.name}'`, reason: 'the case is not in the incoming project' });
      continue;
    }
    const fresh = newSources.find((s) => s.id === mergedId);
    if (fresh) {
      fresh.caseId = caseId;
      continue;
    }
    const baseSource = base.sources.find((s) => s.id === mergedId)!;
    if (!baseSource.caseId) m.update('sources', baseSource, { ...baseSource, caseId });
    else if (baseSource.caseId !== caseId) {
      m.conflicts.push({
        table: 'sources',
        what: `case of '${baseSource.name}'`,
        kept: base.cases.find((c) => c.id === baseSource.caseId)?.name ?? baseSource.caseId,
        incoming: incoming.cases.find((c) => c.id === source.caseId)?.name ?? source.caseId,
      });
    }
  }
}
