/**
 * The right-hand panel: what is selected and the codings under it. Every coding can be
 * selected, nudged at either edge (a character or a word at a time), set to the current
 * selection, marked as an exemplar, given a memo, or deleted.
 */
import type { Code, Coder, Coding, Memo, Source } from '../../../../shared/model';
import { adjustCoding, createMemo, deleteCoding, setExemplar } from '../../../../shared/ops';
import { keyText } from '../../app/command-list';
import { attempt } from '../../app/toast';
import { useProjectStore } from '../../store';
import { MemoEditor } from '../memos/MemoEditor';
import { useTextSelection, type TextSelection } from './selection';
import { coderName, nudgeWord } from './transcript-model';
import { useServices } from '../../app/services';

interface Props {
  source: Source;
  codings: readonly Coding[];
  codes: ReadonlyMap<string, Code>;
  coders: readonly Coder[];
  memos: readonly Memo[];
  activeCodingId: string | null;
  currentCoderId: string | null;
  onCommand: (c: 'palette' | 'in-vivo' | 'turn') => void;
  onRemove: (codeId: string) => void;
  onReveal: (coding: Coding) => void;
  /** Closes the panel where it is a drawer (narrow windows). */
  onClose?: () => void;
}

function quote(source: Source, start: number, end: number, max = 160): string {
  const t = source.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function CodingDetails(props: Props) {
  const { source, codings, codes, activeCodingId } = props;
  const selection = useTextSelection();
  const hasSpan = !!selection && selection.sourceId === source.id && selection.end > selection.start;
  const at = selection && selection.sourceId === source.id ? selection : null;
  const here = codings.filter(
    (c) => c.id === activeCodingId || (at && (hasSpan ? c.start < at.end && c.end > at.start : c.start <= at.start && c.end > at.start)),
  );
  const inSelection = hasSpan ? [...new Set(here.filter((c) => c.coderId === props.currentCoderId).map((c) => c.codeId))] : [];

  return (
    <aside className="side right" id="coding-details" aria-label="Selection and codings">
      <section className="side-section">
        {props.onClose && (
          <button type="button" className="small drawer-toggle drawer-close" onClick={props.onClose}>
            Close ▸
          </button>
        )}
        <h2>Selection</h2>
        {hasSpan ? (
          <>
            <p className="quote small selection-quote" style={{ margin: '0 0 8px', fontFamily: 'var(--font-reading)' }}>
              “{quote(source, at!.start, at!.end)}”
            </p>
            <div className="row">
              <button type="button" className="primary" onClick={() => props.onCommand('palette')}>
                Apply code… <kbd>{keyText('palette')}</kbd>
              </button>
              <button type="button" onClick={() => props.onCommand('in-vivo')} title={`Create a code named by the selected words (${keyText('in-vivo')})`}>
                In vivo
              </button>
              <button type="button" onClick={() => props.onCommand('turn')} title={`Apply a code to the whole speaker turn (${keyText('turn')})`}>
                Whole turn
              </button>
            </div>
            {inSelection.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <div className="small muted">Your codes in the selection</div>
                <div className="chip-row" style={{ marginTop: 4 }}>
                  {inSelection.map((id) => (
                    <button key={id} type="button" className="chip" onClick={() => props.onRemove(id)} aria-label={`Remove ${codes.get(id)?.name} from the selection`}>
                      <span className="swatch" style={{ background: codes.get(id)?.color, display: 'inline-block', marginRight: 4 }} />
                      {codes.get(id)?.name} ×
                    </button>
                  ))}
                </div>
              </div>
            )}
          </>
        ) : (
          <p className="muted small" style={{ margin: 0 }}>
            Select words in the transcript (mouse, or Shift+arrows), then press <kbd>{keyText('palette')}</kbd> or <kbd>{keyText('codePalette')}</kbd> to apply a
            code, drag a code onto it, or press a code’s key. <kbd>{keyText('turn')}</kbd> codes the whole turn.
          </p>
        )}
      </section>
      <section className="side-section">
        <h2>Codings here</h2>
        {here.length === 0 ? (
          <p className="muted small" style={{ margin: 0 }}>
            Click inside a highlight or on a stripe in the margin to see its codings.
          </p>
        ) : (
          here.map((c) => <CodingCard key={c.id} coding={c} selection={selection} {...props} />)
        )}
      </section>
    </aside>
  );
}

