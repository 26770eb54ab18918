/**
 * The app's services, created once at start-up (main.tsx) and handed down by React context:
 * the catalog database, the host (files, menus), the session, navigation, the confirmation
 * dialog and the editors' pending work. Components reach them with useServices(), tests
 * build their own with createAppServices({ env, host }) instead of patching module globals.
 *
 * `toast` (toast.tsx) stays a module: it only shows messages and holds no project state.
 */
import { createContext, useContext } from 'react';
import { useValue } from '../lib/state';
import type { Host } from '../host';
import { getHost } from '../host';
import type { CatalogDb, StorageEnv } from '../store';
import { openCatalog } from '../store';
import type { Confirmations } from './confirmations';
import { createConfirmations } from './confirmations';
import type { PendingWork } from './pending-work';
import { createPendingWork } from './pending-work';
import type { Session, SessionState } from './session';
import { createSession } from './session';
import type { Ui, UiState } from './ui-state';
import { createUi } from './ui-state';

export interface AppServices {
  catalog: CatalogDb;
  host: Host;
  session: Session;
  ui: Ui;
  confirmations: Confirmations;
  pendingWork: PendingWork;
  env: StorageEnv;
}

export function createAppServices(options: { env?: StorageEnv; host?: Host; catalog?: CatalogDb } = {}): AppServices {
  const env = options.env ?? {};
  const catalog = options.catalog ?? openCatalog(env);
  const confirmations = createConfirmations();
  const pendingWork = createPendingWork();
  const ui = createUi();
  const session = createSession({ catalog, env, confirmations, pendingWork, ui });
  return { catalog, host: options.host ?? getHost(), session, ui, confirmations, pendingWork, env };
}

const ServicesContext = createContext<AppServices | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs <ServicesProvider> (main.tsx provides it)');
  return services;
}

export function useSession(): SessionState {
  return useValue(useServices().session.state);
}

/** A part of the navigation state (which view, source, coding...), re-rendering when it changes. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useValue(useServices().ui.state, selector);
}

let running: AppServices | null = null;

/** main.tsx records the services of the app in this page, for the benchmark hook only. */
export function setRunningServices(services: AppServices): void {
  running = services;
}

/**
 * The running app's services, for bench-hook.ts: the benchmark loads that module into the
 * page from outside React, so it cannot use the context. Nothing in the app calls this.
 */
export function runningServices(): AppServices {
  if (!running) throw new Error('The app has not started in this page');
  return running;
}
