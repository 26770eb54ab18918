/** Who is coding, whether changes are stored and saved to a file, and what undo would do. */
import { useContext, useSyncExternalStore } from 'react';
import type { ProjectStore } from '../store';
import { ProjectStoreContext } from '../store';
import { useSession } from './services';

const noStore = { subscribe: () => () => {}, getStatus: () => null } as unknown as ProjectStore;

export function StatusBar({ onChangeCoder }: { onChangeCoder: () => void }) {
  const session = useSession();
  const store = useContext(ProjectStoreContext) ?? noStore;
  const status = useSyncExternalStore(store.subscribe, store.getStatus);
  const project = useSyncExternalStore(store.subscribe, () => (store === noStore ? null : store.getProject()));
  const counts = project ? `${project.sources.length} documents · ${project.codes.length} codes · ${project.codings.length} codings` : '';
  let saveText = '';
  if (status) {
    if (status.persist === 'error') saveText = 'Storage error';
    else if (status.persist === 'saving') saveText = 'Storing…';
    else saveText = status.dirty ? 'Stored in this browser · not saved to a file' : 'Saved to file';
  }
  return (
    <footer className="status-bar">
      <button type="button" className="status-coder" onClick={onChangeCoder} aria-label={`Coding as ${session.coderName ?? 'nobody'}; change coder`}>
        <span className="dot" aria-hidden="true" /> Coding as <strong>{session.coderName ?? '—'}</strong>
      </button>
      <span className={`status-save ${status?.persist === 'error' ? 'status-error' : ''}`} role="status" data-testid="save-state">
        {saveText}
      </span>
      <span className="status-counts">{counts}</span>
      {status?.undoLabel && <span className="status-undo muted">Undo: {status.undoLabel}</span>}
    </footer>
  );
}
