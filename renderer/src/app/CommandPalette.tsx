/**
 * The command palette (Ctrl/Cmd+Shift+P): every command of the list by name, with its key,
 * so nothing the app can do is only reachable by a shortcut. Commands nothing can run here
 * (the code palette outside the coding view) are shown, dimmed, and do nothing.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState } from 'react';
import { formatAccelerator } from '../../../shared/keys';
import { allCommands, isMac, type Command } from './command-list';
import { isAvailable, runCommand } from './commands';
import { listboxKeyDown } from '../lib/listbox-keys';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CommandPalette({ open, onOpenChange }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const mac = isMac();
  const q = query.trim().toLowerCase();
  // Availability is read when the palette opens; nothing registers while it is in front.
  const options = useMemo(
    () =>
      open
        ? allCommands
            .filter((c) => c.id !== 'commandPalette' && (!q || c.label.toLowerCase().includes(q)))
            .map((c) => ({ command: c, enabled: isAvailable(c.id) }))
        : [],
    [open, q],
  );
  const current = Math.min(active, Math.max(0, options.length - 1));

  const close = () => {
    setQuery('');
    setActive(0);
    onOpenChange(false);
  };
  const choose = (command: Command | undefined) => {
    if (!command || !isAvailable(command.id)) return;
    close();
    // After the dialog has given focus back, so a command that opens its own dialog keeps it.
    requestAnimationFrame(() => runCommand(command.id));
  };

  return (
    <Dialog.Root open={open} onOpenChange={(o) => (o ? onOpenChange(true) : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog palette" aria-describedby={undefined}>
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <input
            autoFocus
            role="combobox"
            aria-expanded="true"
            aria-controls="command-list"
            aria-activedescendant={options[current] ? `command-${options[current].command.id}` : undefined}
            aria-label="Find a command"
            placeholder="Type a command…"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => listboxKeyDown(e, current, options.length, setActive, () => choose(options[current]?.command))}
          />
          <ul className="palette-list" id="command-list" role="listbox" aria-label="Commands">
            {options.map(({ command, enabled }, i) => (
              <li
                key={command.id}
                id={`command-${command.id}`}
                role="option"
                aria-selected={i === current}
                aria-disabled={!enabled}
                className="palette-item"
                onMouseMove={() => setActive(i)}
                onClick={() => choose(command)}
              >
                <span>{command.label}</span>
                <span className="spacer" />
                {command.shortcut && <kbd>{formatAccelerator(command.shortcut, mac)}</kbd>}
              </li>
            ))}
            {options.length === 0 && <li className="palette-item muted">No command matches “{query.trim()}”.</li>}
          </ul>
          <div className="palette-hint">
            <kbd>↑</kbd> <kbd>↓</kbd> to choose · <kbd>Enter</kbd> to run · <kbd>Esc</kbd> to close
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
