/**
 * The read-only Slate editor behind TranscriptView: only selection passes, its blocks are
 * appended in slices after the first paint, and blocks whose codings changed are marked for
 * re-decoration. Also how the reader's DOM selection is taken into Slate.
 */
import { createEditor, Editor, Range, Transforms } from 'slate';
import { ReactEditor, withReact } from 'slate-react';
import '../../slate-types';
import type { TranscriptBlockElement } from '../../slate-types';

/** Blocks rendered before the first paint; the rest follow in slices (see loadUpTo). */
export const FIRST_PAINT_BLOCKS = 40;
export const LATER_SLICE_BLOCKS = 60;

// Typed as the app's Slate editor; it has no history because its document never changes.
export type TranscriptEditor = Editor & { loaded: number; loadUpTo(count: number): void; redecorate(blocks: number[]): void };

/**
 * Takes the selection the reader sees into Slate; true when it changed Slate's. Slate reads
 * the DOM selection on a throttled selectionchange handler, and every render puts Slate's
 * own selection back into the DOM: a key pressed, or a block appended, before that handler
 * ran acted on (or restored) the previous selection and lost the words just selected.
 */
export function adoptDomSelection(editor: Editor): boolean {
  const dom = typeof window === 'undefined' ? null : window.getSelection();
  if (!dom || dom.rangeCount === 0) return false;
  const range = ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true });
  if (!range || (editor.selection && Range.equals(range, editor.selection))) return false;
  Transforms.select(editor, range);
  return true;
}

/**
 * A Slate editor whose document cannot change: only selection operations pass, except
 * while it appends the blocks of its own transcript (loadUpTo) or marks blocks whose
 * codings changed (redecorate). A redecoration first adopts the reader's selection; appended
 * blocks do so as they mount (BlockView).
 */
export function createTranscriptEditor(all: TranscriptBlockElement[]): TranscriptEditor {
  const e = withReact(createEditor()) as unknown as TranscriptEditor;
  const { apply } = e;
  let appending = false;
  e.apply = (op) => {
    if (op.type === 'set_selection' || (appending && (op.type === 'insert_node' || op.type === 'set_node'))) apply(op);
  };
  // Decorations are read from a stable decorate; a block whose codings changed gets a new
  // revision on its text node, so Slate re-renders (and re-decorates) that block alone.
  let revision = 0;
  e.redecorate = (blocks) => {
    if (!blocks.length) return;
    revision++;
    adoptDomSelection(e);
    appending = true;
    try {
      Editor.withoutNormalizing(e, () => {
        for (const b of blocks) if (b < e.loaded) Transforms.setNodes(e, { rev: revision }, { at: [b, 0] });
      });
    } finally {
      appending = false;
    }
  };
  // Large transcripts render in chunks so Slate does not reconcile every block on each change.
  e.getChunkSize = (node) => (Editor.isEditor(node) ? 48 : null);
  e.loaded = Math.min(all.length, FIRST_PAINT_BLOCKS);
  e.loadUpTo = (count) => {
    const target = Math.min(all.length, count);
    if (target <= e.loaded) return;
    appending = true;
    try {
      Editor.withoutNormalizing(e, () => Transforms.insertNodes(e, all.slice(e.loaded, target), { at: [e.loaded] }));
    } finally {
      appending = false;
    }
    e.loaded = target;
  };
  return e;
}
