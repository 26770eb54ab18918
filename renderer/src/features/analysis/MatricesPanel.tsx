/**
 * Matrices: code x attribute, code x source, co-occurrence; click a cell for its excerpts;
 * export CSV. Large matrices show a readable part on screen (the CSV always has all of it):
 * co-occurrence the codes that co-occur most, other matrices their first rows until asked.
 */
import { useMemo, useState } from 'react';
import type { AnalysisIndex, CountUnit, Matrix } from '../../../../shared/analysis';
import type { Guid } from '../../../../shared/model';
import {
  coOccurrenceIds,
  coOccurrenceMatrix,
  codeAttributeMatrix,
  codeSourceMatrix,
  matrixToCsv,
  orderedThemes,
  toExcerpt,
  UnknownAttributeError,
} from '../../../../shared/analysis';
import { topCodes } from '../../../../shared/charts/heatmap';
import { attempt } from '../../app/toast';
import { ExcerptList } from './ExcerptList';
import type { FilterState } from './FilterBar';
import { EMPTY_FILTER, FilterBar, toExcerptFilter } from './FilterBar';
import { utf8 } from './use-analysis';
import { useServices } from '../../app/services';

type Kind = 'attribute' | 'source' | 'overlap' | 'turn';
const MAX_COOCCURRENCE = 40;
const MAX_ROWS = 150;

export function MatricesPanel({ index }: { index: AnalysisIndex }) {
  const { host } = useServices();
  const [kind, setKind] = useState<Kind>('attribute');
  const [attribute, setAttribute] = useState(() => index.attributes[0]?.id ?? '');
  const [unit, setUnit] = useState<CountUnit>('excerpts');
  const [themeId, setThemeId] = useState('');
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [cell, setCell] = useState<{ r: number; c: number } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const cooccurrence = kind === 'overlap' || kind === 'turn';

  const matrix: Matrix | null = useMemo(() => {
    const scope = { ...(themeId ? { themeId } : {}), filter: toExcerptFilter(filter) };
    try {
      if (kind === 'attribute') return attribute ? codeAttributeMatrix(index, { ...scope, attribute, unit, withIds: true }) : null;
      if (kind === 'source') return codeSourceMatrix(index, { ...scope, unit: unit === 'sources' ? 'excerpts' : unit, withIds: true });
      // Ids for every pair of 400 codes would be heavy; a clicked cell asks for its own.
      return coOccurrenceMatrix(index, { ...scope, scope: kind });
    } catch (error) {
      if (error instanceof UnknownAttributeError) return null;
      throw error;
    }
  }, [index, kind, attribute, unit, filter, themeId]);

  const { rows, cols } = useMemo(() => {
    if (!matrix) return { rows: [], cols: [] };
    const all = matrix.rows.map((_, i) => i);
    if (cooccurrence && !showAll && all.length > MAX_COOCCURRENCE) {
      const top = topCodes(matrix, MAX_COOCCURRENCE);
      return { rows: top, cols: top };
    }
    return { rows: showAll ? all : all.slice(0, MAX_ROWS), cols: matrix.columns.map((_, i) => i) };
  }, [matrix, cooccurrence, showAll]);

  const selectedIds: Guid[] = useMemo(() => {
    if (!matrix || !cell) return [];
    if (!cooccurrence) return matrix.ids?.[cell.r]?.[cell.c] ?? [];
    return coOccurrenceIds(index, { a: matrix.rows[cell.r]!.id, b: matrix.columns[cell.c]!.id, scope: kind as 'overlap' | 'turn', filter: toExcerptFilter(filter) });
  }, [index, matrix, cell, cooccurrence, kind, filter]);
  const excerpts = selectedIds.map((id) => index.codings.get(id)).filter((x) => x !== undefined).map((item) => toExcerpt(index, item));
  const max = matrix ? Math.max(1, ...rows.flatMap((r) => cols.filter((c) => !cooccurrence || r !== c).map((c) => matrix.cells[r]![c]!))) : 1;
  const reset = () => (setCell(null), setShowAll(false));

  const exportCsv = () =>
    matrix &&
    attempt(() =>
      host.saveFile({
        title: 'Export matrix as CSV',
        suggestedName: `${matrix.title.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        bytes: utf8(matrixToCsv(matrix)),
      }),
    );

  return (
    <div className="matrices">
      <div className="row">
        <select aria-label="Matrix" value={kind} onChange={(e) => (setKind(e.target.value as Kind), reset())}>
          <option value="attribute">Codes × attribute</option>
          <option value="source">Codes × source</option>
          <option value="overlap">Co-occurrence (same text)</option>
          <option value="turn">Co-occurrence (same turn)</option>
        </select>
        {kind === 'attribute' && (
          <select aria-label="Attribute" value={attribute} onChange={(e) => (setAttribute(e.target.value), reset())}>
            {index.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
        {(kind === 'attribute' || kind === 'source') && (
          <select aria-label="Count" value={unit} onChange={(e) => (setUnit(e.target.value as CountUnit), reset())}>
            <option value="excerpts">Excerpts</option>
            {kind === 'attribute' && <option value="sources">Sources</option>}
            <option value="cases">Cases</option>
          </select>
        )}
        <select aria-label="Codes" value={themeId} onChange={(e) => (setThemeId(e.target.value), reset())}>
          <option value="">All codes</option>
          {orderedThemes(index).map(({ theme }) => (
            <option key={theme.id} value={theme.id}>
              Codes of {theme.name}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <button type="button" onClick={exportCsv} disabled={!matrix}>
          Export CSV
        </button>
      </div>
      <FilterBar index={index} state={filter} onChange={(f) => (setFilter(f), reset())} showText={false} />
      {matrix && (rows.length < matrix.rows.length || cols.length < matrix.columns.length) && (
        <p className="small muted">
          {cooccurrence
            ? `Showing the ${rows.length} codes that co-occur most, of ${matrix.rows.length}. `
            : `Showing the first ${rows.length} of ${matrix.rows.length} codes. `}
          <button type="button" className="link" onClick={() => setShowAll(true)}>
            Show all
          </button>{' '}
          (the CSV export always holds every code)
        </p>
      )}
      {matrix && (
        <div className="matrix-scroll">
          <table className="grid matrix" aria-label={`${matrix.title} (${matrix.unit})`}>
            <caption className="small muted">
              {matrix.title}: cells count {matrix.unit}; click a cell for its excerpts
            </caption>
            <thead>
              <tr>
                <th>Code</th>
                {cols.map((c) => (
                  <th key={c} title={matrix.columns[c]!.label}>
                    {matrix.columns[c]!.label}
                  </th>
                ))}
                {matrix.rowTotals && <th>Total</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const row = matrix.rows[r]!;
                return (
                  <tr key={row.id}>
                    <th scope="row" title={row.label}>
                      {row.label}
                    </th>
                    {cols.map((c) => {
                      const v = matrix.cells[r]![c]!;
                      const diagonal = cooccurrence && r === c;
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
                );
              })}
              {matrix.columnTotals && (
                <tr>
                  <th scope="row">{matrix.columnTotalsLabel ?? 'Total'}</th>
                  {cols.map((c) => (
                    <td key={c} className="total">
                      {matrix.columnTotals![c]}
                    </td>
                  ))}
                  {matrix.rowTotals && <td className="total">{matrix.grandTotal ?? ''}</td>}
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
