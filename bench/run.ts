/**
 * `npm run bench [-- --quick] [--only WORD]`: measures the app on the synthetic large study
 * and prints median, min and max of several runs after a warm-up, with each figure's target.
 * Writes bench/results.json. A group whose module has not landed is reported as not
 * available, never given a number. The bench never fails: it exits 0 unless it cannot run at all.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from './generate';
import { BENCH_DIR, GENERATOR_VERSION, PROJECT_FILES, dataDir, writeStudy } from './generate';
import type { BenchContext, ResultRow } from './measure';
import { formatTable } from './measure';
import { optionalExport } from './optional';
import type { Study } from './study';
import { DEFAULT_SEED, FULL_SIZE, QUICK_SIZE, buildStudy } from './study';

interface Group {
  title: string;
  /** Module exports the group needs, as [specifier relative to bench/, export name]. */
  requires: [string, string][];
  /** The group's own file; loaded by name so a group can be written after the module it measures lands. */
  module: string;
}

type GroupModule = { measure: (ctx: BenchContext) => Promise<void> };

const GROUPS: Group[] = [
  {
    title: 'import',
    requires: [['../shared/import/index', 'importFiles']],
    module: './measures/import',
  },
  {
    title: 'qdpx',
    requires: [['../shared/formats/refi/index', 'writeQdpx'], ['../shared/formats/refi/index', 'readQdpx']],
    module: './measures/qdpx',
  },
  {
    title: 'analysis',
    requires: [['../shared/analysis/index', 'buildAnalysisIndex'], ['../shared/analysis/index', 'coOccurrenceMatrix']],
    module: './measures/analysis',
  },
  {
    title: 'agreement',
    requires: [['../shared/agreement/index', 'compareCoders']],
    module: './measures/agreement',
  },
  {
    title: 'report',
    requires: [['../shared/report/index', 'buildThemeReport']],
    module: './measures/report',
  },
  {
    title: 'merge',
    requires: [['../shared/merge/index', 'mergeCodebooks'], ['../shared/merge/index', 'mergeProject']],
    module: './measures/merge',
  },
  {
    title: 'browser',
    requires: [],
    module: './measures/browser',
  },
];

export function machineDescription(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'unknown CPU').trim();
  // The load average says how far other work on the machine may have inflated the figures.
  const load = os.loadavg()[0]!.toFixed(1);
  return `${model}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}, node ${process.version}, load average ${load} at start`;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Regenerate the files when they are missing, from another generator or seed, or lack projects the writer can now make. */
async function ensureData(study: Study, dir: string, log: (m: string) => void): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const writer = await optionalExport('../shared/formats/refi/index', 'writeQdpx');
  const stale =
    !manifest ||
    manifest.generatorVersion !== GENERATOR_VERSION ||
    manifest.seed !== study.seed ||
    JSON.stringify(manifest.size) !== JSON.stringify(study.size) ||
    (writer.ok && Object.keys(PROJECT_FILES).some((k) => !manifest.projects[k]));
  if (!stale) return manifest;
  log(`generating the study into ${path.relative(process.cwd(), dir)} ...`);
  return writeStudy(study, dir);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
  });
  const quick = values.quick ?? false;
  const only = values.only ?? [];
  const log = (m: string) => console.log(m);
  const started = performance.now();
  const study = buildStudy(quick ? QUICK_SIZE : FULL_SIZE, DEFAULT_SEED);
  const dir = dataDir(quick);
  const manifest = await ensureData(study, dir, log);
  const rows: ResultRow[] = [];
  const missing: string[] = [];
  const ctx: BenchContext = {
    quick,
    study,
    dataDir: dir,
    manifest,
    runs: quick ? 3 : 5,
    warmup: 1,
    add: (r) => {
      rows.push(r);
      log(`  ${r.name}: ${r.median} ${r.unit} (target ${r.target})`);
    },
    unavailable: (name, why) => {
      missing.push(`${name}: not available: ${why}`);
      log(`  ${name}: not available: ${why}`);
    },
    log: (m) => log(`  ${m}`),
  };
  log(`Machine: ${machineDescription()}`);
  log(`Study: ${manifest.files.length} transcripts, ${manifest.words.toLocaleString('en')} words, ${study.combined.codings.length} codings${quick ? ' (quick)' : ''}`);
  for (const group of GROUPS) {
    if (only.length > 0 && !only.some((o) => group.title.includes(o))) continue;
    log(`[${group.title}] load average ${os.loadavg()[0]!.toFixed(1)}`);
    const absent: string[] = [];
    for (const [specifier, name] of group.requires) {
      const found = await optionalExport(specifier, name);
      if (!found.ok) absent.push(found.why);
    }
    if (absent.length > 0) {
      ctx.unavailable(group.title, absent.join('; '));
      continue;
    }
    try {
      const mod = (await import(/* @vite-ignore */ group.module)) as GroupModule;
      await mod.measure(ctx);
    } catch (error) {
      // A broken module is a finding to report, not a reason to stop measuring the rest.
      const message = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error);
      ctx.unavailable(group.title, `failed: ${message}`);
    }
  }
  const results = { machine: machineDescription(), quick, rows };
  await writeFile(path.join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log('');
  log(formatTable(rows));
  if (missing.length > 0) log(['', ...missing].join('\n'));
  log(`\n${rows.filter((r) => !r.meets).length} of ${rows.length} figures miss their target; ${((performance.now() - started) / 1000).toFixed(0)} s in all. Results in bench/results.json.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  // Exit 0 even so: the bench reports, it never fails a CI run.
});
