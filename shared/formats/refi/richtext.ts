/** Memo bodies between our rich blocks and REFI's plain-text notes. */
import type { RichBlock, RichInline } from '../../model/schema';

function inlineText(inline: RichInline): string {
  return 'type' in inline ? inline.children.map((leaf) => leaf.text).join('') : inline.text;
}

/** One line per paragraph or list item; list items get a bullet or number so the structure survives as text. */
export function blocksToPlainText(blocks: readonly RichBlock[]): string {
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

export function plainTextToBlocks(text: string): RichBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => ({ type: 'paragraph', children: [{ text: line }] }));
}
