/**
 * What the project itself knows is identifying: its speakers, its cases, attribute values
 * such as sites and agencies, and the team's own list of names with the pseudonym each
 * should get. These are found with certainty, and they give the NLP's finds their category.
 */
import type { Project } from '../model/schema';
import type { DeidCategory, DeidOrigin } from './categories';
import { isGenericLabel } from './names';

/** One form of an identifier, as found, before grouping. */
export interface Mention {
  text: string;
  category: DeidCategory;
  origin: DeidOrigin;
  /** The pseudonym the team's list gives it. */
  pseudonym?: string;
}

/** A row of the team's list (names.csv): identifier, pseudonym, category. */
export interface ListEntry {
  identifier: string;
  pseudonym?: string;
  category: DeidCategory;
}

/** Attribute names whose values identify a place or an organisation, and which kind. */
const ATTRIBUTE_KINDS: [RegExp, DeidCategory][] = [
  [/\b(?:site|location|clinic|facility|centre|center|venue|ward|hospital)\b/i, 'site'],
  [/\b(?:agency|organi[sz]ation|program(?:me)?|service|provider|employer|school|church|court|department|team)\b/i, 'organisation'],
  [/\b(?:city|town|village|county|state|region|neighbou?rhood|district|area|place|address|home)\b/i, 'place'],
  [/\b(?:name|alias|nickname|pseudonym|first name|surname|family name)\b/i, 'participant'],
];

function attributeKind(name: string): DeidCategory | null {
  for (const [re, kind] of ATTRIBUTE_KINDS) if (re.test(name)) return kind;
  return null;
}

/** A value that could name something: not a number, a yes/no, or a one-letter code. */
function couldIdentify(value: string): boolean {
  const v = value.trim();
  return v.length >= 2 && /\p{L}{2}/u.test(v) && !/^(?:yes|no|true|false|n\/a|na|none|unknown|other|male|female)$/i.test(v) && !isGenericLabel(v);
}

export function projectMentions(project: Project, sourceIds: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  for (const source of project.sources) {
    if (!sourceIds.has(source.id)) continue;
    for (const speaker of source.speakers) {
      if (isGenericLabel(speaker.name)) continue;
      out.push({ text: speaker.name, category: speaker.role === 'interviewer' ? 'interviewer' : 'participant', origin: 'speaker' });
    }
  }
  const usedCases = new Set(project.sources.filter((s) => sourceIds.has(s.id)).flatMap((s) => [s.caseId, ...s.speakers.map((p) => p.caseId)]));
  for (const kase of project.cases) {
    if (!usedCases.has(kase.id) && usedCases.size > 0) continue;
    if (!isGenericLabel(kase.name)) out.push({ text: kase.name, category: 'participant', origin: 'case' });
  }
  for (const attr of project.attributes) {
    if (attr.type !== 'text') continue;
    const kind = attributeKind(attr.name);
    if (!kind) continue;
    const values = new Set([...(attr.values ?? []), ...project.cases.map((c) => c.values[attr.id] ?? '')]);
    for (const value of values) if (couldIdentify(value)) out.push({ text: value.trim(), category: kind, origin: 'attribute' });
  }
  return out;
}

export function listMentions(list: readonly ListEntry[]): Mention[] {
  return list
    .filter((e) => e.identifier.trim())
    .map((e) => ({ text: e.identifier.trim(), category: e.category, origin: 'list' as const, ...(e.pseudonym?.trim() ? { pseudonym: e.pseudonym.trim() } : {}) }));
}
