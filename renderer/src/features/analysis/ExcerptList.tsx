/** Excerpts as a reader sees them: the quote in its context, who said it, and actions to open it or mark it as an exemplar. */
import type { AnalysisIndex, Excerpt } from '../../../../shared/analysis';
import { setExemplar } from '../../../../shared/ops';
import { attempt } from '../../app/toast';
import { useProjectStore } from '../../store';
import { AttributeChips, Quote } from './quote-parts';
import { useServices } from '../../app/services';
import type { Ui } from '../../app/ui-state';

export function openExcerpt(ui: Ui, e: { sourceId: string; start: number; end: number; codingId?: string }): void {
  ui.openSource(e.sourceId, { start: e.start, end: e.end });
  if (e.codingId) ui.set({ selectedCodingId: e.codingId });
}

export function ExcerptList(props: { index: AnalysisIndex; excerpts: Excerpt[]; limit?: number }) {
  const { ui } = useServices();
  const { index } = props;
  const store = useProjectStore();
  const limit = props.limit ?? 300;
  const shown = props.excerpts.slice(0, limit);
  if (!props.excerpts.length) return <p className="muted">No excerpts match.</p>;
  return (
    <>
      <ol className="excerpt-list">
        {shown.map((e) => (
          <li key={e.codingId} className="excerpt" style={{ borderLeftColor: 'var(--accent)' }}>
            <div className="excerpt-meta small">
              <strong>{e.sourceName}</strong>
              {e.speaker && <span> · {e.speaker}</span>}
              {e.caseName && e.caseName !== e.speaker && <span> · {e.caseName}</span>}
              <AttributeChips index={index} attributes={e.attributes} />
            </div>
            <Quote before={e.before} text={e.text} after={e.after} />
            <div className="row small muted">
              <span>{e.codePath.join(' / ')}</span>
              <span>· {e.coderName}</span>
              <span className="spacer" />
              <button
                type="button"
                className={e.exemplar ? 'exemplar on' : 'exemplar'}
                aria-pressed={e.exemplar}
                onClick={() => attempt(() => store.run((p, ctx) => setExemplar(p, ctx, e.codingId, !e.exemplar)))}
              >
                {e.exemplar ? '★ Exemplar' : '☆ Mark exemplar'}
              </button>
              <button type="button" onClick={() => openExcerpt(ui, e)}>
                Open in transcript
              </button>
            </div>
          </li>
        ))}
      </ol>
      {props.excerpts.length > limit && <p className="muted small">Showing the first {limit} of {props.excerpts.length} excerpts; narrow the filter to see the rest.</p>}
    </>
  );
}
