/**
 * "Delete permanently" for a participant who withdraws: says exactly what will go (documents,
 * words, codings, memos, undo history entries, backups) and what stays, and asks once.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useMemo, useState } from 'react';
import { caseScope, caseWithdrawal, sourceWithdrawal, type Withdrawal } from '../../../../shared/ops/withdraw';
import { useProjectStore } from '../../store';
import { useServices } from '../../app/services';
import { toast } from '../../app/toast';
import { previewWithdrawal, withdrawPermanently, type WithdrawPreview } from './withdraw';
import { PermanentDeleteActions } from '../../app/PermanentDeleteActions';

export type WithdrawTarget = { kind: 'source' | 'case'; id: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
// In-vivo code names come in their own quotation marks already.
const names = (items: { name: string }[]) => items.map((i) => (/^[“"‘]/.test(i.name) ? i.name : `‘${i.name}’`)).join(', ');

function backupLine(preview: WithdrawPreview): string {
  const b = preview.backups;
  if (!b) return 'Backups: none on this computer (the web version keeps no backups).';
  const rewritten = b.files.length === 0 ? 'none hold it' : `${plural(b.files.length, 'backup')} will be rewritten without it`;
  return `Backups on this computer: ${rewritten}.`;
}

export function WithdrawDialog({ target, onClose }: { target: WithdrawTarget; onClose: () => void }) {
  const services = useServices();
  const store = useProjectStore();
  const project = store.getProject();
  const [includeShared, setIncludeShared] = useState(false);
  const [previewed, setPreviewed] = useState<WithdrawPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const kase = target.kind === 'case' ? project.cases.find((c) => c.id === target.id) : undefined;
  const source = target.kind === 'source' ? project.sources.find((s) => s.id === target.id) : undefined;
  const shared = useMemo(() => (kase ? caseScope(project, kase.id).shared : []), [project, kase]);
  const withdrawal = useMemo<Withdrawal | null>(() => {
    if (kase) return caseWithdrawal(project, kase.id, includeShared);
    if (source) return sourceWithdrawal(project, source.id);
    return null;
  }, [project, kase, source, includeShared]);

  useEffect(() => {
    if (!withdrawal) return;
    let live = true;
    previewWithdrawal(store, withdrawal, services.host).then(
      (p) => live && setPreviewed(p),
      (e: unknown) => live && setProblem(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [store, withdrawal, services.host]);

  const title = kase ? `Delete case ‘${kase.name}’ permanently` : `Delete ‘${source?.name ?? '?'}’ permanently`;
  const confirm = async () => {
    if (!withdrawal) return;
    setBusy(true);
    try {
      const done = await withdrawPermanently(store, withdrawal, services.host, services.catalog);
      const unreadable = done.backups?.unreadable ?? [];
      toast.report(
        `Deleted permanently: ${plural(done.sources, 'document')}, ${plural(done.historyEntries, 'undo history entry', 'undo history entries')} scrubbed` +
          (done.backups ? `, ${plural(done.backups.files.length, 'backup')} rewritten` : '') +
          (unreadable.length ? `. These backups may still hold it; delete them by hand: ${unreadable.map((u) => `${u.file} (${u.problem})`).join('; ')}.` : '.') +
          (done.backupError ? ` The backups could not be rewritten (${done.backupError}); they may still hold it.` : ''),
      );
      onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  // A preview of an earlier choice (the shared box was just ticked) is not shown.
  const preview = previewed?.withdrawal === withdrawal ? previewed : null;
  const plan = preview?.plan;
  const unlinked = plan?.changes.changes.filter((c) => c.table === 'memos' && c.after).length ?? 0;
  const historyCount = preview ? preview.history.rewritten.length + preview.history.dropped.length : 0;
  return (
    <Dialog.Root open onOpenChange={(o) => !o && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog withdraw-dialog">
          <Dialog.Title>{title}</Dialog.Title>
          <Dialog.Description>
            For a participant who withdraws. This <strong>cannot be undone</strong>: the text leaves the project, its undo history and the
            backups on this computer.
          </Dialog.Description>
          {kase && shared.length > 0 && (
            <label className="withdraw-shared">
              <input type="checkbox" checked={includeShared} onChange={(e) => setIncludeShared(e.target.checked)} disabled={busy} />
              <span>
                Also delete {plural(shared.length, 'document')} shared with other cases ({names(shared)}). Otherwise they stay, unlinked from{' '}
                {kase.name}, and still hold {kase.name}’s words.
              </span>
            </label>
          )}
          {!plan && !problem && <p className="muted">Counting what will go…</p>}
          {plan && preview && (
            <>
              <p className="withdraw-heading">What will be deleted</p>
              <ul className="withdraw-list">
                <li>
                  {plural(plan.sources.length, 'document')} ({plan.words.toLocaleString()} words){plan.sources.length ? `: ${names(plan.sources)}` : ''}
                </li>
                {kase && <li>The case ‘{kase.name}’ and its attribute values</li>}
                <li>{plural(plan.codingIds.length, 'coding')}, exemplar quotes included</li>
                <li>{plural(plan.memoIds.length, 'memo')} on {kase ? 'the case, its documents or their codings' : 'the document or its codings'}</li>
                {plan.codes.length > 0 && <li>{plural(plan.codes.length, 'in-vivo code')} named with its words: {names(plan.codes)}</li>}
                <li>
                  Undo history:{' '}
                  {historyCount === 0 ? 'no entry holds it' : `${plural(historyCount, 'entry', 'entries')} rewritten or removed, so undo cannot bring it back`}
                </li>
                <li>{backupLine(preview)}</li>
              </ul>
              <p className="withdraw-heading">What stays</p>
              <ul className="withdraw-list muted">
                {source?.caseId && <li>The case ‘{project.cases.find((c) => c.id === source.caseId)?.name}’ (delete the case to remove it)</li>}
                {kase && shared.length > 0 && !includeShared && <li>{plural(shared.length, 'shared document')}, unlinked from the case</li>}
                {plan.keptInVivoCodes.length > 0 && (
                  <li>
                    {plural(plan.keptInVivoCodes.length, 'in-vivo code')} named with its words but used elsewhere: {names(plan.keptInVivoCodes)}. Rename if
                    needed.
                  </li>
                )}
                {plan.quotedIn.length > 0 && (
                  <li className="withdraw-warning">
                    Your own writing that quotes its words (edit by hand):{' '}
                    {plan.quotedIn.map((q) => `${q.table === 'memos' ? 'memo' : q.table === 'codes' ? 'code' : 'theme'} ‘${q.name}’`).join(', ')}
                  </li>
                )}
                {unlinked > 0 && <li>{plural(unlinked, 'other memo')} that link to it keep their words, without the link</li>}
                <li>Your .qdpx project file holds it until you save again; copies you sent to others are beyond reach</li>
              </ul>
              {preview.backups && preview.backups.unreadable.length > 0 && (
                <p className="withdraw-warning" role="alert">
                  Could not read {preview.backups.unreadable.map((u) => u.file).join(', ')}; it may still hold the text.
                </p>
              )}
            </>
          )}
          <PermanentDeleteActions problem={problem} busy={busy} ready={!!plan} label="Delete permanently" onClose={onClose} onConfirm={() => void confirm()} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
