/** Analysis: retrieval, boolean and text queries, matrices and charts over the open project. */
import { useState } from 'react';
import { ChartsPanel } from './ChartsPanel';
import { MatricesPanel } from './MatricesPanel';
import { QueriesPanel } from './QueriesPanel';
import { RetrieveTab } from './RetrieveTab';
import { useAnalysisIndex } from './use-analysis';
import './analysis.css';
import { useServices } from '../../app/services';

const TABS = [
  { id: 'retrieve', label: 'Retrieve' },
  { id: 'queries', label: 'Queries' },
  { id: 'matrices', label: 'Matrices' },
  { id: 'charts', label: 'Charts' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function AnalysisView() {
  const { ui } = useServices();
  const index = useAnalysisIndex();
  const [tab, setTab] = useState<TabId>('retrieve');
  return (
    <div className="page analysis-view">
      <div className="page-header">
        <h1>Analysis</h1>
        <div role="tablist" aria-label="Analysis tools" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`analysis-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`analysis-panel-${t.id}`}
              className={tab === t.id ? 'tab active' : 'tab'}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`analysis-panel-${tab}`} aria-labelledby={`analysis-tab-${tab}`}>
        {/* Text search still works without codes, so the tools stay; the hint says where the rest comes from. */}
        {index.codings.size === 0 && (
          <div className="empty analysis-empty">
            <strong>{index.codes.size === 0 ? 'No codes yet' : 'Nothing is coded yet'}</strong>
            Excerpts, matrices and charts appear once passages are coded.{' '}
            {index.codes.size === 0 ? (
              <button type="button" className="link" onClick={() => ui.navigate('codebook')}>
                Create codes in the Codebook
              </button>
            ) : (
              <button type="button" className="link" onClick={() => ui.navigate('coding')}>
                Code passages in the Coding view
              </button>
            )}
            {tab === 'queries' && <p>Text search below already works across all documents.</p>}
          </div>
        )}
        {tab === 'retrieve' && <RetrieveTab index={index} />}
        {tab === 'queries' && <QueriesPanel index={index} />}
        {tab === 'matrices' && <MatricesPanel index={index} />}
        {tab === 'charts' && <ChartsPanel index={index} />}
      </div>
    </div>
  );
}
