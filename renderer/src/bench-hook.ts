/**
 * Entry points for the browser benchmark (bench/measures/browser.ts). The benchmark loads
 * this module into the running app (import('/src/bench-hook.ts') on the dev server, or
 * '/bench-hook.js' from bench/vite.bench.config.ts's build), so it shares the app's session
 * and navigation state. The app never imports it, so its own builds leave it out. It opens
 * a project the way File > Open does (openProjectBytes), from a URL the server serves.
 */
import { openProjectBytes } from './app/project-files';
import { runningServices } from './app/services';
import { isViewId } from './app/views';

export interface OpenedProject {
  readMs: number;
  storeMs: number;
  sourceIds: string[];
}

/** Opens the file through the same path as File > Open after its picker: worker read, opening dialog, chunked store. */
export async function openProjectFromUrl(url: string, coderName: string): Promise<OpenedProject> {
  const services = runningServices();
  if (!services.session.state.get().coderName) await services.session.chooseCoder(coderName);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const opened = await openProjectBytes(services, { name: url.split('/').pop() ?? 'project.qdpx', bytes });
  if (!opened) throw new Error(`${url} was not opened: another file was being opened`);
  return { readMs: opened.readMs, storeMs: opened.storeMs, sourceIds: opened.result.project.sources.map((s) => s.id) };
}

export function show(view: string, sourceId: string | null): void {
  if (!isViewId(view)) throw new Error(`'${view}' is not a view of the app`);
  runningServices().ui.set({ view, sourceId, selectedCodingId: null, reveal: null });
}

/** What the open project holds, so the benchmark can check it measures the study it loaded. */
export function projectCounts(): { sources: number; characters: number; codings: number; codes: number } {
  const p = runningServices().session.state.get().store?.getProject();
  return {
    sources: p?.sources.length ?? 0,
    characters: p?.sources.reduce((n, s) => n + s.text.length, 0) ?? 0,
    codings: p?.codings.length ?? 0,
    codes: p?.codes.length ?? 0,
  };
}
