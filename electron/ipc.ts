/**
 * The one way main answers the renderer: every channel of shared/ipc/contract.ts is
 * registered through `registerHandler`, which refuses frames from other origins,
 * validates the request and the response, and turns failures into result values.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { CodedError, type IpcResult } from '../shared/ipc/bridge';
import { ipcContract, type Channel, type IpcRequest, type IpcResponse } from '../shared/ipc/contract';

export type Implementation<C extends Channel> = (request: IpcRequest<C>, event: IpcMainInvokeEvent) => Promise<IpcResponse<C>>;

/** Only what the handler reads from an invoke event, so tests can pass plain objects. */
export type SenderEvent = { senderFrame: { url: string } | null };

/** The function given to ipcMain.handle for `channel`, exposed for tests. */
export function makeHandler<C extends Channel>(
  channel: C,
  implementation: Implementation<C>,
  isTrusted: (frameUrl: string | undefined) => boolean,
): (event: SenderEvent, payload: unknown) => Promise<IpcResult<IpcResponse<C>>> {
  const { request, response } = ipcContract[channel];
  return async (event, payload) => {
    // senderFrame is null when the frame navigated away or was destroyed mid-call.
    if (!isTrusted(event.senderFrame?.url)) {
      return { ok: false, error: `${channel}: refused, the request did not come from Lantern QDA` };
    }
    const parsed = (request as z.ZodType).safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: `${channel}: invalid request: ${z.prettifyError(parsed.error)}` };
    }
    try {
      const value = await implementation(parsed.data as IpcRequest<C>, event as IpcMainInvokeEvent);
      const checked = (response as z.ZodType).safeParse(value);
      if (!checked.success) {
        console.error(`${channel}: response broke the contract`, checked.error);
        return { ok: false, error: `${channel}: internal error` };
      }
      return { ok: true, value: checked.data as IpcResponse<C> };
    } catch (error) {
      // Implementations throw messages written for the user (naming the file and the problem).
      if (error instanceof CodedError) return { ok: false, error: error.message, code: error.code };
      console.error(`${channel} failed`, error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

export function registerHandler<C extends Channel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  implementation: Implementation<C>,
  isTrusted: (frameUrl: string | undefined) => boolean,
): void {
  ipcMain.handle(channel, makeHandler(channel, implementation, isTrusted));
}
