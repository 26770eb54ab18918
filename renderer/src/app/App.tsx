/** The shell: top bar, navigation rail, the active view, status bar, dialogs and messages. */
import * as Tabs from '@radix-ui/react-tabs';
import { Suspense, useEffect, useState } from 'react';
import { ProjectStoreContext } from '../store';
import { CoderDialog } from './CoderDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { OpeningDialog } from './OpeningDialog';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { ConfirmDialog } from './ConfirmDialog';
import { focusedFieldFlusher } from './pending-work';
import { OpenFailure } from './OpenFailure';
import { useServices, useSession } from './services';
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
  const services = useServices();
  const session = useSession();
  const view = useUi((s) => s.view);
  const [coderOpen, setCoderOpen] = useState(false);
  const store = session.store;

  useEffect(() => {
    void services.session.start();
  }, [services]);

  // Fields that store on blur are pending work too: switching or closing blurs the focused one.
  useEffect(() => services.pendingWork.register(focusedFieldFlusher()), [services]);

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
        attempt(() => saveQdpx(services, e.shiftKey));
      } else if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        attempt(() => openQdpx(services));
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
  }, [store, services]);

  // The desktop menu sends commands; the browser has no menu, so this is a no-op there.
  useEffect(() => {
    return services.host.onMenuCommand?.((command) => {
      if (command === 'new') attempt(() => services.session.newProject('Untitled project'));
      else if (command === 'open') attempt(() => openQdpx(services));
      else if (command === 'save' || command === 'saveAs') attempt(async () => {
        const saved = await saveQdpx(services, command === 'saveAs');
        if (saved) toast.info(`Saved ${saved}`);
      });
      else if (command === 'undo' && store) attempt(() => store.undo());
      else if (command === 'redo' && store) attempt(() => store.redo());
      else if (command === 'importTranscripts') ui.set({ view: 'documents' });
      else if (command === 'export') ui.set({ view: views.some((v) => v.id === 'report') ? 'report' : ui.get().view });
    });
  }, [store, services]);

  // Changes reach IndexedDB a frame after they show, and editors hold typing back for a
  // moment; closing or reloading then would lose them. The guard hands the editors' work
  // to the store and keeps the page while anything is on its way to the database. The
  // desktop shell asks the user when a page keeps itself open (will-prevent-unload).
  useEffect(() => {
    if (!store) return;
    const guard = (e: BeforeUnloadEvent) => {
      services.pendingWork.flushAll();
      if (store.hasPendingWrites()) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [store, services]);

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
            {session.openFailure && !store ? (
              <OpenFailure failure={session.openFailure} />
            ) : store ? (
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
      <ConfirmDialog />
      <Toaster />
    </ProjectStoreContext.Provider>
  );
}
