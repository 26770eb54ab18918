/** How an excerpt reads on screen: context with ellipses only where it was cut, and attribute chips that say what they are. */
import type { AnalysisIndex } from '../../../../shared/analysis';
import { findAttribute } from '../../../../shared/analysis';

export function Quote({ before, text, after }: { before: string; text: string; after: string }) {
  // Context that starts a sentence or ends one was not cut, so it needs no ellipsis.
  const cutBefore = before !== '' && !/^[A-Z"“‘'(]/.test(before);
  const cutAfter = after !== '' && !/[.!?…"”’')]\s*$/.test(after);
  return (
    <blockquote className="excerpt-text">
      {before && <span className="muted">{cutBefore ? '…' : ''}{before}</span>}
      <mark>{text}</mark>
      {after && <span className="muted">{after}{cutAfter ? '…' : ''}</span>}
    </blockquote>
  );
}

/** A categorical value speaks for itself ("Partner"); a free one needs its name ("Months in program: 22"). */
export function AttributeChips({ index, attributes }: { index: AnalysisIndex; attributes: Record<string, string> }) {
  return (
    <>
      {Object.entries(attributes).map(([name, value]) => (
        <span key={name} className="chip attr-chip" title={name}>
          {findAttribute(index, name)?.values?.length ? value : `${name}: ${value}`}
        </span>
      ))}
    </>
  );
}
