/**
 * Zip limits hold on the bytes actually inflated, not on the sizes a zip declares: a
 * hostile archive whose central directory claims a small size for a large entry is
 * stopped while inflating, and a truncated or short entry is reported as damaged.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readZip, ZipError } from '../../../shared/formats/zip';
import { declareEntrySizes as declare } from '../import/build-fixtures';

describe('zip reading enforces limits on inflated bytes', () => {
  // 64 MiB of zeros deflates to about 64 KiB; the directory says 1 KiB, well under every limit and ratio.
  const bomb = declare(zipSync({ 'a.txt': strToU8('fine'), 'bomb.txt': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }), 'bomb.txt', 1024);

  it('refuses an entry that inflates past the size its central directory declares, without inflating it all', () => {
    const zip = readZip(bomb, 'liar.zip');
    expect(new TextDecoder().decode(zip.get('a.txt'))).toBe('fine');
    let error: unknown;
    try {
      zip.get('bomb.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).problem).toBe('bomb');
    expect((error as Error).message).toBe('liar.zip: zip entry "bomb.txt" declares 1024 bytes but inflates to more than that (possible zip bomb); refusing to read it');
  });

  it('refuses a stored entry longer than it declares, and reports one shorter than it declares as damaged', () => {
    const stored = zipSync({ 's.txt': strToU8('x'.repeat(5000)) }, { level: 0 });
    expect(() => readZip(declare(stored, 's.txt', 100), 'stored.zip').get('s.txt')).toThrow(/stored\.zip: zip entry "s\.txt" declares 100 bytes but inflates to 5000 bytes/);
    const deflated = zipSync({ 'd.txt': strToU8('y'.repeat(5000)) }, { level: 6 });
    expect(() => readZip(declare(deflated, 'd.txt', 9000), 'short.zip').get('d.txt')).toThrow(/short\.zip: zip entry "d\.txt" is damaged \(it holds 5000 bytes, not the 9000 bytes it declares\)/);
  });

  it('reports compressed data cut short as damaged', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `line ${i} of a transcript`).join('\n');
    const zip = zipSync({ 't.txt': strToU8(text) }, { level: 6 });
    const sizeAt = new DataView(zip.buffer).getUint32(18, true);
    expect(() => readZip(declare(zip, 't.txt', text.length, Math.floor(sizeAt / 2)), 'cut.zip').get('t.txt')).toThrow(/cut\.zip: zip entry "t\.txt" is damaged/);
  });

  it('finds an entry whose name is not flagged as UTF-8 (older zip tools write code-page names)', () => {
    const zip = zipSync({ 'cafX.txt': strToU8('bonjour') });
    for (let i = 0; i < zip.length - 8; i++) if (new TextDecoder().decode(zip.subarray(i, i + 8)) === 'cafX.txt') zip[i + 3] = 0xe9;
    const archive = readZip(zip, 'old.zip');
    expect(archive.names).toEqual(['café.txt']);
    expect(new TextDecoder().decode(archive.get('café.txt'))).toBe('bonjour');
  });

  it('reads honest entries exactly, stored and deflated', () => {
    const text = 'Interviewer: hello – ünïcode 🙂\n'.repeat(2000);
    for (const level of [0, 6] as const) {
      const zip = readZip(zipSync({ 'dir/t.txt': strToU8(text), 'empty.txt': new Uint8Array(0), 'Entrevista ñ 🙂.txt': strToU8('hola') }, { level }), 'ok.zip');
      expect(new TextDecoder().decode(zip.get('dir/t.txt'))).toBe(text);
      expect(new TextDecoder().decode(zip.get('Entrevista ñ 🙂.txt'))).toBe('hola');
      expect(zip.get('empty.txt')!.length).toBe(0);
    }
  });
});
