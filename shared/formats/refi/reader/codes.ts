/** Stage: the CodeBook's nested Codes (the same in projects and codebooks) become code rows. */
import type { Code, Guid, MemoTarget } from '../../../model/schema';
import { nextColor } from '../../../model/project';
import type { XmlElement } from '../xml';
import { child, childrenNamed } from '../xml';
import type { IdMap, ReadContext } from './context';
import { pointNotes, tidy } from './context';

/** A colour as #rrggbb from #RGB, #RRGGBB, RRGGBB or rgb(r, g, b); undefined when unreadable. */
export function parseColor(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const v = raw.trim().toLowerCase();
  let m = /^#?([0-9a-f]{6})$/.exec(v);
  if (m) return `#${m[1]}`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(,[^)]*)?\)$/.exec(v);
  if (m) {
    const parts = [m[1], m[2], m[3]].map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0'));
    return `#${parts.join('')}`;
  }
  return undefined;
}

export function parseBool(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const v = raw.trim().toLowerCase();
  if (v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  return fallback;
}

export interface CodeTreeOptions {
  ids: IdMap;
  tidy: (text: string | undefined) => string;
  createdAt: string;
  warn: (w: string) => void;
  pointNotes: (el: XmlElement, target: MemoTarget) => void;
  /** Told of each element that became a code (or its definition). */
  use?: (el: XmlElement, id: string) => void;
}

/** Nested Code elements as rows, parents before children. */
export function readCodeTree(codesEl: XmlElement | undefined, o: CodeTreeOptions): Code[] {
  const codes: Code[] = [];
  const walk = (parentEl: XmlElement, parentId: Guid | null) => {
    let order = 0;
    for (const el of childrenNamed(parentEl, 'Code')) {
      const id = o.ids.assign('Code', el.attrs.guid);
      const description = child(el, 'Description');
      const code: Code = {
        id,
        name: o.tidy(el.attrs.name) || 'Unnamed code',
        parentId,
        order: order++,
        color: parseColor(el.attrs.color) ?? nextColor(codes.length),
        definition: o.tidy(description?.text),
        inclusion: '',
        exclusion: '',
        example: '',
        origin: 'deductive',
        codable: parseBool(el.attrs.isCodable, true),
        createdAt: o.createdAt,
      };
      if (el.attrs.color && !parseColor(el.attrs.color)) o.warn(`code "${code.name}" has an unreadable colour "${el.attrs.color}"; gave it a default`);
      codes.push(code);
      o.use?.(el, id);
      // An empty definition is not written: the element is kept as it is.
      if (description && code.definition) o.use?.(description, '');
      o.pointNotes(el, { kind: 'code', id });
      walk(el, id);
    }
  };
  if (codesEl) walk(codesEl, null);
  return codes;
}

/** ATLAS.ti 8 writes hierarchy as flat "Parent::Child" names; nest them and keep the last part as the name. */
export function unflattenHierarchy(codes: Code[], newId: () => Guid, warn: (w: string) => void, createdAt: string): void {
  const flat = codes.filter((c) => c.name.includes('::'));
  for (const code of flat) {
    const parts = code.name.split('::').map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) continue;
    let parent: Guid | null = code.parentId;
    for (const part of parts.slice(0, -1)) {
      let found = codes.find((c) => c.parentId === parent && c.name === part && c !== code);
      if (!found) {
        found = {
          id: newId(), name: part, parentId: parent, order: codes.filter((c) => c.parentId === parent).length,
          color: code.color, definition: '', inclusion: '', exclusion: '', example: '', origin: 'deductive', codable: false, createdAt,
        };
        codes.push(found);
        warn(`made a category "${part}" to hold "${code.name}", whose name gives it that parent`);
      }
      parent = found.id;
    }
    code.parentId = parent;
    code.name = parts[parts.length - 1]!;
    code.order = codes.filter((c) => c.parentId === parent && c !== code).length;
  }
}

export function readCodes(ctx: ReadContext): void {
  const codeBook = child(ctx.root, 'CodeBook');
  const codesEl = child(codeBook ?? ctx.root, 'Codes');
  if (codeBook) ctx.used.set(codeBook, '');
  if (codesEl) ctx.used.set(codesEl, '');
  ctx.rows.codes = readCodeTree(codesEl, {
    ids: ctx.ids,
    tidy: (t) => tidy(ctx, t),
    createdAt: ctx.projectCreated,
    warn: ctx.warn,
    pointNotes: (el, target) => pointNotes(ctx, el, target),
    use: (el, id) => ctx.used.set(el, id),
  });
  if (!ctx.isOurs) unflattenHierarchy(ctx.rows.codes, ctx.newId, ctx.warn, ctx.projectCreated);
}
