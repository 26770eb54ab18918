/** `qda info` and `qda validate` on other tools' files (../shared/refi-qda/samples). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { sharedPath } from '../interop/shared';

const SAMPLES = sharedPath('refi-qda/samples');

async function qda(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('qda info on other tools\' files', () => {
  it('says how another tool\'s file was read and what was left out', async () => {
    const { code, out } = await qda('info', join(SAMPLES, 'atlasti8-mac_refi-standard-project.qde'));
    expect(code).toBe(0);
    expect(out).toMatch(/Imported .*from ATLAS\.ti 8\.4\.0/);
    expect(out).toMatch(/PDFSource "Kellogg's Passion for Nutrition\.pdf": a PDF source/);
  });

  it('reads other tools\' projects too', async () => {
    const { code, out } = await qda('info', join(SAMPLES, 'nvivo12-win_hu-emoji-crlf.qdpx'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ codes: 60, codings: 97, coders: ['Gergo', 'floriansipos'] });
  });
});

describe('qda validate on other tools\' files', () => {
  it('accepts every sample project', async () => {
    const samples = readdirSync(SAMPLES).filter((f) => /\.(qdpx|qde)$/.test(f)).map((f) => join(SAMPLES, f));
    expect(samples.length).toBeGreaterThan(0);
    expect((await qda('validate', ...samples)).code).toBe(0);
  });

  it('reports the schema error in Taguette\'s codebook with its line number and exits 2', async () => {
    const taguette = await qda('validate', join(SAMPLES, 'taguette141_codebook.qdc'));
    expect(taguette.code).toBe(2);
    expect(taguette.err).toMatch(/taguette141_codebook\.qdc:2: .*Sets/);
  });
});
