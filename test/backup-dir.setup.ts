/**
 * Every unit test run gets its own backup folder: `qda` and the desktop writer keep backups
 * of projects they overwrite, and tests must never write into the user's real app data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'lantern-test-backups-'));
process.env.LANTERN_BACKUP_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
