/**
 * Import of the 200 transcripts (issue 3) against merely reading and decoding the same
 * files: the ratio is the figure (target: import within 3x of read+decode), with both
 * times and import throughput. Both sides read the files from disk.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { importAttributes, importFiles } from '../../shared/import/index';
import type { ImportReport } from '../../shared/import/index';
import { applyChanges, emptyProject, seededGuids } from '../../shared/model';
import type { OpContext, Project } from '../../shared/model';
import type { BenchContext } from '../measure';
import { NO_TARGET, atMost, row, timeRuns } from '../measure';

async function readAll(ctx: BenchContext): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    ctx.manifest.files.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(ctx.dataDir, 'study', name))) })),
  );
}

/** The least work that turns the files into characters: UTF-8 decoding, and for Word the unzipped document part. */
function decodeAll(files: { name: string; bytes: Uint8Array }[]): number {
  const decoder = new TextDecoder('utf-8');
  let chars = 0;
  for (const f of files) {
    const bytes = f.name.endsWith('.docx') ? unzipSync(f.bytes, { filter: (e) => e.name === 'word/document.xml' })['word/document.xml']! : f.bytes;
    chars += decoder.decode(bytes).length;
  }
  return chars;
}

function opContext(): OpContext {
  const newId = seededGuids(99);
  return { newId, now: () => '2026-01-05T09:00:00Z', coderId: newId() };
}

export async function measure(ctx: BenchContext): Promise<void> {
  const bytes = ctx.manifest.bytes;
  let report: ImportReport = { files: [] };
  let project: Project | null = null;
  const importAll = async () => {
    const files = await readAll(ctx);
    const op = opContext();
    const empty = emptyProject({ id: op.newId(), name: 'import bench', now: op.now() });
    const result = await importFiles(empty, op, files);
    report = result.report;
    project = applyChanges(empty, result.set);
  };
  // Interleaved, so each ratio compares the two under the same load on the machine. A pair
  // takes a fifth of a second and this machine's noise moves a single one by a fifth, so this
  // group takes four times the usual runs (and warm-ups: the parsers need a few to be optimised).
  const read: number[] = [];
  const importing: number[] = [];
  const warmup = ctx.warmup * 3;
  for (let i = 0; i < ctx.runs * 4 + warmup; i++) {
    const [r] = await timeRuns(async () => decodeAll(await readAll(ctx)), 1, 0);
    const [m] = await timeRuns(importAll, 1, 0);
    if (i < warmup) continue;
    read.push(r!);
    importing.push(m!);
  }
  const refused = report.files.filter((f) => f.status !== 'imported');
  const turns = report.files.reduce((n, f) => n + f.sources.reduce((m, s) => m + s.turns, 0), 0);
  const expected = ctx.study.combined.sources.reduce((n, s) => n + s.turns.length, 0);
  ctx.log(
    `import: ${report.files.length - refused.length} of ${report.files.length} files imported, ${turns} turns detected (the generator wrote ${expected})` +
      (refused.length ? `; not imported: ${refused.slice(0, 3).map((f) => f.problem ?? f.status).join('; ')}` : ''),
  );
  ctx.add(row(`read + decode ${ctx.manifest.files.length} transcripts (${(bytes / 1e6).toFixed(1)} MB)`, read, 'ms', NO_TARGET));
  ctx.add(row(`import ${ctx.manifest.files.length} transcripts`, importing, 'ms', NO_TARGET));
  ctx.add(row('import / read+decode', importing.map((t, i) => t / read[i]!), 'x', atMost(3, '<= 3x')));
  ctx.add(row('import throughput', importing.map((t) => bytes / 1e6 / (t / 1000)), 'MB/s', NO_TARGET));

  if (project) {
    const withSources: Project = project;
    const csv = new Uint8Array(await readFile(path.join(ctx.dataDir, 'attributes.csv')));
    let matched = '';
    const attrs = await timeRuns(() => {
      const result = importAttributes(withSources, opContext(), csv, 'attributes.csv');
      const r = result.report;
      matched = `keyed by ${r.keyColumn}, ${r.rowsMatched} rows matched, ${r.unmatched.length} unmatched, ${r.badValues.length} bad values`;
    }, ctx.runs, ctx.warmup);
    ctx.log(`attributes: ${matched}`);
    ctx.add(row(`attributes CSV onto ${ctx.manifest.files.length} sources`, attrs, 'ms', NO_TARGET));
  }
}
