/**
 * Writing back what another tool's file held and the model does not (reader/preserve.ts
 * says what that is and the rules for references to rows that are gone). Only projects
 * with preserved content pay for this: the written project.qde is parsed again, the kept
 * pieces put in their places in schema order, dangling references dropped, and the tree
 * written out.
 */
import type { Project } from '../../model/schema';
import type { PreservedElement, PreservedEntry, XmlNode } from '../../model/preserved';
import type { XmlElement } from './xml';
import { escapeAttr, escapeText, parseXml } from './xml';

/** Children in the order the REFI-QDA schema wants them, per parent; names not listed go last. */
const CHILD_ORDER: Record<string, readonly string[]> = {
  Project: ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef'],
  TextSource: ['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue'],
  Note: ['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue'],
  PlainTextSelection: ['Description', 'Coding', 'NoteRef'],
  Coding: ['CodeRef', 'NoteRef'],
  Code: ['Description', 'NoteRef', 'Code'],
  Case: ['Description', 'CodeRef', 'VariableValue', 'SourceRef', 'SelectionRef'],
  Set: ['Description', 'MemberCode', 'MemberSource', 'MemberNote'],
  Variable: ['Description'],
  CodeBook: ['Codes'],
};

const CONTAINER_OF: Record<string, string> = {
  Users: 'Project', CodeBook: 'Project', Variables: 'Project', Cases: 'Project', Sources: 'Project', Notes: 'Project', Sets: 'Project',
  Codes: 'CodeBook',
};

function slot(parent: string, name: string): number {
  const order = CHILD_ORDER[parent];
  const at = order ? order.indexOf(name) : -1;
  return at < 0 ? Infinity : at;
}

function insertInOrder(parent: XmlElement, node: XmlElement): void {
  const at = slot(parent.name, node.name);
  let i = parent.children.length;
  while (i > 0 && slot(parent.name, parent.children[i - 1]!.name) > at) i--;
  parent.children.splice(i, 0, node);
}

/** Kept nodes are marked so the dangling-reference pass looks at them only: our own output is already consistent. */
const KEPT = Symbol('kept');
type Kept = XmlElement & { [KEPT]?: true };

function fromNode(node: XmlNode): Kept {
  const el: Kept = { name: node.name, attrs: { ...node.attrs }, children: node.children.map(fromNode), text: node.text ?? '', line: 0 };
  el[KEPT] = true;
  return el;
}

function declaredGuids(el: XmlElement, into: Set<string>): void {
  const g = el.attrs.guid;
  if (g) into.add(g.toLowerCase());
  for (const c of el.children) declaredGuids(c, into);
}

const USER_ATTRS = ['creatingUser', 'modifyingUser', 'creatingUserGUID', 'modifyingUserGUID'];

/**
 * Drops references to nothing from kept content, smallest needing element first; false
 * when `el` itself must go.
 */
function prune(el: XmlElement, guids: ReadonlySet<string>, users: ReadonlySet<string>, inKept: boolean): boolean {
  const kept = inKept || (el as Kept)[KEPT] === true;
  const has = (v: string | undefined) => v !== undefined && guids.has(v.toLowerCase());
  if (kept) {
    for (const a of USER_ATTRS) if (el.attrs[a] !== undefined && !users.has(el.attrs[a]!.toLowerCase())) delete el.attrs[a];
    switch (el.name) {
      case 'NoteRef':
      case 'MemberCode':
      case 'MemberSource':
      case 'MemberNote':
      case 'SourceRef':
      case 'CodeRef':
      case 'VariableRef':
        if (!has(el.attrs.targetGUID ?? el.attrs.guid)) return false;
        break;
      case 'Link':
        if ((el.attrs.originGUID && !has(el.attrs.originGUID)) || (el.attrs.targetGUID && !has(el.attrs.targetGUID))) return false;
        break;
      case 'Vertex':
        if (el.attrs.representedGUID && !has(el.attrs.representedGUID)) delete el.attrs.representedGUID;
        break;
      default:
        break;
    }
  }
  const before = el.children.length;
  el.children = el.children.filter((c) => prune(c, guids, users, kept));
  if (kept) {
    // Without its code a Coding means nothing; without its variable a value neither.
    if ((el.name === 'Coding' && !el.children.some((c) => c.name === 'CodeRef')) || (el.name === 'VariableValue' && !el.children.some((c) => c.name === 'VariableRef')))
      return false;
    // A container emptied by the pruning would break the schema (they hold at least one item).
    if (before > 0 && el.children.length === 0 && (el.name === 'Links' || el.name === 'Graphs' || el.name === 'Edges')) return false;
  }
  return true;
}

