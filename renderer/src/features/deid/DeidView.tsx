/**
 * De-identify: find the identifiers in the chosen sources, review them (replace or keep,
 * category, pseudonym, single occurrences kept), and apply in a copy saved as a new
 * .qdpx, with the mapping in a file of its own. The decisions are saved in this project,
 * so a transcript added later gets the same pseudonyms; this project's text is never changed.
 */
import { useMemo, useState } from 'react';
import type { Candidate, DeidCategory, ListEntry } from '../../../../shared/deid';
import { CATEGORY_LABELS, DEID_CATEGORIES, defaultPseudonym, isNameCategory, saveDecisions } from '../../../../shared/deid';
import { useProject, useProjectStore } from '../../store';
import { attempt, toast } from '../../app/toast';
import { openProjectBytes } from '../../app/project-files';
import { useServices } from '../../app/services';
import { findInProject } from './find-client';
import { ReviewList } from './ReviewList';
import type { SavedCopy } from './save-copy';
import { saveDeidentifiedCopy } from './save-copy';
import './deid.css';

/** The next default pseudonym of a category that no row uses yet. */
function nextPseudonym(rows: readonly Candidate[], category: DeidCategory): string {
  if (!isNameCategory(category)) return defaultPseudonym(category, 1);
  const used = new Set(rows.map((r) => r.pseudonym));
  let n = 1;
  while (used.has(defaultPseudonym(category, n))) n++;
  return defaultPseudonym(category, n);
}

