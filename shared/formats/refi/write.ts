/**
 * Writing REFI-QDA: project.qde, the .qdpx container, and the .qdc codebook.
 *
 * What we write must pass strict importers (NVivo, ATLAS.ti, MAXQDA) and the official
 * schema: the exact namespace, children in schema order, no empty containers, every
 * GUID lowercase and every reference resolving, dates as YYYY-MM-DDThh:mm:ssZ, and
 * selection offsets in code points over the stored text (which has plain newlines).
 * A selection's name (its first words) is made in selection-name.ts.
 */
import type { Attribute, AttributeType, Code, Coding, Memo, Project, Source, Theme } from '../../model/schema';
import { PositionMap } from '../../model/positions';
import { contentHash } from '../../text/hash';
import { writeZip } from '../zip';
import { buildExtras, LANTERN_ENTRY } from './extras';
import { memoPlainText } from '../../model/richtext';
import { XmlWriter } from './xml';
import { selectionName } from './selection-name';
import { preservedEntries, restorePreserved, selectionOwners } from './restore';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
export const LANTERN_ORIGIN = 'Lantern QDA 0.1.0';

type Attrs = Record<string, string | number | boolean | undefined>;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function guid(id: string | undefined): string | undefined {
  return id && GUID.test(id) ? id.toLowerCase() : undefined;
}

/** xsd:dateTime in the form every producer uses; anything unparseable is left out. */
export function refiDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A stable GUID derived from another (e.g. a selection's from its first coding), so the
 * same project always writes the same file. Four 32-bit FNV-1a hashes with different seeds.
 */
export function derivedGuid(from: string, purpose: string): string {
  const input = `${purpose}:${from}`;
  // The four hashes in one pass: this runs once per selection, tens of thousands of times a save.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x6c8e9cf5;
  let d = 0x9e3779b9;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    a = Math.imul(a ^ ch, 16777619) >>> 0;
    b = Math.imul(b ^ ch, 16777619) >>> 0;
    c = Math.imul(c ^ ch, 16777619) >>> 0;
    d = Math.imul(d ^ ch, 16777619) >>> 0;
  }
  const hex8 = (h: number) => h.toString(16).padStart(8, '0');
  const hex = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const VARIABLE_TYPES: Record<AttributeType, string> = {
  text: 'Text', boolean: 'Boolean', integer: 'Integer', float: 'Float', date: 'Date', datetime: 'DateTime',
};

/** The typed value element for an attribute value, or TextValue when the text does not fit the type. */
function valueElement(type: AttributeType, value: string): [string, string] {
  switch (type) {
    case 'boolean':
      if (/^(true|false|1|0)$/.test(value)) return ['BooleanValue', value];
      break;
    case 'integer':
      if (/^[+-]?\d+$/.test(value)) return ['IntegerValue', value];
      break;
    case 'float':
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return ['FloatValue', value];
      break;
    case 'date':
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return ['DateValue', value];
      break;
    case 'datetime':
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value))) return ['DateTimeValue', value];
      break;
    default:
      break;
  }
  return ['TextValue', value];
}

/** Codes under each parent, siblings by order then name (as the code tree shows them); orphans go to the top. */
function codeChildren(codes: readonly Code[]): Map<string | null, Code[]> {
  const ids = new Set(codes.map((c) => c.id));
  const map = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    const list = map.get(parent) ?? [];
    list.push(code);
    map.set(parent, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  return map;
}

function writeCodes(w: XmlWriter, codes: readonly Code[], noteRefs: Map<string, string[]> | null): void {
  const children = codeChildren(codes);
  const seen = new Set<string>();
  const writeCode = (code: Code) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    const attrs: Attrs = { guid: guid(code.id), name: code.name, isCodable: code.codable, color: code.color };
    const kids = children.get(code.id) ?? [];
    const notes = noteRefs?.get(code.id) ?? [];
    if (!code.definition && kids.length === 0 && notes.length === 0) {
      w.empty('Code', attrs);
      return;
    }
    w.open('Code', attrs);
    if (code.definition) w.textElement('Description', code.definition);
    for (const n of notes) w.empty('NoteRef', { targetGUID: n });
    for (const kid of kids) writeCode(kid);
    w.close('Code');
  };
  w.open('Codes');
  for (const code of children.get(null) ?? []) writeCode(code);
  // A parent cycle leaves codes unreachable from the top; write them at the top rather than lose them.
  for (const code of codes) if (!seen.has(code.id)) writeCode(code);
  w.close('Codes');
}