function serialize(el: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  let attrs = el.xmlns !== undefined ? ` xmlns="${escapeAttr(el.xmlns)}"` : '';
  for (const key in el.attrs) attrs += ` ${key}="${escapeAttr(el.attrs[key]!)}"`;
  if (el.children.length === 0) {
    out.push(el.text === '' ? `${indent}<${el.name}${attrs}/>\n` : `${indent}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>\n`);
    return;
  }
  out.push(`${indent}<${el.name}${attrs}>\n`);
  for (const c of el.children) serialize(c, depth + 1, out);
  out.push(`${indent}</${el.name}>\n`);
}

/** project.qde with the project's preserved elements back in place; the same string when it has none. */
export function restorePreserved(qde: string, project: Project): string {
  const rows = project.preserved.filter((r): r is PreservedElement => r.kind === 'element' && (r.attrs !== undefined || r.children !== undefined));
  if (!rows.length) return qde;
  const root = parseXml(qde, 'project.qde');
  const byGuid = new Map<string, XmlElement>();
  const index = (el: XmlElement) => {
    if (el.attrs.guid) byGuid.set(el.attrs.guid.toLowerCase(), el);
    for (const c of el.children) index(c);
  };
  index(root);
  const container = (name: string): XmlElement => {
    const parent = CONTAINER_OF[name] === 'Project' ? root : container(CONTAINER_OF[name]!);
    let el = parent.children.find((c) => c.name === name);
    if (!el) insertInOrder(parent, (el = { name, attrs: {}, children: [], text: '', line: 0 }));
    return el;
  };
  const ownProjectNotes = new Set(root.children.filter((c) => c.name === 'NoteRef').map((c) => c.attrs.targetGUID?.toLowerCase()));
  for (const row of rows) {
    const target = row.owner === 'project' ? root : CONTAINER_OF[row.owner] ? container(row.owner) : byGuid.get(row.owner.toLowerCase());
    // The row it belonged to was deleted: its kept parts go with it.
    if (!target) continue;
    if (row.attrs) Object.assign(target.attrs, row.attrs);
    for (const node of row.children ?? []) insertInOrder(target, fromNode(node));
  }
  const guids = new Set<string>();
  declaredGuids(root, guids);
  const users = new Set(project.coders.map((c) => c.id.toLowerCase()));
  for (const el of root.children) if (el.name === 'Users') for (const u of el.children) if (u.attrs.guid) users.add(u.attrs.guid.toLowerCase());
  prune(root, guids, users, false);
  // A note that kept content points at is attached there already: no project-level NoteRef of ours for it too.
  const keptNoteRefs = new Set<string>();
  const collect = (el: XmlElement, inKept: boolean) => {
    const kept = inKept || (el as Kept)[KEPT] === true;
    if (kept && el.name === 'NoteRef' && el.attrs.targetGUID) keptNoteRefs.add(el.attrs.targetGUID.toLowerCase());
    for (const c of el.children) collect(c, kept);
  };
  collect(root, false);
  root.children = root.children.filter((c) => !(c.name === 'NoteRef' && !(c as Kept)[KEPT] && ownProjectNotes.has(c.attrs.targetGUID?.toLowerCase()) && keptNoteRefs.has(c.attrs.targetGUID!.toLowerCase())));
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  serialize(root, 0, out);
  return out.join('');
}

/** The zip entries kept from the file the project was read from, and where each source's text goes. */
export function preservedEntries(project: Project): { entries: PreservedEntry[]; textEntries: Map<string, string> } {
  const entries: PreservedEntry[] = [];
  const textEntries = new Map<string, string>();
  for (const row of project.preserved) {
    if (row.kind === 'entry') entries.push(row);
    else if (row.kind === 'element' && row.textEntry) textEntries.set(row.owner, row.textEntry);
  }
  return { entries, textEntries };
}

/** Coding id -> the GUID of the selection it was read in, for selections kept as the file had them. */
export function selectionOwners(project: Project): Map<string, string> {
  const owners = new Map<string, string>();
  for (const row of project.preserved) if (row.kind === 'element' && row.members) for (const id of row.members) owners.set(id, row.owner);
  return owners;
}
