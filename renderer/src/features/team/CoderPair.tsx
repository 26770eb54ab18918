/** Choosing the two coders to compare. */
import type { Coder } from '../../../../shared/model';

export function CoderPair({ coders, pair, onPair }: { coders: readonly Coder[]; pair: [string, string]; onPair: (p: [string, string]) => void }) {
  const people = coders.filter((c) => !c.isConsensus);
  const select = (side: 0 | 1, label: string) => (
    <label className="field">
      <span>{label}</span>
      <select
        value={pair[side]}
        onChange={(e) => {
          const next: [string, string] = [...pair];
          next[side] = e.target.value;
          // Choosing the other side's coder swaps the two rather than comparing a coder with themself.
          if (next[0] === next[1]) next[side === 0 ? 1 : 0] = pair[side];
          onPair(next);
        }}
      >
        {people.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      {select(0, 'Coder A')}
      {select(1, 'Coder B')}
    </>
  );
}
