/** The card shown over coded text or a stripe: each coding's code, coder and the start of its memo. */
import type { ReactNode } from 'react';
import type { Code, Coder, Coding, Memo } from '../../../../shared/model';
import { memoPlainText } from '../../../../shared/ops';
import { coderName } from './transcript-model';

interface Props {
  ids: string[];
  x: number;
  y: number;
  codes: ReadonlyMap<string, Code>;
  coders: readonly Coder[];
  memos: readonly Memo[];
  codingsById: ReadonlyMap<string, Coding>;
}

export function CodingHoverCard({ ids, x, y, codingsById, codes, coders, memos }: Props) {
  const items: ReactNode[] = [];
  for (const id of ids) {
    const coding = codingsById.get(id);
    if (!coding) continue;
    const code = codes.get(coding.codeId);
    const memo = memos.find((m) => m.target.kind === 'coding' && m.target.id === id);
    items.push(
      <li key={id}>
        <span className="row">
          <span className="swatch" style={{ background: code?.color }} />
          <strong>{code?.name ?? 'Unknown code'}</strong>
          {coding.exemplar && <span className="origin-tag">exemplar</span>}
        </span>
        <span className="muted small">by {coderName(coders, coding.coderId)}</span>
        {memo && <div className="small">{memoPlainText(memo.body).slice(0, 160)}</div>}
      </li>,
    );
  }
  if (!items.length) return null;
  const left = Math.max(8, Math.min(x + 12, window.innerWidth - 350));
  const top = Math.min(y + 16, window.innerHeight - 40 - 60 * items.length);
  return (
    <div className="hover-card" role="tooltip" style={{ left, top }}>
      <ul>{items}</ul>
    </div>
  );
}
