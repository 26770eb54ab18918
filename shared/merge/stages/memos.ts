/** Memos: re-targeted and attributed; links inside them follow the mapping too. */
import type { Guid, Memo, MemoTarget, RichBlock, RichInline } from '../../model/schema';
import { memoContentKey, memoWords, sameMemo, sameValue } from '../same';
import type { MergeState } from './state';

export function mergeMemos(m: MergeState): void {
  const { base, incoming } = m;
  const { coders, sources, codes, themes, codings, cases, memos } = m.mapping;
  const baseMemos = new Map(base.memos.map((memo) => [memo.id, memo]));
  const baseMemoByContent = new Map(base.memos.map((memo) => [memoContentKey(memo), memo]));
  const targetMaps: Record<Exclude<MemoTarget['kind'], 'project'>, Record<Guid, Guid>> = { source: sources, code: codes, theme: themes, coding: codings, case: cases };
  for (const memo of incoming.memos) {
    let target: MemoTarget = memo.target;
    if (target.kind !== 'project') {
      const mapped = targetMaps[target.kind][target.id];
      if (!mapped) {
        const rows: readonly { id: Guid }[] = { source: incoming.sources, code: incoming.codes, theme: incoming.themes, coding: incoming.codings, case: incoming.cases }[target.kind];
        const targetId = target.id;
        const reason = rows.some((r) => r.id === targetId) ? `the ${target.kind} it is written on was not placed` : `the ${target.kind} it is written on is not in the incoming project`;
        m.notPlaced.push({ table: 'memos', id: memo.id, what: `memo '${memo.title || '(untitled)'}'`, reason });
        continue;
      }
      target = { kind: target.kind, id: mapped };
    }
    const row: Memo = { ...memo, target, body: relink(memo.body, sources, codes) };
    if (memo.authorId) {
      const author = coders[memo.authorId];
      if (author) row.authorId = author;
      else delete row.authorId;
    }
    // The same note, whether it kept its GUID or was copied under another one.
    const twin = baseMemos.get(memo.id);
    const alike = twin && sameMemo(twin, row) ? twin : baseMemoByContent.get(memoContentKey(row));
    if (alike) {
      memos[memo.id] = alike.id;
      m.count(m.present, 'memos');
      continue;
    }
    // The same memo edited on one side since the projects parted: keep this project's
    // version and say so, rather than stacking a second copy beside it.
    if (twin) {
      memos[memo.id] = twin.id;
      m.count(m.present, 'memos');
      const coderName = (id: Guid | undefined) => (id ? (base.coders.find((c) => c.id === id)?.name ?? incoming.coders.find((c) => coders[c.id] === id)?.name ?? id) : 'no one');
      m.conflicts.push({ table: 'memos', what: `memo '${twin.title || '(untitled)'}' (the same memo, edited since)`, ...memoDifference(twin, row, coderName) });
      continue;
    }
    row.id = m.freshId(memo.id);
    m.add('memos', row);
    memos[memo.id] = row.id;
  }
}

/** How two versions of a memo differ, as the report shows it: the first aspect that differs. */
function memoDifference(kept: Memo, incoming: Memo, coderName: (id: Guid | undefined) => string): { kept: string; incoming: string } {
  const words = (memo: Memo) => {
    const text = memoWords(memo.body).replace(/\n/g, ' ');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text || '(empty)';
  };
  const where = (memo: Memo) => (memo.target.kind === 'project' ? 'the project' : `${memo.target.kind} ${memo.target.id}`);
  if (kept.title !== incoming.title) return { kept: `title '${kept.title}'`, incoming: `title '${incoming.title}'` };
  if (words(kept) !== words(incoming)) return { kept: words(kept), incoming: words(incoming) };
  if (!sameValue(kept.target, incoming.target)) return { kept: `written on ${where(kept)}`, incoming: `written on ${where(incoming)}` };
  if (kept.authorId !== incoming.authorId) return { kept: `by ${coderName(kept.authorId)}`, incoming: `by ${coderName(incoming.authorId)}` };
  return { kept: 'its formatting', incoming: 'other formatting' };
}

/** Links in a memo body point to codes and sources; follow them to their merged ids. */
function relink(body: readonly RichBlock[], sources: Record<Guid, Guid>, codes: Record<Guid, Guid>): RichBlock[] {
  const inline = (node: RichInline): RichInline => {
    if (!('type' in node)) return node;
    const id = (node.target.kind === 'code' ? codes : sources)[node.target.id];
    // A link to something not placed becomes its text, so the words stay.
    return id ? { ...node, target: { ...node.target, id } } : { text: node.children.map((c) => c.text).join('') };
  };
  return body.map((block): RichBlock => {
    switch (block.type) {
      case 'paragraph':
      case 'list-item':
        return { type: block.type, children: block.children.map(inline) };
      default:
        return { type: block.type, children: relink(block.children as RichBlock[], sources, codes) };
    }
  });
}
