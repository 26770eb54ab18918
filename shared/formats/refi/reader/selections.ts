/**
 * Stage: PlainTextSelections and whole-source Codings become codings. The counting mode
 * of offsets is ours when the file is ours, else chosen from the origin and checked
 * against the text. A selection that does not fit its text is never clipped: it is left
 * unused (preserve.ts keeps it as it is).
 */
import type { Guid, MemoTarget } from '../../../model/schema';
import type { PositionMode, SelectionProbe } from '../positions';
import { chooseMode, modeLabel } from '../positions';
import { normalizeGuid } from '../../../model/ids';
import { derivedGuid } from '../write';
import type { XmlElement } from '../xml';
import { child } from '../xml';
import type { ReadContext } from './context';
import { IdMap, parseDate, pointNotes, skipItem } from './context';

/** A note made from a selection's comment (ATLAS.ti quotations), waiting for the notes stage. */
export interface SelectionNote {
  target: MemoTarget;
  text: string;
  createdAt: string;
}

function chosenMode(ctx: ReadContext): PositionMode {
  let mode: PositionMode = { unit: 'codepoint', crlf: 1 };
  if (!ctx.selections.length) return mode;
  if (ctx.extras && ctx.qdeUnchanged && ctx.isOurs) {
    ctx.report.positions = { mode, label: modeLabel(mode), chosenBy: 'lantern', evidence: 'written by Lantern QDA and unchanged since' };
  } else {
    const probes: SelectionProbe[] = ctx.selections.map((s) => ({ map: s.map, start: s.start, end: s.end, ...(s.name ? { name: s.name } : {}) }));
    const choice = chooseMode(ctx.origin, probes);
    mode = choice.mode;
    ctx.report.positions = { mode, label: modeLabel(mode), chosenBy: choice.chosenBy, evidence: choice.evidence };
  }
  return mode;
}

/** Coders for codings: the Coding's user, else its selection's, else the project's creator. */
function coderLookup(ctx: ReadContext): (...raws: (string | undefined)[]) => Guid {
  const { coders } = ctx.rows;
  const fallbackCoder = (): Guid => {
    const creator = ctx.ids.lookup('User', ctx.root.attrs.creatingUserGUID);
    if (creator) return creator;
    if (coders[0]) return coders[0].id;
    const id = ctx.newId();
    coders.push({ id, name: ctx.origin ? `${ctx.origin.split(/\s+/)[0]} user` : 'Imported' });
    ctx.warn(`the file names no users; codings were attributed to "${coders[coders.length - 1]!.name}"`);
    return id;
  };
  return (...raws) => {
    for (const raw of raws) {
      if (!raw?.trim()) continue;
      const known = ctx.ids.lookup('User', raw);
      if (known) return known;
      const id = ctx.ids.assign('User', raw);
      const name = `User ${IdMap.key(raw).slice(0, 8)}`;
      coders.push({ id, name });
      ctx.warn(`codings name a user ${raw} that is not among the file's Users; added them as "${name}"`);
      return id;
    }
    return fallbackCoder();
  };
}

/** Returns the notes made from selection comments, for the notes stage. */
export function readSelections(ctx: ReadContext): SelectionNote[] {
  const placements = ctx.selections.length + ctx.wholeSourceCodings.length;
  ctx.progress({ step: 'codings', done: 0, total: placements });
  const mode = chosenMode(ctx);
  const coderFor = coderLookup(ctx);
  const { codings } = ctx.rows;
  const selectionNotes: SelectionNote[] = [];
  const addCoding = (el: XmlElement, sourceId: Guid, start: number, end: number, where: string, selUser?: string, selDate?: string): Guid | undefined => {
    const codeRef = child(el, 'CodeRef');
    const codeRaw = codeRef?.attrs.targetGUID;
    const codeId = ctx.ids.lookup('Code', codeRaw);
    if (!codeId) {
      // A reference to nothing cannot be written back either: this one is lost.
      ctx.used.set(el, '');
      skipItem(ctx, el, { kind: 'Coding', name: where, reason: `refers to a code ${codeRaw ?? '(none)'} that is not in the codebook` });
      return undefined;
    }
    const id = ctx.ids.assign('Coding', el.attrs.guid);
    ctx.used.set(el, id);
    if (codeRef) ctx.used.set(codeRef, '');
    codings.push({
      id,
      codeId,
      sourceId,
      coderId: coderFor(el.attrs.creatingUser, selUser),
      start,
      end,
      createdAt: parseDate(el.attrs.creationDateTime) ?? parseDate(selDate) ?? ctx.projectCreated,
    });
    pointNotes(ctx, el, { kind: 'coding', id });
    return id;
  };
  let placed = 0;
  for (const sel of ctx.selections) {
    // Every few thousand: a study's tens of thousands of codings take a while, but a call each would be noise.
    if (placed > 0 && placed % 4096 === 0) ctx.progress({ step: 'codings', done: placed, total: placements });
    placed++;
    const name = sel.name || sel.label;
    const span = sel.map.map(sel.start, sel.end, mode);
    if ('error' in span) {
      skipItem(ctx, sel.el, { kind: 'PlainTextSelection', name, reason: `${span.error}; not clipped, left out with its ${sel.codings.length} coding(s)` });
      continue;
    }
    if (span.end <= span.start) {
      skipItem(ctx, sel.el, { kind: 'PlainTextSelection', name, reason: 'it selects no text' });
      continue;
    }
    if (sel.codings.length === 0) {
      skipItem(ctx, sel.el, {
        kind: 'PlainTextSelection',
        name,
        reason: `no code is applied to it, and Lantern QDA shows coded passages only${sel.description ? ' (its comment stays with it)' : ''}`,
      });
    }
    let first: Guid | undefined;
    for (const c of sel.codings) {
      const id = addCoding(c, sel.sourceId, span.start, span.end, sel.label, sel.creatingUser, sel.creationDateTime);
      first ??= id;
    }
    // The writer writes one selection per coded span, its GUID derived from the first coding, unless told the selection's own GUID and codings.
    if (first) {
      const derived = derivedGuid(first, 'selection');
      const own = normalizeGuid(sel.el.attrs.guid ?? '');
      const owner = own && !ctx.selectionMembers.has(own) ? own : derived;
      ctx.used.set(sel.el, owner);
      if (owner !== derived) ctx.selectionMembers.set(owner, sel.codings.map((c) => ctx.used.get(c)).filter((id): id is string => !!id));
      const description = child(sel.el, 'Description');
      // An empty one makes no memo: it is kept as it is.
      if (description && sel.description) ctx.used.set(description, '');
    }
    // A note on a selection belongs to its (first) coding, or to the source when nothing coded it.
    const target: MemoTarget = first ? { kind: 'coding', id: first } : { kind: 'source', id: sel.sourceId };
    if (first)
      for (const ref of sel.noteRefs) {
        const key = IdMap.key(ref.attrs.targetGUID);
        if (key && !ctx.noteTargets.has(key)) {
          ctx.noteTargets.set(key, target);
          ctx.used.set(ref, '');
        }
      }
    if (sel.selectionKey && first) ctx.codingOfSelection.set(sel.selectionKey, first);
    if (sel.description && first) selectionNotes.push({ target, text: sel.description, createdAt: parseDate(sel.creationDateTime) ?? ctx.projectCreated });
  }
  for (const w of ctx.wholeSourceCodings) addCoding(w.el, w.sourceId, 0, w.length, 'whole source');
  ctx.progress({ step: 'codings', done: placements, total: placements });
  return selectionNotes;
}
