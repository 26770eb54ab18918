/**
 * The foot of a dialog that deletes for good (a participant's withdrawal, a project from this
 * computer): what went wrong, then Cancel, focused first so that Enter does not delete, and
 * the delete button, both held while the deletion runs.
 */
export function PermanentDeleteActions({
  problem,
  busy,
  ready,
  label,
  onClose,
  onConfirm,
}: {
  problem: string | null | undefined;
  busy: boolean;
  /** Whether what would be deleted is known yet. */
  ready: boolean;
  label: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <>
      {problem && (
        <p className="withdraw-warning" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy} autoFocus>
          Cancel
        </button>
        <button type="button" className="primary danger-fill" disabled={!ready || busy} onClick={onConfirm}>
          {busy ? 'Deleting…' : label}
        </button>
      </div>
    </>
  );
}
