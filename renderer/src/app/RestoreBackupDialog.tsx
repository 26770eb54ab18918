/** File > Restore from backup…: the open project's earlier versions by date and size; open one. */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { createState, useValue } from '../lib/state';
import {
  backupChoice,
  backupSize,
  backupWhen,
  NO_BACKUPS_IN_BROWSER,
  restoreBackup,
  type BackupChoice,
} from './restore-backup';
import { useServices } from './services';
import { toast } from './toast';

const isOpen = createState(false);
const setOpen = (value: boolean) => isOpen.set(value);

/** Shows the dialog (from the File menu or the desktop menu's command). */
export function openRestoreDialog(): void {
  setOpen(true);
}

function explanation(choice: BackupChoice): string | null {
  switch (choice.kind) {
    case 'unsupported':
      return NO_BACKUPS_IN_BROWSER;
    case 'no-project':
      return 'No project is open.';
    case 'not-saved':
      return 'This project has not been saved to a file yet. A backup is kept each time a saved project file is saved again.';
    case 'backups':
      return choice.backups.length === 0
        ? `${choice.fileName} has no backups yet. One is kept each time it is saved again, by the app or by qda.`
        : null;
  }
}

export function RestoreBackupDialog() {
  const open = useValue(isOpen);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog restore-dialog">
          <RestoreBackupContent />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Mounted each time the dialog opens (Radix unmounts closed content), so it always starts afresh. */
function RestoreBackupContent() {
  const services = useServices();
  const [choice, setChoice] = useState<BackupChoice | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    backupChoice(services).then(
      (found) => {
        if (!current) return;
        setChoice(found);
        if (found.kind === 'backups') setSelected(found.backups[0]?.name ?? null);
      },
      (error: unknown) => {
        if (!current) return;
        setOpen(false);
        toast.error(error);
      },
    );
    return () => {
      current = false;
    };
  }, [services]);

  const restore = async () => {
    if (choice?.kind !== 'backups') return;
    const backup = choice.backups.find((b) => b.name === selected);
    if (!backup) return;
    setBusy(true);
    try {
      setOpen(false);
      if (await restoreBackup(services, choice.filePath, choice.fileName, backup)) {
        toast.info(
          `Opened the backup of ${choice.fileName} from ${backupWhen(backup.savedAt)}. ${choice.fileName} and its backups are unchanged; Save asks where to keep this version.`,
        );
      }
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  const message = choice ? explanation(choice) : null;
  return (
    <>
      <Dialog.Title>Restore from backup</Dialog.Title>
      <Dialog.Description className="muted">
        {choice?.kind === 'backups'
          ? `Earlier versions of ${choice.fileName}, kept each time it was saved over. The one you choose opens as the project; nothing on disk changes.`
          : 'Earlier versions of the open project file.'}
      </Dialog.Description>
      {choice === null && <p className="muted">Looking for backups…</p>}
      {message && <p>{message}</p>}
      {choice?.kind === 'backups' && choice.backups.length > 0 && (
        <fieldset className="backup-list">
          <legend className="sr-only">Backups, newest first</legend>
          {choice.backups.map((b) => (
            <label key={b.name} className="backup-row">
              <input
                type="radio"
                name="backup"
                value={b.name}
                checked={selected === b.name}
                onChange={() => setSelected(b.name)}
              />
              <span className="backup-when">{backupWhen(b.savedAt)}</span>
              <span className="muted">{backupSize(b.size)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="dialog-actions">
        <Dialog.Close asChild>
          <button type="button">{message ? 'Close' : 'Cancel'}</button>
        </Dialog.Close>
        {choice?.kind === 'backups' && choice.backups.length > 0 && (
          <button type="button" className="primary" disabled={busy || !selected} onClick={() => void restore()}>
            Open this version
          </button>
        )}
      </div>
    </>
  );
}
