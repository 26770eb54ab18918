/** Memo bodies (rich blocks, as Slate edits them) to and from plain text: for search, REFI notes, reports and comparisons. */
import type { RichBlock, RichInline } from './schema';

function inlineText(inline: RichInline): string {
  return 'type' in inline ? inline.children.map((leaf) => leaf.text).join('') : inline.text;
}

/** One line per paragraph or list item; list items keep a bullet or number so the structure survives as text. */
export function memoPlainText(blocks: readonly RichBlock[]): string {
  const lines: string[] = [];
  const walk = (list: readonly RichBlock[], numbered: boolean | null) => {
    let n = 0;
    for (const block of list) {
      if (block.type === 'bulleted-list' || block.type === 'numbered-list') {
        walk(block.children, block.type === 'numbered-list');
        continue;
      }
      const text = (block.children as RichInline[]).map(inlineText).join('');
      if (block.type === 'list-item') {
        n++;
        lines.push(`${numbered ? `${n}.` : '•'} ${text}`);
      } else lines.push(text);
    }
  };
  walk(blocks, null);
  return lines.join('\n');
}

/** Plain text as memo paragraphs, one per line (memos from other tools arrive as plain text). */
export function plainTextToRich(text: string): RichBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ type: 'paragraph', children: [{ text: line }] }));
}
