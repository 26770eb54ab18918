/** The project's name and the File menu, undo and redo, and the light/dark switch. */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useContext, useState, useSyncExternalStore } from 'react';
import type { ProjectStore } from '../store';
import { ProjectStoreContext, useProjectList } from '../store';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { openQdpx, saveQdpx } from './project-files';
import { newProject, openDemo, openStoredProject, useSession } from './session';
import { applyTheme, loadTheme, type ThemeChoice } from './theme';
import { attempt, toast } from './toast';
import { ui } from './ui-state';
import { EXPORT_MENU, saveExport } from '../features/report/exports';

const idle = { subscribe: () => () => {}, getStatus: () => null, getProject: () => null } as unknown as ProjectStore;

export function TopBar() {
  const session = useSession();
  const store = useContext(ProjectStoreContext) ?? idle;
  const status = useSyncExternalStore(store.subscribe, store.getStatus);
  const name = useSyncExternalStore(store.subscribe, () => store.getProject()?.meta.name ?? null);
  const projects = useProjectList(session.catalog);
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);

  const cycleTheme = () => {
    const next: ThemeChoice = theme === 'system' ? 'dark' : theme === 'dark' ? 'light' : 'system';
    applyTheme(next);
    setTheme(next);
  };
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
            <Menu.Item className="menu-item" onSelect={() => attempt(() => newProject('Untitled project'))}>
              New project
            </Menu.Item>
            <Menu.Item className="menu-item" onSelect={() => attempt(() => openQdpx())}>
              Open .qdpx… <span className="kbd">Ctrl+O</span>
            </Menu.Item>
            <Menu.Item className="menu-item" disabled={!status} onSelect={() => attempt(async () => saved(await saveQdpx(false)))}>
              Save <span className="kbd">Ctrl+S</span>
            </Menu.Item>
            <Menu.Item className="menu-item" disabled={!status} onSelect={() => attempt(async () => saved(await saveQdpx(true)))}>
              Save as… <span className="kbd">Ctrl+Shift+S</span>
            </Menu.Item>
            <Menu.Sub>
              <Menu.SubTrigger className="menu-item" disabled={!status}>
                Export ▸
              </Menu.SubTrigger>
              <Menu.Portal>
                <Menu.SubContent className="menu">
                  <Menu.Item className="menu-item" onSelect={() => ui.set({ view: 'report' })}>
                    Theme report (Word)…
                  </Menu.Item>
                  {EXPORT_MENU.map((e) => (
                    <Menu.Item
                      key={e.kind}
                      className="menu-item"
                      onSelect={() => attempt(async () => saved(await saveExport(store.getProject(), e.kind)))}
                    >
                      {e.label}
                    </Menu.Item>
                  ))}
                </Menu.SubContent>
              </Menu.Portal>
            </Menu.Sub>
            <Menu.Item className="menu-item" disabled={!status} onSelect={() => setDeleting(store.getProject().meta.id)}>
              Delete project from this computer…
            </Menu.Item>
            <Menu.Separator className="menu-separator" />
            <Menu.Item className="menu-item" onSelect={() => attempt(() => openDemo())}>
              Open the demo project
            </Menu.Item>
            {projects && projects.length > 0 && (
              <Menu.Sub>
                <Menu.SubTrigger className="menu-item">Recent projects ▸</Menu.SubTrigger>
                <Menu.Portal>
                  <Menu.SubContent className="menu">
                    {projects.map((p) => (
                      <Menu.Item key={p.id} className="menu-item" onSelect={() => attempt(() => openStoredProject(p.id))}>
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
        onClick={() => attempt(() => store.undo())}
        aria-label={status?.undoLabel ? `Undo ${status.undoLabel}` : 'Undo'}
        title={status?.undoLabel ? `Undo ${status.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!status?.redoLabel}
        onClick={() => attempt(() => store.redo())}
        aria-label={status?.redoLabel ? `Redo ${status.redoLabel}` : 'Redo'}
        title={status?.redoLabel ? `Redo ${status.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        ↷
      </button>
      {deleting && <DeleteProjectDialog projectId={deleting} onClose={() => setDeleting(null)} />}
      <button type="button" className="icon-button" onClick={cycleTheme} aria-label={`Colour theme: ${theme}; change`} title={`Theme: ${theme}`}>
        {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◑'}
      </button>
    </header>
  );
}
