/**
 * Import transcripts: pick or drop files, see what each holds (format, speakers, turns,
 * a sample), correct the speakers or the spreadsheet columns, then commit everything as
 * one undoable change. Parsing runs in a worker with a progress bar and Cancel.
 */
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalyzeOptions, AttributeImportReport, FileReport } from '../../../../shared/import';
import { applyPreview, importAttributes, planImport, SUPPORTED_EXTENSIONS } from '../../../../shared/import';
import type { ChangeSet } from '../../../../shared/model';
import { isEmpty } from '../../../../shared/model';
import type { PickedFile } from '../../host';
import { getHost } from '../../host';
import { useProject, useProjectStore } from '../../store';
import { Analyzer } from './analyze-client';
import { collectDropped } from './dropped-files';
import { FileDetail } from './FileDetail';
import type { Entry } from './import-entry';
import { statusText } from './import-entry';
import { AttributeSummary, ResultSummary } from './ImportResults';
import { noChoices, toEdits } from './SpeakerTable';
import './import.css';

export interface ImportDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Receives the whole import as one change set (sources, cases, attributes); the caller applies it. */
  onCommit: (set: ChangeSet) => void;
  /** Files chosen before the dialog opened (e.g. dropped on the window); more can be added inside. */
  files?: PickedFile[];
}

const FILTERS = [{ name: 'Transcripts', extensions: [...SUPPORTED_EXTENSIONS] }];

