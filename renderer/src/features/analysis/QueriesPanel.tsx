/**
 * Queries: a boolean code query built step by step ((A op B) op C ...), text search with
 * auto-coding of the hits, and saved queries of both kinds.
 */
import { useMemo, useState } from 'react';
import type { AnalysisIndex, AutoCodeScope, CodeQuery, SavedQueryBody, TextSearch } from '../../../../shared/analysis';
import {
  autoCode,
  autoCodeSpans,
  deleteSavedQuery,
  describeQuery,
  evaluateQuery,
  hitRows,
  readSavedQuery,
  saveQuery,
  searchText,
  UnknownAttributeError,
} from '../../../../shared/analysis';
import type { Guid } from '../../../../shared/model';
import { keyText } from '../../app/command-list';
import { attempt, toast } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import type { FilterState } from './FilterBar';
import { EMPTY_FILTER, FilterBar, fromExcerptFilter, toExcerptFilter } from './FilterBar';
import { HitList } from './HitList';

type Op = 'and-overlap' | 'and-turn' | 'or' | 'not' | 'near-characters' | 'near-turns';
interface Step {
  op: Op;
  codeId: Guid;
  within: number;
}
const OPS: { id: Op; label: string }[] = [
  { id: 'and-overlap', label: 'AND (same text)' },
  { id: 'and-turn', label: 'AND (same turn)' },
  { id: 'or', label: 'OR' },
  { id: 'not', label: 'NOT' },
  { id: 'near-characters', label: 'NEAR (characters)' },
  { id: 'near-turns', label: 'NEAR (turns)' },
];

function buildQuery(first: Guid, steps: Step[]): CodeQuery | null {
  if (!first) return null;
  let q: CodeQuery = { op: 'code', codeId: first };
  for (const s of steps) {
    if (!s.codeId) continue;
    const right: CodeQuery = { op: 'code', codeId: s.codeId };
    if (s.op === 'and-overlap' || s.op === 'and-turn') q = { op: 'and', left: q, right, scope: s.op === 'and-turn' ? 'turn' : 'overlap' };
    else if (s.op === 'or' || s.op === 'not') q = { op: s.op, left: q, right };
    else q = { op: 'near', left: q, right, within: Math.max(0, Math.floor(s.within)), unit: s.op === 'near-turns' ? 'turns' : 'characters' };
  }
  return q;
}

/** A saved query back into builder steps, when it is a chain the builder can show. */
function toSteps(q: CodeQuery): { first: Guid; steps: Step[] } | null {
  if (q.op === 'code') return { first: q.codeId, steps: [] };
  if (q.op === 'theme' || q.right.op !== 'code') return null;
  const head = toSteps(q.left);
  if (!head) return null;
  const op: Op = q.op === 'and' ? (q.scope === 'turn' ? 'and-turn' : 'and-overlap') : q.op === 'near' ? (q.unit === 'turns' ? 'near-turns' : 'near-characters') : q.op;
  return { first: head.first, steps: [...head.steps, { op, codeId: q.right.codeId, within: q.op === 'near' ? q.within : 50 }] };
}

function fromFilterState(f: FilterState) {
  return toExcerptFilter(f);
}

