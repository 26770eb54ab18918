/**
 * The Host in a plain browser (web mode): files come in through a file input and go
 * out as downloads. Nothing leaves the machine; there is no overwriting in place.
 */
import type { FileFilter, Host, PickedFile } from './types';

/** The input's accept list, or '' (anything) when a filter allows every file. */
export function acceptAttribute(filters: FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions);
  if (extensions.length === 0 || extensions.includes('*')) return '';
  return [...new Set(extensions.map((ext) => `.${ext.toLowerCase()}`))].join(',');
}

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    // Fired when the user dismisses the picker (all current browsers).
    input.addEventListener('cancel', () => finish([]), { once: true });
    // Some browsers only open the picker for inputs in the document.
    document.body.append(input);
    input.click();
  });
}

async function readPicked(file: File): Promise<PickedFile> {
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read ${file.name}: ${detail}`, { cause: error });
  }
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function browserHost(): Host {
  return {
    kind: 'browser',
    async openFiles({ filters, multiple }) {
      const files = await pickFiles(acceptAttribute(filters), multiple);
      return Promise.all(files.map(readPicked));
    },
    async saveFile({ suggestedName, bytes }) {
      // The browser decides where downloads go (or asks); the name is all we control.
      download(suggestedName, bytes);
      return suggestedName;
    },
  };
}
