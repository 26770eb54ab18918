/** Who is coding: asked at first start, changeable from the status bar, remembered. */
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useServices } from './services';
import { toast } from './toast';

export function CoderDialog({
  open,
  onOpenChange,
  required,
  known,
  current,
}: {
  open: boolean;
  onOpenChange?: (open: boolean) => void;
  /** At first start the dialog cannot be dismissed without a name. */
  required: boolean;
  known: string[];
  current: string | null;
}) {
  const { session } = useServices();
  const [name, setName] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (value: string) => {
    setBusy(true);
    try {
      await session.chooseCoder(value);
      onOpenChange?.(false);
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={required ? undefined : onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          onEscapeKeyDown={(e) => required && e.preventDefault()}
          onPointerDownOutside={(e) => required && e.preventDefault()}
        >
          <Dialog.Title>{required ? 'Welcome to Lantern QDA' : 'Who is coding?'}</Dialog.Title>
          <Dialog.Description className="muted">
            Every code you apply records its coder, so a team can compare and merge its work. Your name stays on this machine.
          </Dialog.Description>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit(name);
            }}
          >
            <label className="field">
              <span>Your name</span>
              <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Alex Rivera" />
            </label>
            {known.length > 0 && (
              <div className="field">
                <span>Or continue as</span>
                <div className="chip-row">
                  {known.map((k) => (
                    <button key={k} type="button" className="chip" onClick={() => void submit(k)}>
                      {k}
                    </button>
                  ))}
                </div>
              </div>
            )}
            <div className="dialog-actions">
              {!required && (
                <Dialog.Close asChild>
                  <button type="button">Cancel</button>
                </Dialog.Close>
              )}
              <button type="submit" className="primary" disabled={busy || !name.trim()}>
                {required ? 'Start' : 'Code as this person'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
