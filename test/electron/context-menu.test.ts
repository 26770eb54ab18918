import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const popups = vi.hoisted(() => [] as unknown[]);
vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => ({ popup: () => popups.push(template) }) },
}));

const { attachContextMenu, contextMenuTemplate } = await import('../../electron/context-menu');

const flags = { canUndo: true, canRedo: true, canCut: true, canCopy: false, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };
const params = (overrides: Partial<ContextMenuParams>) =>
  ({ isEditable: false, selectionText: '', editFlags: flags, misspelledWord: '', dictionarySuggestions: [], ...overrides }) as ContextMenuParams;
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role ?? i.type ?? i.label);

describe('context menu', () => {
  it('offers Copy for selected transcript text', () => {
    expect(roles(contextMenuTemplate(params({ selectionText: 'we had nowhere to send them' }), vi.fn()))).toEqual(['copy']);
  });

  it('shows nothing without a selection outside text fields', () => {
    expect(contextMenuTemplate(params({ selectionText: '  ' }), vi.fn())).toEqual([]);
  });

  it('offers the edit commands in a text field, enabled as the page says', () => {
    const items = contextMenuTemplate(params({ isEditable: true }), vi.fn());
    expect(roles(items)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(items.find((i) => i.role === 'copy')!.enabled).toBe(false);
  });

  it('puts spelling suggestions first and applies the chosen one', () => {
    const replace = vi.fn();
    const items = contextMenuTemplate(params({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }), replace);
    expect(items.slice(0, 3).map((i) => i.label ?? i.type)).toEqual(['receive', 'relieve', 'separator']);
    (items[0]!.click as () => void)();
    expect(replace).toHaveBeenCalledWith('receive');
  });

  it('pops the menu up on context-menu, and not when it would be empty', () => {
    let handler: ((event: unknown, p: ContextMenuParams) => void) | undefined;
    attachContextMenu({ on: ((_name: string, h: typeof handler) => (handler = h)) as never, replaceMisspelling: vi.fn() });
    handler!({}, params({ selectionText: '' }));
    expect(popups).toHaveLength(0);
    handler!({}, params({ selectionText: 'quote' }));
    expect(popups).toEqual([[{ role: 'copy' }]]);
  });
});
