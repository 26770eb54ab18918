/**
 * The window opens where the researcher left it. The saved bounds are only trusted when
 * they are well-formed and still on a connected screen (a laptop undocked from a monitor).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const savedState = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(400), height: z.number().int().min(300) }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof savedState>;

/** At least this much of the title bar must lie on a screen for the window to be reachable. */
const VISIBLE = 100;

function reachable(bounds: Rectangle, screens: Rectangle[]): boolean {
  return screens.some(
    (s) =>
      bounds.x + bounds.width - VISIBLE >= s.x &&
      bounds.x + VISIBLE <= s.x + s.width &&
      bounds.y >= s.y &&
      bounds.y + VISIBLE <= s.y + s.height,
  );
}

/** The state to restore from what was saved (any JSON), or null to use the defaults. */
export function restorableState(saved: unknown, screens: Rectangle[]): WindowState | null {
  const parsed = savedState.safeParse(saved);
  if (!parsed.success || !reachable(parsed.data.bounds, screens)) return null;
  return parsed.data;
}

export function readWindowState(file: string, screens: Rectangle[]): WindowState | null {
  try {
    return restorableState(JSON.parse(readFileSync(file, 'utf8')), screens);
  } catch {
    return null; // first start, or an unreadable file: open at the default size
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch (error) {
    console.warn(`Could not remember the window position in ${file}`, error);
  }
}