export default function DeidView() {
  const services = useServices();
  const store = useProjectStore();
  const sources = useProject((p) => p.sources);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [list, setList] = useState<ListEntry[]>([]);
  const [adding, setAdding] = useState<{ identifier: string; category: DeidCategory }>({ identifier: '', category: 'person' });
  const [rows, setRows] = useState<Candidate[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [withMapping, setWithMapping] = useState(true);
  const [saved, setSaved] = useState<SavedCopy | null>(null);

  const chosen = sources.filter((s) => !excluded.has(s.id));
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return !rows || !q ? (rows ?? []) : rows.filter((r) => r.label.toLowerCase().includes(q) || r.pseudonym.toLowerCase().includes(q) || r.category.includes(q));
  }, [rows, filter]);
  const accepted = rows?.filter((r) => r.accepted) ?? [];

  const find = (extra: ListEntry[] = list) =>
    attempt(async () => {
      setBusy('Finding identifiers…');
      try {
        const found = await findInProject({ project: store.getProject(), sourceIds: chosen.map((s) => s.id), list: extra });
        setRows(found);
        setOpen(new Set());
      } finally {
        setBusy(null);
      }
    });

  const change = (key: string, patch: Partial<Candidate>) => setRows((all) => all?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? null);
  const changeCategory = (key: string, category: DeidCategory) =>
    setRows((all) => all?.map((r) => (r.key === key ? { ...r, category, pseudonym: nextPseudonym(all, category) } : r)) ?? null);

  const addName = () => {
    const identifier = adding.identifier.trim();
    if (!identifier) return;
    const next = [...list, { identifier, category: adding.category }];
    setList(next);
    setAdding({ identifier: '', category: adding.category });
    find(next);
  };

  const decisions = () => (rows ?? []).map(({ hits: _hits, isNew: _isNew, ...d }) => d);

  const saveReview = () =>
    attempt(async () => {
      await store.apply(saveDecisions(store.getProject(), decisions()));
      setRows((all) => all?.map((r) => ({ ...r, isNew: false })) ?? null);
      toast.info(`Saved ${rows?.length ?? 0} decisions in this project`);
    });

  const apply = () =>
    attempt(async () => {
      setBusy('Writing the copy…');
      try {
        // The decisions stay with the original, so a later transcript gets the same mapping.
        await store.apply(saveDecisions(store.getProject(), decisions()));
        const result = await saveDeidentifiedCopy(services.host, store.getProject(), decisions(), withMapping);
        if (result) setSaved(result);
      } finally {
        setBusy(null);
      }
    });

  const openCopy = () =>
    attempt(async () => {
      if (!saved) return;
      await openProjectBytes(services, { name: saved.name, bytes: saved.bytes });
    });

  return (
    <div className="page deid-page">
      <div className="page-header">
        <h1>De-identify</h1>
        <span className="muted">Replace names, places and other identifiers in a copy; this project stays as it is.</span>
      </div>

      <section className="panel" aria-labelledby="deid-find">
        <div className="panel-header">
          <h2 id="deid-find">1. Find</h2>
        </div>
        <div className="panel-body deid-find">
          <fieldset className="deid-sources">
            <legend>Sources to search ({chosen.length} of {sources.length})</legend>
            {sources.map((s) => (
              <label key={s.id}>
                <input
                  type="checkbox"
                  checked={!excluded.has(s.id)}
                  onChange={(e) =>
                    setExcluded((x) => {
                      const n = new Set(x);
                      if (e.target.checked) n.delete(s.id);
                      else n.add(s.id);
                      return n;
                    })
                  }
                />
                {s.name}
              </label>
            ))}
          </fieldset>
          <p className="muted small">
            Speakers, cases, site and agency attributes, decisions saved before, an English language model (people, places, organisations), capitalised
            words, and patterns: e-mail, phone, street address, full dates, ages over 89, ID and case numbers, web addresses.
          </p>
          <button type="button" className="primary" disabled={busy !== null || chosen.length === 0} onClick={() => find()}>
            {rows ? 'Find again' : 'Find identifiers'}
          </button>
          {busy && (
            <span className="muted" role="status">
              {busy}
            </span>
          )}
        </div>
      </section>

      {rows && (
        <section className="panel deid-review" aria-labelledby="deid-review">
          <div className="panel-header">
            <h2 id="deid-review">2. Review</h2>
            <span className="muted">
              {rows.length} identifiers, {accepted.length} to replace, {rows.reduce((n, r) => n + r.hits.length, 0)} occurrences
            </span>
          </div>
          <div className="panel-body">
            <div className="deid-tools">
              <input type="search" placeholder="Filter" aria-label="Filter identifiers" value={filter} onChange={(e) => setFilter(e.target.value)} />
              <button type="button" onClick={() => setRows(rows.map((r) => ({ ...r, accepted: true })))}>
                Replace all
              </button>
              <button type="button" onClick={() => setRows(rows.map((r) => ({ ...r, accepted: false })))}>
                Replace none
              </button>
              <span className="spacer" />
              <input
                aria-label="Add a name"
                placeholder="Add a name, place or organisation"
                value={adding.identifier}
                onChange={(e) => setAdding({ ...adding, identifier: e.target.value })}
                onKeyDown={(e) => e.key === 'Enter' && addName()}
              />
              <select aria-label="Category of the added name" value={adding.category} onChange={(e) => setAdding({ ...adding, category: e.target.value as DeidCategory })}>
                {DEID_CATEGORIES.map((k) => (
                  <option key={k} value={k}>
                    {CATEGORY_LABELS[k]}
                  </option>
                ))}
              </select>
              <button type="button" onClick={addName} disabled={!adding.identifier.trim() || busy !== null}>
                Add
              </button>
            </div>
            {rows.length === 0 ? (
              <div className="empty">No identifiers found in the chosen sources.</div>
            ) : (
              <ReviewList
                rows={shown}
                open={open}
                onToggleOpen={(key) =>
                  setOpen((o) => {
                    const n = new Set(o);
                    if (n.has(key)) n.delete(key);
                    else n.add(key);
                    return n;
                  })
                }
                onChange={change}
                onCategory={changeCategory}
              />
            )}
            <div className="deid-tools">
              <button type="button" onClick={saveReview} disabled={busy !== null}>
                Save decisions in this project
              </button>
            </div>
          </div>
        </section>
      )}

      {rows && (
        <section className="panel" aria-labelledby="deid-apply">
          <div className="panel-header">
            <h2 id="deid-apply">3. Apply in a copy</h2>
          </div>
          <div className="panel-body deid-apply">
            <p className="small">
              Writes a new project file in which {accepted.length} identifiers are replaced in the text, speakers, cases, attributes, codes, themes and memos.
              Every coding, memo and exemplar stays on the same words. The copy has a new project id and none of these decisions.
            </p>
            <label className="report-check">
              <input type="checkbox" checked={withMapping} onChange={(e) => setWithMapping(e.target.checked)} />
              Also save the mapping (identifier → pseudonym) as its own CSV file. It re-identifies people: keep it apart from the copy.
            </label>
            <button type="button" className="primary" disabled={busy !== null || accepted.length === 0} onClick={apply}>
              Apply and save the copy…
            </button>
            {saved && (
              <div className="deid-done" role="status">
                <p>
                  Saved <strong>{saved.savedAs}</strong>: {saved.replaced} occurrences replaced, all {saved.codings} codings on the same words.
                  {saved.mappingSavedAs ? ` Mapping saved to ${saved.mappingSavedAs}.` : ''}
                </p>
                <button type="button" className="primary" onClick={openCopy}>
                  Open the copy
                </button>
              </div>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
