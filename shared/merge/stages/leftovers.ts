/** What a merge does not carry over, each listed in the report: saved queries and settings. */
import type { MergeState } from './state';

export function listLeftovers(m: MergeState): void {
  const { base, incoming } = m;
  for (const q of incoming.savedQueries) {
    if (base.savedQueries.some((b) => b.name === q.name)) {
      m.count(m.present, 'savedQueries');
      continue;
    }
    m.notPlaced.push({ table: 'savedQueries', id: q.id, what: `saved query '${q.name}'`, reason: 'saved queries refer to the other project’s ids; re-create it here' });
  }
  if (incoming.settings.length > 0) {
    m.notPlaced.push({ table: 'settings', id: '*', what: `${incoming.settings.length} project setting(s)`, reason: 'this project keeps its own settings' });
  }
}
