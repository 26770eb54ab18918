/**
 * Grouping the forms of one identifier: "David", "David Kim", "Mr Kim" and "Kim's" are one
 * person. Forms with the same core (title and possessive removed) are one group; a single
 * name joins the one full name it is part of, and stays apart when it could be two people
 * ("Kim" beside "David Kim" and "Sarah Kim"). A group's category comes from its most
 * reliable source: the team's list, then saved decisions, the project's own names, a
 * title, attribute values, the NLP library, and last the capitalised-word fallback.
 */
import type { DeidCategory, DeidOrigin } from './categories';
import { isNameCategory, isPersonCategory } from './categories';
import type { DeidDecision } from './decisions';
import type { Mention } from './knowledge';
import { NOT_NAMES, nameCore, stopForm } from './names';

export interface Group {
  key: string;
  label: string;
  category: DeidCategory;
  pseudonym?: string;
  accepted?: boolean;
  variants: Set<string>;
  origins: Set<DeidOrigin>;
  exceptions: Set<string>;
  /** The rank of the origin that set the category (lower is more reliable). */
  rank: number;
}

const RANK: Record<DeidOrigin, number> = { list: 0, saved: 1, speaker: 2, case: 2, attribute: 3, nlp: 5, pattern: 4, capitalised: 6 };

function coreKey(category: DeidCategory, core: string): string {
  return isNameCategory(category) ? core.toLowerCase() : `${category}:${core}`;
}

function tokens(core: string): string[] {
  return core.toLowerCase().split(' ').filter(Boolean);
}

export function groupMentions(mentions: readonly Mention[], saved: readonly DeidDecision[]): Group[] {
  const groups = new Map<string, Group>();
  // Every known form points at its group, so a later mention of "Mr Kim" finds "David Kim".
  const alias = new Map<string, string>();
  for (const d of saved) {
    groups.set(d.key, {
      key: d.key, label: d.label, category: d.category, pseudonym: d.pseudonym, accepted: d.accepted,
      variants: new Set(d.variants), origins: new Set([...d.origins, 'saved']), exceptions: new Set(d.exceptions), rank: RANK.saved,
    });
    for (const v of d.variants) alias.set(coreKey(d.category, nameCore(v).core), d.key);
  }
  for (const m of mentions) {
    const named = isNameCategory(m.category);
    const { core, title } = named ? nameCore(m.text) : { core: m.text.trim(), title: null };
    if (!core || (named && (NOT_NAMES.has(core.toLowerCase()) || NOT_NAMES.has(stopForm(core))))) continue;
    let category = m.category;
    if (title === 'officer' && (category === 'person' || m.origin === 'nlp' || m.origin === 'capitalised')) category = 'officer';
    const key = alias.get(coreKey(category, core)) ?? coreKey(category, core);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: core, category, variants: new Set(), origins: new Set(), exceptions: new Set(), rank: RANK[m.origin] };
      groups.set(key, g);
      alias.set(key, key);
    }
    g.variants.add(m.text.trim().replace(/['’]s$|['’]$/, ''));
    if (named) g.variants.add(core);
    g.origins.add(m.origin);
    const rank = title === 'officer' ? Math.min(RANK[m.origin], RANK.attribute) : RANK[m.origin];
    if (rank < g.rank || (rank === g.rank && g.category === 'person' && category !== 'person')) {
      g.rank = rank;
      g.category = category;
    }
    if (m.pseudonym && (g.pseudonym === undefined || m.origin === 'list')) g.pseudonym = m.pseudonym;
    if (m.origin === 'list') g.accepted = true;
  }
  return joinPartialNames([...groups.values()]);
}

/** "Kim" and "David" join "David Kim" when that is the only full name they belong to. */
function joinPartialNames(all: Group[]): Group[] {
  const people = all.filter((g) => isPersonCategory(g.category) || g.origins.has('capitalised') || g.origins.has('nlp'));
  const full = people.filter((g) => tokens(g.label).length > 1 && isPersonCategory(g.category));
  const owners = new Map<string, Group[]>();
  for (const g of full) for (const t of new Set(tokens(g.label))) owners.set(t, [...(owners.get(t) ?? []), g]);
  const removed = new Set<Group>();
  for (const g of people) {
    if (tokens(g.label).length !== 1 || g.origins.has('list')) continue;
    const candidates = owners.get(tokens(g.label)[0]!) ?? [];
    if (candidates.length !== 1 || candidates[0] === g) continue;
    const into = candidates[0]!;
    for (const v of g.variants) into.variants.add(v);
    for (const o of g.origins) into.origins.add(o);
    for (const e of g.exceptions) into.exceptions.add(e);
    if (g.rank < into.rank) {
      into.rank = g.rank;
      into.category = g.category;
    }
    if (into.pseudonym === undefined && g.pseudonym !== undefined) into.pseudonym = g.pseudonym;
    if (into.accepted === undefined && g.accepted !== undefined) into.accepted = g.accepted;
    removed.add(g);
  }
  // A full name's own first and last names are forms of it too, unless they are ordinary words or shared.
  for (const g of full) {
    if (removed.has(g)) continue;
    for (const t of g.label.split(' ')) {
      const lower = t.toLowerCase();
      if (t.length >= 3 && /^\p{Lu}/u.test(t) && !NOT_NAMES.has(lower) && owners.get(lower)?.length === 1) g.variants.add(t);
    }
  }
  return all.filter((g) => !removed.has(g));
}
