/**
 * `npm run bench:generate [-- --quick] [--seed N] [--out DIR]`: writes the synthetic study
 * to disk (transcripts in several formats, the attributes CSV, and the projects as .qdpx
 * once the REFI-QDA writer exists). The same seed always writes the same files.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Project } from '../shared/model';
import { attributesCsv, renderFile } from './files';
import { optionalExport } from './optional';
import type { Study, StudySize } from './study';
import { DEFAULT_SEED, FULL_SIZE, QUICK_SIZE, buildStudy } from './study';

/** Raised when the files written change (3: sources hold no content hash; the extras list it last), so stale data is generated again. */
export const GENERATOR_VERSION = 3;
export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const dataDir = (quick: boolean) => path.join(BENCH_DIR, 'data', quick ? 'quick' : 'full');

export interface Manifest {
  generatorVersion: number;
  seed: number;
  size: StudySize;
  files: string[];
  words: number;
  bytes: number;
  projects: Record<string, string | null>;
  notes: string[];
}

type WriteQdpx = (project: Project) => Uint8Array | Promise<Uint8Array>;

/** The projects written as .qdpx: what the QDPX, browser and merge benchmarks read. */
export const PROJECT_FILES = {
  large: 'large.qdpx',
  coderA: 'large-coder-a.qdpx',
  coderB: 'large-coder-b.qdpx',
  single: 'single.qdpx',
} as const;

/** The large study as the current REFI writer writes it, saved by the QDPX benchmark for its read measures. */
export const FRESH_LARGE_FILE = 'large-fresh.qdpx';

export async function writeStudy(study: Study, outDir: string): Promise<Manifest> {
  await rm(outDir, { recursive: true, force: true });
  const studyDir = path.join(outDir, 'study');
  await mkdir(studyDir, { recursive: true });
  let bytes = 0;
  for (const plan of study.plans) {
    const data = await renderFile(plan);
    bytes += data.byteLength;
    await writeFile(path.join(studyDir, plan.fileName), data);
  }
  await writeFile(path.join(outDir, 'attributes.csv'), attributesCsv(study.caseRows));
  const notes: string[] = [];
  const projects: Record<string, string | null> = {};
  const writer = await optionalExport<WriteQdpx>('../shared/formats/refi/index', 'writeQdpx');
  const byKey: Record<keyof typeof PROJECT_FILES, Project> = {
    large: study.combined, coderA: study.coderA, coderB: study.coderB, single: study.single,
  };
  for (const [key, file] of Object.entries(PROJECT_FILES) as [keyof typeof PROJECT_FILES, string][]) {
    if (!writer.ok) {
      projects[key] = null;
      continue;
    }
    await writeFile(path.join(outDir, file), await writer.value(byKey[key]));
    projects[key] = file;
  }
  if (!writer.ok) notes.push(`no .qdpx written: ${writer.why}`);
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: study.seed,
    size: study.size,
    files: study.plans.map((p) => p.fileName),
    words: study.combined.sources.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0),
    bytes,
    projects,
    notes,
  };
  await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, seed: { type: 'string' }, out: { type: 'string' } },
  });
  const quick = values.quick ?? false;
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const out = values.out ? path.resolve(values.out) : dataDir(quick);
  const started = performance.now();
  const study = buildStudy(quick ? QUICK_SIZE : FULL_SIZE, seed);
  const manifest = await writeStudy(study, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Wrote ${manifest.files.length} transcripts (${manifest.words.toLocaleString('en')} words, ${(manifest.bytes / 1e6).toFixed(1)} MB), ` +
      `${study.combined.codes.length} codes, ${study.combined.codings.length} codings, ${study.combined.themes.length} themes, ` +
      `${study.combined.memos.length} memos to ${path.relative(process.cwd(), out) || '.'} in ${seconds} s`,
  );
  for (const note of manifest.notes) console.log(`note: ${note}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
