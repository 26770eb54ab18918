/**
 * The theme board: themes as cards holding the codes they roll up, with how many
 * excerpts, sources and cases support each, split by a chosen attribute. Codes are
 * dragged onto a card, or added with the card's code picker (the keyboard way).
 */
import { useCallback, useMemo, useState } from 'react';
import type { ThemeBoard } from '../../../../shared/analysis';
import { themeBoard, UnknownAttributeError } from '../../../../shared/analysis';
import type { Guid } from '../../../../shared/model';
import { addCodeToTheme, createTheme } from '../../../../shared/ops';
import { attempt } from '../../app/toast';
import { useProjectStore } from '../../store';
import type { FilterState } from '../analysis/FilterBar';
import { EMPTY_FILTER, FilterBar, toExcerptFilter } from '../analysis/FilterBar';
import { RetrievalPanel } from '../analysis/RetrievalPanel';
import { useAnalysisIndex } from '../analysis/use-analysis';
import { CODE_DRAG_TYPE, ThemeCard } from './ThemeCard';
import '../analysis/analysis.css';
import { useServices } from '../../app/services';

export type Selection = { kind: 'theme'; id: Guid } | { kind: 'code'; id: Guid } | null;

export default function ThemesView() {
  const { ui } = useServices();
  const index = useAnalysisIndex();
  const store = useProjectStore();
  const [groupBy, setGroupBy] = useState(() => index.attributes[0]?.id ?? '');
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER);
  const [selection, setSelection] = useState<Selection>(null);
  const [codeQuery, setCodeQuery] = useState('');
  const board: ThemeBoard | null = useMemo(() => {
    try {
      return themeBoard(index, { groupBy: groupBy || null, filter: toExcerptFilter(filter) });
    } catch (error) {
      if (error instanceof UnknownAttributeError) return null;
      throw error;
    }
  }, [index, groupBy, filter]);

  const [focusThemeId, setFocusThemeId] = useState<Guid | null>(null);
  const nameFocused = useCallback(() => setFocusThemeId(null), []);

  const newTheme = () => {
    const set = attempt(() =>
      store.run((p, ctx) =>
        createTheme(p, ctx, { name: nextThemeName([...index.themes.values()].map((t) => t.name)) }),
      ),
    );
    if (set && 'id' in set) {
      setSelection({ kind: 'theme', id: set.id as Guid });
      // The card appears at the end of the board, often off-screen; the keyboard goes to its name.
      setFocusThemeId(set.id as Guid);
    }
  };

  const unplaced = (board?.unplacedCodes ?? []).filter(
    (c) => !codeQuery || c.name.toLowerCase().includes(codeQuery.toLowerCase()),
  );
  const allCodes = [...index.codes.values()]
    .filter((c) => c.codable)
    .sort((a, b) => (index.codeRank.get(a.id) ?? 0) - (index.codeRank.get(b.id) ?? 0));
  const selectedTheme = selection?.kind === 'theme' ? index.themes.get(selection.id) : undefined;
  const selectedCode = selection?.kind === 'code' ? index.codes.get(selection.id) : undefined;

  return (
    <div className="themes-view">
      <div className="page-header themes-header">
        <h1>Themes</h1>
        <button type="button" className="primary" onClick={newTheme}>
          New theme
        </button>
        <span className="spacer" />
        <label className="row small">
          Split counts by
          <select aria-label="Split counts by" value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            <option value="">(no split)</option>
            {index.attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <FilterBar index={index} state={filter} onChange={setFilter} showText={false} />
      </div>
      <div className="themes-body">
        <aside className="panel codes-to-place" aria-label="Codes not yet in a theme">
          <div className="panel-header">
            <h2>Codes to place</h2>
          </div>
          <div className="panel-body">
            <input
              type="search"
              aria-label="Find a code"
              placeholder="Find a code"
              value={codeQuery}
              onChange={(e) => setCodeQuery(e.target.value)}
            />
            <p className="muted small">Drag a code onto a theme, or use a theme’s “Add code” list.</p>
            <ul className="plain-list">
              {unplaced.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`code-chip${selection?.kind === 'code' && selection.id === c.id ? ' selected' : ''}`}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(CODE_DRAG_TYPE, c.id);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => setSelection({ kind: 'code', id: c.id })}
                    title={index.codePaths.get(c.id)?.join(' / ')}
                  >
                    <span className="swatch" style={{ background: c.color }} />
                    {c.name}
                    <span className="muted small"> {index.byCode.get(c.id)?.length ?? 0}</span>
                  </button>
                </li>
              ))}
              {!unplaced.length && (
                <li className="muted small">
                  {allCodes.length === 0 ? (
                    <>
                      No codes yet.{' '}
                      <button type="button" className="link" onClick={() => ui.navigate('codebook')}>
                        Create codes in the Codebook
                      </button>
                    </>
                  ) : codeQuery ? (
                    'No code to place matches.'
                  ) : (
                    'Every code is in a theme.'
                  )}
                </li>
              )}
            </ul>
          </div>
        </aside>
        <section className="theme-board" aria-label="Theme board">
          {!board?.themes.length && (
            <div className="empty">
              <strong>No themes yet</strong>
              Create a theme, then drag the codes that support it onto its card.
            </div>
          )}
          {board?.themes.map((t) => (
            <ThemeCard
              key={t.theme.id}
              index={index}
              item={t}
              groups={board.groups}
              groupSizes={board.groupSizes}
              allCodes={allCodes}
              selected={selection?.kind === 'theme' && selection.id === t.theme.id}
              focusName={focusThemeId === t.theme.id}
              onNameFocused={nameFocused}
              onSelect={() => setSelection({ kind: 'theme', id: t.theme.id })}
              onSelectCode={(id) => setSelection({ kind: 'code', id })}
              onDropCode={(codeId) => attempt(() => store.run((p, ctx) => addCodeToTheme(p, ctx, t.theme.id, codeId)))}
            />
          ))}
        </section>
        <aside className="panel theme-excerpts" aria-label="Excerpts of the selection">
          <div className="panel-header">
            <h2>
              {selectedTheme
                ? `Excerpts: ${selectedTheme.name}`
                : selectedCode
                  ? `Excerpts: ${selectedCode.name}`
                  : 'Excerpts'}
            </h2>
          </div>
          <div className="panel-body">
            {/* Keyed by the board's filter too, so changing the board's filter re-filters the excerpts. */}
            {selectedTheme ? (
              <RetrievalPanel
                key={`t-${selectedTheme.id}-${JSON.stringify(filter)}`}
                index={index}
                themeId={selectedTheme.id}
                initialFilter={filter}
              />
            ) : selectedCode ? (
              <RetrievalPanel
                key={`c-${selectedCode.id}-${JSON.stringify(filter)}`}
                index={index}
                codeIds={[selectedCode.id]}
                initialFilter={filter}
              />
            ) : (
              <p className="muted">Choose a theme or a code to read its excerpts.</p>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}

/** "New theme 1", or the lowest number not already taken, so names never repeat or jump. */
export function nextThemeName(existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  let n = 1;
  while (taken.has(`new theme ${n}`)) n++;
  return `New theme ${n}`;
}