export function ImportDialog({ open, onOpenChange, onCommit, files }: ImportDialogProps) {
  const store = useProjectStore();
  const caseNames = useProject((p) => p.cases).map((c) => c.name);
  const sources = useProject((p) => p.sources);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [result, setResult] = useState<FileReport[] | null>(null);
  const [attributeResult, setAttributeResult] = useState<{ fileName: string; report?: AttributeImportReport; problem?: string } | null>(null);
  const analyzer = useRef<Analyzer | null>(null);
  const keyCounter = useRef(0);
  const cancelled = useRef(false);

  useEffect(() => {
    analyzer.current = new Analyzer();
    return () => analyzer.current?.dispose();
  }, []);

  const update = (key: string, patch: Partial<Entry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  const analyzeOne = async (entry: Entry, options: AnalyzeOptions) => {
    update(entry.key, { status: 'reading', options });
    const outcome = await analyzer.current!.analyze(entry.file.name, entry.file.bytes, options);
    if (outcome.ok) update(entry.key, { status: 'ready', preview: outcome.preview, problem: undefined, headers: undefined, choices: noChoices(), include: true });
    else if (cancelled.current) update(entry.key, { status: 'cancelled', problem: 'Not read: the import was cancelled' });
    else update(entry.key, { status: 'refused', problem: outcome.problem, headers: outcome.headers, preview: undefined, include: false });
  };

  const addFiles = async (picked: PickedFile[]) => {
    if (!picked.length) return;
    const added: Entry[] = picked.map((file) => ({
      key: `f${keyCounter.current++}`,
      file,
      status: 'waiting',
      options: {},
      choices: noChoices(),
      include: true,
    }));
    setEntries((list) => [...list, ...added]);
    setSelected((s) => s ?? added[0]!.key);
    setResult(null);
    cancelled.current = false;
    for (const [i, entry] of added.entries()) {
      if (cancelled.current) {
        update(entry.key, { status: 'cancelled', problem: 'Not read: the import was cancelled', include: false });
        continue;
      }
      setProgress({ done: i, total: added.length, name: entry.file.name });
      await analyzeOne(entry, {});
    }
    setProgress(null);
  };

  const initial = useRef(files);
  useEffect(() => {
    if (initial.current?.length) void addFiles(initial.current);
    initial.current = undefined;
    // Only the files given when the dialog opened; later ones come through addFiles.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const choose = async () => {
    try {
      await addFiles(await getHost().openFiles({ title: 'Import transcripts', filters: FILTERS, multiple: true }));
    } catch (error) {
      setResult([{ fileName: '', status: 'refused', problem: error instanceof Error ? error.message : String(error), warnings: [], sources: [], duplicates: [] }]);
    }
  };

  /** Case attributes keyed by file name or case, applied at once as their own undoable step. */
  const chooseAttributes = async () => {
    const [file] = await getHost().openFiles({ title: 'Case attributes', filters: [{ name: 'CSV', extensions: ['csv'] }], multiple: false });
    if (!file) return;
    try {
      const { set, report } = importAttributes(store.getProject(), store.context(), file.bytes, file.name);
      if (!isEmpty(set)) onCommit(set);
      setAttributeResult({ fileName: file.name, report });
    } catch (error) {
      setAttributeResult({ fileName: file.name, problem: error instanceof Error ? error.message : String(error) });
    }
  };

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    const read = collectDropped(event.dataTransfer);
    try {
      await addFiles(await read());
    } catch (error) {
      setResult([{ fileName: '', status: 'refused', problem: error instanceof Error ? error.message : String(error), warnings: [], sources: [], duplicates: [] }]);
    }
  };

  const cancel = () => {
    cancelled.current = true;
    analyzer.current?.cancel();
  };

  const ready = entries.filter((e) => e.status === 'ready' && e.include && e.preview);
  // The previews as they will be stored, with the user's speaker corrections applied.
  const edited = useMemo(
    () =>
      new Map(
        entries.filter((e) => e.status === 'ready' && e.preview).map((e) => [e.key, applyPreview(e.preview!, toEdits(e.preview!.speakers, e.choices))]),
      ),
    [entries],
  );

  /** Per file, how many of its sources the project already holds (they will be skipped). */
  const alreadyThere = useMemo(() => {
    const texts = new Set(sources.map((s) => s.text));
    return new Map([...edited].map(([key, preview]) => [key, preview.documents.filter((d) => texts.has(d.structure.text)).length]));
  }, [edited, sources]);

  const commit = () => {
    const previews = ready.map((e) => edited.get(e.key)!);
    let planned;
    try {
      planned = planImport(store.getProject(), store.context(), previews);
    } catch (error) {
      setResult([{ fileName: '', status: 'refused', problem: error instanceof Error ? error.message : String(error), warnings: [], sources: [], duplicates: [] }]);
      return;
    }
    const { set, report } = planned;
    if (!isEmpty(set)) onCommit(set);
    const refused: FileReport[] = entries
      .filter((e) => e.status === 'refused')
      .map((e) => ({ fileName: e.file.name, status: 'refused', problem: e.problem ?? '', warnings: [], sources: [], duplicates: [] }));
    setResult([...report.files, ...refused]);
    setEntries([]);
    setSelected(null);
  };

  const current = entries.find((e) => e.key === selected) ?? null;
  const busy = progress !== null;

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && busy) cancel();
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog import-dialog" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
          <Dialog.Title>Import transcripts</Dialog.Title>
          <Dialog.Description className="muted">
            Word (.docx), OpenDocument (.odt), text and Markdown, subtitles (.vtt, .srt), spreadsheets (.csv, .xlsx) and surveys. Choose
            files, or drop files or whole folders here; nothing leaves this computer.
          </Dialog.Description>

          <div className="import-toolbar">
            <button type="button" onClick={() => void choose()} disabled={busy}>
              Choose files…
            </button>
            <button type="button" onClick={() => void chooseAttributes()} disabled={busy}>
              Case attributes from CSV…
            </button>
            {busy && (
              <div className="import-progress" role="status">
                <progress aria-label="Reading files" max={progress.total} value={progress.done} />
                <span className="small">
                  Reading {progress.done + 1} of {progress.total}: {progress.name}
                </span>
                <button type="button" onClick={cancel}>
                  Cancel
                </button>
              </div>
            )}
          </div>

          {result && <ResultSummary files={result} />}
          {attributeResult && <AttributeSummary {...attributeResult} />}

          {entries.length > 0 && (
            <div className="import-body">
              <ul className="import-files" aria-label="Files to import">
                {entries.map((e) => (
                  <li key={e.key} className={e.key === selected ? 'selected' : undefined}>
                    <input
                      type="checkbox"
                      aria-label={`Include ${e.file.name}`}
                      checked={e.include && e.status === 'ready'}
                      disabled={e.status !== 'ready'}
                      onChange={(ev) => update(e.key, { include: ev.target.checked })}
                    />
                    <button type="button" className="link" aria-pressed={e.key === selected} onClick={() => setSelected(e.key)}>
                      {e.file.name}
                    </button>
                    <span className={`import-status ${e.status}`}>
                      {e.preview && alreadyThere.get(e.key) === e.preview.documents.length ? 'already imported' : statusText(e)}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="import-detail">
                {current && (
                  <FileDetail
                    entry={current}
                    edited={edited.get(current.key)}
                    duplicates={alreadyThere.get(current.key) ?? 0}
                    caseNames={caseNames}
                    onChoices={(choices) => update(current.key, { choices })}
                    onColumns={(options) => void analyzeOne(current, options)}
                  />
                )}
              </div>
            </div>
          )}

          <div className="dialog-actions">
            <span className="small muted import-summary">
              {entries.length > 0 &&
                `${ready.length} of ${entries.length} file${entries.length === 1 ? '' : 's'} ready` +
                  (entries.some((e) => e.status === 'refused') ? `, ${entries.filter((e) => e.status === 'refused').length} refused` : '')}
            </span>
            <Dialog.Close asChild>
              <button type="button">{result ? 'Close' : 'Cancel'}</button>
            </Dialog.Close>
            <button type="button" className="primary" disabled={busy || ready.length === 0} onClick={commit}>
              {ready.length > 1 ? `Import ${ready.length} files` : 'Import'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export default ImportDialog;
