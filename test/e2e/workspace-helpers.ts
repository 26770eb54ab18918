/** Page helpers for the coding workspace: select transcript text as a user would, read what shows. */
import type { Page } from 'playwright-core';

/**
 * Select the first occurrence of `text` in the open transcript (after `after`, if given),
 * the way a mouse drag would: a DOM selection inside the editable transcript, which Slate
 * turns into its own selection.
 */
export async function selectText(page: Page, text: string, after?: string, options: { wait?: boolean; click?: boolean } = {}): Promise<void> {
  // A click first, as a reader's drag starts with one. click: false focuses and selects in one
  // go instead, so no caret from a click is still on its way to Slate when the words are selected.
  const click = options.click !== false;
  if (click) await page.locator('.transcript .t-text').first().click();
  await page.evaluate(
    ({ text, after, click }) => {
      const root = document.querySelector<HTMLElement>('.transcript')!;
      if (!click) root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.parentElement?.closest('[contenteditable="false"]') || n.parentElement?.closest('[data-slate-zero-width]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const nodes: Text[] = [];
      let all = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(all.length);
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      const from = after ? all.indexOf(after) : 0;
      const at = all.indexOf(text, from < 0 ? 0 : from);
      if (at < 0) throw new Error(`"${text}" is not in the transcript`);
      const locate = (offset: number, preferNext: boolean) => {
        for (let i = 0; i < nodes.length; i++) {
          const s = starts[i]!;
          const e = s + nodes[i]!.data.length;
          if (offset < e || (offset === e && !preferNext) || i === nodes.length - 1) return { node: nodes[i]!, offset: offset - s };
        }
        throw new Error('offset outside the transcript');
      };
      const a = locate(at, true);
      const b = locate(at + text.length, false);
      document.getSelection()!.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
    },
    { text, after, click },
  );
  // Slate reads the DOM selection on selectionchange (throttled); wait until the panel shows it.
  if (options.wait === false) return;
  await page.locator('.selection-quote').filter({ hasText: text.slice(0, 20) }).waitFor({ timeout: 5000 });
}

export async function codingCount(page: Page): Promise<number> {
  const label = await page.locator('.transcript-toolbar').getByText(/\d+ codings/).textContent();
  return Number(/(\d+) codings/.exec(label ?? '')?.[1] ?? NaN);
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
