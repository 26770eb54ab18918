/**
 * The code palette (C or Ctrl/Cmd+K): type to filter the codebook, arrows to move, Enter
 * to apply. When nothing matches exactly, the last entry creates an inductive code of
 * that name and applies it.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';
import type { Code } from '../../../../shared/model';
import { byId, codePath, codeTree } from '../../../../shared/model';
import { listboxKeyDown } from '../../lib/listbox-keys';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  codes: readonly Code[];
  /** What will be coded, e.g. "“found me housing”" or "the whole turn by P01". */
  targetLabel: string;
  onApply: (codeId: string) => void;
  onCreate: (name: string) => void;
}

export function CodePalette({ open, onOpenChange, codes, targetLabel, onApply, onCreate }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const entries = useMemo(() => {
    const map = byId(codes);
    return codeTree(codes)
      .filter(({ code }) => code.codable)
      .map(({ code }) => ({ code, path: codePath(code, map) }));
  }, [codes]);
  const q = query.trim().toLowerCase();
  const matches = useMemo(() => {
    if (!q) return entries;
    const scored = entries
      .map((e) => {
        const name = e.code.name.toLowerCase();
        const full = e.path.join(' / ').toLowerCase();
        const score = name.startsWith(q) ? 0 : name.includes(q) ? 1 : full.includes(q) ? 2 : e.code.definition.toLowerCase().includes(q) ? 3 : -1;
        return { e, score };
      })
      .filter((s) => s.score >= 0);
    return scored.sort((a, b) => a.score - b.score).map((s) => s.e);
  }, [entries, q]);
  const exact = matches.some((m) => m.code.name.toLowerCase() === q);
  const options = [
    ...matches.map((m) => ({ kind: 'apply' as const, id: m.code.id, m })),
    ...(q && !exact ? [{ kind: 'create' as const, id: 'create', m: null }] : []),
  ];
  const current = Math.min(active, Math.max(0, options.length - 1));

  const choose = (i: number) => {
    const option = options[i];
    if (!option) return;
    onOpenChange(false);
    if (option.kind === 'apply') onApply(option.id);
    else onCreate(query.trim());
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          setQuery('');
          setActive(0);
        }
        onOpenChange(o);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog palette" aria-describedby={undefined}>
          <Dialog.Title className="sr-only">Apply a code to {targetLabel}</Dialog.Title>
          <input
            autoFocus
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-activedescendant={options[current] ? `palette-${options[current].id}` : undefined}
            aria-label={`Find a code to apply to ${targetLabel}`}
            placeholder="Type to find a code, or a new code's name…"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => listboxKeyDown(e, current, options.length, setActive, () => choose(current))}
          />
          <ul className="palette-list" id="palette-list" role="listbox" aria-label="Codes">
            {options.map((o, i) => (
              <li
                key={o.id}
                id={`palette-${o.id}`}
                role="option"
                aria-selected={i === current}
                className="palette-item"
                onMouseMove={() => setActive(i)}
                onClick={() => choose(i)}
              >
                {o.kind === 'apply' ? (
                  <>
                    <span className="swatch" style={{ background: o.m.code.color }} />
                    <span>{o.m.code.name}</span>
                    {o.m.path.length > 1 && <span className="path">{o.m.path.slice(0, -1).join(' / ')}</span>}
                    <span className="spacer" />
                    {o.m.code.shortcut && <kbd>{o.m.code.shortcut}</kbd>}
                  </>
                ) : (
                  <>
                    <span aria-hidden="true">＋</span>
                    <span>
                      Create code “<strong>{query.trim()}</strong>” and apply it
                    </span>
                  </>
                )}
              </li>
            ))}
            {options.length === 0 && <li className="palette-item muted">Type a name to create the first code.</li>}
          </ul>
          <div className="palette-hint">
            Coding {targetLabel} · <kbd>↑</kbd> <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to apply · <kbd>Esc</kbd> to close
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
