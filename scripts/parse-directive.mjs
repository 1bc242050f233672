// Usage: npm run parse-directive -- <file>
//        npm run parse-directive -- --score [--verbose]
// <file>: prints the directive's metadata and proposed tasks as JSON, matched against the demo province's agencies.
// --score: parses every document of libs/directive-parser/corpus/{dev,holdout}, scores it against its gold file
// and prints recall, precision and field accuracy per layout (--verbose: every miss as well).
// Reads the built library (npm run build first; the npm script does it).
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  createAgencyMatcher,
  formatMisses,
  formatScoreTable,
  parseDirective,
  scoreDirective,
  sumScores,
  toCliOutput,
  validateGold,
} from '@dondoc/directive-parser';
import { DEMO_AGENCIES } from '@dondoc/persistence';

function fail(message) {
  process.stderr.write(`parse-directive: ${message}\n`);
  process.exit(2);
}

const agencies = DEMO_AGENCIES.map((agency) => ({
  code: agency.code,
  name: agency.name,
  aliases: agency.shortName ? [agency.shortName] : [],
}));

const CORPUS = fileURLToPath(new URL('../libs/directive-parser/corpus/', import.meta.url));
const FOLDERS = ['dev', 'holdout'];

async function score(verbose) {
  const matcher = createAgencyMatcher(agencies);
  let invalid = 0;
  for (const folder of FOLDERS) {
    const dir = join(CORPUS, folder);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
    const scores = [];
    const misses = [];
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8');
      const goldFile = file.replace(/\.txt$/, '.gold.json');
      let gold;
      try {
        gold = JSON.parse(await readFile(join(dir, goldFile), 'utf8'));
      } catch (error) {
        fail(`${folder}/${goldFile}: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const error of validateGold(gold, text)) {
        invalid++;
        process.stderr.write(`parse-directive: ${folder}/${goldFile}: ${error}\n`);
      }
      const parsed = parseDirective(text, { agencies, today: gold.today });
      const result = scoreDirective(gold, parsed, matcher);
      scores.push(result);
      if (verbose) misses.push(...formatMisses(`${folder}/${file}`, result));
    }
    process.stdout.write(`${formatScoreTable(`${folder} (${files.length} documents)`, sumScores(scores))}\n\n`);
    if (verbose && misses.length > 0) process.stdout.write(`${misses.join('\n')}\n\n`);
  }
  if (invalid > 0) fail(`${invalid} problem(s) in the gold files`);
}

const args = process.argv.slice(2);
if (args.includes('--score')) {
  await score(args.includes('--verbose'));
} else {
  const file = args[0];
  if (!file) fail('usage: npm run parse-directive -- <file> | --score [--verbose]');

  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text.trim() === '') fail(`${file} is empty`);

  const parsed = parseDirective(text, { agencies, today: new Date() });
  process.stdout.write(`${JSON.stringify(toCliOutput(parsed), null, 2)}\n`);
}
