/**
 * Sources: the same text is the same source, whatever it is called. New sources are only
 * noted here; the cases stage adds them once the cases they belong to exist.
 */
import type { Source } from '../../model/schema';
import type { MergeState } from './state';

/**
 * The key texts are matched by. Stored texts are normalised once at import (NFC, \n line
 * ends), so only trailing white space (which no coding needs) is dropped here.
 */
function textKey(text: string): string {
  return text.trimEnd();
}

export function matchSources(m: MergeState): void {
  const { base, incoming } = m;
  const { coders, sources } = m.mapping;
  // Keyed by the text itself: the engine hashes a long string by its length and compares on a match, far cheaper than hashing every character.
  const baseByText = new Map<string, Source>();
  for (const s of base.sources) {
    const key = textKey(s.text);
    if (!baseByText.has(key)) baseByText.set(key, s);
  }
  for (const source of incoming.sources) {
    const same = baseByText.get(textKey(source.text));
    if (same) {
      sources[source.id] = same.id;
      m.count(m.present, 'sources');
      m.sourceLines.push({ incoming: source.name, mergedAs: same.name, how: 'same text' });
      continue;
    }
    const row: Source = { ...source, id: m.freshId(source.id) };
    delete row.caseId;
    delete row.importedBy;
    if (source.importedBy && coders[source.importedBy]) row.importedBy = coders[source.importedBy]!;
    m.newSources.push(row);
    sources[source.id] = row.id;
    m.sourceLength.set(row.id, row.text.length);
    m.sourceLines.push({ incoming: source.name, mergedAs: row.name, how: 'new' });
    // The same name or the same GUID with other text: both are kept, and the report says so.
    const namesake = base.sources.find((s) => s.name === source.name || s.id === source.id);
    if (namesake) {
      m.conflicts.push({ table: 'sources', what: `source '${source.name}'`, kept: `the text of '${namesake.name}'`, incoming: 'different text: added as a separate source' });
    }
  }
}
