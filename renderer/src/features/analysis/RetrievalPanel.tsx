/** Retrieval: the excerpts of a code or theme, filtered and sorted. */
import { useMemo, useState } from 'react';
import type { AnalysisIndex, ExcerptSort } from '../../../../shared/analysis';
import { retrieveExcerpts, UnknownAttributeError } from '../../../../shared/analysis';
import type { Guid } from '../../../../shared/model';
import { ExcerptList } from './ExcerptList';
import type { FilterState } from './FilterBar';
import { EMPTY_FILTER, FilterBar, toExcerptFilter } from './FilterBar';

const SORTS: { id: ExcerptSort; label: string }[] = [
  { id: 'source', label: 'Document order' },
  { id: 'code', label: 'Code' },
  { id: 'case', label: 'Case' },
  { id: 'coder', label: 'Coder' },
  { id: 'length', label: 'Longest first' },
];

export function RetrievalPanel(props: { index: AnalysisIndex; codeIds?: Guid[]; themeId?: Guid; initialFilter?: FilterState }) {
  const { index } = props;
  const [filter, setFilter] = useState<FilterState>(props.initialFilter ?? EMPTY_FILTER);
  const [sort, setSort] = useState<ExcerptSort>('source');
  const [descendants, setDescendants] = useState(false);
  const result = useMemo(() => {
    try {
      return retrieveExcerpts(index, {
        ...(props.codeIds ? { codeIds: props.codeIds } : {}),
        ...(props.themeId ? { themeId: props.themeId } : {}),
        includeDescendantCodes: descendants,
        filter: toExcerptFilter(filter),
        sort,
      });
    } catch (error) {
      if (error instanceof UnknownAttributeError) return [];
      throw error;
    }
  }, [index, props.codeIds, props.themeId, filter, sort, descendants]);
  const sources = new Set(result.map((e) => e.sourceId)).size;
  const cases = new Set(result.map((e) => e.caseId).filter(Boolean)).size;
  return (
    <section className="retrieval" aria-label="Excerpts">
      <FilterBar index={index} state={filter} onChange={setFilter} />
      <div className="row small" style={{ margin: '6px 0' }}>
        <label className="row">
          Sort
          <select aria-label="Sort excerpts" value={sort} onChange={(e) => setSort(e.target.value as ExcerptSort)}>
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <input type="checkbox" checked={descendants} onChange={(e) => setDescendants(e.target.checked)} />
          Include codes below
        </label>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {result.length} excerpts · {sources} sources · {cases} cases
        </span>
      </div>
      <ExcerptList index={index} excerpts={result} />
    </section>
  );
}
