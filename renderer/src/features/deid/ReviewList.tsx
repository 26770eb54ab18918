/**
 * The review list: one row per identifier (virtualised, as a long study has hundreds),
 * with replace or keep, its category and pseudonym (both editable), how often it occurs
 * and where it came from; opened, every occurrence in context, each of which can be kept
 * as it is (an exception).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Candidate, DeidCategory } from '../../../../shared/deid';
import { CATEGORY_LABELS, DEID_CATEGORIES } from '../../../../shared/deid';

export interface ReviewListProps {
  rows: Candidate[];
  open: ReadonlySet<string>;
  onToggleOpen: (key: string) => void;
  onChange: (key: string, patch: Partial<Pick<Candidate, 'accepted' | 'pseudonym' | 'category' | 'exceptions'>>) => void;
  onCategory: (key: string, category: DeidCategory) => void;
}

const ORIGIN_LABELS: Record<string, string> = {
  speaker: 'speaker', case: 'case', attribute: 'attribute', list: 'your list', nlp: 'language model', pattern: 'pattern', capitalised: 'capitalised', saved: 'decided before',
};

export function ReviewList({ rows, open, onToggleOpen, onChange, onCategory }: ReviewListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a new object each render by design; the list re-renders with it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (open.has(rows[i]!.key) ? 60 + 26 * Math.min(rows[i]!.hits.length, 30) : 44),
    getItemKey: (i) => rows[i]!.key,
    overscan: 8,
  });

  return (
    <div className="deid-list" ref={scrollRef} role="list" aria-label="Identifiers found">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const c = rows[item.index]!;
          const isOpen = open.has(c.key);
          const exceptions = new Set(c.exceptions);
          return (
            <div
              key={item.key}
              role="listitem"
              aria-label={c.label}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`deid-row${c.accepted ? '' : ' deid-rejected'}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <div className="deid-line">
                <label className="deid-accept" title={c.accepted ? 'Replaced in the copy' : 'Left as it is'}>
                  <input type="checkbox" checked={c.accepted} aria-label={`Replace ${c.label}`} onChange={(e) => onChange(c.key, { accepted: e.target.checked })} />
                </label>
                <span className="deid-label" title={c.variants.join(', ')}>
                  {c.label}
                  {c.isNew && <span className="deid-new">new</span>}
                </span>
                <select aria-label={`Category of ${c.label}`} value={c.category} onChange={(e) => onCategory(c.key, e.target.value as DeidCategory)}>
                  {DEID_CATEGORIES.map((k) => (
                    <option key={k} value={k}>
                      {CATEGORY_LABELS[k]}
                    </option>
                  ))}
                </select>
                <span aria-hidden="true">→</span>
                <input
                  className="deid-pseudonym"
                  aria-label={`Pseudonym for ${c.label}`}
                  value={c.pseudonym}
                  disabled={!c.accepted}
                  onChange={(e) => onChange(c.key, { pseudonym: e.target.value })}
                />
                <button type="button" className="deid-count" aria-expanded={isOpen} onClick={() => onToggleOpen(c.key)} title="Show every occurrence">
                  {isOpen ? '▾' : '▸'} {c.hits.length} {c.hits.length === 1 ? 'hit' : 'hits'}
                  {exceptions.size > 0 ? `, ${exceptions.size} kept` : ''}
                </button>
                <span className="deid-origins">{c.origins.map((o) => ORIGIN_LABELS[o] ?? o).join(' · ')}</span>
              </div>
              {isOpen && (
                <ul className="deid-hits">
                  {c.hits.map((h) => (
                    <li key={h.key} className={exceptions.has(h.key) ? 'deid-kept' : ''}>
                      <label>
                        <input
                          type="checkbox"
                          checked={exceptions.has(h.key)}
                          disabled={!c.accepted}
                          aria-label={`Keep this ${h.text} as it is (${h.where})`}
                          onChange={(e) =>
                            onChange(c.key, { exceptions: e.target.checked ? [...c.exceptions, h.key] : c.exceptions.filter((k) => k !== h.key) })
                          }
                        />
                        <span className="deid-where">{h.where}</span>
                        <span className="deid-kwic">
                          …{h.before}
                          <mark>{h.text}</mark>
                          {h.after}…
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
