/**
 * Arrow keys and Enter in a combobox's text field: move the active option of its listbox
 * (kept within the list) or choose it. The palettes (commands, codes) share this.
 */
export function listboxKeyDown(
  e: { key: string; preventDefault(): void },
  current: number,
  count: number,
  setActive: (index: number) => void,
  choose: () => void,
): void {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    setActive(Math.min(current + 1, count - 1));
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    setActive(Math.max(current - 1, 0));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    choose();
  }
}
