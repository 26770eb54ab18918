/** Themes and document sets by GUID or name: their lists of codes or sources united. */
import type { DocumentSet, Guid, Theme } from '../../model/schema';
import { sameRow } from '../same';
import type { MergeState } from './state';

/** A differing definition is kept as this project has it. */
export function mergeThemes(m: MergeState): void {
  const { base, incoming } = m;
  const { codes, themes } = m.mapping;
  const themeRows: Theme[] = [];
  for (const theme of incoming.themes) {
    const codeIds = theme.codeIds.map((id) => codes[id]).filter((id): id is Guid => !!id);
    const lost = theme.codeIds.filter((id) => !codes[id]);
    if (lost.length > 0) {
      m.notPlaced.push({ table: 'themes', id: theme.id, what: `${lost.length} code reference(s) of theme '${theme.name}'`, reason: 'the codes are not in the incoming project' });
    }
    const same = m.sameGuidOrName(base.themes, theme, 'themes', 'theme');
    if (same) {
      themes[theme.id] = same.id;
      m.count(m.present, 'themes');
      const union = [...same.codeIds, ...codeIds.filter((id) => !same.codeIds.includes(id))];
      const next: Theme = { ...same, codeIds: union };
      if (!same.definition.trim() && theme.definition.trim()) next.definition = theme.definition;
      else if (theme.definition.trim() && same.definition.trim() !== theme.definition.trim()) {
        m.conflicts.push({ table: 'themes', what: `definition of theme '${same.name}'`, kept: same.definition, incoming: theme.definition });
      }
      if (!sameRow(next, same)) m.update('themes', same, next);
      continue;
    }
    const row: Theme = { ...theme, id: m.freshId(theme.id), codeIds: [...new Set(codeIds)] };
    themes[theme.id] = row.id;
    themeRows.push(row);
  }
  for (const row of themeRows) {
    // Parents are known only once every theme is mapped.
    const source = incoming.themes.find((t) => themes[t.id] === row.id)!;
    row.parentId = source.parentId ? (themes[source.parentId] ?? null) : null;
    m.add('themes', row);
  }
}

export function mergeDocumentSets(m: MergeState): void {
  const { base, incoming } = m;
  const { sources, documentSets } = m.mapping;
  for (const set of incoming.documentSets) {
    const sourceIds = set.sourceIds.map((id) => sources[id]).filter((id): id is Guid => !!id);
    const lost = set.sourceIds.length - sourceIds.length;
    if (lost > 0) {
      m.notPlaced.push({ table: 'documentSets', id: set.id, what: `${lost} member(s) of set '${set.name}'`, reason: 'the sources are not in the incoming project' });
    }
    const same = m.sameGuidOrName(base.documentSets, set, 'documentSets', 'set');
    if (same) {
      documentSets[set.id] = same.id;
      m.count(m.present, 'documentSets');
      const union = [...same.sourceIds, ...sourceIds.filter((id) => !same.sourceIds.includes(id))];
      if (union.length !== same.sourceIds.length) m.update('documentSets', same, { ...same, sourceIds: union });
      continue;
    }
    const row: DocumentSet = { ...set, id: m.freshId(set.id), sourceIds: [...new Set(sourceIds)] };
    m.add('documentSets', row);
    documentSets[set.id] = row.id;
  }
}
