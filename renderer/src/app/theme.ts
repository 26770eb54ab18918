/** Light, dark, or follow the system; remembered per browser before first paint. */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'lantern-theme';

export function loadTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  localStorage.setItem(KEY, choice);
}
