/**
 * The transcript in Slate: one block per paragraph, speaker and time beside a turn's
 * first paragraph, codings as decorations (stacked underlines over a tinted background)
 * and as stripes in the right margin. The text cannot be edited: Slate keeps the
 * selection (mouse or keyboard), every other operation is dropped, and input events are
 * cancelled. Text is always rendered as React text nodes, never as HTML. This file wires
 * the view (selection, keys, drop, hover); the editor is in transcript-editor.ts, a block's
 * look in TranscriptBlock.tsx and the hover card in CodingHoverCard.tsx.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Range, Text, Transforms, type BaseRange, type NodeEntry } from 'slate';
import { Editable, ReactEditor, Slate, type RenderElementProps } from 'slate-react';
import { commandForKey, transcriptKeys } from '../../../../shared/commands';
import type { Code, Coder, Coding, Memo, Source } from '../../../../shared/model';
import { isMac } from '../../app/command-list';
import '../../slate-types';
import type { TranscriptBlockElement } from '../../slate-types';
import type { CodingIndex } from './transcript-model';
import { blockAt, buildBlocks } from './transcript-model';
import { selection, type TextSelection } from './selection';
import { CODE_DRAG_TYPE } from '../codebook/CodeTree';
import { adoptDomSelection, createTranscriptEditor, FIRST_PAINT_BLOCKS, LATER_SLICE_BLOCKS } from './transcript-editor';
import { BlockView, createIndexStore, renderLeaf } from './TranscriptBlock';
import { CodingHoverCard } from './CodingHoverCard';

export interface TranscriptHandle {
  /** Select a span of the source and scroll it into view. */
  reveal(start: number, end: number): void;
  focus(): void;
}

interface Props {
  source: Source;
  index: CodingIndex;
  codes: ReadonlyMap<string, Code>;
  coders: readonly Coder[];
  memos: readonly Memo[];
  codingsById: ReadonlyMap<string, Coding>;
  onCommand: (command: TranscriptCommand) => void;
  onSelectCoding: (codingId: string) => void;
  onDropCode: (codeId: string) => void;
  handleRef: (handle: TranscriptHandle | null) => void;
}

export type TranscriptCommand =
  | { kind: 'palette' }
  | { kind: 'in-vivo' }
  | { kind: 'turn'; offset: number }
  | { kind: 'shortcut'; key: string }
  | { kind: 'escape' };

const mac = isMac();
const NAVIGATION_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Tab',
  'Shift',
  'Control',
  'Alt',
  'Meta',
]);

