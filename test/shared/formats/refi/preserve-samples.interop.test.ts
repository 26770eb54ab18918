/**
 * The REFI-QDA samples from other tools (../shared/refi-qda/samples), opened and saved
 * without edits: every element with its attributes, and every file of the archive, is
 * still there (tree-compare.ts says what "still there" allows), and the saved file passes
 * the official schema whenever the original did.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { readQdpx, writeQdpx } from '../../../../shared/formats/refi';
import { missingElements } from './tree-compare';

const SHARED = process.env.LANTERN_SHARED ?? resolve(import.meta.dirname, '../../../../../shared');
const SAMPLES = resolve(SHARED, 'refi-qda/samples');
const projects = readdirSync(SAMPLES).filter((f) => /\.(qdpx|qde)$/.test(f));

function original(name: string): { qde: string; entries: Record<string, Uint8Array> } {
  const bytes = new Uint8Array(readFileSync(resolve(SAMPLES, name)));
  if (name.endsWith('.qde')) return { qde: strFromU8(bytes), entries: {} };
  const entries = unzipSync(bytes);
  const qdeName = Object.keys(entries).find((k) => k.toLowerCase().endsWith('.qde'))!;
  const { [qdeName]: qde, ...rest } = entries;
  return { qde: strFromU8(qde!), entries: rest };
}

describe('samples from other tools saved without edits', () => {
  it('includes the sample with PDF, picture, audio and video sources', () => {
    expect(projects).toContain('atlasti8-mac_refi-standard-project.qde');
  });

  it.each(projects)('%s keeps every element and attribute', (name) => {
    const before = original(name);
    const { project, report } = readQdpx(new Uint8Array(readFileSync(resolve(SAMPLES, name))), name);
    expect(report.skipped).toEqual([]);
    const saved = unzipSync(writeQdpx(project));
    expect(missingElements(before.qde, strFromU8(saved['project.qde']!))).toEqual([]);
  });

  it.each(projects)('%s keeps every file of the archive', (name) => {
    const before = original(name);
    const { project } = readQdpx(new Uint8Array(readFileSync(resolve(SAMPLES, name))), name);
    const saved = unzipSync(writeQdpx(project));
    for (const [entry, bytes] of Object.entries(before.entries)) {
      if (entry.endsWith('/')) continue;
      expect(Object.keys(saved), entry).toContain(entry);
      // Text of the sources we show is written as we hold it (plain line ends, NFC); everything else byte for byte.
      if (!entry.toLowerCase().endsWith('.txt')) expect(saved[entry], entry).toEqual(bytes);
    }
  });
});
