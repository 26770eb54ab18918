/**
 * The coding workspace: the codebook on the left (drag a code onto the selection), the
 * transcript in the middle, the selection and its codings on the right. Coding happens
 * by palette (C, or the codePalette command: Ctrl/Cmd+K), drag, a code's own key, in vivo (Ctrl+Shift+V), or for a
 * whole turn (T). Every action is one undoable change set.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Coding } from '../../../../shared/model';
import { byId } from '../../../../shared/model';
import { createCode, turnAt } from '../../../../shared/ops';
import { useCommands } from '../../app/commands';
import { attempt, toast } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import { CodeTree, codeCounts } from '../codebook/CodeTree';
import { applyCodeTo, createAndApply, removeCodeFrom } from './coding-actions';
import { CodePalette } from './CodePalette';
import { CodingDetails } from './CodingDetails';
import { selection as selectionStore, type TextSelection } from './selection';
import { IncrementalIndex, inVivoName, visibleCodings, buildBlocks } from './transcript-model';
import { TranscriptView, type TranscriptCommand, type TranscriptHandle } from './TranscriptView';
import { useServices, useUi } from '../../app/services';

export default function CodingView() {
  const { ui } = useServices();
  const store = useProjectStore();
  const sources = useProject((p) => p.sources);
  const codes = useProject((p) => p.codes);
  const codings = useProject((p) => p.codings);
  const coders = useProject((p) => p.coders);
  const memos = useProject((p) => p.memos);
  const sourceId = useUi((s) => s.sourceId);
  const reveal = useUi((s) => s.reveal);
  const coderFilter = useUi((s) => s.coderFilter);
  const activeCodingId = useUi((s) => s.selectedCodingId);
  const selectedCodeId = useUi((s) => s.selectedCodeId);
  const [palette, setPalette] = useState<{ target: TextSelection; label: string } | null>(null);
  const [codeQuery, setCodeQuery] = useState('');
  // Below the drawer breakpoint (app.css) the selection panel overlays the transcript, closed
  // until asked for, so the text keeps its width; above it this flag changes nothing.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const handle = useRef<TranscriptHandle | null>(null);
  const setHandle = useCallback((h: TranscriptHandle | null) => {
    handle.current = h;
  }, []);

  const source = sources.find((s) => s.id === sourceId) ?? sources[0];
  useEffect(() => {
    if (source && source.id !== sourceId) ui.set({ sourceId: source.id });
  }, [source, sourceId, ui]);

  const codesById = useMemo(() => byId(codes), [codes]);
  const codingsById = useMemo(() => byId(codings), [codings]);
  const counts = useMemo(() => codeCounts(codings), [codings]);
  const blocks = useMemo(() => (source ? buildBlocks(source) : []), [source]);
  const shown = useMemo(() => (source ? visibleCodings(codings, source.id, coderFilter) : []), [codings, source, coderFilter]);
  const [indexer] = useState(() => new IncrementalIndex());
  const index = useMemo(() => indexer.next(blocks, shown, codesById, activeCodingId), [indexer, blocks, shown, codesById, activeCodingId]);

  useEffect(() => {
    if (reveal && source && handle.current) {
      handle.current.reveal(reveal.start, reveal.end);
      ui.set({ reveal: null });
    }
  }, [reveal, source, ui]);

  const openPalette = useCallback(
    (target: TextSelection | null, label?: string) => {
      if (!target || target.end <= target.start) {
        toast.info('Select some text first, or press T to code the whole turn.');
        return;
      }
      const text = source?.text.slice(target.start, target.end).replace(/\s+/g, ' ').trim() ?? '';
      setPalette({ target, label: label ?? `“${text.length > 50 ? `${text.slice(0, 50)}…` : text}”` });
    },
    [source],
  );

  const inVivo = useCallback(() => {
    const target = selectionStore.get();
    if (!source || !target || target.end <= target.start) {
      toast.info('Select the participant’s words first, then choose In vivo.');
      return;
    }
    const name = inVivoName(source.text.slice(target.start, target.end));
    attempt(() => {
      const { codeId } = createAndApply(store, target, name, 'in-vivo');
      ui.set({ selectedCodeId: codeId });
    });
  }, [source, store, ui]);

  const codeTurn = useCallback(
    (offset: number) => {
      if (!source) return;
      const turn = turnAt(source, offset);
      if (!turn) return toast.info('This paragraph is not part of a speaker turn.');
      const speaker = source.turns.find((t) => t.start === turn.start)?.speaker ?? '';
      handle.current?.reveal(turn.start, turn.end);
      openPalette({ sourceId: source.id, ...turn }, `the whole turn by ${speaker}`);
    },
    [source, openPalette],
  );

  const onCommand = useCallback(
    (c: TranscriptCommand) => {
      const target = selectionStore.get();
      if (c.kind === 'palette') openPalette(target);
      else if (c.kind === 'in-vivo') inVivo();
      else if (c.kind === 'turn') codeTurn(c.offset);
      else if (c.kind === 'escape') ui.set({ selectedCodingId: null });
      else if (c.kind === 'shortcut') {
        const code = store.getProject().codes.find((k) => k.shortcut === c.key);
        if (code) attempt(() => applyCodeTo(store, target, code.id));
      }
    },
    [openPalette, inVivo, codeTurn, store, ui],
  );

  // Ctrl/Cmd+K (and the command palette) while the workspace is shown, wherever the focus is.
  useCommands({ codePalette: () => openPalette(selectionStore.get()) });

  const revealCoding = useCallback((coding: Coding) => {
    ui.set({ selectedCodingId: coding.id });
    handle.current?.reveal(coding.start, coding.end);
  }, [ui]);

  const onSelectCoding = useCallback(
    (id: string) => {
      const coding = store.getProject().codings.find((c) => c.id === id);
      if (coding) revealCoding(coding);
      setDetailsOpen(true);
    },
    [store, revealCoding],
  );

  const onDropCode = useCallback((codeId: string) => attempt(() => applyCodeTo(store, selectionStore.get(), codeId)), [store]);

  if (!source)
    return (
      <div className="empty">
        <strong>No documents in this project</strong>
        Import transcripts from the Documents view to start coding.
      </div>
    );

  const index_ = sources.indexOf(source);
  const humanCoders = coders;

  return (
    <div className={`coding-view${detailsOpen ? ' details-open' : ''}`}>
      <aside className="side" aria-label="Codebook">
        <div className="side-section" style={{ paddingBottom: 8 }}>
          <div className="row">
            <h2 style={{ margin: 0 }}>Codes</h2>
            <span className="spacer" />
            <button
              type="button"
              className="small"
              onClick={() => {
                const name = codeQuery.trim();
                if (!name) return toast.info('Type the new code’s name in the search box first.');
                attempt(() => {
                  const created = store.run((p, ctx) => createCode(p, ctx, { name, origin: 'inductive', firstSourceId: source.id }));
                  ui.set({ selectedCodeId: created.id });
                  setCodeQuery('');
                });
              }}
              title="Create a code named as typed in the search box"
            >
              + New
            </button>
          </div>
          <input
            type="search"
            aria-label="Search codes"
            placeholder="Search or name a new code"
            value={codeQuery}
            onChange={(e) => setCodeQuery(e.target.value)}
            style={{ width: '100%', marginTop: 6 }}
          />
        </div>
        <CodeTree
          codes={codes}
          counts={counts}
          selectedId={selectedCodeId}
          onSelect={(id) => ui.set({ selectedCodeId: id })}
          onActivate={(id) => attempt(() => applyCodeTo(store, selectionStore.get(), id))}
          query={codeQuery}
          label="Codes (Enter or drag onto the selection to apply)"
          compact
        />
        <p className="small muted" style={{ padding: '6px 12px', margin: 0, borderTop: '1px solid var(--border)' }}>
          Drag a code onto selected text, or press Enter on it.
        </p>
      </aside>
      <section className="transcript-pane" aria-label="Transcript">
        <div className="transcript-toolbar">
          <button type="button" aria-label="Previous document" disabled={index_ <= 0} onClick={() => ui.set({ sourceId: sources[index_ - 1]!.id, selectedCodingId: null })}>
            ‹
          </button>
          <select aria-label="Document" value={source.id} onChange={(e) => ui.set({ sourceId: e.target.value, selectedCodingId: null })}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-label="Next document"
            disabled={index_ >= sources.length - 1}
            onClick={() => ui.set({ sourceId: sources[index_ + 1]!.id, selectedCodingId: null })}
          >
            ›
          </button>
          <span className="spacer" />
          <label className="row small">
            <span className="toolbar-label">Show codings of</span>
            <select aria-label="Show codings of" value={coderFilter ?? ''} onChange={(e) => ui.set({ coderFilter: e.target.value || null })}>
              <option value="">all coders</option>
              {humanCoders.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.id === store.coderId ? ' (you)' : ''}
                </option>
              ))}
            </select>
          </label>
          <span className="small muted">{shown.length} codings</span>
          <button
            type="button"
            className="small drawer-toggle"
            aria-expanded={detailsOpen}
            aria-controls="coding-details"
            onClick={() => setDetailsOpen((o) => !o)}
          >
            {detailsOpen ? 'Hide selection ▸' : '◂ Selection'}
          </button>
        </div>
        <TranscriptView
          key={source.id}
          source={source}
          index={index}
          codes={codesById}
          coders={coders}
          memos={memos}
          codingsById={codingsById}
          onCommand={onCommand}
          onSelectCoding={onSelectCoding}
          onDropCode={onDropCode}
          handleRef={setHandle}
        />
      </section>
      <CodingDetails
        source={source}
        codings={shown}
        codes={codesById}
        coders={coders}
        memos={memos}
        activeCodingId={activeCodingId}
        currentCoderId={store.coderId}
        onCommand={(c) => (c === 'turn' ? codeTurn(selectionStore.get()?.start ?? 0) : onCommand({ kind: c }))}
        onRemove={(codeId) => attempt(() => removeCodeFrom(store, selectionStore.get(), codeId, store.coderId))}
        onReveal={revealCoding}
        onClose={() => setDetailsOpen(false)}
      />
      {palette && (
        <CodePalette
          open
          onOpenChange={(o) => {
            if (!o) {
              setPalette(null);
              requestAnimationFrame(() => handle.current?.focus());
            }
          }}
          codes={codes}
          targetLabel={palette.label}
          onApply={(codeId) => attempt(() => applyCodeTo(store, palette.target, codeId))}
          onCreate={(name) => attempt(() => createAndApply(store, palette.target, name, 'inductive'))}
        />
      )}
    </div>
  );
}