/** Memoised: selection changes elsewhere in the workspace must not re-render the transcript. */
export const TranscriptView = memo(function TranscriptView(props: Props) {
  const { source, index } = props;
  const blocks = useMemo(() => buildBlocks(source), [source]);
  const allNodes = useMemo<TranscriptBlockElement[]>(
    () =>
      blocks.map((b) => ({ type: 'tblock', index: b.index, children: [{ text: source.text.slice(b.offset, b.end) }] })),
    [blocks, source.text],
  );
  const editor = useMemo(() => createTranscriptEditor(allNodes), [allNodes]);
  const initialValue = useMemo(() => allNodes.slice(0, FIRST_PAINT_BLOCKS), [allNodes]);
  // Mount the rest of a long transcript in slices after the first paint, so the reader sees
  // the beginning at once and the page stays responsive while the remainder arrives.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      if (cancelled || editor.loaded >= allNodes.length) return;
      editor.loadUpTo(editor.loaded + LATER_SLICE_BLOCKS);
      timer = setTimeout(() => requestAnimationFrame(step), 0);
    };
    timer = setTimeout(() => requestAnimationFrame(step), 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [editor, allNodes]);
  const [indexStore] = useState(() => createIndexStore(index));
  // Before paint: publish the new index (stripes follow) and re-decorate changed blocks only.
  useLayoutEffect(() => {
    const before = indexStore.get();
    if (before === index) return;
    indexStore.set(index);
    const changed: number[] = [];
    for (let b = 0; b < editor.loaded; b++) if (before.segments(b) !== index.segments(b)) changed.push(b);
    editor.redecorate(changed);
  }, [index, indexStore, editor]);

  const toRange = useCallback(
    (start: number, end: number): BaseRange | null => {
      if (!blocks.length) return null;
      const a = blocks[blockAt(blocks, start)]!;
      const b = blocks[blockAt(blocks, Math.max(start, end - 1))]!;
      const startOffset = Math.max(0, Math.min(start - a.offset, a.end - a.offset));
      const endOffset = Math.max(0, Math.min(end - b.offset, b.end - b.offset));
      return { anchor: { path: [a.index, 0], offset: startOffset }, focus: { path: [b.index, 0], offset: endOffset } };
    },
    [blocks],
  );

  const toSpan = useCallback(
    (range: BaseRange | null): TextSelection | null => {
      if (!range) return null;
      const [s, e] = Range.edges(range);
      const a = blocks[s.path[0]!];
      const b = blocks[e.path[0]!];
      if (!a || !b) return null;
      return { sourceId: source.id, start: a.offset + s.offset, end: b.offset + e.offset };
    },
    [blocks, source.id],
  );

  useEffect(() => {
    selection.set(null);
    return () => selection.set(null);
  }, [source.id]);

  const { handleRef } = props;
  useEffect(() => {
    handleRef({
      reveal(start, end) {
        const range = toRange(start, end);
        if (!range) return;
        editor.loadUpTo(Math.max(range.anchor.path[0]!, range.focus.path[0]!) + 1);
        Transforms.select(editor, range);
        selection.set(toSpan(range));
        try {
          const dom = ReactEditor.toDOMRange(editor, range);
          (dom.startContainer.parentElement ?? (dom.startContainer.parentNode as HTMLElement | null))?.scrollIntoView({
            block: 'center',
          });
        } catch {
          // The block may not be rendered yet; the selection still holds.
        }
        ReactEditor.focus(editor);
      },
      focus() {
        ReactEditor.focus(editor);
      },
    });
    return () => handleRef(null);
  }, [editor, handleRef, toRange, toSpan]);

  const decorate = useCallback(
    ([node, path]: NodeEntry) => {
      if (!Text.isText(node) || path.length !== 2) return [];
      return indexStore
        .get()
        .segments(path[0]!)
        .map((s) => ({
          anchor: { path, offset: s.start },
          focus: { path, offset: s.end },
          codingIds: s.codingIds,
          colors: s.colors,
          active: s.active,
        }));
    },
    [indexStore],
  );

  const { onCommand, onDropCode } = props;
  /** Commands act on the words the reader sees selected (see adoptDomSelection). */
  const syncSelectionFromDom = useCallback(() => {
    if (adoptDomSelection(editor)) selection.set(toSpan(editor.selection));
  }, [editor, toSpan]);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key;
      if (key.length === 1 || key === 'Escape') syncSelectionFromDom();
      // The keys are declared in shared/commands.ts (transcriptKeys); app commands such as
      // Ctrl/Cmd+K go on to the app's handler, which runs them after this has synced the selection.
      const command = commandForKey(e, transcriptKeys, mac)?.id;
      if (command === 'in-vivo') {
        e.preventDefault();
        onCommand({ kind: 'in-vivo' });
        return;
      }
      if (mod && ['a', 'c', 'z', 'y'].includes(key.toLowerCase())) return; // select all, copy; undo/redo go to the app
      if (NAVIGATION_KEYS.has(key)) return;
      if (command === 'escape') {
        onCommand({ kind: 'escape' });
        return;
      }
      e.preventDefault();
      if (mod || e.altKey) return;
      if (command === 'palette') onCommand({ kind: 'palette' });
      else if (command === 'turn') {
        const span = toSpan(editor.selection);
        if (span) onCommand({ kind: 'turn', offset: span.start });
      } else if (key.length === 1) onCommand({ kind: 'shortcut', key });
    },
    [editor, onCommand, toSpan, syncSelectionFromDom],
  );

  const renderElement = useCallback(
    (p: RenderElementProps) => (
      <BlockView
        {...p}
        source={source}
        blocks={blocks}
        indexStore={indexStore}
        onCommand={onCommand}
        onSelectCoding={props.onSelectCoding}
      />
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source, blocks, indexStore, onCommand],
  );

  const [hover, setHover] = useState<{ ids: string[]; x: number; y: number } | null>(null);
  const onMouseOver = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-codings]');
    if (!el) return setHover(null);
    const ids = el.dataset.codings!.split(' ');
    setHover((h) => (h && h.ids.join() === ids.join() ? h : { ids, x: e.clientX, y: e.clientY }));
  };

  // The same element object on every render, so React skips the editor when only the
  // index (published through indexStore and per-block revisions) or the hover card changed.
  const sourceName = source.name;
  const editable = useMemo(
    () => (
      <Slate editor={editor} initialValue={initialValue} onSelectionChange={(sel) => selection.set(toSpan(sel))}>
        <Editable
          className="transcript"
          aria-label={`Transcript of ${sourceName}`}
          aria-readonly="true"
          spellCheck={false}
          autoCorrect="off"
          autoCapitalize="off"
          decorate={decorate}
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          onKeyDown={onKeyDown}
          onDOMBeforeInput={(e: InputEvent) => e.preventDefault()}
          onPaste={(e) => e.preventDefault()}
          onCut={(e) => e.preventDefault()}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(CODE_DRAG_TYPE)) {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'copy';
            }
            return true;
          }}
          onDrop={(e) => {
            e.preventDefault();
            const codeId = e.dataTransfer.getData(CODE_DRAG_TYPE);
            if (codeId) onDropCode(codeId);
            return true;
          }}
          onDragStart={(e) => {
            // Dragging selected transcript text would move it; the transcript is read-only.
            e.preventDefault();
            return true;
          }}
          scrollSelectionIntoView={noScroll}
        />
      </Slate>
    ),
    [editor, initialValue, toSpan, sourceName, decorate, renderElement, onKeyDown, onDropCode],
  );

  if (!blocks.length)
    return (
      <div className="empty">
        <strong>This document has no text</strong>
      </div>
    );

  return (
    <div
      className="transcript-scroll"
      onMouseOver={onMouseOver}
      onMouseLeave={() => setHover(null)}
      onFocus={(e) => {
        const el = (e.target as HTMLElement).closest<HTMLElement>('[data-stripe-coding]');
        if (el) {
          const r = el.getBoundingClientRect();
          setHover({ ids: el.dataset.stripeCoding!.split(' '), x: r.left - 320, y: r.top });
        }
      }}
      onBlur={() => setHover(null)}
    >
      {editable}
      {hover && <CodingHoverCard {...props} ids={hover.ids} x={hover.x} y={hover.y} />}
    </div>
  );
});

// Slate scrolls the caret into view on every selection change; a reader scrolling with the
// wheel while text stays selected must not be pulled back, so only explicit reveals scroll.
const noScroll = () => {};

