/**
 * A participant withdraws: preview exactly what a permanent deletion takes (in the project,
 * its undo history and the backups on this machine), then do it. The rules live in
 * shared/ops/withdraw.ts; this file reads the history, asks the host about backups, and
 * has the store write it all in one transaction that undo cannot reverse.
 */
import type { BackupOutcome, Host } from '../../host';
import type { CatalogDb, HistoryEntry, ProjectStore } from '../../store';
import { getPref, setPref } from '../../store';
import type { HistoryScrub, Withdrawal, WithdrawalPlan } from '../../../../shared/ops/withdraw';
import { planWithdrawal, scrubHistory } from '../../../../shared/ops/withdraw';
import { contentHash } from '../../../../shared/text/hash';

export interface WithdrawPreview {
  withdrawal: Withdrawal;
  plan: WithdrawalPlan;
  history: HistoryScrub<HistoryEntry>;
  /** Backups that would be rewritten; null where the app keeps none (web mode). */
  backups: BackupOutcome | null;
}

async function planFor(store: ProjectStore, withdrawal: Withdrawal) {
  await store.flush();
  const entries = await store.db.history.orderBy('seq').toArray();
  const plan = planWithdrawal(store.getProject(), withdrawal, entries.map((e) => e.set));
  return { plan, history: scrubHistory(entries, plan.scrub) };
}

type BackupRequest = Withdrawal & { textHashes: string[] };

function backupRequest(plan: WithdrawalPlan, withdrawal: Withdrawal): BackupRequest {
  return { ...withdrawal, textHashes: plan.sources.map((s) => contentHash(s.text)) };
}

/**
 * Saving over the project file later backs up its previous version, which still holds the
 * withdrawn text; so each withdrawal is remembered (ids and hashes, never text) and the
 * backups are scrubbed again after every save until a save has happened.
 */
const pendingKey = (projectId: string) => `withdrawn-after-save:${projectId}`;

async function rememberForNextSave(catalog: CatalogDb, projectId: string, request: BackupRequest): Promise<void> {
  const pending = (await getPref<BackupRequest[]>(catalog, pendingKey(projectId))) ?? [];
  await setPref(catalog, pendingKey(projectId), [...pending, request]);
}

/** A project deleted from this computer needs no scrubbing after a save. */
export async function forgetPendingScrub(catalog: CatalogDb, projectId: string): Promise<void> {
  await catalog.prefs.delete(pendingKey(projectId));
}

/** Call after the project was saved to a file: scrub the backup that save made. Returns the backups changed. */
export async function scrubBackupsAfterSave(catalog: CatalogDb, projectId: string, host: Pick<Host, 'backups'>): Promise<BackupOutcome | null> {
  const pending = await getPref<BackupRequest[]>(catalog, pendingKey(projectId));
  if (!pending?.length || !host.backups) return null;
  const outcome: BackupOutcome = { files: [], unreadable: [] };
  for (const request of pending) {
    const done = await host.backups.withdraw({ ...request, dryRun: false });
    outcome.files.push(...done.files);
    outcome.unreadable.push(...done.unreadable);
  }
  await catalog.prefs.delete(pendingKey(projectId));
  return outcome;
}

export async function previewWithdrawal(store: ProjectStore, withdrawal: Withdrawal, host: Pick<Host, 'backups'>): Promise<WithdrawPreview> {
  const { plan, history } = await planFor(store, withdrawal);
  const backups = host.backups ? await host.backups.withdraw({ ...backupRequest(plan, withdrawal), dryRun: true }) : null;
  return { withdrawal, plan, history, backups };
}

export interface WithdrawResult {
  sources: number;
  historyEntries: number;
  backups: BackupOutcome | null;
  /** Why the backups could not be reached at all, when the shell failed (the project itself is done). */
  backupError?: string;
}

/**
 * Delete for good: the project rows and history first (one transaction), then the backups.
 * Planned again against the project as it is now, so nothing changed since the preview escapes.
 */
export async function withdrawPermanently(
  store: ProjectStore,
  withdrawal: Withdrawal,
  host: Pick<Host, 'backups'>,
  catalog: CatalogDb,
): Promise<WithdrawResult> {
  const { plan } = await planFor(store, withdrawal);
  let historyEntries = 0;
  await store.applyPermanently(plan.changes, (entries) => {
    const scrubbed = scrubHistory(entries, plan.scrub);
    historyEntries = scrubbed.rewritten.length + scrubbed.dropped.length;
    return {
      put: scrubbed.rewritten.map(({ entry, set }) => ({ ...entry, set })),
      drop: scrubbed.dropped.flatMap((e) => (e.seq === undefined ? [] : [e.seq])),
    };
  });
  const result: WithdrawResult = { sources: plan.sources.length, historyEntries, backups: null };
  if (!host.backups) return result;
  const request = backupRequest(plan, withdrawal);
  try {
    await rememberForNextSave(catalog, store.id, request);
    result.backups = await host.backups.withdraw({ ...request, dryRun: false });
  } catch (error) {
    // The project no longer holds it; say plainly that the backups may still.
    result.backupError = error instanceof Error ? error.message : String(error);
  }
  return result;
}
