/** Opens the import engineer's dialog when it is part of the build. */
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { ChangeSet } from '../../../../shared/model';
import { useCommands } from '../../app/commands';
import { attempt, toast } from '../../app/toast';
import { useProjectStore } from '../../store';

type ImportDialogProps = { open: boolean; onOpenChange: (open: boolean) => void; onCommit: (set: ChangeSet) => void };
const found = import.meta.glob<{ ImportDialog?: ComponentType<ImportDialogProps>; default?: ComponentType<ImportDialogProps> }>(
  '../import/ImportDialog.tsx',
);
const loader = Object.values(found)[0];
const ImportDialog = loader
  ? lazy(async () => {
      const mod = await loader();
      return { default: (mod.ImportDialog ?? mod.default)! };
    })
  : null;

export function ImportButton() {
  const store = useProjectStore();
  const [open, setOpen] = useState(false);
  useCommands(ImportDialog ? { importTranscripts: () => setOpen(true) } : {});
  if (!ImportDialog) return null;
  return (
    <>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        Import transcripts…
      </button>
      {open && (
        <Suspense fallback={null}>
          <ImportDialog
            open={open}
            onOpenChange={setOpen}
            onCommit={(set) =>
              attempt(() => {
                void store.apply(set);
                toast.info(set.label);
              })
            }
          />
        </Suspense>
      )}
    </>
  );
}
