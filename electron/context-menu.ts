/**
 * The right-click menu Electron leaves out: copy from a transcript, cut/copy/paste in text
 * fields, spelling suggestions. Shown only where the page did not handle the click itself
 * (the renderer's own menus call preventDefault on the DOM event, and then this never fires).
 */
import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';

type Params = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags' | 'misspelledWord' | 'dictionarySuggestions'>;

export function contextMenuTemplate(params: Params, replaceMisspelling: (word: string) => void): MenuItemConstructorOptions[] {
  if (params.isEditable) {
    const suggestions: MenuItemConstructorOptions[] = params.misspelledWord
      ? [
          ...params.dictionarySuggestions.slice(0, 5).map((word) => ({ label: word, click: () => replaceMisspelling(word) })),
          { type: 'separator' as const },
        ]
      : [];
    return [
      ...suggestions,
      { role: 'cut', enabled: params.editFlags.canCut },
      { role: 'copy', enabled: params.editFlags.canCopy },
      { role: 'paste', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: params.editFlags.canSelectAll },
    ];
  }
  return params.selectionText.trim() ? [{ role: 'copy' }] : [];
}

export function attachContextMenu(contents: Pick<WebContents, 'on' | 'replaceMisspelling'>): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, (word) => contents.replaceMisspelling(word));
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
