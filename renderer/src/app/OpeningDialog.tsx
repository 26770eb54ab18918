/** "Opening <file>": progress while a project file is read and stored, with Cancel while reading. */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef } from 'react';
import { useValue } from '../lib/state';
import { cancelOpening, openingState, READING_CAN_CANCEL, SAVING_CANNOT_CANCEL } from './opening';

export function OpeningDialog() {
  const opening = useValue(openingState);
  const content = useRef<HTMLDivElement>(null);
  const canCancel = opening?.canCancel ?? false;

  // Cancel has focus while reading; once it is switched off, focus stays in the dialog rather than dropping to the page.
  useEffect(() => {
    if (!canCancel) content.current?.focus();
  }, [canCancel]);

  return (
    <Dialog.Root open={opening !== null}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          ref={content}
          className="dialog opening-dialog"
          onEscapeKeyDown={(e) => {
            e.preventDefault();
            cancelOpening();
          }}
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
        >
          {opening && (
            <>
              <Dialog.Title className="opening-title">Opening {opening.fileName}</Dialog.Title>
              <Dialog.Description className="opening-step">{opening.step}</Dialog.Description>
              <progress
                aria-label={`Opening ${opening.fileName}`}
                aria-valuetext={`${Math.round(opening.fraction * 100)}%: ${opening.step}`}
                max={100}
                value={Math.round(opening.fraction * 1000) / 10}
              />
              <p className="muted small opening-note">{canCancel ? READING_CAN_CANCEL : SAVING_CANNOT_CANCEL}</p>
              <div className="dialog-actions">
                <button type="button" onClick={cancelOpening} disabled={!canCancel} title={canCancel ? READING_CAN_CANCEL : SAVING_CANNOT_CANCEL}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
