/**
 * The kill test: `qda import` adding a transcript to a project (so reading, then rewriting the
 * whole project) is killed with SIGKILL (no chance to clean up) at 30 seeded random moments.
 * Half are spread over the whole run, from its start; half over its saving phase, from the
 * moment its temporary file appears (a run spends most of its time starting and reading, so
 * without these few kills would land while the file is being written). After every kill the
 * project on disk must be byte-identical to before or the whole new project (it reads back
 * with exactly one more source); the next successful save must leave no temporary file beside
 * it or in its backup folder, and every backup must read.
 * Two projects are saved side by side (15 kills each), which halves the time on a busy machine.
 * (A kill does not lose the page cache as a power cut would; the fsyncs that cover that are
 * checked in test/node/atomic-write.test.ts.)
 */
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRng, type Rng } from '../../bench/prng';
import { buildStudy, TINY_SIZE } from '../../bench/study';
import { listBackups } from '../../node/backups';
import { readQdpx, writeQdpx } from '../../shared/formats/refi';

const QDA = path.resolve(__dirname, '../../cli/qda.mjs');
const KILLS = 30;
const LANES = 2;

const root = mkdtempSync(path.join(tmpdir(), 'qda-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const temps = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.') && name.endsWith('.tmp'));
const sourcesIn = (bytes: Uint8Array, what: string) => readQdpx(bytes, what).project.sources.length;

type Kill = { fromStartMs: number } | { fromSavingMs: number };
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** Milliseconds from the start until the temporary file appeared, or null if it was not seen. */
  savingAt: number | null;
}
interface Outcomes {
  unchanged: number;
  replaced: number;
  finished: number;
  /** Kills that landed while the new project was being written (its temporary file stayed). */
  tempLeft: number;
  /** Kills after the temporary file appeared. */
  duringSave: number;
}

/** One project in its own folder, rewritten by qda import again and again. */
class Lane {
  readonly dir: string;
  readonly target: string;
  #onSaving: (() => void) | null = null;
  #watcher: FSWatcher;
  #imported = 0;

  constructor(name: string, project: Uint8Array) {
    this.dir = path.join(root, name);
    mkdirSync(this.dir);
    this.target = path.join(this.dir, 'target.qdpx');
    writeFileSync(this.target, project);
    this.#watcher = watch(this.dir, (_event, file) => {
      if (file?.startsWith('.target.qdpx.') && file.endsWith('.tmp')) this.#onSaving?.();
    });
  }

  close(): void {
    this.#watcher.close();
  }

  /** Imports a new transcript into target.qdpx, killing qda at `kill` unless it has finished by then. */
  run(kill?: Kill): Promise<Run> {
    const n = this.#imported++;
    const transcript = path.join(this.dir, `p${n}.txt`);
    writeFileSync(
      transcript,
      `Interviewer: What happened on day ${n}?\n\nP${n}: Something only participant ${n} would say.\n`,
    );
    const started = Date.now();
    let savingAt: number | null = null;
    const child = spawn(process.execPath, [QDA, 'import', this.target, transcript], {
      env: { ...process.env, LANTERN_BACKUP_DIR: path.join(this.dir, 'backups') },
      stdio: 'ignore',
    });
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
    if (kill && 'fromStartMs' in kill) killLater(kill.fromStartMs);
    this.#onSaving = () => {
      this.#onSaving = null;
      savingAt = Date.now() - started;
      if (kill && 'fromSavingMs' in kill) killLater(kill.fromSavingMs);
    };
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        this.#onSaving = null;
        resolve({ code, signal, ms: Date.now() - started, savingAt });
      });
    });
  }

  /** `kills` runs killed at random moments, each checked; then one to completion, checked for leftovers. */
  async killRepeatedly(kills: number, rng: Rng, full: Run, outcomes: Outcomes): Promise<void> {
    const savingMs = full.ms - full.savingAt!;
    for (let i = 0; i < kills; i++) {
      const before = readFileSync(this.target);
      const tempsBefore = temps(this.dir).length;
      const kill: Kill =
        i % 2 === 0
          ? { fromStartMs: Math.round(rng.next() * full.ms) }
          : { fromSavingMs: Math.round(rng.next() * savingMs) };
      const run = await this.run(kill);
      if (run.signal === 'SIGKILL') {
        if (run.savingAt !== null) outcomes.duringSave++;
        if (temps(this.dir).length > tempsBefore) outcomes.tempLeft++;
      } else {
        expect(run.code).toBe(0);
        outcomes.finished++;
      }
      const after = readFileSync(this.target);
      if (after.equals(before)) {
        outcomes.unchanged++;
      } else {
        outcomes.replaced++;
        expect(sourcesIn(after, `${this.target} after kill ${i + 1} (${JSON.stringify(kill)})`)).toBe(
          sourcesIn(before, 'before') + 1,
        );
      }
    }
    const beforeLast = readFileSync(this.target);
    const last = await this.run();
    expect(last.code).toBe(0);
    expect(temps(this.dir)).toEqual([]);
    expect(sourcesIn(readFileSync(this.target), this.target)).toBe(sourcesIn(beforeLast, 'before') + 1);
    const backups = await listBackups(path.join(this.dir, 'backups'), this.target);
    expect(backups.length).toBeGreaterThan(0);
    expect(temps(path.dirname(backups[0]!.path))).toEqual([]);
    for (const backup of backups) expect(sourcesIn(readFileSync(backup.path), backup.path)).toBeGreaterThan(0);
  }
}

describe('qda killed while saving', () => {
  it(`leaves the old project or the whole new one at ${KILLS} random moments, and no temporary file after the next save`, async () => {
    const project = writeQdpx(buildStudy(TINY_SIZE, 20261207).combined);
    const lanes = Array.from({ length: LANES }, (_, i) => new Lane(`lane-${i}`, project));
    try {
      // One run to completion per lane: how long a run and its saving phase take here (and tsx's cache filled).
      const full = await lanes[0]!.run();
      expect(full.code).toBe(0);
      expect(full.savingAt).not.toBeNull();
      const outcomes: Outcomes = { unchanged: 0, replaced: 0, finished: 0, tempLeft: 0, duringSave: 0 };
      await Promise.all(
        lanes.map((lane, i) => lane.killRepeatedly(KILLS / LANES, seededRng(0x6b111 + i), full, outcomes)),
      );
      console.info(
        `kill test: ${KILLS} kills; runs of ${full.ms} ms saving for ${full.ms - full.savingAt!} ms: ${JSON.stringify(outcomes)}`,
      );
      expect(outcomes.unchanged + outcomes.replaced).toBe(KILLS);
      // Half the kills come after saving began, so the save itself was interrupted.
      expect(outcomes.duringSave).toBeGreaterThan(0);
    } finally {
      for (const lane of lanes) lane.close();
    }
  }, 240_000);
});
