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

// 64K and 256K characters: large enough to see ×16 from ×4, small enough that no regular expression of the
// parser runs out of backtracking stack on one line (a 4M-character line of "- " did in CI, 2026-12-05).
const N = 64 * 1024;

/** 4× the text over 1× its time. */
function growthRatio(make: (chars: number) => string, name: string): number {
  const small = make(N);
  const large = make(4 * N);
  bestTime(small); // warm-up: compiled code and the folding table
  const t1 = bestTime(small);
  const t4 = bestTime(large);
  const ratio = t4 / Math.max(t1, 1);
  console.log(
    `${name}: ${Math.round(t1)} ms for ${small.length} chars, ${Math.round(t4)} ms for ${large.length} (×${ratio.toFixed(1)})`,
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
