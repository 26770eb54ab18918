/**
 * The transcript in Slate: one block per paragraph, speaker and time beside a turn's
 * first paragraph, codings as decorations (stacked underlines over a tinted background)
 * and as stripes in the right margin. The text cannot be edited: Slate keeps the
 * selection (mouse or keyboard), every other operation is dropped, and input events are
 * cancelled. Text is always rendered as React text nodes, never as HTML.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { createEditor, Editor, Range, Text, Transforms, type BaseRange, type NodeEntry } from 'slate';
import { Editable, ReactEditor, Slate, useSlateStatic, withReact, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import { commandForKey, transcriptKeys } from '../../../../shared/commands';
import type { Code, Coder, Coding, Memo, Source } from '../../../../shared/model';
import { isMac } from '../../app/command-list';
import { memoPlainText } from '../../../../shared/ops';
import { createState, useValue, type State } from '../../lib/state';
import '../../slate-types';
import type { TranscriptBlockElement } from '../../slate-types';
import type { Block, CodingIndex } from './transcript-model';
import { blockAt, buildBlocks, coderName, formatTime } from './transcript-model';
import { selection, type TextSelection } from './selection';
import { CODE_DRAG_TYPE } from '../codebook/CodeTree';
import { labelColours } from './readable-colour';

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

/** Publishes the coding index to blocks without re-rendering every block on each change. */
const createIndexStore = (initial: CodingIndex): State<CodingIndex> => createState(initial);
type IndexStore = State<CodingIndex>;

/** Blocks rendered before the first paint; the rest follow in slices (see loadUpTo). */
const FIRST_PAINT_BLOCKS = 40;
const LATER_SLICE_BLOCKS = 60;

// Typed as the app's Slate editor; it has no history because its document never changes.
type TranscriptEditor = Editor & { loaded: number; loadUpTo(count: number): void; redecorate(blocks: number[]): void };

/**
 * Takes the selection the reader sees into Slate; true when it changed Slate's. Slate reads
 * the DOM selection on a throttled selectionchange handler, and every render puts Slate's
 * own selection back into the DOM: a key pressed, or a block appended, before that handler
 * ran acted on (or restored) the previous selection and lost the words just selected.
 */
function adoptDomSelection(editor: Editor): boolean {
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
function createTranscriptEditor(all: TranscriptBlockElement[]): TranscriptEditor {
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
      {hover && <HoverCard {...props} ids={hover.ids} x={hover.x} y={hover.y} />}
    </div>
  );
});

// Slate scrolls the caret into view on every selection change; a reader scrolling with the
// wheel while text stays selected must not be pulled back, so only explicit reveals scroll.
const noScroll = () => {};

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  if (!leaf.codingIds) return <span {...attributes}>{children}</span>;
  const colors = (leaf.colors ?? '').split(' ');
  const layers = colors.slice(0, 5);
  // Stacked underlines as 2px bands under the text (gradients paint far cheaper than
  // box-shadows), over a tint of the outermost code's colour.
  const style = {
    paddingBottom: 2 * layers.length,
    backgroundColor: `color-mix(in srgb, ${colors[0]} var(--highlight-alpha), transparent)`,
    backgroundImage: layers.map((c) => `linear-gradient(${c}, ${c})`).join(', '),
    backgroundSize: layers.map(() => '100% 2px').join(', '),
    backgroundPosition: layers.map((_, i) => `0 calc(100% - ${2 * (layers.length - 1 - i)}px)`).join(', '),
    backgroundRepeat: 'no-repeat',
  };
  return (
    <span
      {...attributes}
      className={leaf.active ? 'coded active' : 'coded'}
      data-codings={leaf.codingIds}
      style={style}
    >
      {children}
    </span>
  );
}

interface BlockProps extends RenderElementProps {
  source: Source;
  blocks: Block[];
  indexStore: IndexStore;
  onCommand: (c: TranscriptCommand) => void;
  onSelectCoding: (id: string) => void;
}