function CodingCard({ coding, source, codes, coders, memos, activeCodingId, selection, onReveal }: Props & { coding: Coding; selection: TextSelection | null }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const code = codes.get(coding.codeId);
  const memo = memos.find((m) => m.target.kind === 'coding' && m.target.id === coding.id);
  const adjust = (start: number, end: number) => {
    if (start >= end) return;
    attempt(() => store.run((p, ctx) => adjustCoding(p, ctx, coding.id, { start, end })));
  };
  const text = source.text;
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const canSetToSelection = selection && selection.sourceId === source.id && selection.end > selection.start;
  const name = code?.name ?? 'Unknown code';
  return (
    <div className={`coding-card ${coding.id === activeCodingId ? 'active' : ''}`} style={{ borderLeftColor: code?.color }}>
      <div className="row">
        <strong>{name}</strong>
        <span className="spacer" />
        <button type="button" className="link small" onClick={() => onReveal(coding)} aria-label={`Select the ${name} coding in the text`}>
          Show
        </button>
      </div>
      <div className="small muted">
        by {coderName(coders, coding.coderId)} · {coding.end - coding.start} characters
      </div>
      <p className="quote">“{quote(source, coding.start, coding.end)}”</p>
      <div className="nudge" role="group" aria-label={`Boundaries of the ${name} coding`}>
        <span>Start</span>
        <button type="button" aria-label="Start one word earlier" onClick={() => adjust(nudgeWord(text, coding.start, -1), coding.end)}>
          «
        </button>
        <button type="button" aria-label="Start one character earlier" onClick={() => adjust(clamp(coding.start - 1), coding.end)}>
          ‹
        </button>
        <button type="button" aria-label="Start one character later" onClick={() => adjust(clamp(coding.start + 1), coding.end)}>
          ›
        </button>
        <button type="button" aria-label="Start one word later" onClick={() => adjust(Math.min(nudgeWord(text, coding.start, 1), coding.end - 1), coding.end)}>
          »
        </button>
        <span>End</span>
        <button type="button" aria-label="End one word earlier" onClick={() => adjust(coding.start, Math.max(nudgeWord(text, coding.end, -1), coding.start + 1))}>
          «
        </button>
        <button type="button" aria-label="End one character earlier" onClick={() => adjust(coding.start, clamp(coding.end - 1))}>
          ‹
        </button>
        <button type="button" aria-label="End one character later" onClick={() => adjust(coding.start, clamp(coding.end + 1))}>
          ›
        </button>
        <button type="button" aria-label="End one word later" onClick={() => adjust(coding.start, nudgeWord(text, coding.end, 1))}>
          »
        </button>
      </div>
      <div className="row" style={{ marginTop: 6 }}>
        <button type="button" disabled={!canSetToSelection} onClick={() => selection && adjust(selection.start, selection.end)} title="Make this coding cover the selected text">
          Set to selection
        </button>
        <label className="row small">
          <input
            type="checkbox"
            checked={!!coding.exemplar}
            onChange={(e) => attempt(() => store.run((p, ctx) => setExemplar(p, ctx, coding.id, e.target.checked)))}
          />
          Exemplar
        </label>
        <span className="spacer" />
        <button
          type="button"
          className="danger"
          onClick={() => {
            attempt(() => store.run((p, ctx) => deleteCoding(p, ctx, coding.id)));
            if (activeCodingId === coding.id) ui.set({ selectedCodingId: null });
          }}
        >
          Delete
        </button>
      </div>
      <div style={{ marginTop: 6 }}>
        {memo ? (
          <MemoEditor memo={memo} compact label={`Memo on the ${name} coding`} />
        ) : (
          <button
            type="button"
            className="link small"
            onClick={() => attempt(() => store.run((p, ctx) => createMemo(p, ctx, { target: { kind: 'coding', id: coding.id }, title: name })))}
          >
            + Add a memo on this coding
          </button>
        )}
      </div>
    </div>
  );
}
