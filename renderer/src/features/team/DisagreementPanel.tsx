/** Disagreement review: each stretch where the coders differ, side by side, with a jump to the text and a decision. */
import { useMemo, useState } from 'react';
import type { Interval } from '../../../../shared/agreement';
import type { ConsensusChoice, Disagreement } from '../../../../shared/merge';
import { listDisagreements, resolveDisagreement } from '../../../../shared/merge';
import type { Source } from '../../../../shared/model';
import { attempt } from '../../app/toast';
import { useProject, useProjectStore } from '../../store';
import { CoderPair } from './CoderPair';
import { useServices } from '../../app/services';

const PAGE = 50;
/** Characters of context shown around a disagreement. */
const CONTEXT = 60;

const KIND_LABEL = { 'only-a': 'only A coded this', 'only-b': 'only B coded this', boundaries: 'boundaries differ' } as const;

export default function DisagreementPanel(props: {
  pair: [string, string];
  onPair: (p: [string, string]) => void;
  /** '' for every code. */
  codeId: string;
  onCode: (codeId: string) => void;
}) {
  const { ui } = useServices();
  const { pair, onPair, codeId, onCode: setCodeId } = props;
  const project = useProject((p) => p);
  const store = useProjectStore();
  const [showResolved, setShowResolved] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const all = useMemo(() => listDisagreements(project, { coderIds: pair, ...(codeId ? { codeIds: [codeId] } : {}) }), [project, pair, codeId]);
  const shown = showResolved ? all : all.filter((d) => !d.resolved);
  const sources = useMemo(() => new Map(project.sources.map((s) => [s.id, s])), [project.sources]);
  const codes = useMemo(() => new Map(project.codes.map((c) => [c.id, c])), [project.codes]);
  const coderName = (id: string) => project.coders.find((c) => c.id === id)?.name ?? '';

  const resolve = (d: Disagreement, choice: ConsensusChoice) =>
    attempt(() => store.run((p, ctx) => resolveDisagreement(p, ctx, d, choice)));

  return (
    <div>
      <div className="team-controls">
        <CoderPair coders={project.coders} pair={pair} onPair={onPair} />
        <label className="field">
          <span>Code</span>
          <select aria-label="Code" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
            <option value="">All codes</option>
            {project.codes.filter((c) => c.codable).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
        </label>
        <span className="muted small">
          {all.length - all.filter((d) => d.resolved).length} open, {all.filter((d) => d.resolved).length} resolved
        </span>
      </div>
      {shown.length === 0 ? (
        <div className="empty">
          <strong>No open disagreements</strong>
          Where both coders coded a source, they applied {codeId ? 'this code' : 'every code'} to the same text, or the team has decided.
        </div>
      ) : (
        shown.slice(0, limit).map((d) => {
          const source = sources.get(d.sourceId)!;
          const code = codes.get(d.codeId);
          return (
            <section key={d.key} className="panel team-card" aria-label={`Disagreement on ${code?.name ?? 'a code'} in ${source.name}`}>
              <div className="team-card-actions">
                <strong>{code?.name ?? '(deleted code)'}</strong>
                <span className="muted small">
                  in {source.name} · {KIND_LABEL[d.kind]}
                  {d.resolved ? ' · resolved' : ''}
                </span>
                <span className="spacer" />
                <button type="button" className="link" onClick={() => ui.openSource(d.sourceId, { start: d.start, end: d.end })}>
                  Show in text
                </button>
              </div>
              <div className="team-pair">
                <Side title={`A: ${coderName(pair[0])}`} source={source} d={d} covered={d.a} />
                <Side title={`B: ${coderName(pair[1])}`} source={source} d={d} covered={d.b} />
              </div>
              <div className="team-card-actions" role="group" aria-label="Decide">
                <span className="small muted">Consensus:</span>
                <button type="button" onClick={() => resolve(d, 'keep-a')} disabled={d.a.length === 0}>
                  Keep A
                </button>
                <button type="button" onClick={() => resolve(d, 'keep-b')} disabled={d.b.length === 0}>
                  Keep B
                </button>
                <button type="button" onClick={() => resolve(d, 'keep-both')}>
                  Keep both
                </button>
                <button type="button" onClick={() => resolve(d, 'remove')}>
                  Remove
                </button>
              </div>
            </section>
          );
        })
      )}
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
        </button>
      )}
    </div>
  );
}

/** The disagreement's text with one coder's coverage marked, and a little context either side. */
function Side({ title, source, d, covered }: { title: string; source: Source; d: Disagreement; covered: Interval[] }) {
  const from = Math.max(0, d.start - CONTEXT);
  const to = Math.min(source.text.length, d.end + CONTEXT);
  const parts: { text: string; marked: boolean }[] = [];
  let at = from;
  for (const span of covered) {
    if (span.start > at) parts.push({ text: source.text.slice(at, span.start), marked: false });
    parts.push({ text: source.text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (to > at) parts.push({ text: source.text.slice(at, to), marked: false });
  return (
    <div className="team-side">
      <h3>{title}</h3>
      {from > 0 && '…'}
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
      {to < source.text.length && '…'}
      {covered.length === 0 && <div className="small muted">(not coded)</div>}
    </div>
  );
}
