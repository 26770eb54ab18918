/**
 * The shape of `window.lantern` and the names both sides share, kept free of zod so
 * the sandboxed preload can import it without bundling the validators.
 */
import type { Channel, IpcRequest, IpcResponse } from './contract';
import { menuCommandIds, type MenuCommandId } from '../commands';

/**
 * Failures the renderer reacts to rather than just shows. `save-as-required`: file:write
 * was refused because the path was not chosen in a dialog this session (e.g. a project
 * reopened from yesterday), so the renderer should ask with a Save dialog instead.
 */
export const ipcErrorCodes = ['save-as-required'] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** What crosses the bridge: errors become values, because Electron reduces thrown errors to a mangled message. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string; code?: IpcErrorCode };

/** An error main throws to send a code along with its message. */
export class CodedError extends Error {
  constructor(
    message: string,
    readonly code: IpcErrorCode,
  ) {
    super(message);
  }
}

/** Commands the application menu sends to the renderer (main -> renderer only): those shared/commands.ts places in a menu. */
export const menuCommands = menuCommandIds;
export type MenuCommand = MenuCommandId;
export interface MenuCommandEvent {
  command: MenuCommand;
}

export const MENU_COMMAND_CHANNEL = 'menu:command';

/** Main -> renderer, no payload: projects are waiting to be opened; fetch them with takeOpenRequests. */
export const OPEN_REQUESTED_CHANNEL = 'app:openRequested';

type Call<C extends Channel> = Promise<IpcResult<IpcResponse<C>>>;

/** What the preload exposes as `window.lantern`: one named method per channel, nothing generic. */
export interface LanternBridge {
  openFiles(request: IpcRequest<'dialog:openFiles'>): Call<'dialog:openFiles'>;
  saveFile(request: IpcRequest<'dialog:saveFile'>): Call<'dialog:saveFile'>;
  writeFile(request: IpcRequest<'file:write'>): Call<'file:write'>;
  listBackups(request: IpcRequest<'backups:list'>): Call<'backups:list'>;
  readBackup(request: IpcRequest<'backups:read'>): Call<'backups:read'>;
  getVersion(): Call<'app:getVersion'>;
  takeOpenRequests(): Call<'app:takeOpenRequests'>;
  withdrawFromBackups(request: IpcRequest<'backups:withdraw'>): Call<'backups:withdraw'>;
  deleteProjectBackups(request: IpcRequest<'backups:deleteProject'>): Call<'backups:deleteProject'>;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (event: MenuCommandEvent) => void): () => void;
  /** Subscribe to "projects are waiting" nudges; returns the unsubscribe function. */
  onOpenRequested(listener: () => void): () => void;
}
