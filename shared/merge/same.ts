/**
 * Whether two rows say the same thing. The same row reaches a merge by different roads
 * (IndexedDB, a .qdpx read back, a CLI build), each free to order keys its own way and to
 * write an optional field as absent or as undefined, so serialisations cannot be compared.
 */
import { memoPlainText } from '../model/richtext';
import type { Memo, RichBlock, RichInline } from '../model/schema';

/** Deep equality in which key order does not count and an absent key equals an undefined one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameValue(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) if (!sameValue(x[key], y[key])) return false;
  return true;
}

/** sameValue over every field but the ones named, e.g. timestamps a round-trip may rewrite. */
export function sameRow<T extends object>(a: T, b: T, ignore: readonly (keyof T)[] = []): boolean {
  const strip = (row: T) => {
    const out = { ...row } as Record<string, unknown>;
    for (const key of ignore) delete out[key as string];
    return out;
  };
  return sameValue(strip(a), strip(b));
}

/**
 * Rich text as the words and marks it shows: a mark set to false is no mark, so an editor
 * that writes `bold: false` and a reader that leaves it out agree.
 */
function canonicalBody(body: readonly RichBlock[]): unknown {
  const leaf = (node: { text: string; bold?: boolean; italic?: boolean }) => ({ text: node.text, bold: node.bold || undefined, italic: node.italic || undefined });
  const inline = (node: RichInline) => ('type' in node ? { type: node.type, target: node.target, children: node.children.map(leaf) } : leaf(node));
  return body.map((block): unknown =>
    block.type === 'paragraph' || block.type === 'list-item'
      ? { type: block.type, children: block.children.map(inline) }
      : { type: block.type, children: canonicalBody(block.children) },
  );
}

/**
 * Memos with the same GUID hold the same note: title, target, author and body; when they
 * were written does not count. A side that does not know the author (its file lacks that
 * coder) does not contradict the side that does.
 */
export function sameMemo(a: Memo, b: Memo): boolean {
  const sameAuthor = !a.authorId || !b.authorId || a.authorId === b.authorId;
  return a.title === b.title && sameAuthor && sameValue(a.target, b.target) && sameValue(canonicalBody(a.body), canonicalBody(b.body));
}

/** The words of a memo body, one line per block, white space runs collapsed: what a comparison should see. */
export function memoWords(body: readonly RichBlock[]): string {
  return memoPlainText(body)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** What makes two memos under different GUIDs the same note: where it is written, its title, its words and its author. */
export function memoContentKey(memo: Memo): string {
  const target = memo.target.kind === 'project' ? 'project' : `${memo.target.kind}:${memo.target.id}`;
  return [target, memo.title.trim(), memoWords(memo.body), memo.authorId ?? ''].join('\u0000');
}
