/** The project's name and the File menu, undo and redo, the light/dark switch and shortcuts help. */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useContext, useState, useSyncExternalStore } from 'react';
import type { ProjectStore } from '../store';
import { ProjectStoreContext, useProjectList } from '../store';
import { allCommands, keyText, type CommandId } from './command-list';
import { isAvailable, runCommand, useCommands } from './commands';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { useServices } from './services';
import { applyTheme, loadTheme, type ThemeChoice } from './theme';
import { attempt, toast } from './toast';
import { EXPORT_MENU, saveExport } from '../features/report/exports';

const declared = (id: CommandId) => allCommands.find((c) => c.id === id)!;
/** ' (Ctrl+Z)' for a command with a key, for tooltips. */
const keyHint = (id: CommandId) => (keyText(id) ? ` (${keyText(id)})` : '');

/** A File menu entry for a declared command: its label and key from the one list, run by id. */
function CommandItem({ id }: { id: CommandId }) {
  return (
    <Menu.Item className="menu-item" disabled={!isAvailable(id)} onSelect={() => runCommand(id)}>
      {declared(id).label}
      {keyText(id) && <span className="kbd">{keyText(id)}</span>}
    </Menu.Item>
  );
}

const idle = { subscribe: () => () => {}, getStatus: () => null, getProject: () => null } as unknown as ProjectStore;

export function TopBar() {
  const services = useServices();
  const { ui } = services;
  const store = useContext(ProjectStoreContext) ?? idle;
  const status = useSyncExternalStore(store.subscribe, store.getStatus);
  const name = useSyncExternalStore(store.subscribe, () => store.getProject()?.meta.name ?? null);
  const projects = useProjectList(services.catalog);
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  useCommands({
    ...(name !== null && { renameProject: () => setEditing(true) }),
    ...(store !== idle && { deleteProject: () => setDeleting(store.getProject().meta.id) }),
    cycleTheme: () => {
      const next: ThemeChoice = theme === 'system' ? 'dark' : theme === 'dark' ? 'light' : 'system';
      applyTheme(next);
      setTheme(next);
    },
  });
  const saved = (path: string | null) => path && toast.info(`Saved ${path}`);

  return (
    <header className="top-bar">
      <span className="brand" aria-hidden="true">
        ◐ Lantern
      </span>
      <Menu.Root>
        <Menu.Trigger className="menu-trigger">File ▾</Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="start" sideOffset={4}>
            <CommandItem id="new" />
            <CommandItem id="open" />
            <CommandItem id="save" />
            <CommandItem id="saveAs" />
            {services.host.listBackups && <CommandItem id="restoreBackup" />}
            <CommandItem id="importTranscripts" />
            <Menu.Sub>
              <Menu.SubTrigger className="menu-item" disabled={!status}>
                Export ▸
              </Menu.SubTrigger>
              <Menu.Portal>
                <Menu.SubContent className="menu">
                  <Menu.Item className="menu-item" onSelect={() => ui.navigate('report')}>
                    Theme report (Word)…
                  </Menu.Item>
                  {EXPORT_MENU.map((e) => (
                    <Menu.Item
                      key={e.kind}
                      className="menu-item"
                      onSelect={() => attempt(async () => saved(await saveExport(services.host, store.getProject(), e.kind)))}
                    >
                      {e.label}
                    </Menu.Item>
                  ))}
                </Menu.SubContent>
              </Menu.Portal>
            </Menu.Sub>
            <CommandItem id="deleteProject" />
            <Menu.Separator className="menu-separator" />
            <CommandItem id="openDemo" />
            {projects && projects.length > 0 && (
              <Menu.Sub>
                <Menu.SubTrigger className="menu-item">Recent projects ▸</Menu.SubTrigger>
                <Menu.Portal>
                  <Menu.SubContent className="menu">
                    {projects.map((p) => (
                      <Menu.Item key={p.id} className="menu-item" onSelect={() => attempt(() => services.session.openStoredProject(p.id))}>
                        {p.name}
                        {p.fileName ? <span className="muted"> — {p.fileName}</span> : null}
                      </Menu.Item>
                    ))}
                  </Menu.SubContent>
                </Menu.Portal>
              </Menu.Sub>
            )}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {name !== null &&
        (editing ? (
          <input
            className="project-name-input"
            aria-label="Project name"
            defaultValue={name}
            autoFocus
            onBlur={(e) => {
              setEditing(false);
              if (e.target.value.trim() && e.target.value.trim() !== name) attempt(() => store.rename(e.target.value));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <button type="button" className="project-name" onClick={() => setEditing(true)} aria-label={`Project ${name}; rename`}>
            {name}
            {status?.dirty ? <span className="dirty-dot" title="Not saved to a file" aria-hidden="true" /> : null}
          </button>
        ))}
      <span className="spacer" />
      <button
        type="button"
        className="icon-button"
        disabled={!status?.undoLabel}
        onClick={() => runCommand('undo')}
        aria-label={status?.undoLabel ? `Undo ${status.undoLabel}` : 'Undo'}
        title={status?.undoLabel ? `Undo ${status.undoLabel}${keyHint('undo')}` : 'Nothing to undo'}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!status?.redoLabel}
        onClick={() => runCommand('redo')}
        aria-label={status?.redoLabel ? `Redo ${status.redoLabel}` : 'Redo'}
        title={status?.redoLabel ? `Redo ${status.redoLabel}${keyHint('redo')}` : 'Nothing to redo'}
      >
        ↷
      </button>
      {deleting && <DeleteProjectDialog projectId={deleting} onClose={() => setDeleting(null)} />}
      <button type="button" className="icon-button" onClick={() => runCommand('cycleTheme')} aria-label={`Colour theme: ${theme}; change`} title={`Theme: ${theme}`}>
        {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◑'}
      </button>
      <button type="button" className="icon-button" onClick={() => runCommand('shortcuts')} aria-label="Keyboard shortcuts" title={`Keyboard shortcuts${keyHint('shortcuts')}`}>
        ?
      </button>
    </header>
  );
}
