/** "Delete project from this computer": names the project, says what goes and what stays, asks once. */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { deleteProjectFromComputer, previewProjectDeletion, type ProjectDeletionPreview } from './delete-project';
import { useServices } from './services';
import { toast } from './toast';
import { PermanentDeleteActions } from './PermanentDeleteActions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function DeleteProjectDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const [preview, setPreview] = useState<ProjectDeletionPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const services = useServices();

  useEffect(() => {
    let live = true;
    previewProjectDeletion(projectId, services).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [projectId, services]);

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const done = await deleteProjectFromComputer(projectId, services);
      const unreadable = done.backups?.unreadable ?? [];
      toast.report(
        `Deleted ‘${preview.entry.name}’ from this computer` +
          (done.backups ? ` with ${plural(done.backups.files.length, 'backup')}` : '') +
          (done.next ? `; showing ‘${done.next.name}’.` : '.') +
          (unreadable.length ? ` Could not read ${unreadable.map((u) => u.file).join(', ')}; delete it by hand if it is this project’s.` : ''),
      );
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  const name = preview?.entry.name ?? 'this project';
  const backups = preview?.backups;
  return (
    <Dialog.Root open onOpenChange={(o) => !o && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog withdraw-dialog">
          <Dialog.Title>Delete ‘{name}’ from this computer</Dialog.Title>
          <Dialog.Description>
            Removes the app’s working copy of this project. This <strong>cannot be undone</strong>.
          </Dialog.Description>
          {!preview && !problem && <p className="muted">Counting what will go…</p>}
          {preview && (
            <>
              <p className="withdraw-heading">What will be deleted</p>
              <ul className="withdraw-list">
                <li>The working copy: {plural(preview.sources, 'document')} with their codings, memos and themes</li>
                <li>Its undo history ({plural(preview.historyEntries, 'entry', 'entries')})</li>
                <li>
                  {backups
                    ? `Its backups on this computer: ${backups.files.length === 0 ? 'none' : plural(backups.files.length, 'backup')}`
                    : 'Backups: none (the web version keeps no backups)'}
                </li>
              </ul>
              <p className="withdraw-heading">What stays</p>
              <ul className="withdraw-list muted">
                <li>
                  {preview.entry.fileName
                    ? `The project file ${preview.entry.filePath ?? preview.entry.fileName} you saved: delete it yourself if you want it gone`
                    : 'Any .qdpx file you saved or exported: delete it yourself if you want it gone'}
                </li>
              </ul>
              {preview.entry.dirty === 1 && (
                <p className="withdraw-warning">It has changes that are not saved to a file; they will be lost.</p>
              )}
            </>
          )}
          <PermanentDeleteActions problem={problem} busy={busy} ready={!!preview} label="Delete from this computer" onClose={onClose} onConfirm={() => void confirm()} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
