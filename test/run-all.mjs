#!/usr/bin/env node
// `npm test`: type-check, lint, unit and end-to-end tests in turn, then one closing line
// "tests: N passed, N failed" that CI reads (vitest's own summary is not a format it knows).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const steps = [
  ['type-check', 'npx', ['tsc', '-b', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json']],
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let broken = [];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const report = `test-results/${name}.json`;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  }
  if (result.status !== 0) broken.push(name);
}
if (broken.length) process.stdout.write(`\nFailed steps: ${broken.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exit(broken.length ? 1 : 0);
