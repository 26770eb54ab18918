/**
 * Every piece of project text outside the sources' own text that can hold a name: source,
 * case, code, theme and set names and descriptions, speakers, attribute values, code
 * definitions, memo titles and bodies. One walk serves both finding (the function only
 * looks) and applying (it returns the replaced text), so the two never disagree.
 */
import type { Project, RichBlock, RichInline, RichLeaf } from '../model/schema';

export interface FieldRef {
  table: string;
  id: string;
  /** Which text of the row, e.g. "name", "values.<attribute id>", "body.0.1". */
  field: string;
  /** For people: "Memo 'First thoughts'", "Case 'P03' name". */
  label: string;
}

export type FieldFn = (text: string, ref: FieldRef) => string;

function mapBlocks(blocks: readonly RichBlock[], path: string, fn: (text: string, field: string) => string): RichBlock[] {
  const leaf = (l: RichLeaf, p: string): RichLeaf => ({ ...l, text: fn(l.text, p) });
  const inline = (x: RichInline, p: string): RichInline => ('type' in x ? { ...x, children: x.children.map((l, i) => leaf(l, `${p}.${i}`)) } : leaf(x, p));
  return blocks.map((b, i) => {
    const p = `${path}.${i}`;
    if (b.type === 'bulleted-list' || b.type === 'numbered-list') return { ...b, children: mapBlocks(b.children, p, fn) };
    return { ...b, children: (b.children as RichInline[]).map((x, j) => inline(x, `${p}.${j}`)) } as RichBlock;
  });
}

/** "Memo 'Notes'" for a memo's body, "Case 'P1' value" for an attribute value, "Code 'Arrest' definition". */
function fieldLabel(what: string, field: string): string {
  if (field.startsWith('body')) return what;
  const word = field.replace(/^(speaker|values)\.[^.]*$/, (_, kind: string) => (kind === 'speaker' ? 'speaker' : 'value'));
  return `${what} ${word}`;
}

/** Optional text: mapped when present, left absent when absent. */
function opt<T extends object, K extends keyof T>(row: T, key: K, fn: (t: string) => string): Partial<T> {
  const v = row[key];
  return typeof v === 'string' ? ({ [key]: fn(v) } as Partial<T>) : {};
}

/** The project with fn applied to every text field; sources' texts and offsets are not touched here. */
export function mapFields(project: Project, fn: FieldFn): Project {
  const at = (table: string, id: string, what: string) => (field: string) => (text: string) => fn(text, { table, id, field, label: fieldLabel(what, field) });
  return {
    ...project,
    sources: project.sources.map((s) => {
      const f = at('sources', s.id, `Source '${s.name}'`);
      const renamedSpeakers = s.speakers.map((p, i) => ({ ...p, name: f(`speaker.${i}`)(p.name) }));
      const renamed = new Map(s.speakers.map((p, i) => [p.name, renamedSpeakers[i]!.name]));
      // Two names of one person ("Yolanda", "Yolanda Pierce") become one speaker.
      const speakers = renamedSpeakers.filter((p, i) => renamedSpeakers.findIndex((q) => q.name === p.name) === i);
      return {
        ...s,
        name: f('name')(s.name),
        ...opt(s, 'description', f('description')),
        speakers,
        turns: s.turns.map((t) => ({ ...t, speaker: renamed.get(t.speaker) ?? f('turn speaker')(t.speaker) })),
      };
    }),
    cases: project.cases.map((c) => {
      const f = at('cases', c.id, `Case '${c.name}'`);
      const values = Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, f(`values.${k}`)(v)]));
      return { ...c, name: f('name')(c.name), ...opt(c, 'description', f('description')), values };
    }),
    attributes: project.attributes.map((a) => {
      const f = at('attributes', a.id, `Attribute '${a.name}'`);
      const values = a.values ? [...new Set(a.values.map((v, i) => f(`values.${i}`)(v)))] : undefined;
      return { ...a, ...(values ? { values } : {}), ...opt(a, 'description', f('description')) };
    }),
    codes: project.codes.map((c) => {
      const f = at('codes', c.id, `Code '${c.name}'`);
      return {
        ...c, name: f('name')(c.name), definition: f('definition')(c.definition), inclusion: f('inclusion')(c.inclusion),
        exclusion: f('exclusion')(c.exclusion), example: f('example')(c.example),
      };
    }),
    themes: project.themes.map((t) => {
      const f = at('themes', t.id, `Theme '${t.name}'`);
      return { ...t, name: f('name')(t.name), definition: f('definition')(t.definition) };
    }),
    documentSets: project.documentSets.map((d) => {
      const f = at('documentSets', d.id, `Set '${d.name}'`);
      return { ...d, name: f('name')(d.name), ...opt(d, 'description', f('description')) };
    }),
    memos: project.memos.map((m) => {
      const f = at('memos', m.id, `Memo '${m.title || 'untitled'}'`);
      return { ...m, title: f('title')(m.title), body: mapBlocks(m.body, 'body', (text, field) => f(field)(text)) };
    }),
  };
}

/** Each field's text once, for finding: nothing is changed. */
export function fieldTexts(project: Project): { text: string; ref: FieldRef }[] {
  const out: { text: string; ref: FieldRef }[] = [];
  mapFields(project, (text, ref) => {
    if (text) out.push({ text, ref });
    return text;
  });
  return out;
}
