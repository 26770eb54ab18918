#!/usr/bin/env node
// `npm test`: type-check, lint, unit and end-to-end tests in turn, then one closing line
// "tests: N passed, N failed" that CI reads (vitest's own summary is not a format it knows).
// `npm test -- interop` (what `npm run test:interop` runs) does the same for the suite that
// reads the third-party corpus in ../shared ($LANTERN_SHARED), which a clean clone does not have.
// Each suite leaves its totals in test-results/totals-<suite>.json; `--total default interop`
// (what .ci/run ends with) adds them up into one closing line and fails if either suite did.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const vitest = (project) => [
  'npx',
  ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=test-results/${project}.json`],
];
const suites = {
  default: [
    ['type-check', 'npx', ['tsc', '-b', 'tsconfig.json']],
    ['lint', 'npx', ['eslint', '.']],
    ['unit', ...vitest('unit')],
    ['e2e', ...vitest('e2e')],
  ],
  interop: [
    ['interop', ...vitest('interop')],
    ['interop-e2e', ...vitest('interop-e2e')],
  ],
};

if (process.argv[2] === '--total') total(process.argv.slice(3));

function total(names) {
  let passed = 0;
  let failed = 0;
  const broken = [];
  for (const name of names) {
    const file = `test-results/totals-${name}.json`;
    if (!existsSync(file)) {
      broken.push(`${name} (did not run)`);
      continue;
    }
    const totals = JSON.parse(readFileSync(file, 'utf8'));
    passed += totals.passed;
    failed += totals.failed;
    if (totals.broken.length) broken.push(`${name}: ${totals.broken.join(', ')}`);
  }
  if (broken.length) process.stdout.write(`\nFailed: ${broken.join('; ')}\n`);
  process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
  process.exit(broken.length ? 1 : 0);
}

const suite = process.argv[2] ?? 'default';
const steps = suites[suite];
if (!steps) {
  process.stderr.write(`Unknown suite "${suite}": use one of ${Object.keys(suites).join(', ')}\n`);
  process.exit(1);
}

// Each suite keeps its own reports, so running one does not erase the other's.
for (const [name] of steps) rmSync(`test-results/${name}.json`, { force: true });
rmSync(`test-results/totals-${suite}.json`, { force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const broken = [];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const report = `test-results/${name}.json`;
  let counted = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests;
    counted = json.numFailedTests + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A file that fails to load, or a global setup that throws, fails the run without failing a test.
    if (result.status !== 0 && counted === 0) counted = Math.max(1, json.numFailedTestSuites ?? 0);
  } else if (result.status !== 0 && !['type-check', 'lint'].includes(name)) counted = 1;
  failed += counted;
  if (result.status !== 0) broken.push(name);
}
writeFileSync(`test-results/totals-${suite}.json`, JSON.stringify({ passed, failed, broken }));
if (broken.length) process.stdout.write(`\nFailed steps: ${broken.join(', ')}\n`);
process.stdout.write(`${suite === 'default' ? 'tests' : suite}: ${passed} passed, ${failed} failed\n`);
process.exit(broken.length ? 1 : 0);
