/**
 * Entry points for the browser benchmark (bench/measures/browser.ts). The benchmark loads
 * this module into the running dev app with import('/src/bench-hook.ts'), so it shares the
 * app's session and navigation state; the app never imports it, so production builds leave
 * it out. It opens a project the way File > Open does, from a URL the dev server serves.
 */
import { readQdpx } from '../../shared/formats/refi';
import { chooseCoder, getSession, openProject } from './app/session';
import { ui } from './app/ui-state';

export interface OpenedProject {
  readMs: number;
  storeMs: number;
  sourceIds: string[];
}

export async function openProjectFromUrl(url: string, coderName: string): Promise<OpenedProject> {
  if (!getSession().coderName) await chooseCoder(coderName);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const t0 = performance.now();
  const { project } = readQdpx(bytes, url.split('/').pop() ?? 'project.qdpx');
  const t1 = performance.now();
  await openProject(project, { fileName: url.split('/').pop() ?? 'project.qdpx' });
  return { readMs: t1 - t0, storeMs: performance.now() - t1, sourceIds: project.sources.map((s) => s.id) };
}

export function show(view: string, sourceId: string | null): void {
  ui.set({ view, sourceId, selectedCodingId: null, reveal: null });
}
