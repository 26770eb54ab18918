/** Merge, split and delete: each shows what it will do before it does it, and each is one undo. */
import * as Dialog from '@radix-ui/react-dialog';
import { useMemo, useState, type ReactNode } from 'react';
import type { Code } from '../../../../shared/model';
import { byId, codePath, codeTree } from '../../../../shared/model';
import { deleteCode, deletePreview, mergeCodes, splitCode } from '../../../../shared/ops';
import { keyText } from '../../app/command-list';
import { attempt, toast } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import { splitRows } from './split-rows';
import { useServices } from '../../app/services';

function Frame({ title, description, children, onClose }: { title: string; description: string; children: ReactNode; onClose: () => void }) {
  return (
    <Dialog.Root open onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description className="muted">{description}</Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function MergeCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const codes = useProject((p) => p.codes);
  const map = useMemo(() => byId(codes), [codes]);
  const [into, setInto] = useState('');
  const options = codeTree(codes).filter(({ code: c }) => c.id !== code.id && c.codable);
  return (
    <Frame
      title={`Merge '${code.name}' into another code`}
      description="Its codings join the other code's (overlapping spans by the same coder become one), and its sub-codes, theme memberships and memos move over."
      onClose={onClose}
    >
      <label className="field">
        <span>Merge into</span>
        <select value={into} onChange={(e) => setInto(e.target.value)} autoFocus>
          <option value="">Choose a code…</option>
          {options.map(({ code: c }) => (
            <option key={c.id} value={c.id}>
              {codePath(c, map).join(' / ')}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!into}
          onClick={() =>
            attempt(() => {
              store.run((p, ctx) => mergeCodes(p, ctx, code.id, into));
              ui.set({ selectedCodeId: into });
              onClose();
            })
          }
        >
          Merge
        </button>
      </div>
    </Frame>
  );
}

export function SplitCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const project = useProject((p) => p);
  const mine = useMemo(() => splitRows(project, code.id), [project, code.id]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [name, setName] = useState(`${code.name} (split)`);
  return (
    <Frame title={`Split '${code.name}'`} description="Choose the codings that belong to a new code; the rest stay." onClose={onClose}>
      <label className="field">
        <span>New code’s name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <div className="row small">
        <button type="button" className="link" onClick={() => setChosen(new Set(mine.map((r) => r.codingId)))}>
          Select all
        </button>
        <button type="button" className="link" onClick={() => setChosen(new Set())}>
          None
        </button>
        <span className="muted">{chosen.size} of {mine.length} chosen</span>
      </div>
      <ul className="list" style={{ maxHeight: '40vh', overflow: 'auto', border: '1px solid var(--border)', borderRadius: 6, marginTop: 6 }}>
        {mine.map((r) => (
          <li key={r.codingId} className="list-item" style={{ cursor: 'default' }}>
            <label className="row" style={{ alignItems: 'flex-start', flexWrap: 'nowrap' }}>
              <input
                type="checkbox"
                checked={chosen.has(r.codingId)}
                onChange={(e) =>
                  setChosen((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.add(r.codingId);
                    else next.delete(r.codingId);
                    return next;
                  })
                }
              />
              <span>
                <span className="small muted">
                  {r.sourceName}
                  {r.speakers.length > 0 && ` · ${r.speakers.join(', ')}`} · coded by {r.coderName}
                </span>
                <br />“{r.quote}”
              </span>
            </label>
          </li>
        ))}
      </ul>
      {/* Alike in shape only with the other dialogs' feet here: each primary button checks and does its own operation. */}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!chosen.size || !name.trim()}
          onClick={() =>
            attempt(() => {
              const made = store.run((p, ctx) => splitCode(p, ctx, code.id, [...chosen], name));
              ui.set({ selectedCodeId: made.id });
              onClose();
            })
          }
        >
          Split off {chosen.size} codings
        </button>
      </div>
    </Frame>
  );
}

export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const project = store.getProject();
  const preview = useMemo(() => deletePreview(project, code.id), [project, code.id]);
  const sources = byId(project.sources);
  const codesById = byId(project.codes);
  const samples = project.codings.filter((c) => preview.codingIds.includes(c.id)).slice(0, 8);
  const subCodes = preview.codeIds.filter((id) => id !== code.id).map((id) => codesById.get(id)?.name ?? '');
  return (
    <Frame
      title={`Delete '${code.name}'?`}
      description={`This removes ${preview.codeIds.length === 1 ? 'the code' : `the code and ${subCodes.length} sub-codes`} and ${preview.codingIds.length} codings. You can undo it.`}
      onClose={onClose}
    >
      {subCodes.length > 0 && <p className="small">Sub-codes: {subCodes.join(', ')}</p>}
      {samples.length > 0 && (
        <>
          <p className="small muted">Codings that will be removed{preview.codingIds.length > samples.length ? ` (first ${samples.length})` : ''}:</p>
          <ul className="small" style={{ paddingLeft: 18 }}>
            {samples.map((c) => (
              <li key={c.id}>
                <span className="muted">{sources.get(c.sourceId)?.name}: </span>“{sources.get(c.sourceId)?.text.slice(c.start, Math.min(c.end, c.start + 120))}”
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="primary danger-fill"
          onClick={() =>
            attempt(() => {
              store.run((p, ctx) => deleteCode(p, ctx, code.id));
              ui.set({ selectedCodeId: null });
              toast.info(`Deleted '${code.name}' and ${preview.codingIds.length} codings (${keyText('undo')} to undo)`);
              onClose();
            })
          }
        >
          Delete {preview.codingIds.length ? `code and ${preview.codingIds.length} codings` : 'code'}
        </button>
      </div>
    </Frame>
  );
}
