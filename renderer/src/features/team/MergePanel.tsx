/**
 * Merging another coder's .qdpx: read it, preview what will happen to every code,
 * coder and source, let the user resolve conflicts and map coders, then apply the whole
 * merge as one undoable step and show its report.
 */
import { useMemo, useState } from 'react';
import { readQdc } from '../../../../shared/formats/refi';
import type { MergeEntry, Resolution, Resolutions } from '../../../../shared/merge';
import { mergeProject, projectReportText } from '../../../../shared/merge';
import type { Guid, Project } from '../../../../shared/model';
import { emptyProject, isoNow, newGuid } from '../../../../shared/model';
import { useServices } from '../../app/services';
import { readProjectFile } from '../../app/read-project';
import { attempt, toast } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';

const FILES = [
  { name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qdc'] },
  { name: 'REFI-QDA project', extensions: ['qdpx'] },
  { name: 'REFI-QDA codebook', extensions: ['qdc'] },
];

/**
 * A colleague's project is read in a worker, as File > Open does (a large one would freeze
 * the window otherwise); its rows are checked again when the merge is applied. A codebook
 * on its own is small, read here, and merges as a project with nothing but codes and themes.
 */
async function readIncoming(bytes: Uint8Array, name: string): Promise<Project> {
  if (!name.toLowerCase().endsWith('.qdc')) return (await readProjectFile(bytes, name)).project;
  const { codes, themes } = readQdc(bytes, name);
  return { ...emptyProject({ id: newGuid(), name, now: isoNow() }), codes, themes };
}

export default function MergePanel() {
  const { host } = useServices();
  const project = useProject((p) => p);
  const store = useProjectStore();
  const [incoming, setIncoming] = useState<{ name: string; project: Project } | null>(null);
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [coderMap, setCoderMap] = useState<Record<Guid, Guid | 'new'>>({});
  const [done, setDone] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const preview = useMemo(() => {
    if (!incoming) return null;
    try {
      const ctx = { newId: newGuid, now: isoNow, coderId: store.coderId ?? project.coders[0]?.id ?? newGuid() };
      return mergeProject(project, incoming.project, ctx, { codeResolutions: resolutions, coderMap, incomingLabel: incoming.name });
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [project, incoming, resolutions, coderMap, store.coderId]);

  const choose = async () => {
    const [file] = await host.openFiles({ title: 'Import a coder’s project or codebook', filters: FILES, multiple: false });
    if (!file) return;
    setReading(file.name);
    try {
      const read = await readIncoming(file.bytes, file.name);
      setIncoming({ name: file.name, project: read });
      setResolutions({});
      setCoderMap({});
      setDone(null);
    } catch (e) {
      toast.error(`Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setReading(null);
    }
  };

  const commit = () =>
    attempt(async () => {
      if (!preview || preview instanceof Error) return;
      await store.apply(preview.set);
      setDone(projectReportText(preview.report));
      setIncoming(null);
      toast.info(`Merged ${incoming?.name ?? 'the project'}. Undo takes the whole merge back.`);
    });

  return (
    <div>
      <div className="team-controls">
        <button type="button" className={incoming ? '' : 'primary'} disabled={reading !== null} onClick={() => attempt(choose)}>
          Import a coder’s project or codebook (.qdpx, .qdc)…
        </button>
        {reading ? (
          <span className="muted" role="status">
            Reading {reading}…
          </span>
        ) : (
          incoming && <span className="muted">{incoming.name}</span>
        )}
        <span className="spacer" />
        {preview && !(preview instanceof Error) && (
          <>
            <button type="button" onClick={() => setIncoming(null)}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={commit}>
              Merge
            </button>
          </>
        )}
      </div>
      {!incoming && !done && (
        <div className="empty">
          <strong>Bring a colleague’s coding in</strong>
          Choose the .qdpx they exported (or a .qdc codebook). You will see how every code, coder and transcript will be matched before anything
          changes; the merge is one step you can undo.
        </div>
      )}
      {done && (
        <>
          <h2 className="team-section">Merge report</h2>
          <pre className="team-report" aria-label="Merge report">
            {done}
          </pre>
        </>
      )}
      {preview instanceof Error && <div className="empty">{preview.message}</div>}
      {preview && !(preview instanceof Error) && incoming && (
        <Preview
          project={project}
          incoming={incoming.project}
          result={preview}
          resolutions={resolutions}
          onResolve={(key, r) => setResolutions((old) => withResolution(old, key, r))}
          coderMap={coderMap}
          onCoder={(id, to) => setCoderMap((old) => withCoder(old, id, to))}
        />
      )}
    </div>
  );
}

function withResolution(old: Resolutions, key: string, r: Resolution | null): Record<string, Resolution> {
  const next = { ...old };
  if (r) next[key] = r;
  else delete next[key];
  return next;
}

function withCoder(old: Record<Guid, Guid | 'new'>, id: Guid, to: Guid | 'new' | ''): Record<Guid, Guid | 'new'> {
  const next = { ...old };
  if (to) next[id] = to;
  else delete next[id];
  return next;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const KIND_LABEL: Record<MergeEntry['kind'], string> = {
  identical: 'identical',
  matched: 'matched',
  renamed: 'renamed',
  moved: 'moved',
  conflicting: 'conflict',
  new: 'new',
};

function Preview(props: {
  project: Project;
  incoming: Project;
  result: ReturnType<typeof mergeProject>;
  resolutions: Resolutions;
  onResolve: (key: string, r: Resolution | null) => void;
  coderMap: Record<Guid, Guid | 'new'>;
  onCoder: (id: Guid, to: Guid | 'new' | '') => void;
}) {
  const { project, incoming, result, resolutions, onResolve, coderMap, onCoder } = props;
  const { report } = result;
  const [showIdentical, setShowIdentical] = useState(false);
  const entries = report.codebook.entries.filter((e) => showIdentical || e.kind !== 'identical');
  const added = (t: keyof typeof report.added) => report.added[t] ?? 0;
  return (
    <>
      <p>
        Will add {plural(added('sources'), 'transcript')}, {plural(added('codes'), 'code')}, {plural(added('codings'), 'coding')}, {plural(added('memos'), 'memo')}{' '}
        and {plural(added('coders'), 'coder')}
        {report.updated.codes ? ` and change ${report.updated.codes} of your codes as decided below` : ''}; {plural(report.alreadyPresent.sources ?? 0, 'transcript')}
        and {plural(report.alreadyPresent.codings ?? 0, 'coding')}
        {(report.alreadyPresent.memos ?? 0) > 0 ? ` and ${plural(report.alreadyPresent.memos!, 'memo')}` : ''} are already here.
      </p>
      <h2 className="team-section">Coders</h2>
      <table className="grid" aria-label="Coders">
        <thead>
          <tr>
            <th>Their coder</th>
            <th>Becomes</th>
          </tr>
        </thead>
        <tbody>
          {incoming.coders.map((c, i) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>
                <select aria-label={`Coder ${c.name} becomes`} value={coderMap[c.id] ?? ''} onChange={(e) => onCoder(c.id, e.target.value as Guid | 'new' | '')}>
                  <option value="">Automatic: {report.coders[i]?.how === 'new' ? 'a new coder' : `${report.coders[i]?.mergedAs} (same ${report.coders[i]?.how === 'id' ? 'id' : 'name'})`}</option>
                  <option value="new">A separate coder</option>
                  {project.coders.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="team-section">Transcripts</h2>
      <ul className="small">
        {report.sources.map((s, i) => (
          <li key={i}>
            {s.incoming} → {s.how === 'same text' ? <>{s.mergedAs} (same text)</> : 'added'}
          </li>
        ))}
      </ul>
      <h2 className="team-section">
        Codebook: {report.codebook.counts.conflicting} conflicts, {report.codebook.counts.renamed} renamed, {report.codebook.counts.moved} moved,{' '}
        {report.codebook.counts.new} new, {report.codebook.counts.matched + report.codebook.counts.identical} the same
      </h2>
      <label className="row small">
        <input type="checkbox" checked={showIdentical} onChange={(e) => setShowIdentical(e.target.checked)} /> Show identical codes
      </label>
      <table className="grid" aria-label="Codebook merge preview">
        <thead>
          <tr>
            <th>Their code</th>
            <th>Status</th>
            <th>Differences</th>
            <th>Decision</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.key}>
              <td>{e.path.join(' › ')}</td>
              <td>
                <span className={`team-kind team-kind-${e.kind}`}>{KIND_LABEL[e.kind]}</span>
                {e.matchedBy && <div className="small muted">by {e.matchedBy}</div>}
              </td>
              <td>
                {e.differences.map((d) => (
                  <div key={d.field} className="team-diff">
                    <b>{d.field}</b>: mine “{d.a || '(empty)'}” · theirs “{d.b || '(empty)'}”
                  </div>
                ))}
                {e.proposals.map((p) => (
                  <div key={p.codeId} className="team-diff">
                    may be <b>{p.path.join(' › ')}</b>: {p.why}
                  </div>
                ))}
                {e.note && <div className="team-diff">{e.note}</div>}
              </td>
              <td>
                <Decision entry={e} resolution={resolutions[e.key]} onResolve={(r) => onResolve(e.key, r)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.notPlaced.length > 0 && (
        <>
          <h2 className="team-section">Cannot be placed ({report.notPlaced.length})</h2>
          <ul className="small">
            {report.notPlaced.map((n, i) => (
              <li key={i}>
                {n.what}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.conflicts.length > 0 && (
        <>
          <h2 className="team-section">Kept as this project has them</h2>
          <ul className="small">
            {report.conflicts.map((c, i) => (
              <li key={i}>
                {c.what}: kept “{c.kept}”, theirs “{c.incoming}”
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Decision({ entry, resolution, onResolve }: { entry: MergeEntry; resolution: Resolution | undefined; onResolve: (r: Resolution | null) => void }) {
  const matchedByUser = resolution?.action === 'match';
  if (entry.kind === 'new' || matchedByUser) {
    if (entry.proposals.length === 0 && !matchedByUser) return <span className="muted small">added as a new code</span>;
    const value = resolution?.action === 'match' ? resolution.codeId : resolution?.action === 'keep-both' ? 'keep-both' : '';
    return (
      <select aria-label={`Decision for ${entry.path.join(' › ')}`} value={value} onChange={(e) => onResolve(e.target.value ? { action: 'match', codeId: e.target.value } : null)}>
        <option value="">Add as a new code</option>
        {entry.proposals.map((p) => (
          <option key={p.codeId} value={p.codeId}>
            Same as {p.path.join(' › ')}
          </option>
        ))}
        {matchedByUser && !entry.proposals.some((p) => p.codeId === resolution.codeId) && <option value={resolution.codeId}>(chosen match)</option>}
      </select>
    );
  }
  if (entry.differences.length === 0 && resolution?.action !== 'keep-both') return <span className="muted small">merged</span>;
  const action = resolution?.action ?? 'keep-a';
  const definition = entry.differences.find((d) => d.field === 'definition');
  return (
    <div>
      <select
        aria-label={`Decision for ${entry.path.join(' › ')}`}
        value={action}
        onChange={(e) => {
          const next = e.target.value as Resolution['action'];
          if (next === 'edit') onResolve({ action: 'edit', fields: { definition: [definition?.a, definition?.b].filter(Boolean).join('\n\n') } });
          else if (next === 'keep-a') onResolve(null);
          else onResolve({ action: next } as Resolution);
        }}
      >
        <option value="keep-a">Keep mine</option>
        <option value="keep-b">Keep theirs</option>
        <option value="keep-both">Keep both as separate codes</option>
        <option value="edit">Write merged text…</option>
      </select>
      {resolution?.action === 'edit' && (
        <div className="team-edit">
          <input
            aria-label="Merged name"
            placeholder="Name (leave empty to keep mine)"
            value={resolution.fields.name ?? ''}
            onChange={(e) => onResolve({ action: 'edit', fields: { ...resolution.fields, name: e.target.value } })}
          />
          <textarea
            aria-label="Merged definition"
            value={resolution.fields.definition ?? ''}
            onChange={(e) => onResolve({ action: 'edit', fields: { ...resolution.fields, definition: e.target.value } })}
          />
        </div>
      )}
    </div>
  );
}
