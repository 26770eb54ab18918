/** One theme on the board: its name, definition and memo, its codes with their counts, and a drop target for more codes. */
import { useEffect, useRef, useState } from 'react';
import type { AnalysisIndex, BoardTheme, GroupCounts, UnitCounts } from '../../../../shared/analysis';
import type { Code, Guid } from '../../../../shared/model';
import {
  addCodeToTheme,
  createMemo,
  deleteTheme,
  memoPlainText,
  moveTheme,
  removeCodeFromTheme,
  updateTheme,
} from '../../../../shared/ops';
import { useServices } from '../../app/services';
import { attempt } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';

export const CODE_DRAG_TYPE = 'application/x-lantern-code';

function CountLine({ counts }: { counts: UnitCounts }) {
  return (
    <span className="count-line">
      <b>{counts.excerpts.total}</b> excerpts · <b>{counts.sources.total}</b> sources · <b>{counts.cases.total}</b>{' '}
      cases
    </span>
  );
}

export function ThemeCard(props: {
  index: AnalysisIndex;
  item: BoardTheme;
  groups: string[];
  groupSizes: GroupCounts['groupSizes'];
  allCodes: Code[];
  selected: boolean;
  /** Just created: take the keyboard into the name field and bring the card into view. */
  focusName: boolean;
  onNameFocused: () => void;
  onSelect: () => void;
  onSelectCode: (id: Guid) => void;
  onDropCode: (codeId: Guid) => void;
}) {
  const { ui } = useServices();
  const { index, item, groups } = props;
  const { theme } = item;
  const store = useProjectStore();
  const { confirmations } = useServices();
  const memos = useProject((p) => p.memos);
  const memo = memos.find((m) => m.target.kind === 'theme' && m.target.id === theme.id);
  const [over, setOver] = useState(false);
  const nameRef = useRef<HTMLTextAreaElement>(null);
  const { focusName, onNameFocused } = props;
  useEffect(() => {
    const field = nameRef.current;
    if (!focusName || !field) return;
    field.focus({ preventScroll: true });
    field.select();
    field.closest('article')?.scrollIntoView({ block: 'nearest' });
    onNameFocused();
  }, [focusName, onNameFocused]);
  const saveName = (value: string) => {
    // The name field wraps long names, but a name is one line: pasted line breaks become spaces.
    const name = value.replace(/\s*\n\s*/g, ' ').trim();
    if (name && name !== theme.name) run((p, ctx) => updateTheme(p, ctx, theme.id, { name }));
  };
  const run = (op: Parameters<typeof store.run>[0]) => attempt(() => store.run(op));
  const split = groups.length > 1 || groups[0] !== 'All';
  const available = props.allCodes.filter((c) => !theme.codeIds.includes(c.id));
  const parents = [...index.themes.values()].filter((t) => t.id !== theme.id);

  const editMemo = () => {
    let id = memo?.id;
    if (!id) {
      const set = attempt(() =>
        store.run((p, ctx) =>
          createMemo(p, ctx, { target: { kind: 'theme', id: theme.id }, title: `Theme: ${theme.name}` }),
        ),
      );
      id = set && 'id' in set ? (set.id as Guid) : undefined;
    }
    if (id) ui.set({ view: 'memos', memoId: id });
  };

  return (
    <article
      className={`theme-card${props.selected ? ' selected' : ''}${over ? ' drop-over' : ''}`}
      style={{ ['--theme-color' as string]: theme.color ?? 'var(--accent)', marginLeft: item.depth * 18 }}
      aria-label={`Theme ${theme.name}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(CODE_DRAG_TYPE)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const codeId = e.dataTransfer.getData(CODE_DRAG_TYPE);
        if (codeId) {
          e.preventDefault();
          props.onDropCode(codeId);
        }
      }}
    >
      <header className="row">
        {/* A textarea, not an input, so a long name wraps onto a second line instead of being cut off. */}
        <textarea
          ref={nameRef}
          className="theme-name"
          aria-label="Theme name"
          rows={1}
          title={theme.name}
          defaultValue={theme.name}
          key={theme.name}
          onBlur={(e) => saveName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            e.currentTarget.blur();
          }}
        />
        <button
          type="button"
          className="icon-button"
          title="Delete theme (its codes stay)"
          aria-label={`Delete theme ${theme.name}`}
          onClick={() =>
            void confirmations
              .confirm({
                title: `Delete the theme '${theme.name}'?`,
                message: 'Its codes and their codings stay. Undo brings the theme back.',
                confirmLabel: 'Delete theme',
                danger: true,
              })
              .then((yes) => yes && run((p, ctx) => deleteTheme(p, ctx, theme.id)))
          }
        >
          ×
        </button>
      </header>
      <textarea
        aria-label="Theme definition"
        placeholder="Definition: what this theme claims"
        defaultValue={theme.definition}
        key={`d-${theme.definition}`}
        rows={2}
        onBlur={(e) =>
          e.target.value !== theme.definition &&
          run((p, ctx) => updateTheme(p, ctx, theme.id, { definition: e.target.value }))
        }
      />
      <div className="row small">
        <span className="muted memo-preview">
          {memo ? memoPlainText(memo.body).slice(0, 120) || 'Empty memo' : 'No memo'}
        </span>
        <button type="button" className="link" onClick={editMemo}>
          {memo ? 'Edit memo' : 'Write memo'}
        </button>
      </div>
      <button type="button" className="theme-summary" onClick={props.onSelect} aria-pressed={props.selected}>
        <CountLine counts={item.counts} />
        <span className="link small">Show excerpts</span>
      </button>
      {split && (
        <table className="grid group-table small" aria-label={`${theme.name} by group`}>
          <thead>
            <tr>
              <th></th>
              <th>Excerpts</th>
              <th>Sources</th>
              <th>Cases</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g}>
                <th scope="row">
                  {g} <span className="muted">(n={props.groupSizes[g]?.cases ?? 0})</span>
                </th>
                <td>{item.counts.excerpts.byGroup[g] ?? 0}</td>
                <td>{item.counts.sources.byGroup[g] ?? 0}</td>
                <td>{item.counts.cases.byGroup[g] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="grid theme-codes small" aria-label={`Codes in ${theme.name}`}>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col" className="num">
              Excerpts
            </th>
            <th scope="col" className="num">
              Sources
            </th>
            <th scope="col" className="num">
              Cases
            </th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {item.codes.map((c) => (
            <tr key={c.code.id}>
              <td>
                <div className="code-cell">
                  <span className="swatch" style={{ background: c.code.color }} />
                  <button
                    type="button"
                    className="link code-link"
                    draggable
                    onDragStart={(e) => {
                      // A code may feed several themes, so dragging it to another card adds it there too.
                      e.dataTransfer.setData(CODE_DRAG_TYPE, c.code.id);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => props.onSelectCode(c.code.id)}
                    title={index.codePaths.get(c.code.id)?.join(' / ')}
                  >
                    {c.code.name}
                  </button>
                </div>
              </td>
              <td className="num">{c.counts.excerpts.total}</td>
              <td className="num">{c.counts.sources.total}</td>
              <td className="num">{c.counts.cases.total}</td>
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${c.code.name} from ${theme.name}`}
                  onClick={() => run((p, ctx) => removeCodeFromTheme(p, ctx, theme.id, c.code.id))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
          {!item.codes.length && (
            <tr>
              <td colSpan={5} className="muted small drop-hint">
                Drop codes here
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="row small">
        <select
          aria-label={`Add code to ${theme.name}`}
          value=""
          onChange={(e) => e.target.value && run((p, ctx) => addCodeToTheme(p, ctx, theme.id, e.target.value))}
        >
          <option value="">Add code…</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {index.codePaths.get(c.id)?.join(' / ') ?? c.name}
            </option>
          ))}
        </select>
        <select
          aria-label={`Parent of ${theme.name}`}
          value={theme.parentId ?? ''}
          onChange={(e) =>
            run((p, ctx) =>
              moveTheme(p, ctx, theme.id, { parentId: e.target.value || null, index: Number.MAX_SAFE_INTEGER }),
            )
          }
        >
          <option value="">Top-level theme</option>
          {parents.map((t) => (
            <option key={t.id} value={t.id}>
              Sub-theme of {t.name}
            </option>
          ))}
        </select>
      </div>
    </article>
  );
}