function writeSource(w: XmlWriter, source: Source, codings: Coding[], noteRefs: Map<string, string[]>, owners: Map<string, string>): void {
  const attrs: Attrs = {
    guid: guid(source.id),
    name: source.name,
    plainTextPath: `internal://${source.id.toLowerCase()}.txt`,
    creatingUser: guid(source.importedBy),
    creationDateTime: refiDate(source.importedAt),
  };
  w.open('TextSource', attrs);
  if (source.description !== undefined) w.textElement('Description', source.description);
  const map = new PositionMap(source.text);
  // Codings on the same span share one selection, as other tools write them; codings read from another tool's selection stay in it.
  const groups = new Map<string, Coding[]>();
  const owned = new Set<string>();
  for (const c of codings) {
    const owner = owners.size ? owners.get(c.id) : undefined;
    const key = owner ? `${owner}|${c.start}:${c.end}` : `${c.start}:${c.end}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const ordered = [...groups.values()].sort((a, b) => a[0]!.start - b[0]!.start || a[0]!.end - b[0]!.end);
  for (const group of ordered) {
    const first = group[0]!;
    const start = Math.min(first.start, source.text.length);
    const end = Math.min(first.end, source.text.length);
    const owner = owners.size ? owners.get(first.id) : undefined;
    const own = owner !== undefined && !owned.has(owner);
    if (own) owned.add(owner);
    w.open('PlainTextSelection', {
      guid: own ? owner : derivedGuid(first.id, 'selection'),
      name: selectionName(source.text, start, end) || undefined,
      startPosition: map.toCodePoint(start),
      endPosition: map.toCodePoint(end),
      creatingUser: guid(first.coderId),
      creationDateTime: refiDate(first.createdAt),
    });
    for (const coding of group) {
      w.open('Coding', { guid: guid(coding.id), creatingUser: guid(coding.coderId), creationDateTime: refiDate(coding.createdAt) });
      w.empty('CodeRef', { targetGUID: guid(coding.codeId) });
      for (const n of noteRefs.get(coding.id) ?? []) w.empty('NoteRef', { targetGUID: n });
      w.close('Coding');
    }
    w.close('PlainTextSelection');
  }
  for (const n of noteRefs.get(source.id) ?? []) w.empty('NoteRef', { targetGUID: n });
  w.close('TextSource');
}

function writeNote(w: XmlWriter, memo: Memo): void {
  w.open('Note', {
    guid: guid(memo.id),
    name: memo.title || undefined,
    creatingUser: guid(memo.authorId),
    creationDateTime: refiDate(memo.createdAt),
    modifiedDateTime: refiDate(memo.modifiedAt),
  });
  w.textElement('PlainTextContent', memoPlainText(memo.body));
  w.close('Note');
}

function writeThemeSet(w: XmlWriter, theme: Theme, codeIds: Set<string>, memberName: 'targetGUID' | 'guid'): void {
  const members = theme.codeIds.filter((id) => codeIds.has(id));
  if (!theme.definition && members.length === 0) {
    w.empty('Set', { guid: guid(theme.id), name: theme.name });
    return;
  }
  w.open('Set', { guid: guid(theme.id), name: theme.name });
  if (theme.definition) w.textElement('Description', theme.definition);
  for (const id of members) w.empty('MemberCode', { [memberName]: guid(id) });
  w.close('Set');
}

/** Themes in tree order (parents first, siblings by order), the order they are listed in the app. */
function themesInOrder(themes: readonly Theme[]): Theme[] {
  return [...themes].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** project.qde for the project. */
export function writeQde(project: Project): string {
  const w = new XmlWriter();
  const codeIds = new Set(project.codes.map((c) => c.id));
  const sourceIds = new Set(project.sources.map((s) => s.id));
  const codingIds = new Set(project.codings.filter((c) => sourceIds.has(c.sourceId) && codeIds.has(c.codeId)).map((c) => c.id));

  // Where each memo's NoteRef goes; memos on things REFI cannot point at (themes, cases) live only in lantern/project.json.
  const noteRefs = new Map<string, string[]>();
  const projectNotes: string[] = [];
  for (const memo of project.memos) {
    const t = memo.target;
    const id = memo.id.toLowerCase();
    if (t.kind === 'project') projectNotes.push(id);
    else if ((t.kind === 'code' && codeIds.has(t.id)) || (t.kind === 'source' && sourceIds.has(t.id)) || (t.kind === 'coding' && codingIds.has(t.id))) {
      const list = noteRefs.get(t.id) ?? [];
      list.push(id);
      noteRefs.set(t.id, list);
    }
  }

  w.open('Project', {
    xmlns: PROJECT_NS,
    name: project.meta.name,
    origin: LANTERN_ORIGIN,
    creatingUserGUID: guid(project.meta.createdBy),
    creationDateTime: refiDate(project.meta.createdAt),
    modifiedDateTime: refiDate(project.meta.modifiedAt),
  });
  if (project.coders.length) {
    w.open('Users');
    for (const coder of project.coders) w.empty('User', { guid: guid(coder.id), name: coder.name });
    w.close('Users');
  }
  if (project.codes.length) {
    w.open('CodeBook');
    writeCodes(w, project.codes, noteRefs);
    w.close('CodeBook');
  }
  if (project.attributes.length) {
    w.open('Variables');
    for (const attr of project.attributes) writeVariable(w, attr);
    w.close('Variables');
  }
  if (project.cases.length) {
    const attrs = new Map(project.attributes.map((a) => [a.id, a]));
    w.open('Cases');
    for (const kase of project.cases) {
      const members = project.sources.filter((s) => s.caseId === kase.id);
      const values = Object.entries(kase.values).filter(([attrId]) => attrs.has(attrId));
      if (kase.description === undefined && !members.length && !values.length) {
        w.empty('Case', { guid: guid(kase.id), name: kase.name });
        continue;
      }
      w.open('Case', { guid: guid(kase.id), name: kase.name });
      if (kase.description !== undefined) w.textElement('Description', kase.description);
      for (const attr of project.attributes) {
        const value = kase.values[attr.id];
        if (value === undefined) continue;
        const [element, text] = valueElement(attr.type, value);
        w.open('VariableValue');
        w.empty('VariableRef', { targetGUID: guid(attr.id) });
        w.textElement(element, text);
        w.close('VariableValue');
      }
      for (const s of members) w.empty('SourceRef', { targetGUID: guid(s.id) });
      w.close('Case');
    }
    w.close('Cases');
  }
  if (project.sources.length) {
    const bySource = new Map<string, Coding[]>();
    for (const c of project.codings) {
      if (!codingIds.has(c.id)) continue;
      const list = bySource.get(c.sourceId) ?? [];
      list.push(c);
      bySource.set(c.sourceId, list);
    }
    w.open('Sources');
    const owners = selectionOwners(project);
    for (const source of project.sources) writeSource(w, source, bySource.get(source.id) ?? [], noteRefs, owners);
    w.close('Sources');
  }
  if (project.memos.length) {
    w.open('Notes');
    for (const memo of project.memos) writeNote(w, memo);
    w.close('Notes');
  }
  if (project.themes.length || project.documentSets.length) {
    w.open('Sets');
    for (const theme of themesInOrder(project.themes)) writeThemeSet(w, theme, codeIds, 'targetGUID');
    for (const set of project.documentSets) {
      const members = set.sourceIds.filter((id) => sourceIds.has(id));
      if (set.description === undefined && !members.length) {
        w.empty('Set', { guid: guid(set.id), name: set.name });
        continue;
      }
      w.open('Set', { guid: guid(set.id), name: set.name });
      if (set.description !== undefined) w.textElement('Description', set.description);
      for (const id of members) w.empty('MemberSource', { targetGUID: guid(id) });
      w.close('Set');
    }
    w.close('Sets');
  }
  if (project.meta.description) w.textElement('Description', project.meta.description);
  for (const id of projectNotes) w.empty('NoteRef', { targetGUID: id });
  w.close('Project');
  return restorePreserved(w.toString(), project);
}

function writeVariable(w: XmlWriter, attr: Attribute): void {
  const attrs: Attrs = { guid: guid(attr.id), name: attr.name, typeOfVariable: VARIABLE_TYPES[attr.type] };
  if (attr.description === undefined) {
    w.empty('Variable', attrs);
    return;
  }
  w.open('Variable', attrs);
  w.textElement('Description', attr.description);
  w.close('Variable');
}

/**
 * The whole project as a .qdpx: project.qde, each source as UTF-8 text, the entries kept
 * from another tool's file (a PDF, a picture), and our extras.
 */
export function writeQdpx(project: Project): Uint8Array {
  const qde = writeQde(project);
  const extras = buildExtras(project, contentHash(qde));
  const kept = preservedEntries(project);
  const entries: [string, string | Uint8Array][] = [['project.qde', qde]];
  for (const source of project.sources) entries.push([kept.textEntries.get(source.id) ?? `sources/${source.id.toLowerCase()}.txt`, source.text]);
  if (kept.entries.length) {
    const written = new Set(entries.map(([name]) => name));
    for (const entry of kept.entries) if (!written.has(entry.path) && entry.path !== LANTERN_ENTRY) entries.push([entry.path, entry.bytes]);
  }
  entries.push([LANTERN_ENTRY, `${JSON.stringify(extras, null, 1)}\n`]);
  const mtime = Date.parse(project.meta.modifiedAt);
  // Level 3: a large study saves ~0.25 s faster than at the default 6, for ~5% more bytes.
  return writeZip(entries, Number.isNaN(mtime) || mtime < Date.UTC(1980, 1, 1) ? undefined : new Date(mtime), 3);
}

/**
 * The codebook as a .qdc: codes with hierarchy, colours and definitions, and themes as
 * Sets. REFI has no empty codebook, so a project without codes cannot be written.
 */
export function writeQdc(input: Pick<Project, 'codes' | 'themes'> | readonly Code[]): string {
  const project = Array.isArray(input) ? { codes: input as readonly Code[], themes: [] as Theme[] } : (input as Pick<Project, 'codes' | 'themes'>);
  if (project.codes.length === 0) throw new Error('the project has no codes; a REFI-QDA codebook needs at least one');
  const w = new XmlWriter();
  w.open('CodeBook', { xmlns: CODEBOOK_NS, origin: LANTERN_ORIGIN });
  writeCodes(w, project.codes, null);
  if (project.themes.length) {
    const codeIds = new Set(project.codes.map((c) => c.id));
    w.open('Sets');
    for (const theme of themesInOrder(project.themes)) writeThemeSet(w, theme, codeIds, 'guid');
    w.close('Sets');
  }
  w.close('CodeBook');
  return w.toString();
}
