/** The shell: top bar, navigation rail, the active view, status bar, dialogs and messages. */
import * as Tabs from '@radix-ui/react-tabs';
import { Suspense, useEffect, useState } from 'react';
import { ProjectStoreContext } from '../store';
import { CoderDialog } from './CoderDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { OpeningDialog } from './OpeningDialog';
import { openRestoreDialog, RestoreBackupDialog } from './RestoreBackupDialog';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { getHost } from '../host';
import { newProject, startSession, useSession } from './session';
import { attempt, toast, Toaster } from './toast';
import { ui, useUi } from './ui-state';
import { views } from './views';
import { saveQdpx, openQdpx } from './project-files';

/** Inputs and rich-text editors keep their own undo; the app's undo is for the project. */
function ownsUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest('input, textarea, select, [data-own-undo]');
}

export function App() {
  const session = useSession();
  const view = useUi((s) => s.view);
  const [coderOpen, setCoderOpen] = useState(false);
  const store = session.store;

  useEffect(() => {
    void startSession();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && e.key.toLowerCase() === 'z' && store && !ownsUndo(e.target)) {
        e.preventDefault();
        attempt(() => (e.shiftKey ? store.redo() : store.undo()));
      } else if (mod && !e.altKey && e.key.toLowerCase() === 'y' && store && !ownsUndo(e.target)) {
        e.preventDefault();
        attempt(() => store.redo());
      } else if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        attempt(() => saveQdpx(e.shiftKey));
      } else if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        attempt(() => openQdpx());
      } else if (e.altKey && !mod && /^[1-9]$/.test(e.key)) {
        const target = views[Number(e.key) - 1];
        if (target) {
          e.preventDefault();
          ui.set({ view: target.id });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // The desktop menu sends commands; the browser has no menu, so this is a no-op there.
  useEffect(() => {
    const h = getHost();
    return h.onMenuCommand?.((command) => {
      if (command === 'new') attempt(() => newProject('Untitled project'));
      else if (command === 'open') attempt(() => openQdpx());
      else if (command === 'save' || command === 'saveAs') attempt(async () => {
        const saved = await saveQdpx(command === 'saveAs');
        if (saved) toast.info(`Saved ${saved}`);
      });
      else if (command === 'undo' && store) attempt(() => store.undo());
      else if (command === 'redo' && store) attempt(() => store.redo());
      else if (command === 'restoreBackup') openRestoreDialog();
      else if (command === 'importTranscripts') ui.set({ view: 'documents' });
      else if (command === 'export') ui.set({ view: views.some((v) => v.id === 'report') ? 'report' : ui.get().view });
    });
  }, [store]);

  // Changes reach IndexedDB a frame after they show; closing in that moment would lose them.
  useEffect(() => {
    if (!store) return;
    const guard = (e: BeforeUnloadEvent) => {
      if (store.getStatus().persist === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [store]);

  // A failed write is rare and important: say so where the user is looking.
  useEffect(() => {
    if (!store) return;
    let last = store.getStatus().error;
    return store.subscribe(() => {
      const { error } = store.getStatus();
      if (error && error !== last) toast.error(error);
      last = error;
    });
  }, [store]);

  const needsCoder = !session.starting && !session.coderName;
  const known = store?.getProject().coders.filter((c) => !c.isConsensus).map((c) => c.name) ?? [];

  return (
    <ProjectStoreContext.Provider value={store}>
      <div className="app">
        <TopBar />
        <Tabs.Root className="app-body" orientation="vertical" value={view} onValueChange={(v) => ui.set({ view: v })}>
          <Tabs.List className="nav-rail" aria-label="Views">
            {views.map((v, i) => (
              <Tabs.Trigger key={v.id} value={v.id} className="nav-item" title={`${v.label} (Alt+${i + 1})`}>
                <span className="nav-icon" aria-hidden="true">
                  {v.icon ?? v.label[0]}
                </span>
                <span className="nav-label">{v.label}</span>
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <main className="view-host">
            {session.startError && (
              <div className="banner banner-error" role="alert">
                Lantern could not open its storage: {session.startError}. If this is a private window, storage may be switched off.
              </div>
            )}
            {store ? (
              views.map((v) =>
                v.id === view ? (
                  <Tabs.Content key={v.id} value={v.id} className="view" forceMount>
                    <ErrorBoundary label={v.label}>
                      <Suspense fallback={<div className="empty">Loading {v.label}…</div>}>
                        <v.component />
                      </Suspense>
                    </ErrorBoundary>
                  </Tabs.Content>
                ) : null,
              )
            ) : (
              <div className="empty">{session.starting ? 'Opening your project…' : needsCoder ? '' : 'No project is open.'}</div>
            )}
          </main>
        </Tabs.Root>
        <StatusBar onChangeCoder={() => setCoderOpen(true)} />
      </div>
      <CoderDialog
        key={needsCoder ? 'first' : coderOpen ? 'open' : 'closed'}
        open={needsCoder || coderOpen}
        required={needsCoder}
        onOpenChange={setCoderOpen}
        known={known}
        current={session.coderName}
      />
      <OpeningDialog />
      <RestoreBackupDialog />
      <Toaster />
    </ProjectStoreContext.Provider>
  );
}
