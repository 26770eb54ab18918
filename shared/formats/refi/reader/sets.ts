/** Stage: Sets become themes (groups of codes) and document sets (groups of sources). */
import type { DocumentSet, Guid, Theme } from '../../../model/schema';
import { normalizeGuid } from '../../../model/ids';
import type { XmlElement } from '../xml';
import { child, childrenNamed } from '../xml';
import type { IdMap, ReadContext } from './context';
import { items, tidy } from './context';

export interface SetOptions {
  ids: IdMap;
  themes: Theme[];
  documentSets: DocumentSet[];
  /** Sets our extras say are themes or document sets. */
  themeIds: ReadonlySet<string>;
  docSetIds: ReadonlySet<string>;
  sourceIds: ReadonlySet<string>;
  newId: () => Guid;
  warn: (w: string) => void;
  tidy: (text: string | undefined) => string;
  keepEmpty?: boolean;
  /** Told of each element that became (part of) a row. */
  use?: (el: XmlElement, id: string) => void;
}

export function readSet(s: XmlElement, o: SetOptions): void {
  const { ids, themes, documentSets } = o;
  const name = o.tidy(s.attrs.name) || 'Unnamed set';
  const descriptionEl = child(s, 'Description');
  const description = o.tidy(descriptionEl?.text);
  // The project schema points with targetGUID, the codebook schema with guid.
  const ref = (el: XmlElement) => el.attrs.targetGUID ?? el.attrs.guid;
  const codeIds: Guid[] = [];
  for (const m of childrenNamed(s, 'MemberCode')) {
    const id = ids.lookup('Code', ref(m));
    if (!id) continue;
    codeIds.push(id);
    o.use?.(m, '');
  }
  const memberSources = childrenNamed(s, 'MemberSource');
  const srcIds: Guid[] = [];
  for (const m of memberSources) {
    const id = ids.lookup('Source', ref(m));
    if (!id || !o.sourceIds.has(id)) continue;
    srcIds.push(id);
    o.use?.(m, '');
  }
  const key = normalizeGuid(s.attrs.guid ?? '');
  const isDocSet = key ? o.docSetIds.has(key) : false;
  const isTheme = key ? o.themeIds.has(key) : false;
  const wantsTheme = isTheme || (!isDocSet && (codeIds.length > 0 || memberSources.length === 0));
  const wantsDocSet = isDocSet || (!isTheme && memberSources.length > 0);
  if (descriptionEl && (description || o.keepEmpty)) o.use?.(descriptionEl, '');
  if (wantsTheme) {
    const theme: Theme = { id: ids.assign('Set', s.attrs.guid), name, definition: description, codeIds, parentId: null, order: themes.length };
    themes.push(theme);
    o.use?.(s, theme.id);
  }
  if (wantsDocSet) {
    const id = wantsTheme ? o.newId() : ids.assign('Set', s.attrs.guid);
    if (wantsTheme) o.warn(`set "${name}" groups both codes and sources; made a theme and a document set of the same name`);
    const set: DocumentSet = { id, name, sourceIds: srcIds };
    if (descriptionEl && (description || o.keepEmpty)) set.description = description;
    documentSets.push(set);
    if (!wantsTheme) o.use?.(s, id);
  }
}

export function readSets(ctx: ReadContext): void {
  const container = child(ctx.root, 'Sets');
  if (container) ctx.used.set(container, '');
  const options: SetOptions = {
    ids: ctx.ids,
    themes: ctx.rows.themes,
    documentSets: ctx.rows.documentSets,
    themeIds: new Set(ctx.extras?.themes.map((t) => t.id) ?? []),
    docSetIds: new Set(ctx.extras?.documentSets.map((d) => d.id) ?? []),
    sourceIds: new Set(ctx.rows.sources.map((s) => s.id)),
    newId: ctx.newId,
    warn: ctx.warn,
    tidy: (t) => tidy(ctx, t),
    keepEmpty: ctx.isOurs,
    use: (el, id) => ctx.used.set(el, id),
  };
  for (const s of items(ctx.root, 'Sets', 'Set')) readSet(s, options);
}
