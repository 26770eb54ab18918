/** Agreement tables: per code, per source and overall, each figure beside the counts it comes from. */
import { useMemo, useState, type ReactNode } from 'react';
import type { AgreementUnit, CharComparison, Comparison, SegmentComparison, UnitComparison } from '../../../../shared/agreement';
import { DEFAULT_OVERLAP_PERCENT, compareCoders, comparisonTable, countOf, describeComparison, fixedFigure, percentFigure } from '../../../../shared/agreement';
import { toCsv } from '../../../../shared/analysis/csv';
import { useServices } from '../../app/services';
import { attempt, toast } from '../../app/toast';
import { useProject } from '../../store';
import { CoderPair } from './CoderPair';

const UNITS: { id: AgreementUnit; label: string }[] = [
  { id: 'char', label: 'Characters (kappa, as NVivo)' },
  { id: 'segment', label: 'Segments (overlap, as MAXQDA)' },
  { id: 'turn', label: 'Speaker turns (alpha)' },
  { id: 'sentence', label: 'Sentences (alpha)' },
];

const fixed = (x: number) => fixedFigure(x, 3, '—');
const percent = (x: number) => percentFigure(x, '—');

export default function AgreementPanel({ pair, onPair, onReview }: { pair: [string, string]; onPair: (p: [string, string]) => void; onReview: (codeId: string) => void }) {
  const project = useProject((p) => p);
  const [unit, setUnit] = useState<AgreementUnit>('char');
  const [overlap, setOverlap] = useState(DEFAULT_OVERLAP_PERCENT);
  const [codedOnly, setCodedOnly] = useState(false);
  const result = useMemo(() => {
    try {
      return compareCoders(project, { coderIds: pair, unit, overlapPercent: overlap, universe: codedOnly ? 'coded' : 'all' });
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [project, pair, unit, overlap, codedOnly]);

  return (
    <div>
      <div className="team-controls">
        <CoderPair coders={project.coders} pair={pair} onPair={onPair} />
        <label className="field">
          <span>Unit</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value as AgreementUnit)}>
            {UNITS.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
        {unit === 'segment' && (
          <label className="field">
            <span>Minimum overlap (%)</span>
            <input type="number" min={1} max={100} value={overlap} onChange={(e) => setOverlap(Math.min(100, Math.max(1, Number(e.target.value) || 1)))} />
          </label>
        )}
        {unit === 'char' && (
          <label className="row">
            <input type="checkbox" checked={codedOnly} onChange={(e) => setCodedOnly(e.target.checked)} /> Count only text at least one coder coded
          </label>
        )}
      </div>
      {result instanceof Error ? (
        <div className="empty">{result.message}</div>
      ) : (
        <Tables result={result} onReview={onReview} />
      )}
    </div>
  );
}

type Names = Map<string, string>;

function Tables({ result, onReview }: { result: Comparison; onReview: (codeId: string) => void }) {
  const { host } = useServices();
  const names = useMemo(() => {
    const out: Names = new Map([...result.codes, ...result.sources].map((x) => [x.id, x.name]));
    return out;
  }, [result]);
  // A code's name opens its disagreements: the figure and the text behind it, one click apart.
  const codeName = (id: string) => (
    <button type="button" className="link" title="Review the disagreements on this code" onClick={() => onReview(id)}>
      {names.get(id) ?? id}
    </button>
  );
  if (result.sources.length === 0) {
    return (
      <div className="empty">
        <strong>No source coded by both</strong>
        Agreement is measured on the sources both coders coded.
      </div>
    );
  }
  const words = describeComparison(result);
  const copy = () =>
    attempt(async () => {
      await navigator.clipboard.writeText(words);
      toast.info('Copied the description of the agreement.');
    });
  const download = () =>
    attempt(async () => {
      const pair = result.coders.map((c) => c.name).join(' vs ');
      const bytes = new TextEncoder().encode(toCsv(comparisonTable(result), { bom: true }));
      await host.saveFile({ title: 'Save agreement table', suggestedName: `agreement ${result.unit} - ${pair}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }], bytes });
    });
  const scope = (
    <>
      <p className="muted small">
        {countOf(result.sources.length, 'source')} coded by both, {countOf(result.codes.length, 'code')}.
        {result.skippedSources.length > 0 && ` Left out: ${result.skippedSources.map((s) => `${s.name} (${s.reason})`).join('; ')}.`}
      </p>
      <div className="panel team-card">
        <p className="team-words" aria-label="Agreement in words">
          {words}
        </p>
        <div className="team-card-actions">
          <button type="button" onClick={copy}>
            Copy text
          </button>
          <button type="button" onClick={download}>
            Download table (CSV)…
          </button>
        </div>
      </div>
    </>
  );
  if (result.unit === 'char') return <>{scope}<CharTables c={result} names={names} codeName={codeName} /></>;
  if (result.unit === 'segment') return <>{scope}<SegmentTables c={result} names={names} codeName={codeName} /></>;
  return <>{scope}<UnitTables c={result} names={names} codeName={codeName} /></>;
}

/** Overall, per code and per source: the same three tables whatever the unit, with the unit's own columns. */
function AgreementSections<S extends { id: string }, O>(props: {
  c: { overall: O; perCode: S[]; perSource: S[] };
  overallLabel: ReactNode;
  head: (first: string) => ReactNode;
  row: (key: string, name: ReactNode, s: O | S) => ReactNode;
  names: Names;
  codeName: (id: string) => ReactNode;
}) {
  const { c, head, row, names, codeName } = props;
  return (
    <>
      <h2 className="team-section">Overall</h2>
      <table className="grid" aria-label="Overall agreement">
        {head('')}
        <tbody>{row('overall', props.overallLabel, c.overall)}</tbody>
      </table>
      <h2 className="team-section">Per code</h2>
      <table className="grid" aria-label="Agreement per code">
        {head('Code')}
        <tbody>{c.perCode.map((s) => row(s.id, codeName(s.id), s))}</tbody>
      </table>
      <h2 className="team-section">Per source</h2>
      <table className="grid" aria-label="Agreement per source">
        {head('Source')}
        <tbody>{c.perSource.map((s) => row(s.id, names.get(s.id) ?? s.id, s))}</tbody>
      </table>
    </>
  );
}

function CharTables({ c, names, codeName }: { c: CharComparison; names: Names; codeName: (id: string) => ReactNode }) {
  const head = (first: string) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="team-figure">Kappa</th>
        <th className="team-figure">Agreement</th>
        <th className="team-figure">Both</th>
        <th className="team-figure">A only</th>
        <th className="team-figure">B only</th>
        <th className="team-figure">Neither</th>
        <th className="team-figure">Mean kappa</th>
      </tr>
    </thead>
  );
  const row = (key: string, name: ReactNode, s: CharComparison['overall']) => (
    <tr key={key}>
      <td>{name}</td>
      <td className="team-figure" title={s.pooled.reason}>{fixed(s.pooled.kappa)}</td>
      <td className="team-figure">{percent(s.pooled.percentAgreement)}</td>
      <td className="team-figure">{s.pooled.both}</td>
      <td className="team-figure">{s.pooled.aOnly}</td>
      <td className="team-figure">{s.pooled.bOnly}</td>
      <td className="team-figure">{s.pooled.neither}</td>
      <td className="team-figure">{fixed(s.meanKappa)}</td>
    </tr>
  );
  return (
    <>
      <p className="small muted">
        Characters coded by both, by one, or by neither ({c.universe === 'all' ? 'all text' : 'only text at least one coder coded'}); counts pooled over
        sources, mean kappa over the sources where either coder applied the code.
      </p>
      <AgreementSections c={c} overallLabel={'All codes (pooled; mean of codes)'} head={head} row={row} names={names} codeName={codeName} />
    </>
  );
}

function SegmentTables({ c, names, codeName }: { c: SegmentComparison; names: Names; codeName: (id: string) => ReactNode }) {
  // Each unit's header and row differ in every column; only the table shape is alike (AgreementSections serves what is shared).
  const head = (first: string) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="team-figure">Agreement</th>
        <th className="team-figure">Agreements</th>
        <th className="team-figure">Disagreements</th>
        <th className="team-figure">A matched</th>
        <th className="team-figure">B matched</th>
      </tr>
    </thead>
  );
  const row = (key: string, name: ReactNode, s: SegmentComparison['overall']) => (
    <tr key={key}>
      <td>{name}</td>
      <td className="team-figure">{percent(s.pooled.percentAgreement)}</td>
      <td className="team-figure">{s.pooled.agreements}</td>
      <td className="team-figure">{s.pooled.disagreements}</td>
      <td className="team-figure">{`${s.pooled.aMatched} / ${s.pooled.aSegments}`}</td>
      <td className="team-figure">{`${s.pooled.bMatched} / ${s.pooled.bSegments}`}</td>
    </tr>
  );
  return (
    <>
      <p className="small muted">A segment agrees when the other coder applied the same code to a segment overlapping it by at least {c.overlapPercent}%.</p>
      <AgreementSections c={c} overallLabel={'All codes'} head={head} row={row} names={names} codeName={codeName} />
    </>
  );
}

function UnitTables({ c, names, codeName }: { c: UnitComparison; names: Names; codeName: (id: string) => ReactNode }) {
  const head = (first: string) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th className="team-figure">Alpha</th>
        <th className="team-figure">Units</th>
        <th className="team-figure">Coded by both</th>
        <th className="team-figure">By one</th>
        <th className="team-figure">By neither</th>
      </tr>
    </thead>
  );
  const row = (key: string, name: ReactNode, s: { histogram: number[]; result: UnitComparison['overall']['result'] }) => (
    <tr key={key}>
      <td>{name}</td>
      <td className="team-figure" title={s.result.reason}>{fixed(s.result.alpha)}</td>
      <td className="team-figure">{s.histogram.reduce((a, b) => a + b, 0)}</td>
      <td className="team-figure">{s.histogram[2] ?? 0}</td>
      <td className="team-figure">{s.histogram[1] ?? 0}</td>
      <td className="team-figure">{s.histogram[0] ?? 0}</td>
    </tr>
  );
  return (
    <>
      <p className="small muted">Krippendorff’s alpha (nominal): each coder’s value for a {c.unit} is whether they applied the code anywhere in it.</p>
      <AgreementSections c={c} overallLabel={`All codes (pooled); mean of codes ${fixed(c.overall.meanAlpha)}`} head={head} row={row} names={names} codeName={codeName} />
    </>
  );
}
