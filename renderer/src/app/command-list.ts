/**
 * All the commands the renderer knows: the declared app commands (shared/commands.ts) and
 * one view switch per view of the registry (views.tsx), Alt+1…9 in navigation order. The
 * key handler, the command palette and the shortcuts help read this one list.
 */
import { appCommands, transcriptKeys, type AppCommandId, type CommandDecl, type TranscriptKeyId } from '../../../shared/commands';
import { formatAccelerator } from '../../../shared/keys';
import { views, type ViewId } from './views';

export type ViewCommandId = `view:${ViewId}`;
export type CommandId = AppCommandId | ViewCommandId;

export interface Command extends CommandDecl {
  readonly id: CommandId;
}

export const viewCommands: readonly Command[] = views.map((v, i) => ({
  id: `view:${v.id}` as const,
  label: `Go to ${v.label}`,
  ...(i < 9 ? { shortcut: `Alt+${i + 1}` } : {}),
}));

export const allCommands: readonly Command[] = [...appCommands, ...viewCommands];

export const viewCommandId = (view: ViewId): ViewCommandId => `view:${view}`;

/** macOS shows and matches Cmd where other systems use Ctrl. */
export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** A command's or transcript key's shortcut as this platform writes it ('Ctrl+K', '⌘K'); '' without one. */
export function keyText(id: CommandId | TranscriptKeyId): string {
  const shortcut = [...allCommands, ...transcriptKeys].find((c) => c.id === id)?.shortcut;
  return shortcut ? formatAccelerator(shortcut, isMac()) : '';
}
