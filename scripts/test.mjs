// Runs Jest over the whole workspace (extra arguments pass through), then prints the plain closing line
// "N passed, N failed, N skipped" that CI reads, and exits with Jest's own status.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const dir = join(tmpdir(), `dondoc-jest-${process.pid}`);
mkdirSync(dir, { recursive: true });
const out = join(dir, 'results.json');
// One process runs every suite (--runInBand): the default heap (about 4 GB here) ran out once the classified-task
// suites were added, so it gets room to spare; the machine has far more.
const jest = spawnSync(
  process.execPath,
  [
    '--max-old-space-size=8192',
    'node_modules/jest/bin/jest.js',
    '--runInBand',
    '--json',
    `--outputFile=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let status = jest.status ?? 1;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  process.stderr.write(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped\n`);
  if (r.numTotalTests === 0 && status === 0) status = 1;
}
rmSync(dir, { recursive: true, force: true });
process.exit(status);
