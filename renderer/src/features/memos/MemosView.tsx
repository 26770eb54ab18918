/**
 * Every memo in the project: project, document, code, theme, case and coding memos,
 * searchable by title and text, each opened in the rich-text editor (saved as you type).
 */
import { useMemo, useState } from 'react';
import type { Memo, MemoTarget, Project } from '../../../../shared/model';
import { createMemo, deleteMemo, memoPlainText, updateMemo } from '../../../../shared/ops';
import { attempt } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import { MemoEditor } from './MemoEditor';
import { useServices, useUi } from '../../app/services';

const KIND_LABEL: Record<MemoTarget['kind'], string> = {
  project: 'Project',
  source: 'Document',
  code: 'Code',
  theme: 'Theme',
  coding: 'Coding',
  case: 'Case',
};

function targetName(project: Pick<Project, 'sources' | 'codes' | 'themes' | 'codings' | 'cases'>, t: MemoTarget): string {
  switch (t.kind) {
    case 'project':
      return 'the project';
    case 'source':
      return project.sources.find((s) => s.id === t.id)?.name ?? 'a deleted document';
    case 'code':
      return project.codes.find((c) => c.id === t.id)?.name ?? 'a deleted code';
    case 'theme':
      return project.themes.find((c) => c.id === t.id)?.name ?? 'a deleted theme';
    case 'case':
      return project.cases.find((c) => c.id === t.id)?.name ?? 'a deleted case';
    case 'coding': {
      const coding = project.codings.find((c) => c.id === t.id);
      const code = coding && project.codes.find((c) => c.id === coding.codeId);
      return code ? `a '${code.name}' coding` : 'a deleted coding';
    }
  }
}

