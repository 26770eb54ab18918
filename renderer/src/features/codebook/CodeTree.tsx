/**
 * The codebook as a tree: virtualised (long deductive codebooks stay fast), drag a row
 * onto another to reorder (upper or lower edge) or reparent (middle), and drag a row
 * onto the transcript to apply it. Keyboard: arrows move, Right/Left open and close,
 * Enter activates, Alt+Up/Down reorder, Alt+Right indents under the previous sibling,
 * Alt+Left outdents.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code, CodeOrigin } from '../../../../shared/model';
import { codeTree } from '../../../../shared/model';
import { moveCode } from '../../../../shared/ops';
import { attempt } from '../../app/toast';
import { useProjectStore } from '../../store';

export const CODE_DRAG_TYPE = 'application/x-lantern-code';

export interface CodeCounts {
  codings: number;
  sources: number;
}

interface Props {
  codes: readonly Code[];
  counts: ReadonlyMap<string, CodeCounts>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Enter or double-click: e.g. apply the code to the selected text. */
  onActivate?: (id: string) => void;
  onDelete?: (id: string) => void;
  query?: string;
  origin?: CodeOrigin | '';
  label: string;
  compact?: boolean;
}

type Drop = { id: string; where: 'before' | 'into' | 'after' };

export function CodeTree({ codes, counts, selectedId, onSelect, onActivate, onDelete, query = '', origin = '', label, compact }: Props) {
  const store = useProjectStore();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [drop, setDrop] = useState<Drop | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const tree = codeTree(codes);
    const q = query.trim().toLowerCase();
    if (q || origin) {
      const byId = new Map(codes.map((c) => [c.id, c]));
      const keep = new Set<string>();
      for (const { code } of tree) {
        const hit = (!q || code.name.toLowerCase().includes(q) || code.definition.toLowerCase().includes(q)) && (!origin || code.origin === origin);
        if (!hit) continue;
        for (let c: Code | undefined = code; c && !keep.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) keep.add(c.id);
      }
      return tree.filter((r) => keep.has(r.code.id)).map((r) => ({ ...r, hasChildren: codes.some((c) => c.parentId === r.code.id) }));
    }
    const out: { code: Code; depth: number; hasChildren: boolean }[] = [];
    let hiddenBelow: number | null = null;
    for (const r of tree) {
      if (hiddenBelow !== null && r.depth > hiddenBelow) continue;
      hiddenBelow = null;
      const hasChildren = codes.some((c) => c.parentId === r.code.id);
      out.push({ ...r, hasChildren });
      if (hasChildren && collapsed.has(r.code.id)) hiddenBelow = r.depth;
    }
    return out;
  }, [codes, collapsed, query, origin]);

  // TanStack Virtual returns a new object each render by design; the tree re-renders with it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 30, overscan: 12 });

  const currentFocus = focusId && rows.some((r) => r.code.id === focusId) ? focusId : (selectedId ?? rows[0]?.code.id ?? null);

  useEffect(() => {
    if (!focusId) return;
    const i = rows.findIndex((r) => r.code.id === focusId);
    if (i < 0) return;
    virtualizer.scrollToIndex(i);
    requestAnimationFrame(() => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-code-id="${focusId}"]`);
      if (el && scrollRef.current?.contains(document.activeElement)) el.focus();
    });
    // Only when the focused row changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusId]);

  const siblings = (parentId: string | null) => codes.filter((c) => c.parentId === parentId).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const move = (id: string, parentId: string | null, index: number) => attempt(() => store.run((p, ctx) => moveCode(p, ctx, id, { parentId, index })));

  const dropAt = (movingId: string, target: Drop) => {
    if (movingId === target.id) return;
    const t = codes.find((c) => c.id === target.id);
    if (!t) return;
    if (target.where === 'into') {
      move(movingId, t.id, siblings(t.id).filter((c) => c.id !== movingId).length);
      setCollapsed((s) => {
        const n = new Set(s);
        n.delete(t.id);
        return n;
      });
      return;
    }
    const sib = siblings(t.parentId).filter((c) => c.id !== movingId);
    const at = sib.findIndex((c) => c.id === t.id);
    move(movingId, t.parentId, target.where === 'before' ? at : at + 1);
  };

  const onKeyDown = (e: React.KeyboardEvent, code: Code, hasChildren: boolean) => {
    const i = rows.findIndex((r) => r.code.id === code.id);
    const focus = (j: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, j))];
      if (r) setFocusId(r.code.id);
    };
    if (e.altKey) {
      const sib = siblings(code.parentId);
      const at = sib.findIndex((c) => c.id === code.id);
      if (e.key === 'ArrowUp' && at > 0) move(code.id, code.parentId, at - 1);
      else if (e.key === 'ArrowDown' && at < sib.length - 1) move(code.id, code.parentId, at + 1);
      else if (e.key === 'ArrowRight' && at > 0) move(code.id, sib[at - 1]!.id, siblings(sib[at - 1]!.id).length);
      else if (e.key === 'ArrowLeft' && code.parentId) {
        const parent = codes.find((c) => c.id === code.parentId)!;
        const up = siblings(parent.parentId);
        move(code.id, parent.parentId, up.findIndex((c) => c.id === parent.id) + 1);
      } else return;
      e.preventDefault();
      setFocusId(code.id);
      return;
    }
    if (e.key === 'ArrowDown') focus(i + 1);
    else if (e.key === 'ArrowUp') focus(i - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(rows.length - 1);
    else if (e.key === 'ArrowRight' && hasChildren && collapsed.has(code.id)) toggle(code.id);
    else if (e.key === 'ArrowLeft' && hasChildren && !collapsed.has(code.id)) toggle(code.id);
    else if (e.key === 'ArrowLeft' && code.parentId) setFocusId(code.parentId);
    else if (e.key === 'Enter') (onActivate ?? onSelect)(code.id);
    else if (e.key === ' ') onSelect(code.id);
    else if (e.key === 'Delete' && onDelete) onDelete(code.id);
    else return;
    e.preventDefault();
  };

  const toggle = (id: string) =>
    setCollapsed((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  if (!codes.length)
    return (
      <div className="empty small">
        <strong>No codes yet</strong>
        Create codes here, import a codebook (CSV), or select text and press C.
      </div>
    );

  if (!rows.length)
    return (
      <div className="empty small" role="status">
        <strong>No code matches{query.trim() ? ` “${query.trim()}”` : ' this filter'}</strong>
        {query.trim() ? 'Check the spelling, or create it as a new code.' : 'Choose another origin to see codes.'}
      </div>
    );

  return (
    <div className="code-tree" ref={scrollRef} role="tree" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const { code, depth, hasChildren } = rows[item.index]!;
          const count = counts.get(code.id);
          const isDrop = drop?.id === code.id ? ` drop-${drop.where}` : '';
          const showOrigin = !compact && code.origin !== 'deductive';
          return (
            <div
              key={code.id}
              data-code-id={code.id}
              role="treeitem"
              aria-level={depth + 1}
              aria-selected={code.id === selectedId}
              aria-expanded={hasChildren ? !collapsed.has(code.id) : undefined}
              aria-label={`${code.name}${count ? `, ${count.codings} codings in ${count.sources} documents` : ''}${showOrigin ? `, ${code.origin}` : ''}${code.shortcut ? `, key ${code.shortcut}` : ''}`}
              tabIndex={code.id === currentFocus ? 0 : -1}
              className={`code-row${code.id === selectedId ? ' selected' : ''}${isDrop}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, ['--depth' as string]: depth }}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
                e.dataTransfer.setData('text/plain', code.name);
                e.dataTransfer.effectAllowed = 'copyMove';
              }}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(CODE_DRAG_TYPE)) return;
                e.preventDefault();
                const r = e.currentTarget.getBoundingClientRect();
                const y = (e.clientY - r.top) / r.height;
                const where = y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'into';
                if (drop?.id !== code.id || drop.where !== where) setDrop({ id: code.id, where });
              }}
              onDragLeave={() => setDrop((d) => (d?.id === code.id ? null : d))}
              onDrop={(e) => {
                e.preventDefault();
                const moving = e.dataTransfer.getData(CODE_DRAG_TYPE);
                const target = drop;
                setDrop(null);
                if (moving && target) dropAt(moving, target);
              }}
              onDragEnd={() => setDrop(null)}
              onClick={() => {
                setFocusId(code.id);
                onSelect(code.id);
              }}
              onDoubleClick={() => onActivate?.(code.id)}
              onKeyDown={(e) => onKeyDown(e, code, hasChildren)}
              title={code.definition || code.name}
            >
              {hasChildren ? (
                <button
                  type="button"
                  className="twisty"
                  tabIndex={-1}
                  aria-hidden="true"
                  onClick={(e) => {
                    e.stopPropagation();
                    toggle(code.id);
                  }}
                >
                  {collapsed.has(code.id) ? '▶' : '▼'}
                </button>
              ) : (
                <span className="twisty" />
              )}
              <span className="swatch" style={{ background: code.color }} />
              <span className="code-name" style={code.codable ? undefined : { fontWeight: 600 }}>
                {code.name}
              </span>
              {/* A space, so the visible text reads "Waitlists 5" (words), as the name starts. */}
              {count && count.codings > 0 && <> <span className="code-count">{count.codings}</span></>}
              {/* Badges drawn from data attributes (CSS content), not text: the row's name says them in words
                  ("inductive, key 7"), and visible text must read as a contiguous part of that name for voice control. */}
              {showOrigin && <span className="origin-tag" data-origin={code.origin} aria-hidden="true" />}
              {code.shortcut && <kbd className="shortcut-tag" data-key={code.shortcut} aria-hidden="true" />}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function codeCounts(codings: readonly { codeId: string; sourceId: string }[]): Map<string, CodeCounts> {
  const sources = new Map<string, Set<string>>();
  const out = new Map<string, CodeCounts>();
  for (const c of codings) {
    const entry = out.get(c.codeId) ?? { codings: 0, sources: 0 };
    entry.codings++;
    const s = sources.get(c.codeId) ?? new Set();
    s.add(c.sourceId);
    sources.set(c.codeId, s);
    entry.sources = s.size;
    out.set(c.codeId, entry);
  }
  return out;
}
