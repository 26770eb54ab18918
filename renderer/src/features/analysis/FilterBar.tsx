/**
 * The filter every analysis screen shares: one attribute condition, coder, whether the
 * interviewer's turns count, and words in the coded text.
 */
import type { ExcerptFilter } from '../../../../shared/analysis';
import { attributeValues } from './use-analysis';
import type { AnalysisIndex } from '../../../../shared/analysis';

export interface FilterState {
  attribute: string;
  value: string;
  coderId: string;
  includeInterviewer: boolean;
  text: string;
}

export const EMPTY_FILTER: FilterState = { attribute: '', value: '', coderId: '', includeInterviewer: false, text: '' };

export function toExcerptFilter(state: FilterState): ExcerptFilter {
  return {
    ...(state.attribute && state.value ? { where: [{ attribute: state.attribute, values: [state.value] }] } : {}),
    ...(state.coderId ? { coderIds: [state.coderId] } : {}),
    ...(state.includeInterviewer ? { roles: ['interviewer', 'respondent'] } : {}),
    ...(state.text.trim() ? { text: state.text } : {}),
  } as ExcerptFilter;
}

/** The part of a saved filter this bar can show (one attribute value, one coder). */
export function fromExcerptFilter(index: AnalysisIndex, filter: ExcerptFilter | undefined): FilterState {
  const cond = filter?.where?.[0];
  const attr = cond ? index.attributes.find((a) => a.id === cond.attribute || a.name === cond.attribute) : undefined;
  return {
    attribute: attr?.id ?? '',
    value: attr ? (cond?.values[0] ?? '') : '',
    coderId: filter?.coderIds?.[0] ?? '',
    includeInterviewer: filter?.roles?.includes('interviewer') ?? false,
    text: filter?.text ?? '',
  };
}

export function FilterBar(props: { index: AnalysisIndex; state: FilterState; onChange: (s: FilterState) => void; showText?: boolean }) {
  const { index, state, onChange } = props;
  const set = (patch: Partial<FilterState>) => onChange({ ...state, ...patch });
  const values = state.attribute ? attributeValues(index, state.attribute) : [];
  return (
    <div className="row filter-bar" role="group" aria-label="Filter">
      <select aria-label="Filter attribute" value={state.attribute} onChange={(e) => set({ attribute: e.target.value, value: '' })}>
        <option value="">All cases</option>
        {index.attributes.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {state.attribute && (
        <select aria-label="Filter value" value={state.value} onChange={(e) => set({ value: e.target.value })}>
          <option value="">any value</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      )}
      <select aria-label="Coder" value={state.coderId} onChange={(e) => set({ coderId: e.target.value })}>
        <option value="">All coders</option>
        {[...index.coders.values()].map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label className="row small">
        <input type="checkbox" checked={state.includeInterviewer} onChange={(e) => set({ includeInterviewer: e.target.checked })} />
        Include interviewer turns
      </label>
      {props.showText !== false && (
        <input type="search" aria-label="Words in the excerpt" placeholder="Words in the excerpt" value={state.text} onChange={(e) => set({ text: e.target.value })} />
      )}
    </div>
  );
}
