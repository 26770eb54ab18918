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
import { openRestoreDialog, RestoreBackupDialog } from './RestoreBackupDialog';
import { focusedFieldFlusher } from './pending-work';
import { OpenFailure } from './OpenFailure';
import { useServices, useSession, useUi } from './services';
import { toast, Toaster } from './toast';
import { isViewId, views, type ViewDef, type ViewId } from './views';
import { saveQdpx, openQdpx } from './project-files';
import { commandForKey, textFieldKeeps } from '../../../shared/commands';
import { allCommands, isMac, keyText, viewCommandId } from './command-list';
import { isAvailable, runCommand, runWhenRegistered, useCommands } from './commands';
import { CommandPalette } from './CommandPalette';
import { ShortcutsHelp } from './ShortcutsHelp';

const saved = (path: string | null) => path && toast.info(`Saved ${path}`);

/** Inputs and rich-text editors keep their own undo and formatting keys; the app's undo is for the project. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest('input, textarea, select, [data-own-undo]');
}

/** The rail's tooltip: the view and the key of its view switch. */
function navTitle(view: ViewDef & { id: ViewId }): string {
  const key = keyText(viewCommandId(view.id));
  return key ? `${view.label} (${key})` : view.label;
}

export function App() {
  const services = useServices();
  const { ui } = services;
  const session = useSession();
  const view = useUi((s) => s.view);
  const [coderOpen, setCoderOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const store = session.store;

  useEffect(() => {
    void services.session.start();
  }, [services]);

  // Fields that store on blur are pending work too: switching or closing blurs the focused one.
  useEffect(() => services.pendingWork.register(focusedFieldFlusher()), [services]);

  // The shell carries out most commands (see commands.ts; keys and labels: shared/commands.ts).
  useCommands({
    new: () => services.session.newProject('Untitled project'),
    open: () => openQdpx(services),
    openDemo: () => services.session.openDemo(),
    ...(store && {
      // The same message whether Save came from the menu, a key or the palette.
      save: async () => saved(await saveQdpx(services, false)),
      saveAs: async () => saved(await saveQdpx(services, true)),
      export: () => ui.navigate('report'),
      undo: () => store.undo(),
      redo: () => store.redo(),
      ...Object.fromEntries(views.map((v) => [viewCommandId(v.id), () => ui.navigate(v.id)])),
    }),
    // Only the desktop app keeps file backups; in the browser the command is not offered.
    ...(services.host.listBackups && { restoreBackup: () => openRestoreDialog() }),
    changeCoder: () => setCoderOpen(true),
    commandPalette: () => setPaletteOpen(true),
    shortcuts: () => setHelpOpen(true),
  });
  // The documents view opens its import dialog itself; from elsewhere, go there first.
  useCommands(
    store
      ? {
          importTranscripts: () => {
            ui.navigate('documents');
            runWhenRegistered('importTranscripts');
          },
        }
      : {},
    { fallback: true },
  );

  // Web and desktop alike: the page matches every declared shortcut itself and consumes the
  // key, so the desktop menu's accelerator (which only sees keys the page left alone) never
  // runs the command a second time. Keys run a command even when a view has already claimed
  // the event (the transcript claims every key it does not pass on).
  useEffect(() => {
    const mac = isMac();
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e, allCommands, mac);
      if (!command || (isTextField(e.target) && textFieldKeeps(e, mac)) || !isAvailable(command.id)) return;
      e.preventDefault();
      runCommand(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The desktop menu sends commands; the browser has no menu, so this is a no-op there.
  useEffect(() => services.host.onMenuCommand?.((command) => runCommand(command)), [services]);

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
        <Tabs.Root className="app-body" orientation="vertical" value={view} onValueChange={(v) => isViewId(v) && ui.navigate(v)}>
          <Tabs.List className="nav-rail" aria-label="Views">
            {views.map((v: ViewDef & { id: ViewId }) => (
              <Tabs.Trigger key={v.id} value={v.id} className="nav-item" title={navTitle(v)}>
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
      <RestoreBackupDialog />
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
      <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
      <Toaster />
    </ProjectStoreContext.Provider>
  );
}
