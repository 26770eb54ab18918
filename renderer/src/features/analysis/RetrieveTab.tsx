/** Pick a code or a theme and read its excerpts. */
import { useState } from 'react';
import type { AnalysisIndex } from '../../../../shared/analysis';
import { orderedThemes } from '../../../../shared/analysis';
import { RetrievalPanel } from './RetrievalPanel';

export function RetrieveTab({ index }: { index: AnalysisIndex }) {
  const [target, setTarget] = useState('');
  const codes = [...index.codes.values()].sort((a, b) => (index.codeRank.get(a.id) ?? 0) - (index.codeRank.get(b.id) ?? 0));
  const [kind, id] = target.split(':') as ['code' | 'theme' | '', string | undefined];
  return (
    <div>
      <label className="row">
        Excerpts of
        <select aria-label="Code or theme" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a code or theme…</option>
          <optgroup label="Themes">
            {orderedThemes(index).map(({ theme, depth }) => (
              <option key={theme.id} value={`theme:${theme.id}`}>
                {'  '.repeat(depth)}
                {theme.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Codes">
            {codes.map((c) => (
              <option key={c.id} value={`code:${c.id}`}>
                {index.codePaths.get(c.id)?.join(' / ')}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {kind === 'theme' && id && <RetrievalPanel key={target} index={index} themeId={id} />}
      {kind === 'code' && id && <RetrievalPanel key={target} index={index} codeIds={[id]} />}
    </div>
  );
}
