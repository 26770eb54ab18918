/** A memo's rich text (the Slate blocks it is stored as) as Word paragraphs, keeping bold, italics and lists. */
import { Paragraph, TextRun } from 'docx';
import type { RichBlock, RichInline } from '../model/schema';

export function richParagraphs(blocks: readonly RichBlock[], depth = 0): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    if (block.type === 'bulleted-list' || block.type === 'numbered-list') {
      block.children.forEach((item, i) => {
        if (item.type === 'list-item') {
          const prefix = block.type === 'numbered-list' ? `${i + 1}. ` : '';
          out.push(
            new Paragraph({
              bullet: block.type === 'bulleted-list' ? { level: depth } : undefined,
              indent: block.type === 'numbered-list' ? { left: 360 * (depth + 1) } : undefined,
              children: [new TextRun(prefix), ...runs(item.children)],
            }),
          );
        } else out.push(...richParagraphs([item], depth + 1));
      });
      continue;
    }
    const children = runs(block.children as RichInline[]);
    // Slate stores an empty memo as one empty paragraph; Word does not need it.
    if (children.length === 0) continue;
    out.push(new Paragraph({ children }));
  }
  return out;
}

function runs(inlines: readonly RichInline[]): TextRun[] {
  const leaves = inlines.flatMap((i) => ('type' in i ? i.children : [i]));
  return leaves
    .filter((l) => l.text !== '')
    .map((l) => new TextRun({ text: l.text, bold: l.bold ?? false, italics: l.italic ?? false }));
}
