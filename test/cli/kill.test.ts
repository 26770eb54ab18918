/**
 * The kill test: `qda import` adding a transcript to a project (so reading, then rewriting the
 * whole project) is killed (SIGKILL, no chance to clean up) at 30 seeded random moments across
 * its run. After every kill the project on disk must be byte-identical to before or the whole
 * new project (it reads back with exactly one more source); the next successful save
 * must leave no temporary file beside it or in its backup folder, and every backup must read.
 * (A kill does not lose the page cache as a power cut would; the fsyncs that cover that are
 * checked in test/unit/node/atomic-write.test.ts.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng } from '../../bench/prng';
import { buildStudy, TINY_SIZE } from '../../bench/study';
import { listBackups } from '../../node/backups';
import { readQdpx, writeQdpx } from '../../shared/formats/refi';

const QDA = path.resolve(__dirname, '../../cli/qda.mjs');
const KILLS = 30;

let dir: string;
const file = (name: string) => path.join(dir, name);
const temps = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.') && name.endsWith('.tmp'));

/** Imports transcript `n` into target.qdpx; kills it after `killAfterMs` unless it has finished. */
function runImport(
  n: number,
  killAfterMs?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  const transcript = file(`p${n}.txt`);
  writeFileSync(
    transcript,
    `Interviewer: What happened on day ${n}?\n\nP${n}: Something only participant ${n} would say.\n`,
  );
  const child = spawn(process.execPath, [QDA, 'import', file('target.qdpx'), transcript], {
    env: { ...process.env, LANTERN_BACKUP_DIR: file('backups') },
    stdio: 'ignore',
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'qda-kill-'));
  writeFileSync(file('target.qdpx'), writeQdpx(buildStudy(TINY_SIZE, 20261207).combined));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qda killed while saving', () => {
  it(`leaves the old project or the whole new one at ${KILLS} random moments, and no temporary file after the next save`, async () => {
    // One run to completion: how long a run takes here, and (for tsx) every module compiled and cached.
    const full = await runImport(0);
    expect(full.code).toBe(0);
    const sourcesIn = (bytes: Uint8Array, what: string) => readQdpx(bytes, what).project.sources.length;

    const rng = seededRng(0x6b111);
    // tempLeft: kills that landed while the new project was being written (its temporary file stayed).
    const outcomes = { unchanged: 0, replaced: 0, finished: 0, tempLeft: 0 };
    for (let i = 0; i < KILLS; i++) {
      const before = readFileSync(file('target.qdpx'));
      const tempsBefore = temps(dir).length;
      const killAt = Math.round(rng.next() * full.ms);
      const run = await runImport(i + 1, killAt);
      if (run.signal === 'SIGKILL') {
        if (temps(dir).length > tempsBefore) outcomes.tempLeft++;
      } else {
        expect(run.code).toBe(0);
        outcomes.finished++;
      }
      const after = readFileSync(file('target.qdpx'));
      if (after.equals(before)) {
        outcomes.unchanged++;
      } else {
        outcomes.replaced++;
        expect(sourcesIn(after, `target.qdpx after kill ${i + 1} at ${killAt} ms`)).toBe(
          sourcesIn(before, 'target.qdpx before') + 1,
        );
      }
    }

    const beforeLast = readFileSync(file('target.qdpx'));
    const last = await runImport(KILLS + 1);
    expect(last.code).toBe(0);
    expect(temps(dir)).toEqual([]);
    expect(sourcesIn(readFileSync(file('target.qdpx')), 'target.qdpx')).toBe(
      sourcesIn(beforeLast, 'target.qdpx before') + 1,
    );
    const backups = await listBackups(file('backups'), file('target.qdpx'));
    expect(backups.length).toBeGreaterThan(0);
    expect(temps(path.dirname(backups[0]!.path))).toEqual([]);
    for (const backup of backups)
      expect(readQdpx(readFileSync(backup.path), backup.name).project.sources.length).toBeGreaterThan(0);

    console.info(`kill test: ${KILLS} kills over ${full.ms} ms runs: ${JSON.stringify(outcomes)}`);
    expect(outcomes.unchanged + outcomes.replaced).toBe(KILLS);
  }, 240_000);
});
