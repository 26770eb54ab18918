/** The project's documents with their case, attributes and coding progress; filter by attribute. */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useMemo, useState } from 'react';
import { sourceAttributes } from '../../../../shared/model';
import { useProject } from '../../store';
import { ImportButton } from './ImportButton';
import { codedShare } from './progress';
import { WithdrawDialog, type WithdrawTarget } from './WithdrawDialog';
import { useServices } from '../../app/services';

export default function DocumentsView() {
  const { ui } = useServices();
  const sources = useProject((p) => p.sources);
  const cases = useProject((p) => p.cases);
  const attributes = useProject((p) => p.attributes);
  const codings = useProject((p) => p.codings);
  const [filterAttr, setFilterAttr] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const [query, setQuery] = useState('');
  const [withdraw, setWithdraw] = useState<WithdrawTarget | null>(null);

  const rows = useMemo(() => {
    const project = { cases, attributes };
    return sources.map((s) => ({
      source: s,
      caseName: cases.find((c) => c.id === s.caseId)?.name ?? '',
      attrs: sourceAttributes(project, s),
      share: codedShare(s, codings),
      count: codings.filter((c) => c.sourceId === s.id).length,
    }));
  }, [sources, cases, attributes, codings]);

  const attr = attributes.find((a) => a.id === filterAttr);
  const values = useMemo(() => {
    if (!attr) return [];
    return attr.values?.length ? attr.values : [...new Set(cases.map((c) => c.values[attr.id]).filter((v): v is string => !!v))].sort();
  }, [attr, cases]);
  const shown = rows.filter(
    (r) =>
      (!attr || !filterValue || r.attrs[attr.name] === filterValue) &&
      (!query || r.source.name.toLowerCase().includes(query.toLowerCase()) || r.caseName.toLowerCase().includes(query.toLowerCase())),
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1>Documents</h1>
        <span className="muted">{sources.length === 1 ? '1 document' : `${sources.length} documents`}</span>
        <span className="spacer" />
        <input type="search" aria-label="Search documents" placeholder="Search documents" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Filter by attribute" value={filterAttr} onChange={(e) => (setFilterAttr(e.target.value), setFilterValue(''))}>
          <option value="">All attributes</option>
          {attributes.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {attr && (
          <select aria-label={`${attr.name} value`} value={filterValue} onChange={(e) => setFilterValue(e.target.value)}>
            <option value="">Any {attr.name}</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )}
        <ImportButton />
      </div>
      {sources.length === 0 ? (
        <div className="empty">
          <strong>No documents yet</strong>
          Import interview transcripts (Word, text, subtitles, spreadsheets) to start coding.
        </div>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>Document</th>
              <th>Case</th>
              {attributes.map((a) => (
                <th key={a.id}>{a.name}</th>
              ))}
              <th>Codings</th>
              <th>Coded</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.source.id} className="clickable" onClick={() => ui.openSource(r.source.id)}>
                <td>
                  <button type="button" className="link" onClick={() => ui.openSource(r.source.id)}>
                    {r.source.name}
                  </button>
                </td>
                <td>{r.caseName}</td>
                {attributes.map((a) => (
                  <td key={a.id}>{r.attrs[a.name] ?? ''}</td>
                ))}
                <td>{r.count}</td>
                <td>
                  <span className="progress" role="img" aria-label={`${Math.round(r.share * 100)}% of the text coded`}>
                    <span style={{ width: `${Math.round(r.share * 100)}%` }} />
                  </span>{' '}
                  <span className="small muted">{Math.round(r.share * 100)}%</span>
                </td>
                <td onClick={(e) => e.stopPropagation()}>
                  <Menu.Root>
                    <Menu.Trigger className="icon-button" aria-label="Document actions" title={`More for ${r.source.name}`}>
                      ⋯
                    </Menu.Trigger>
                    <Menu.Portal>
                      <Menu.Content className="menu" align="end">
                        <Menu.Item className="menu-item" onSelect={() => setWithdraw({ kind: 'source', id: r.source.id })}>
                          Delete document permanently…
                        </Menu.Item>
                        {r.source.caseId && r.caseName && (
                          <Menu.Item className="menu-item" onSelect={() => setWithdraw({ kind: 'case', id: r.source.caseId! })}>
                            Delete case ‘{r.caseName}’ permanently…
                          </Menu.Item>
                        )}
                      </Menu.Content>
                    </Menu.Portal>
                  </Menu.Root>
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={attributes.length + 5} className="muted">
                  No document matches this filter.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {withdraw && <WithdrawDialog target={withdraw} onClose={() => setWithdraw(null)} />}
    </div>
  );
}
