/**
 * Last stage: keep what the model does not hold, so that saving writes it back.
 *
 * Opening another tool's project (NVivo, ATLAS.ti, MAXQDA, QualCoder) and saving it
 * without edits gives an equivalent project: the same elements and attributes, the same
 * files in the zip. Everything the other stages did not turn into rows is kept as it is,
 * as plain XML trees in the project's `preserved` table (shared/model/preserved.ts):
 *
 * - elements no stage used (PDF, picture, audio and video sources with their selections
 *   and codings, selections that do not fit their text or have no coding, Links, Graphs,
 *   a note's Description, a set's MemberNote, a case's SourceRef to a PDF source, ...),
 *   kept under the row they belong to (its id), under 'project', or under a top-level
 *   container ('Sources', 'Sets', ...);
 * - attributes the model has no field for (NVivo's richTextPath, a project's basePath),
 *   kept on their row's element;
 * - every zip entry we do not write ourselves (the PDF, the picture, the Word copy of a
 *   transcript), byte for byte; a text source's text goes back to the entry it came from.
 *
 * The writer (../restore.ts) puts each piece back in its place in schema order. Kept
 * content may point at our rows (a PDF coding's CodeRef names one of our codes). Merging
 * a code into another moves those references along (retargetPreserved, part of the
 * merge's undoable change). When such a row is gone by the time of saving (the user
 * deleted the code), the reference is dropped with the smallest element that needs it: a Coding
 * without its code, a NoteRef, MemberCode, MemberSource or SourceRef to nothing, a Link
 * with a missing end, a VariableValue of a deleted variable; a user reference
 * (creatingUser) to a deleted coder loses just that attribute. Kept parts of a deleted
 * row go with it. So a save never writes a reference to nothing.
 *
 * What cannot be kept (a coding of a code the file does not have: it points at nothing
 * and would be invalid written back) stays in the report's `skipped`; the project is then
 * marked lossy with that list, and is saved only as a new file (Save As in the app,
 * --force or another file in the CLI).
 */
import type { Preserved } from '../../../model/preserved';
import type { XmlNode } from '../../../model/preserved';
import { preservedElementId, preservedEntryId } from '../../../model/preserved';
import { ZipError } from '../../zip';
import { LANTERN_ENTRY } from '../extras';
import { refiDate } from '../write';
import type { SkippedItem } from '../report';
import type { XmlElement } from '../xml';
import type { ReadContext } from './context';

/** Attributes each modelled element's row holds (or the writer works out again); any other is kept. */
const KNOWN_ATTRS: Record<string, ReadonlySet<string>> = {
  // schemaLocation is xsi:schemaLocation, a hint for validators that the parser leaves without its prefix.
  Project: new Set(['name', 'origin', 'creatingUserGUID', 'creationDateTime', 'modifiedDateTime', 'schemaLocation']),
  User: new Set(['guid', 'name']),
  Code: new Set(['guid', 'name', 'isCodable', 'color']),
  Variable: new Set(['guid', 'name', 'typeOfVariable']),
  Case: new Set(['guid', 'name']),
  TextSource: new Set(['guid', 'name', 'plainTextPath', 'creatingUser']),
  PlainTextSelection: new Set(['guid', 'name', 'startPosition', 'endPosition', 'creatingUser', 'creationDateTime']),
  Coding: new Set(['guid', 'creatingUser', 'creationDateTime']),
  Note: new Set(['guid', 'name', 'creatingUser', 'creationDateTime', 'modifiedDateTime']),
  Set: new Set(['guid', 'name']),
};

/**
 * Attributes we write from a field that holds something else for another tool's rows
 * (a source's import time): kept unless they say what we would write.
 */
function oursAlready(ctx: ReadContext, el: XmlElement, name: string, importedAt: ReadonlyMap<string, string>): boolean {
  if (el.name === 'TextSource' && name === 'creationDateTime') {
    const at = importedAt.get(ctx.used.get(el) ?? '');
    return at !== undefined && refiDate(at) === el.attrs[name];
  }
  return false;
}

/** A selection kept as the file had it (its own GUID and codings) keeps who made it and when, which we would otherwise take from its first coding. */
function keptSelectionAttr(ctx: ReadContext, el: XmlElement, owner: string, name: string): boolean {
  return el.name === 'PlainTextSelection' && (name === 'creatingUser' || name === 'creationDateTime') && ctx.selectionMembers.has(owner);
}

/**
 * Another tool's files are kept in the project's storage (IndexedDB in the app); a video
 * of gigabytes is not, and the project says so (it is then lossy).
 */
const MAX_KEPT_ENTRY = 256 * 1024 ** 2;
const MAX_KEPT_TOTAL = 1024 ** 3;

/** Top-level elements that only hold items: what they hold is placed one by one. */
const CONTAINERS = new Set(['Users', 'CodeBook', 'Codes', 'Variables', 'Cases', 'Sources', 'Notes', 'Sets']);

