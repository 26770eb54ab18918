/** Query and search hits: the text with its context and who said it, each openable in its transcript. */
import type { AnalysisIndex, HitRow } from '../../../../shared/analysis';
import { useServices } from '../../app/services';
import { openExcerpt } from './ExcerptList';
import { AttributeChips, Quote } from './quote-parts';

export function HitList({ index, rows, limit = 300 }: { index: AnalysisIndex; rows: HitRow[]; limit?: number }) {
  const { ui } = useServices();
  if (!rows.length) return <p className="muted">Nothing found.</p>;
  return (
    <>
      <ol className="excerpt-list">
        {rows.slice(0, limit).map((r) => (
          <li key={`${r.sourceId}:${r.start}:${r.end}`} className="excerpt">
            <div className="excerpt-meta small">
              <strong>{r.sourceName}</strong>
              {r.speaker && <span> · {r.speaker}</span>}
              <AttributeChips index={index} attributes={r.attributes} />
            </div>
            <Quote before={r.before} text={r.text} after={r.after} />
            <div className="row small muted">
              {r.codeNames.length > 0 && <span>{r.codeNames.join(', ')}</span>}
              <span className="spacer" />
              <button type="button" onClick={() => openExcerpt(ui, r)}>
                Open in transcript
              </button>
            </div>
          </li>
        ))}
      </ol>
      {rows.length > limit && <p className="muted small">Showing the first {limit} of {rows.length}.</p>}
    </>
  );
}
