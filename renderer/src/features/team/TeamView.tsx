/**
 * Team work: bring in a second coder's project (previewed, conflicts resolved, one undo
 * step), see how far the coders agree, and settle their disagreements as consensus.
 */
import { useMemo, useState } from 'react';
import { busiestPair } from '../../../../shared/agreement';
import { useProject } from '../../store';
import AgreementPanel from './AgreementPanel';
import DisagreementPanel from './DisagreementPanel';
import MergePanel from './MergePanel';
import './team.css';

const TABS = [
  { id: 'merge', label: 'Merge a coder’s project' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'disagreements', label: 'Disagreements' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export default function TeamView() {
  const [tab, setTab] = useState<Tab>('merge');
  const coders = useProject((p) => p.coders);
  const codings = useProject((p) => p.codings);
  const people = useMemo(() => coders.filter((c) => !c.isConsensus), [coders]);
  const busiest = useMemo(() => busiestPair({ coders, codings }), [coders, codings]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [codeFilter, setCodeFilter] = useState('');
  // The chosen pair while both still exist, else the two coders who share the most coded sources.
  const chosen: [string, string] | null = pair && people.some((c) => c.id === pair[0]) && people.some((c) => c.id === pair[1]) ? pair : busiest;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Team</h1>
        <span className="muted">{people.length === 1 ? '1 coder' : `${people.length} coders`}</span>
      </div>
      <div className="team-tabs" role="tablist" aria-label="Team work">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'merge' && <MergePanel />}
        {tab !== 'merge' && !chosen && (
          <div className="empty">
            <strong>Agreement needs two coders</strong>
            Merge a second coder’s project first, or code as another person.
          </div>
        )}
        {tab === 'agreement' && chosen && (
          <AgreementPanel
            pair={chosen}
            onPair={setPair}
            onReview={(codeId) => {
              setCodeFilter(codeId);
              setTab('disagreements');
            }}
          />
        )}
        {tab === 'disagreements' && chosen && <DisagreementPanel pair={chosen} onPair={setPair} codeId={codeFilter} onCode={setCodeFilter} />}
      </div>
    </div>
  );
}
