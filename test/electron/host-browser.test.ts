// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptAttribute, browserHost } from '../../renderer/src/host/browser';

describe('acceptAttribute', () => {
  it('lists extensions with dots, once each', () => {
    expect(
      acceptAttribute([
        { name: 'Transcripts', extensions: ['docx', 'TXT', 'txt'] },
        { name: 'Projects', extensions: ['qdpx'] },
      ]),
    ).toBe('.docx,.txt,.qdpx');
  });

  it('accepts anything when a filter allows all files', () => {
    expect(acceptAttribute([{ name: 'All', extensions: ['*'] }])).toBe('');
    expect(acceptAttribute([])).toBe('');
  });
});

describe('browser host', () => {
  let clicked: HTMLElement[];

  beforeEach(() => {
    clicked = [];
    vi.spyOn(HTMLElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
      clicked.push(this);
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is a browser host that cannot overwrite files in place', () => {
    const host = browserHost();
    expect(host.kind).toBe('browser');
    expect(host.writeFile).toBeUndefined();
  });

  it('opens files through a hidden file input and reads their bytes', async () => {
    const pending = browserHost().openFiles({ title: 'Import', filters: [{ name: 'Text', extensions: ['txt'] }], multiple: true });
    const input = clicked[0] as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.txt');
    expect(input.multiple).toBe(true);
    expect(input.isConnected).toBe(true);
    const files = [new File(['Interviewer: Hello'], 'interview-01.txt'), new File(['é'], 'interview-02.txt')];
    Object.defineProperty(input, 'files', { value: files });
    input.dispatchEvent(new Event('change'));
    const picked = await pending;
    expect(picked.map((p) => [p.name, new TextDecoder().decode(p.bytes), p.path])).toEqual([
      ['interview-01.txt', 'Interviewer: Hello', undefined],
      ['interview-02.txt', 'é', undefined],
    ]);
    expect(input.isConnected).toBe(false);
  });

  it('resolves to nothing when the picker is dismissed', async () => {
    const pending = browserHost().openFiles({ title: 'Open', filters: [], multiple: false });
    const input = clicked[0] as HTMLInputElement;
    input.dispatchEvent(new Event('cancel'));
    expect(await pending).toEqual([]);
    expect(input.isConnected).toBe(false);
  });

  it('saves by downloading a blob under the suggested name', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:lantern/1');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    vi.useFakeTimers();
    try {
      const saved = await browserHost().saveFile({ title: 'Save', suggestedName: 'study.qdpx', filters: [], bytes: new Uint8Array([80, 75]) });
      expect(saved).toBe('study.qdpx');
      const link = clicked[0] as HTMLAnchorElement;
      expect(link.download).toBe('study.qdpx');
      expect(link.href).toBe('blob:lantern/1');
      expect(new Uint8Array(await createObjectURL.mock.calls[0]![0].arrayBuffer())).toEqual(new Uint8Array([80, 75]));
      expect(revokeObjectURL).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:lantern/1');
    } finally {
      vi.useRealTimers();
    }
  });
});
