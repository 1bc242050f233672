// Runs Jest over the whole workspace (extra arguments pass through), then prints the plain closing line
// "N passed, N failed, N skipped" that CI reads, and exits with Jest's own status.
//
// Without arguments the projects run in four Jest processes, one after the other: one process for every suite
// (--runInBand) kept what each suite left behind until its heap ran out once the classified-task suites were
// added. Each process still creates and drops its own test database (the global setup and teardown).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const GROUPS = [
  ['workflow', 'contracts', 'persistence', 'directive-parser', 'worker', 'api', 'web'],
  ['e2e'],
  ['security', 'faults'],
  ['browser'],
];

const dir = join(tmpdir(), `dondoc-jest-${process.pid}`);
mkdirSync(dir, { recursive: true });

function runJest(args, index) {
  const out = join(dir, `results-${index}.json`);
  const jest = spawnSync(
    process.execPath,
    // No --max-old-space-size: V8 applies it to the import's worker threads too, over their own memory limit.
    ['node_modules/jest/bin/jest.js', '--runInBand', '--json', `--outputFile=${out}`, ...args],
    { stdio: 'inherit' },
  );
  const results = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  return { status: jest.status ?? 1, results };
}

const given = process.argv.slice(2);
const runs = given.length
  ? [runJest(given, 0)]
  : GROUPS.map((projects, i) => runJest(['--selectProjects', ...projects], i));

let status = runs.find((r) => r.status !== 0)?.status ?? 0;
const total = { passed: 0, failed: 0, skipped: 0, all: 0 };
for (const { results: r } of runs) {
  if (!r) {
    status ||= 1;
    continue;
  }
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
  total.all += r.numTotalTests;
}
process.stderr.write(`\njest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
if (total.all === 0 && status === 0) status = 1;
rmSync(dir, { recursive: true, force: true });
process.exit(status);