function toNode(el: XmlElement, kept: Set<XmlElement>): XmlNode {
  kept.add(el);
  const node: XmlNode = { name: el.name, attrs: { ...el.attrs }, children: el.children.map((c) => toNode(c, kept)) };
  if (el.children.length === 0 && el.text !== '') node.text = el.text;
  return node;
}

interface Owned {
  attrs?: Record<string, string>;
  children?: XmlNode[];
  textEntry?: string;
  members?: string[];
}

/** What the file holds that the rows do not, as `preserved` rows; also sorts the report's skipped items into kept and lost. */
export function preserveRest(ctx: ReadContext): void {
  const owned = new Map<string, Owned>();
  const own = (owner: string) => {
    let o = owned.get(owner);
    if (!o) owned.set(owner, (o = {}));
    return o;
  };
  const kept = new Set<XmlElement>();
  const importedAt = new Map((ctx.extras?.sources ?? []).flatMap((s) => (s.importedAt ? [[s.id, s.importedAt] as const] : [])));
  const keep = (owner: string, el: XmlElement) => (own(owner).children ??= []).push(toNode(el, kept));

  const visit = (el: XmlElement, owner: string) => {
    const known = KNOWN_ATTRS[el.name];
    if (known) {
      for (const name in el.attrs) {
        if (known.has(name) && !keptSelectionAttr(ctx, el, owner, name)) continue;
        if (ctx.isOurs && oursAlready(ctx, el, name, importedAt)) continue;
        (own(owner).attrs ??= {})[name] = el.attrs[name]!;
      }
    }
    for (const c of el.children) {
      const id = ctx.used.get(c);
      if (id === undefined) keep(owner, c);
      else if (id !== '') visit(c, id);
      else if (CONTAINERS.has(c.name)) visit(c, owner);
    }
  };
  const { root } = ctx;
  for (const name in root.attrs) if (!KNOWN_ATTRS.Project!.has(name)) (own('project').attrs ??= {})[name] = root.attrs[name]!;
  for (const c of root.children) {
    const id = ctx.used.get(c);
    if (CONTAINERS.has(c.name)) visitContainer(c, c.name);
    else if (id === undefined) keep('project', c);
  }
  function visitContainer(container: XmlElement, name: string): void {
    for (const c of container.children) {
      if (c.name === 'Codes' && name === 'CodeBook') {
        visitContainer(c, 'Codes');
        continue;
      }
      const id = ctx.used.get(c);
      if (id === undefined) keep(name, c);
      else if (id !== '') visit(c, id);
    }
  }

  for (const [owner, members] of ctx.selectionMembers) own(owner).members = members;
  const rows: Preserved[] = [];
  // A text goes back to the entry it came from, under the path that named it, unless that is where we would write it anyway.
  for (const [id, text] of ctx.textEntries) {
    if (text.entry === `sources/${id}.txt` && text.path === `internal://${id}.txt`) continue;
    const o = own(id);
    o.textEntry = text.entry;
    (o.attrs ??= {}).plainTextPath = text.path;
  }
  for (const [owner, o] of owned) rows.push({ id: preservedElementId(owner), kind: 'element', owner, ...o });
  const files = ctx.files;
  if (files) {
    const written = new Set([...ctx.textEntries.values()].map((t) => t.entry));
    let total = 0;
    for (const name of files.names) {
      if (name.endsWith('/') || name === LANTERN_ENTRY || written.has(name) || name === ctx.qdeEntry) continue;
      const size = files.sizeOf(name) ?? 0;
      if (size > MAX_KEPT_ENTRY || total + size > MAX_KEPT_TOTAL) {
        ctx.report.skipped.push({ kind: 'file', name, reason: `at ${Math.round(size / 1024 ** 2)} MB it is more than Lantern QDA keeps of another tool's files` });
        continue;
      }
      try {
        rows.push({ id: preservedEntryId(name), kind: 'entry', path: name, bytes: files.get(name)! });
        total += size;
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        ctx.report.skipped.push({ kind: 'file', name, reason: `it could not be read (${error.message})` });
      }
    }
  }

  // What was skipped but kept as it is will be written back; the rest is lost on a save.
  const stillSkipped: SkippedItem[] = [];
  const keptItems: SkippedItem[] = [];
  for (const item of ctx.report.skipped) {
    const el = ctx.skippedAt.get(item);
    (el && kept.has(el) ? keptItems : stillSkipped).push(item);
  }
  ctx.report.skipped = stillSkipped;
  if (keptItems.length) ctx.report.kept = keptItems;
  if (stillSkipped.length)
    rows.push({ id: 'lossy', kind: 'lossy', fileName: ctx.fileName, items: stillSkipped.map((item) => `${item.kind} "${item.name}": ${item.reason}`) });
  // In id order, so the same file always gives the same rows whatever order its elements came in.
  ctx.rows.preserved = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