export default function MemosView() {
  const { ui } = useServices();
  const store = useProjectStore();
  const memos = useProject((p) => p.memos);
  const sources = useProject((p) => p.sources);
  const codes = useProject((p) => p.codes);
  const themes = useProject((p) => p.themes);
  const codings = useProject((p) => p.codings);
  const cases = useProject((p) => p.cases);
  const memoId = useUi((s) => s.memoId);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<MemoTarget['kind'] | ''>('');
  const [newTarget, setNewTarget] = useState('project');
  const names = { sources, codes, themes, codings, cases };

  const rows = useMemo(
    () =>
      memos
        .map((m) => ({ memo: m, text: memoPlainText(m.body) }))
        .sort((a, b) => b.memo.modifiedAt.localeCompare(a.memo.modifiedAt)),
    [memos],
  );
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => (!kind || r.memo.target.kind === kind) && (!q || r.memo.title.toLowerCase().includes(q) || r.text.toLowerCase().includes(q)));
  const open = memos.find((m) => m.id === memoId) ?? null;

  const create = () =>
    attempt(() => {
      const [k, id] = newTarget.split(':') as [MemoTarget['kind'], string | undefined];
      const target = (k === 'project' ? { kind: 'project' } : { kind: k, id: id! }) as MemoTarget;
      const made = store.run((p, ctx) => createMemo(p, ctx, { target, title: '' }));
      ui.set({ memoId: made.id });
      requestAnimationFrame(() => document.getElementById('memo-title')?.focus());
    });

  return (
    <div className="memos-view">
      <aside className="side" aria-label="Memo list">
        <div className="side-section">
          <div className="row">
            <h2 style={{ margin: 0 }}>Memos</h2>
            <span className="muted small">{memos.length}</span>
          </div>
          <div className="row" style={{ marginTop: 8, flexWrap: 'nowrap' }}>
            <select aria-label="New memo about" value={newTarget} onChange={(e) => setNewTarget(e.target.value)} style={{ flex: 1, minWidth: 0 }}>
              <option value="project">About the project</option>
              <optgroup label="Documents">
                {sources.map((s) => (
                  <option key={s.id} value={`source:${s.id}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Codes">
                {codes.map((c) => (
                  <option key={c.id} value={`code:${c.id}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Themes">
                {themes.map((t) => (
                  <option key={t.id} value={`theme:${t.id}`}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            </select>
            <button type="button" className="primary" onClick={create}>
              + Memo
            </button>
          </div>
          <div className="row" style={{ marginTop: 8, flexWrap: 'nowrap' }}>
            <input type="search" aria-label="Search memos" placeholder="Search memos" value={query} onChange={(e) => setQuery(e.target.value)} style={{ flex: 1, minWidth: 0 }} />
            <select aria-label="Filter memos by kind" value={kind} onChange={(e) => setKind(e.target.value as MemoTarget['kind'] | '')}>
              <option value="">All</option>
              {Object.entries(KIND_LABEL).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ul className="list" style={{ overflow: 'auto', flex: 1 }} aria-label="Memos">
          {shown.map(({ memo, text }) => (
            <li key={memo.id}>
              <button
                type="button"
                className={`list-item ${memo.id === memoId ? 'selected' : ''}`}
                style={{ width: '100%', textAlign: 'left', border: 'none', borderRadius: 0, borderBottom: '1px solid var(--border)' }}
                onClick={() => ui.set({ memoId: memo.id })}
                aria-current={memo.id === memoId}
              >
                <strong>{memo.title || 'Untitled memo'}</strong>
                <div className="memo-meta">
                  {KIND_LABEL[memo.target.kind]} · {targetName(names, memo.target)} · {memo.modifiedAt.slice(0, 10)}
                </div>
                <div className="memo-snippet">{text.slice(0, 120) || '—'}</div>
              </button>
            </li>
          ))}
          {shown.length === 0 && (
            <li className="empty small">{memos.length ? 'No memo matches.' : 'No memos yet. Write down what you notice as you code.'}</li>
          )}
        </ul>
      </aside>
      <section className="page" aria-label="Memo">
        {open ? <MemoPage key={open.id} memo={open} about={targetName(names, open.target)} /> : <div className="empty">Choose a memo, or start a new one.</div>}
      </section>
    </div>
  );
}

function MemoPage({ memo, about }: { memo: Memo; about: string }) {
  const { ui } = useServices();
  const store = useProjectStore();
  const codings = useProject((p) => p.codings);
  const t = memo.target;
  const go = () => {
    if (t.kind === 'source') ui.openSource(t.id);
    else if (t.kind === 'code') ui.set({ view: 'codebook', selectedCodeId: t.id });
    else if (t.kind === 'coding') {
      const c = codings.find((x) => x.id === t.id);
      if (c) {
        ui.openSource(c.sourceId, { start: c.start, end: c.end });
        ui.set({ selectedCodingId: c.id });
      }
    }
  };
  return (
    <div style={{ maxWidth: 820 }}>
      <div className="page-header">
        <input
          id="memo-title"
          aria-label="Memo title"
          className="project-name-input"
          defaultValue={memo.title}
          placeholder="Title"
          onBlur={(e) => e.target.value !== memo.title && attempt(() => store.run((p, ctx) => updateMemo(p, ctx, memo.id, { title: e.target.value })))}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          style={{ flex: 1 }}
        />
        <button
          type="button"
          className="danger"
          onClick={() =>
            attempt(() => {
              store.run((p, ctx) => deleteMemo(p, ctx, memo.id));
              ui.set({ memoId: null });
            })
          }
        >
          Delete
        </button>
      </div>
      <p className="muted small">
        {KIND_LABEL[t.kind]} memo on{' '}
        {t.kind === 'source' || t.kind === 'code' || t.kind === 'coding' ? (
          <button type="button" className="link" onClick={go}>
            {about}
          </button>
        ) : (
          about
        )}{' '}
        · created {memo.createdAt.slice(0, 10)} · saved as you type
      </p>
      <MemoEditor memo={memo} label={`Memo: ${memo.title || 'untitled'}`} />
    </div>
  );
}