function BlockView({
  attributes,
  children,
  element,
  source,
  blocks,
  indexStore,
  onCommand,
  onSelectCoding,
}: BlockProps) {
  const el = element as TranscriptBlockElement;
  const block = blocks[el.index]!;
  const editor = useSlateStatic() as TranscriptEditor;
  // The last block of a later slice, as it mounts: the commit that shows it ends with Slate
  // putting its own selection into the DOM, and a selection the reader made since the slice
  // was queued must be Slate's by then (see adoptDomSelection). Children's layout effects run
  // first. (Not for the first blocks: the editor itself is not in the DOM maps yet.)
  useLayoutEffect(() => {
    if (el.index >= FIRST_PAINT_BLOCKS && el.index === editor.loaded - 1) adoptDomSelection(editor);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const turn = block.turnIndex !== null ? source.turns[block.turnIndex] : undefined;
  const speaker = turn ? source.speakers.find((s) => s.name === turn.speaker) : undefined;
  const role = speaker?.role ?? 'respondent';
  return (
    <div {...attributes} className={`t-block ${block.turnStart ? 'turn-start' : ''} ${turn ? role : ''}`}>
      <div className={`t-speaker ${role}`} contentEditable={false}>
        {block.turnStart && turn ? (
          <>
            {turn.speaker}
            <span className="t-time">
              {turn.timeMs !== undefined ? formatTime(turn.timeMs) : null}
              <button
                type="button"
                className="t-turn-button"
                tabIndex={-1}
                onClick={() => onCommand({ kind: 'turn', offset: turn.start })}
                aria-label={`Code this turn by ${turn.speaker}`}
                title="Code the whole turn (T)"
              >
                ⊕ turn
              </button>
            </span>
          </>
        ) : null}
      </div>
      <div className="t-text">{children}</div>
      <Stripes blockIndex={el.index} indexStore={indexStore} onSelectCoding={onSelectCoding} />
    </div>
  );
}

// Stripes are click targets of at least 24 x 24 px, a lane apart (WCAG 2.2 target size):
// four lanes fill the margin column, and more codings on a line show as "+N".
const MAX_LANES = 4;
const LANE_PX = 26;

const Stripes = memo(function Stripes({
  blockIndex,
  indexStore,
  onSelectCoding,
}: {
  blockIndex: number;
  indexStore: IndexStore;
  onSelectCoding: (id: string) => void;
}) {
  const stripes = useValue(indexStore, (index) => index.stripes(blockIndex));
  const hidden = stripes.filter((s) => s.lane >= MAX_LANES).length;
  return (
    <div className="t-stripes" contentEditable={false}>
      {stripes.map((s) =>
        s.lane >= MAX_LANES ? null : (
          <button
            key={s.codingId}
            type="button"
            className={`stripe ${s.starts ? '' : 'cont'} ${s.ends ? '' : 'open-end'} ${s.active ? 'active' : ''}`}
            style={{ left: s.lane * LANE_PX, ...stripeStyle(s.color) }}
            aria-label={`Coding: ${s.name}. Select it`}
            data-stripe-coding={s.codingIds}
            onClick={() => onSelectCoding(s.codingId)}
            tabIndex={s.starts ? 0 : -1}
          >
            {s.starts && <span className="stripe-label">{s.name}</span>}
          </button>
        ),
      )}
      {hidden > 0 && <span className="stripe-more">+{hidden}</span>}
    </div>
  );
});

function stripeStyle(color: string): { background: string; color: string } {
  const { text, background } = labelColours(color);
  return { background, color: text };
}

function HoverCard({ ids, x, y, codingsById, codes, coders, memos }: Props & { ids: string[]; x: number; y: number }) {
  const items: ReactNode[] = [];
  for (const id of ids) {
    const coding = codingsById.get(id);
    if (!coding) continue;
    const code = codes.get(coding.codeId);
    const memo = memos.find((m) => m.target.kind === 'coding' && m.target.id === id);
    items.push(
      <li key={id}>
        <span className="row">
          <span className="swatch" style={{ background: code?.color }} />
          <strong>{code?.name ?? 'Unknown code'}</strong>
          {coding.exemplar && <span className="origin-tag">exemplar</span>}
        </span>
        <span className="muted small">by {coderName(coders, coding.coderId)}</span>
        {memo && <div className="small">{memoPlainText(memo.body).slice(0, 160)}</div>}
      </li>,
    );
  }
  if (!items.length) return null;
  const left = Math.max(8, Math.min(x + 12, window.innerWidth - 350));
  const top = Math.min(y + 16, window.innerHeight - 40 - 60 * items.length);
  return (
    <div className="hover-card" role="tooltip" style={{ left, top }}>
      <ul>{items}</ul>
    </div>
  );
}
