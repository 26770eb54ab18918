/**
 * The renderer's only door to the shell: `window.lantern`, one named method per channel of
 * shared/ipc/contract.ts. No generic send/invoke is exposed, and the Electron event object
 * never reaches the page. Runs sandboxed, so it is bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MENU_COMMAND_CHANNEL, OPEN_REQUESTED_CHANNEL, type IpcResult, type LanternBridge, type MenuCommandEvent } from '../shared/ipc/bridge';
import type { Channel, IpcRequest, IpcResponse } from '../shared/ipc/contract';

function invoke<C extends Channel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<C>>>;
}

const lantern: LanternBridge = {
  openFiles: (request) => invoke('dialog:openFiles', request),
  saveFile: (request) => invoke('dialog:saveFile', request),
  writeFile: (request) => invoke('file:write', request),
  listBackups: (request) => invoke('backups:list', request),
  readBackup: (request) => invoke('backups:read', request),
  getVersion: () => invoke('app:getVersion', undefined),
  takeOpenRequests: () => invoke('app:takeOpenRequests', undefined),
  withdrawFromBackups: (request) => invoke('backups:withdraw', request),
  deleteProjectBackups: (request) => invoke('backups:deleteProject', request),
  onMenuCommand(listener) {
    const forward = (_event: IpcRendererEvent, payload: MenuCommandEvent) => listener(payload);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
  onOpenRequested(listener) {
    const forward = () => listener();
    ipcRenderer.on(OPEN_REQUESTED_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(OPEN_REQUESTED_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('lantern', lantern);
