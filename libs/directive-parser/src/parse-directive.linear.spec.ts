import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDirective } from './parse-directive.js';

/**
 * Parsing time grows linearly with the text (issue 13, item 2): 4× the text may cost about 4× the time, never
 * 16×. Joining a long run of continued lines was quadratic (128 KB of "a" lines took 90 s), and a long line of
 * bullets spent 90 backtracking steps per character. Time is measured (best of three, after a warm-up) and the
 * bound is generous for a noisy shared machine: linear gives about 4×, quadratic 16×.
 */

const FIXTURE = readFileSync(join(__dirname, '../fixtures/provincial-conclusion-28-KL-TU-q4-2020-news.txt'), 'utf8');

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length));

const INPUTS: [string, (chars: number) => string][] = [
  // Lines starting in lower case continue the previous one: one block of 40,000 lines.
  ['continued lines', (chars) => repeat('triển khai thực hiện\n', chars)],
  ['one line of "- "', (chars) => repeat('- ', chars)],
  ['lines of "- "', (chars) => repeat('- \n', chars)],
  ['a real directive, repeated', (chars) => repeat(`${FIXTURE}\n`, chars)],
];

function bestTime(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    parseDirective(text, { agencies: [], today: '2026-12-04' });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

// A text long enough that the smaller run takes 20 ms or more: at 2 ms, a scheduler hiccup of one millisecond
// on a loaded machine moved the ratio past the bound (CI, 2026-12-05: 2 ms and 15 ms, ×8.2).
const START = 32 * 1024;
const MAX = 1024 * 1024;
const ENOUGH_MS = 20;

/** 4× the text over 1× its time, at a size where the smaller run takes ENOUGH_MS. */
function growthRatio(make: (chars: number) => string, name: string): number {
  bestTime(make(START)); // warm-up: compiled code and the folding table
  let n = START;
  let t1 = bestTime(make(n));
  while (t1 < ENOUGH_MS && n < MAX) {
    n *= 2;
    t1 = bestTime(make(n));
  }
  const large = make(4 * n);
  const t4 = bestTime(large);
  const ratio = t4 / Math.max(t1, 1);
  console.log(
    `${name}: ${Math.round(t1)} ms for ${n} chars, ${Math.round(t4)} ms for ${large.length} (×${ratio.toFixed(1)})`,
  );
  return ratio;
}

// Up to three measurements: other test files share the machine's two cores, and one of them collecting its
// garbage during the larger run made a linear parse read ×12 (CI, 2026-12-05). A quadratic one reads ×13–16
// every time.
const ATTEMPTS = 3;

describe('parseDirective is linear in the length of the text', () => {
  it.each(INPUTS)('%s: 4× the text costs less than 8× the time', (name, make) => {
    let best = Infinity;
    for (let attempt = 0; attempt < ATTEMPTS && best >= 8; attempt++) best = Math.min(best, growthRatio(make, name));
    expect(best).toBeLessThan(8);
  });
});