export function QueriesPanel({ index }: { index: AnalysisIndex }) {
  const store = useProjectStore();
  const saved = useProject((p) => p.savedQueries);
  const codes = [...index.codes.values()].sort((a, b) => (index.codeRank.get(a.id) ?? 0) - (index.codeRank.get(b.id) ?? 0));
  const [first, setFirst] = useState<Guid>('');
  const [steps, setSteps] = useState<Step[]>([]);
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [search, setSearch] = useState<TextSearch>({ pattern: '', wholeWord: true, caseSensitive: false, regex: false });
  const [searchFilter, setSearchFilter] = useState<FilterState>(EMPTY_FILTER);
  const [autoCodeId, setAutoCodeId] = useState<Guid>('');
  const [scope, setScope] = useState<AutoCodeScope>('sentence');
  const [name, setName] = useState('');

  const query = buildQuery(first, steps);
  const hits = useMemo(() => {
    if (!query) return [];
    try {
      return hitRows(index, evaluateQuery(index, query, fromFilterState(filter)));
    } catch (error) {
      if (error instanceof UnknownAttributeError) return [];
      throw error;
    }
  }, [index, query && JSON.stringify(query), filter]); // eslint-disable-line react-hooks/exhaustive-deps

  const searchResult = useMemo(() => searchText(index, { ...search, filter: fromFilterState(searchFilter) }), [index, search, searchFilter]);
  const searchRows = useMemo(() => hitRows(index, searchResult.hits), [index, searchResult]);

  const save = (body: SavedQueryBody, fallback: string) =>
    attempt(() => {
      store.run((p, ctx) => saveQuery(p, ctx, { name: name.trim() || fallback, body }));
      setName('');
      toast.info(`Saved query '${name.trim() || fallback}'.`);
    });

  const load = (id: Guid) => {
    const row = saved.find((q) => q.id === id);
    if (!row) return;
    const read = readSavedQuery(row);
    if (!read.ok) return toast.error(read.error);
    if (read.body.kind === 'text') {
      setSearch({ ...read.body.search, filter: undefined });
      setSearchFilter(fromExcerptFilter(index, read.body.search.filter));
      return;
    }
    const chain = toSteps(read.body.query);
    if (!chain) return toast.error(`'${row.name}' nests deeper than the builder shows; it runs in the CLI and the report.`);
    setFirst(chain.first);
    setSteps(chain.steps);
    setFilter(fromExcerptFilter(index, read.body.filter));
  };

  const runAutoCode = () => {
    if (!autoCodeId || !searchResult.hits.length) return;
    const spans = autoCodeSpans(index, searchResult.hits, scope);
    attempt(() => {
      store.run((p, ctx) => autoCode(p, ctx, { codeId: autoCodeId, spans }));
      toast.info(`Coded ${spans.length} passages with '${index.codes.get(autoCodeId)?.name}'. Undo with ${keyText('undo')}.`);
    });
  };

  const codeSelect = (value: Guid, onChange: (v: Guid) => void, label: string) => (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose a code…</option>
      {codes.map((c) => (
        <option key={c.id} value={c.id}>
          {index.codePaths.get(c.id)?.join(' / ')}
        </option>
      ))}
    </select>
  );

  return (
    <div className="queries">
      <section className="panel">
        <div className="panel-header">
          <h2>Code query</h2>
        </div>
        <div className="panel-body">
          <div className="query-builder">
            <div className="row">
              <span className="muted">Text coded</span>
              {codeSelect(first, setFirst, 'First code')}
            </div>
            {steps.map((s, i) => (
              <div className="row" key={i}>
                <select aria-label={`Operator ${i + 1}`} value={s.op} onChange={(e) => setSteps(steps.map((x, j) => (j === i ? { ...x, op: e.target.value as Op } : x)))}>
                  {OPS.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {codeSelect(s.codeId, (v) => setSteps(steps.map((x, j) => (j === i ? { ...x, codeId: v } : x))), `Code ${i + 2}`)}
                {s.op.startsWith('near') && (
                  <label className="row small">
                    within
                    <input
                      type="number"
                      min={0}
                      aria-label={`Distance ${i + 1}`}
                      value={s.within}
                      style={{ width: 80 }}
                      onChange={(e) => setSteps(steps.map((x, j) => (j === i ? { ...x, within: Number(e.target.value) } : x)))}
                    />
                    {s.op === 'near-turns' ? 'turns' : 'characters'}
                  </label>
                )}
                <button type="button" className="icon-button" aria-label={`Remove condition ${i + 1}`} onClick={() => setSteps(steps.filter((_, j) => j !== i))}>
                  ×
                </button>
              </div>
            ))}
            <div className="row">
              <button type="button" disabled={!first} onClick={() => setSteps([...steps, { op: 'and-overlap', codeId: '', within: 50 }])}>
                Add condition
              </button>
            </div>
            <FilterBar index={index} state={filter} onChange={setFilter} showText={false} />
          </div>
          {query && (
            <>
              <p className="small">
                <strong>{describeQuery(index, query)}</strong> <span className="muted">· {hits.length} passages</span>
              </p>
              <div className="row">
                <input aria-label="Query name" placeholder="Name to save as" value={name} onChange={(e) => setName(e.target.value)} />
                <button type="button" onClick={() => save({ kind: 'codes', query, filter: fromFilterState(filter) }, describeQuery(index, query))}>
                  Save query
                </button>
              </div>
              <HitList index={index} rows={hits} />
            </>
          )}
        </div>
      </section>

      <section className="panel">
        <div className="panel-header">
          <h2>Text search</h2>
        </div>
        <div className="panel-body">
          <div className="row">
            <input
              type="search"
              aria-label="Search text"
              placeholder="Words or a pattern"
              value={search.pattern}
              onChange={(e) => setSearch({ ...search, pattern: e.target.value })}
              style={{ minWidth: 260 }}
            />
            <label className="row small">
              <input type="checkbox" checked={!!search.wholeWord} onChange={(e) => setSearch({ ...search, wholeWord: e.target.checked })} />
              Whole words
            </label>
            <label className="row small">
              <input type="checkbox" checked={!!search.caseSensitive} onChange={(e) => setSearch({ ...search, caseSensitive: e.target.checked })} />
              Match case
            </label>
            <label className="row small">
              <input type="checkbox" checked={!!search.regex} onChange={(e) => setSearch({ ...search, regex: e.target.checked })} />
              Regular expression
            </label>
          </div>
          <FilterBar index={index} state={searchFilter} onChange={setSearchFilter} showText={false} />
          {search.pattern && searchResult.error && (
            <p className="error-text" role="alert">
              {searchResult.error}
            </p>
          )}
          {search.pattern && !searchResult.error && (
            <>
              <p className="small muted" aria-live="polite">
                {searchResult.hits.length} hits{searchResult.truncated ? ' (stopped there; narrow the search)' : ''}
              </p>
              <div className="row">
                <span className="small">Auto-code</span>
                <select aria-label="Auto-code scope" value={scope} onChange={(e) => setScope(e.target.value as AutoCodeScope)}>
                  <option value="hit">the hit</option>
                  <option value="sentence">its sentence</option>
                  <option value="turn">its turn</option>
                </select>
                <span className="small">with</span>
                {codeSelect(autoCodeId, setAutoCodeId, 'Auto-code with')}
                <button type="button" className="primary" disabled={!autoCodeId || !searchResult.hits.length} onClick={runAutoCode}>
                  Code {searchResult.hits.length} hits
                </button>
                <button type="button" onClick={() => save({ kind: 'text', search: { ...search, filter: fromFilterState(searchFilter) } }, `Text: ${search.pattern}`)}>
                  Save search
                </button>
              </div>
              <HitList index={index} rows={searchRows} />
            </>
          )}
        </div>
      </section>

      <section className="panel">
        <div className="panel-header">
          {/* The panels here share a shape (header, body, result list), not logic. */}
          <h2>Saved queries</h2>
        </div>
        <div className="panel-body">
          {!saved.length && <p className="muted small">Saved queries appear here.</p>}
          <ul className="plain-list">
            {saved.map((q) => {
              const read = readSavedQuery(q);
              return (
                <li key={q.id} className="row">
                  <button type="button" className="link" onClick={() => load(q.id)}>
                    {q.name}
                  </button>
                  <span className="muted small">
                    {read.ok ? (read.body.kind === 'codes' ? describeQuery(index, read.body.query) : `text “${read.body.search.pattern}”`) : read.error}
                  </span>
                  <span className="spacer" />
                  <button type="button" className="icon-button" aria-label={`Delete saved query ${q.name}`} onClick={() => attempt(() => store.run((p, ctx) => deleteSavedQuery(p, ctx, q.id)))}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      </section>
    </div>
  );
}
