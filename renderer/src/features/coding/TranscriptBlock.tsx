/**
 * How one transcript block looks: speaker and time beside a turn's first paragraph, codings
 * as decorated leaves (stacked underlines over a tint) and as stripes in the right margin.
 */
import { memo, useLayoutEffect } from 'react';
import { useSlateStatic, type RenderElementProps, type RenderLeafProps } from 'slate-react';
import type { Source } from '../../../../shared/model';
import { createState, useValue, type State } from '../../lib/state';
import type { TranscriptBlockElement } from '../../slate-types';
import type { Block, CodingIndex } from './transcript-model';
import { formatTime } from './transcript-model';
import { labelColours } from './readable-colour';
import { adoptDomSelection, FIRST_PAINT_BLOCKS, type TranscriptEditor } from './transcript-editor';
import type { TranscriptCommand } from './TranscriptView';

/** Publishes the coding index to blocks without re-rendering every block on each change. */
export const createIndexStore = (initial: CodingIndex): State<CodingIndex> => createState(initial);
export type IndexStore = State<CodingIndex>;

export function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
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

export function BlockView({
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
