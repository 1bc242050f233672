// Usage: npm run parse-directive -- <file>
// Prints the directive's metadata and proposed tasks as JSON, matched against the demo province's agencies.
// Reads the built library (npm run build first; the npm script does it).
import { readFile } from 'node:fs/promises';
import { parseDirective, toCliOutput } from '@dondoc/directive-parser';
import { DEMO_AGENCIES } from '@dondoc/persistence';

function fail(message) {
  process.stderr.write(`parse-directive: ${message}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file) fail('usage: npm run parse-directive -- <file>');

let text;
try {
  text = await readFile(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}
if (text.trim() === '') fail(`${file} is empty`);

const agencies = DEMO_AGENCIES.map((agency) => ({
  code: agency.code,
  name: agency.name,
  aliases: agency.shortName ? [agency.shortName] : [],
}));
const parsed = parseDirective(text, { agencies, today: new Date() });
process.stdout.write(`${JSON.stringify(toCliOutput(parsed), null, 2)}\n`);
