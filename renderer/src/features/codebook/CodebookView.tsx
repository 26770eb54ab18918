/**
 * The codebook editor: the tree (drag or Alt+arrows to reorder and reparent), search and
 * origin filter, and the selected code's details: name, colour, definition, inclusion,
 * exclusion, example, origin, key, creator, first source, counts, memo. Create, merge,
 * split, delete (with a preview of what goes), and import a codebook from CSV.
 */
import { useMemo, useState } from 'react';
import type { Code, CodeOrigin } from '../../../../shared/model';
import { CODE_PALETTE, byId, codePath } from '../../../../shared/model';
import { colourName } from './colour-names';
import { createCode, createMemo, updateCode, type CodePatch } from '../../../../shared/ops';
import { useServices, useUi } from '../../app/services';
import { attempt, toast } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import { MemoEditor } from '../memos/MemoEditor';
import { codebookCsvText, describeConflict, importCodebookCsv } from './codebook-csv';
import { CodeTree, codeCounts } from './CodeTree';
import { DeleteCodeDialog, MergeCodeDialog, SplitCodeDialog } from './code-dialogs';

const RESERVED_KEYS = new Set(['c', 't', 'k', 'v']);

export default function CodebookView() {
  const store = useProjectStore();
  const { confirmations, host, ui } = useServices();
  const codes = useProject((p) => p.codes);
  const codings = useProject((p) => p.codings);
  const selectedId = useUi((s) => s.selectedCodeId);
  const [query, setQuery] = useState('');
  const [origin, setOrigin] = useState<CodeOrigin | ''>('');
  const [dialog, setDialog] = useState<'merge' | 'split' | 'delete' | null>(null);
  const counts = useMemo(() => codeCounts(codings), [codings]);
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  const newCode = (parentId: string | null) =>
    attempt(() => {
      const siblings = new Set(codes.filter((c) => c.parentId === parentId).map((c) => c.name.toLowerCase()));
      let name = 'New code';
      for (let i = 2; siblings.has(name.toLowerCase()); i++) name = `New code ${i}`;
      const made = store.run((p, ctx) => createCode(p, ctx, { name, parentId, origin: 'deductive' }));
      ui.set({ selectedCodeId: made.id });
      requestAnimationFrame(() => document.getElementById('code-name-input')?.focus());
    });

  const importCsv = () =>
    attempt(async () => {
      const [file] = await host.openFiles({ title: 'Import a codebook', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], multiple: false });
      if (!file) return;
      const text = codebookCsvText(file.bytes, file.name);
      let result = importCodebookCsv(store.getProject(), store.context(), text, file.name);
      const { conflicts } = result;
      let choice = '';
      if (conflicts.length) {
        const listed = conflicts.slice(0, 8).map(describeConflict).join('\n');
        const more = conflicts.length > 8 ? `\n… and ${conflicts.length - 8} more` : '';
        const update = await confirmations.confirm({
          title: `${file.name}: ${conflicts.length} field(s) differ from the codebook`,
          message: `${listed}${more}\n\nNew codes and empty fields are imported either way.`,
          confirmLabel: 'Replace with the file’s text',
          cancelLabel: 'Keep the codebook’s text',
        });
        // The project may have changed while the question was open: read the file against it as it is now.
        result = importCodebookCsv(store.getProject(), store.context(), text, file.name, update ? { conflicts: 'update' } : {});
        choice = update ? `; ${conflicts.length} differing field(s) replaced with the file’s text` : `; ${conflicts.length} differing field(s) kept as they were`;
      }
      await store.apply(result.set);
      const report = `${file.name}: ${result.created} codes created, ${result.updated} updated${choice}`;
      const details = [...conflicts.map(describeConflict), ...result.namesakes, ...result.problems];
      if (details.length) toast.report(`${report}\n${details.join('\n')}`);
      else toast.info(report);
    });

  return (
    <div className="codebook-view">
      <section className="side" aria-label="Code tree">
        <div className="side-section">
          <div className="row">
            <h2 style={{ margin: 0 }}>Codebook</h2>
            <span className="muted small">{codes.length} codes</span>
          </div>
          <div className="row" style={{ marginTop: 8 }}>
            <button type="button" className="primary" onClick={() => newCode(null)}>
              + Code
            </button>
            <button type="button" disabled={!selected} onClick={() => selected && newCode(selected.id)}>
              + Sub-code
            </button>
            <button type="button" onClick={importCsv} title="Columns: name, parent, definition, inclusion, exclusion, example">
              Import CSV…
            </button>
          </div>
          <div className="row" style={{ marginTop: 8 }}>
            <input type="search" aria-label="Search codes" placeholder="Search names and definitions" value={query} onChange={(e) => setQuery(e.target.value)} style={{ flex: 1 }} />
            <select aria-label="Filter by origin" value={origin} onChange={(e) => setOrigin(e.target.value as CodeOrigin | '')}>
              <option value="">All origins</option>
              <option value="deductive">Deductive</option>
              <option value="inductive">Inductive</option>
              <option value="in-vivo">In vivo</option>
            </select>
          </div>
        </div>
        <CodeTree
          codes={codes}
          counts={counts}
          selectedId={selectedId}
          onSelect={(id) => ui.set({ selectedCodeId: id })}
          onDelete={(id) => {
            ui.set({ selectedCodeId: id });
            setDialog('delete');
          }}
          query={query}
          origin={origin}
          label="Codebook (Alt+arrows to move, Delete to delete)"
        />
        <p className="small muted" style={{ padding: '6px 12px', margin: 0, borderTop: '1px solid var(--border)' }}>
          Drag onto a code’s middle to nest it, onto an edge to reorder. Keyboard: <kbd>Alt</kbd>+arrows.
        </p>
      </section>
      <section className="page" aria-label="Code details">
        {selected ? (
          <CodeDetails key={selected.id} code={selected} onDialog={setDialog} counts={counts.get(selected.id)} />
        ) : (
          <div className="empty">
            <strong>Choose a code</strong>
            Select a code to edit its definition and criteria, or create one. A codebook prepared elsewhere can be imported from CSV.
          </div>
        )}
      </section>
      {selected && dialog === 'merge' && <MergeCodeDialog code={selected} onClose={() => setDialog(null)} />}
      {selected && dialog === 'split' && <SplitCodeDialog code={selected} onClose={() => setDialog(null)} />}
      {selected && dialog === 'delete' && <DeleteCodeDialog code={selected} onClose={() => setDialog(null)} />}
    </div>
  );
}

