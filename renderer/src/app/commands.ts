/**
 * What each command does: a registry from command id to a run function. Whoever can carry
 * out a command registers it while mounted (the shell registers most; the coding view the
 * code palette, the documents view the import dialog); the key handler, the desktop menu,
 * the command palette and buttons run it by id. The shell registers some as fallbacks: a
 * view that registers the same id takes it over while shown (Import opens the documents
 * view's import dialog there; elsewhere the shell's fallback goes to that view first).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CommandId } from './command-list';
import { attempt } from './toast';

export type Run = () => unknown;

interface Entry {
  run: Run;
  fallback: boolean;
}

const handlers = new Map<CommandId, Entry[]>();
const waiting = new Set<CommandId>();

/** Registers run functions; returns the function that takes them back. */
export function registerCommands(runs: Partial<Record<CommandId, Run>>, options: { fallback?: boolean } = {}): () => void {
  const added = (Object.entries(runs) as [CommandId, Run][]).map(([id, run]) => [id, { run, fallback: options.fallback ?? false }] as const);
  for (const [id, entry] of added) {
    handlers.set(id, [...(handlers.get(id) ?? []), entry]);
    // A command asked for before its owner was mounted (runWhenRegistered) runs now.
    if (waiting.delete(id)) queueMicrotask(() => runCommand(id));
  }
  return () => {
    for (const [id, entry] of added) handlers.set(id, (handlers.get(id) ?? []).filter((e) => e !== entry));
  };
}

/**
 * Registers for as long as the component is mounted. The run functions may change every
 * render; the registry always calls the latest.
 */
export function useCommands(runs: Partial<Record<CommandId, Run>>, options: { fallback?: boolean } = {}): void {
  const latest = useRef(runs);
  useLayoutEffect(() => {
    latest.current = runs;
  });
  const ids = Object.keys(runs).sort().join(' ');
  const fallback = options.fallback ?? false;
  useEffect(() => {
    const stable = Object.fromEntries((ids ? ids.split(' ') : []).map((id) => [id, () => latest.current[id as CommandId]?.()]));
    return registerCommands(stable, { fallback });
  }, [ids, fallback]);
}

export function isAvailable(id: CommandId): boolean {
  return (handlers.get(id)?.length ?? 0) > 0;
}

/** Runs a command, showing its failure as a toast; false when nothing can run it here. */
export function runCommand(id: CommandId): boolean {
  const entries = handlers.get(id) ?? [];
  const entry = entries.findLast((e) => !e.fallback) ?? entries.at(-1);
  if (!entry) return false;
  attempt(entry.run);
  return true;
}

/** Runs a command once whoever carries it out registers (e.g. a view that is still loading). */
export function runWhenRegistered(id: CommandId): void {
  waiting.add(id);
}
