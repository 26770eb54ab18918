/** Matrices: code x attribute, code x source, co-occurrence; click a cell for its excerpts; export CSV. */
import { useMemo, useState } from 'react';
import type { AnalysisIndex, CountUnit, Matrix } from '../../../../shared/analysis';
import { coOccurrenceMatrix, codeAttributeMatrix, codeSourceMatrix, matrixToCsv, toExcerpt, UnknownAttributeError } from '../../../../shared/analysis';
import { getHost } from '../../host';
import { attempt } from '../../app/toast';
import { ExcerptList } from './ExcerptList';
import type { FilterState } from './FilterBar';
import { EMPTY_FILTER, FilterBar, toExcerptFilter } from './FilterBar';
import { utf8 } from './use-analysis';

type Kind = 'attribute' | 'source' | 'overlap' | 'turn';

export function MatricesPanel({ index }: { index: AnalysisIndex }) {
  const [kind, setKind] = useState<Kind>('attribute');
  const [attribute, setAttribute] = useState(() => index.attributes[0]?.id ?? '');
  const [unit, setUnit] = useState<CountUnit>('excerpts');
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [cell, setCell] = useState<{ r: number; c: number } | null>(null);

  const matrix: Matrix | null = useMemo(() => {
    const f = toExcerptFilter(filter);
    try {
      if (kind === 'attribute') return attribute ? codeAttributeMatrix(index, { attribute, unit, filter: f, withIds: true }) : null;
      if (kind === 'source') return codeSourceMatrix(index, { unit: unit === 'sources' ? 'excerpts' : unit, filter: f, withIds: true });
      return coOccurrenceMatrix(index, { scope: kind, filter: f, withIds: true });
    } catch (error) {
      if (error instanceof UnknownAttributeError) return null;
      throw error;
    }
  }, [index, kind, attribute, unit, filter]);

  const selectedIds = matrix && cell ? (matrix.ids?.[cell.r]?.[cell.c] ?? []) : [];
  const excerpts = selectedIds.map((id) => index.codings.get(id)).filter((x) => x !== undefined).map((item) => toExcerpt(index, item));
  const max = matrix ? Math.max(1, ...matrix.cells.flatMap((row, r) => row.filter((_, c) => kind === 'attribute' || kind === 'source' || r !== c))) : 1;

  const exportCsv = () =>
    matrix &&
    attempt(() =>
      getHost().saveFile({
        title: 'Export matrix as CSV',
        suggestedName: `${matrix.title.replace(/[^\w-]+/g, '-').toLowerCase()}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        bytes: utf8(matrixToCsv(matrix)),
      }),
    );

  return (
    <div className="matrices">
      <div className="row">
        <select aria-label="Matrix" value={kind} onChange={(e) => (setKind(e.target.value as Kind), setCell(null))}>
          <option value="attribute">Codes × attribute</option>
          <option value="source">Codes × source</option>
          <option value="overlap">Co-occurrence (same text)</option>
          <option value="turn">Co-occurrence (same turn)</option>
        </select>
        {kind === 'attribute' && (
          <select aria-label="Attribute" value={attribute} onChange={(e) => (setAttribute(e.target.value), setCell(null))}>
            {index.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
        {(kind === 'attribute' || kind === 'source') && (
          <select aria-label="Count" value={unit} onChange={(e) => (setUnit(e.target.value as CountUnit), setCell(null))}>
            <option value="excerpts">Excerpts</option>
            {kind === 'attribute' && <option value="sources">Sources</option>}
            <option value="cases">Cases</option>
          </select>
        )}
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={!matrix}>
          Export CSV
        </button>
      </div>
      <FilterBar index={index} state={filter} onChange={(f) => (setFilter(f), setCell(null))} showText={false} />
      {matrix && (
        <div className="matrix-scroll">
          <table className="grid matrix" aria-label={`${matrix.title} (${matrix.unit})`}>
            <caption className="small muted">
              {matrix.title} — cells count {matrix.unit}; click a cell for its excerpts
            </caption>
            <thead>
              <tr>
                <th>Code</th>
                {matrix.columns.map((c) => (
                  <th key={c.id} title={c.label}>
                    {c.label}
                  </th>
                ))}
                {matrix.rowTotals && <th>Total</th>}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row, r) => (
                <tr key={row.id}>
                  <th scope="row" title={row.label}>
                    {row.label}
                  </th>
                  {matrix.cells[r]!.map((v, c) => {
                    const diagonal = (kind === 'overlap' || kind === 'turn') && r === c;
                    const active = cell?.r === r && cell.c === c;
                    return (
                      <td key={c} className={`cell${active ? ' active' : ''}${diagonal ? ' diagonal' : ''}`} style={{ ['--heat' as string]: diagonal ? 0 : v / max }}>
                        {v > 0 ? (
                          <button type="button" className="cell-button" aria-label={`${row.label}, ${matrix.columns[c]!.label}: ${v}`} onClick={() => setCell({ r, c })}>
                            {v}
                          </button>
                        ) : (
                          <span className="muted">0</span>
                        )}
                      </td>
                    );
                  })}
                  {matrix.rowTotals && <td className="total">{matrix.rowTotals[r]}</td>}
                </tr>
              ))}
              {matrix.columnTotals && (
                <tr>
                  <th scope="row">Total</th>
                  {matrix.columnTotals.map((t, c) => (
                    <td key={c} className="total">
                      {t}
                    </td>
                  ))}
                  {matrix.rowTotals && <td />}
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {matrix && cell && (
        <section className="panel cell-excerpts" aria-label="Excerpts in the cell">
          <div className="panel-header">
            <h2>
              {matrix.rows[cell.r]!.label} × {matrix.columns[cell.c]!.label}
            </h2>
            <span className="spacer" />
            <button type="button" className="icon-button" aria-label="Close" onClick={() => setCell(null)}>
              ×
            </button>
          </div>
          <div className="panel-body">
            <ExcerptList index={index} excerpts={excerpts} />
          </div>
        </section>
      )}
    </div>
  );
}
