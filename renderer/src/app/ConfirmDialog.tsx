/** The app's questions (confirmations.ts) in an in-app dialog: buttons named after what they do. */
import * as Dialog from '@radix-ui/react-dialog';
import { useRef } from 'react';
import { useValue } from '../lib/state';
import { useServices } from './services';

export function ConfirmDialog() {
  const { confirmations } = useServices();
  const asking = useValue(confirmations.current);
  const question = asking?.question;
  const suggested = useRef<HTMLButtonElement>(null);
  return (
    <Dialog.Root open={!!asking} onOpenChange={(open) => !open && asking?.answer(asking.question.dismiss)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay confirm-overlay" />
        <Dialog.Content
          className="dialog confirm-dialog"
          role="alertdialog"
          // The suggested answer has the focus, never the one that removes work.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            suggested.current?.focus();
          }}
        >
          {question && (
            <>
              <Dialog.Title>{question.title}</Dialog.Title>
              <Dialog.Description className="confirm-message">{question.message}</Dialog.Description>
              <div className="dialog-actions">
                {question.choices.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    className={c.danger ? 'danger' : c.primary ? 'primary' : undefined}
                    ref={c.primary ? suggested : undefined}
                    onClick={() => asking.answer(c.id)}
                  >
                    {c.label}
                  </button>
                ))}
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