function CodeDetails({ code, onDialog, counts }: { code: Code; onDialog: (d: 'merge' | 'split' | 'delete') => void; counts?: { codings: number; sources: number } }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const codes = useProject((p) => p.codes);
  const coders = useProject((p) => p.coders);
  const sources = useProject((p) => p.sources);
  const memos = useProject((p) => p.memos);
  const path = codePath(code, byId(codes));
  const memo = memos.find((m) => m.target.kind === 'code' && m.target.id === code.id);
  const save = (patch: CodePatch) => attempt(() => store.run((p, ctx) => updateCode(p, ctx, code.id, patch)));
  const text = (field: 'definition' | 'inclusion' | 'exclusion' | 'example', label: string, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <textarea
        defaultValue={code[field]}
        placeholder={hint}
        rows={field === 'definition' ? 3 : 2}
        onBlur={(e) => e.target.value !== code[field] && save({ [field]: e.target.value })}
      />
    </label>
  );
  const creator = coders.find((c) => c.id === code.createdBy)?.name;
  const first = sources.find((s) => s.id === code.firstSourceId);
  return (
    <div style={{ maxWidth: 760 }}>
      <div className="page-header">
        <span className="swatch" style={{ background: code.color, width: 18, height: 18 }} />
        <h1>{code.name}</h1>
        {path.length > 1 && <span className="muted small">in {path.slice(0, -1).join(' / ')}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => onDialog('merge')}>
          Merge into…
        </button>
        <button type="button" disabled={!counts?.codings} onClick={() => onDialog('split')}>
          Split…
        </button>
        <button type="button" className="danger" onClick={() => onDialog('delete')}>
          Delete…
        </button>
      </div>
      <p className="muted small" style={{ marginTop: -4 }}>
        {counts?.codings ?? 0} codings in {counts?.sources ?? 0} documents · {code.origin}
        {creator ? ` · created by ${creator}` : ''} · {code.createdAt.slice(0, 10)}
        {first ? (
          <>
            {' '}· first seen in{' '}
            <button type="button" className="link" onClick={() => ui.openSource(first.id)}>
              {first.name}
            </button>
          </>
        ) : null}
      </p>
      <div className="details-grid">
        <label className="field">
          <span>Name</span>
          <input
            id="code-name-input"
            defaultValue={code.name}
            onBlur={(e) => e.target.value.trim() && e.target.value !== code.name && save({ name: e.target.value })}
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          />
        </label>
        <label className="field">
          <span>Origin</span>
          <select value={code.origin} onChange={(e) => save({ origin: e.target.value as CodeOrigin })}>
            <option value="deductive">Deductive (from the codebook)</option>
            <option value="inductive">Inductive (emerged from the data)</option>
            <option value="in-vivo">In vivo (the participant’s words)</option>
          </select>
        </label>
        <label className="field">
          <span>Key</span>
          <input
            defaultValue={code.shortcut ?? ''}
            maxLength={1}
            placeholder="e.g. 1"
            aria-label="Shortcut key that applies this code to the selection"
            onBlur={(e) => {
              const key = e.target.value.trim();
              if (RESERVED_KEYS.has(key.toLowerCase())) {
                toast.error(`'${key}' is taken by the workspace (C: palette, T: whole turn); choose another key`);
                e.target.value = code.shortcut ?? '';
                return;
              }
              if (key !== (code.shortcut ?? '')) save({ shortcut: key || null });
            }}
          />
        </label>
      </div>
      <div className="field">
        <span>Colour</span>
        <div className="row" role="group" aria-label="Colour">
          {CODE_PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch-button"
              aria-label={colourName(c)}
              title={colourName(c)}
              aria-pressed={code.color === c}
              style={{ background: c }}
              onClick={() => save({ color: c })}
            />
          ))}
          <input type="color" aria-label="Custom colour" defaultValue={code.color} onBlur={(e) => e.target.value !== code.color && save({ color: e.target.value })} />
        </div>
      </div>
      {text('definition', 'Definition', 'What this code means in this study')}
      {text('inclusion', 'Inclusion criteria', 'When to apply it')}
      {text('exclusion', 'Exclusion criteria', 'When not to apply it (and what to use instead)')}
      {text('example', 'Example', 'A typical quote')}
      <label className="row small" style={{ margin: '4px 0 12px' }}>
        <input type="checkbox" checked={!code.codable} onChange={(e) => save({ codable: !e.target.checked })} />
        Category only (groups codes; cannot be applied to text)
      </label>
      <h2>Memo</h2>
      {memo ? (
        <MemoEditor memo={memo} label={`Memo on the code ${code.name}`} />
      ) : (
        <button type="button" onClick={() => attempt(() => store.run((p, ctx) => createMemo(p, ctx, { target: { kind: 'code', id: code.id }, title: code.name })))}>
          + Write a memo on this code
        </button>
      )}
    </div>
  );
}
