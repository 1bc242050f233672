import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCIES } from '@dondoc/persistence';
import { createAgencyMatcher } from '../agency-matcher.js';
import { parseDirective } from '../parse-directive.js';
import {
  GOLD_LAYOUTS,
  formatScoreTable,
  scoreDirective,
  sumScores,
  validateGold,
  type GoldDirective,
  type ScoreFigures,
} from './score-directive.js';

// The scored corpus: `dev` is what the parser's developers look at; `holdout` (same layouts, other provinces and
// wording) is not to be looked at, so it measures how the parser generalises. `npm run parse-directive -- --score`
// prints the same table from the built library (--verbose: every miss).
const CORPUS = join(__dirname, '..', '..', 'corpus');
const FOLDERS = ['dev', 'holdout'] as const;
type Folder = (typeof FOLDERS)[number];

/** Minimum corpus figures (micro-averaged, 0..1), raised as the parser improves. */
const FLOORS: Record<Folder, ScoreFigures> = {
  // A little under what the parser scores on the documents it was built with (97.6 / 98.2 / 98.9 / 100 %).
  dev: { recall: 0.95, precision: 0.95, fieldAccuracy: 0.95, metadataAccuracy: 0.97 },
  // The issue's target, 90 % on each measure, on documents kept from the parser's authors.
  holdout: { recall: 0.9, precision: 0.9, fieldAccuracy: 0.9, metadataAccuracy: 0.9 },
};

const agencies = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name, aliases: a.shortName ? [a.shortName] : [] }));
const matcher = createAgencyMatcher(agencies);

interface CorpusDocument {
  file: string;
  text: string;
  gold: GoldDirective;
}

function load(folder: Folder): CorpusDocument[] {
  const dir = join(CORPUS, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(dir, file), 'utf8'),
      gold: JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as GoldDirective,
    }));
}

describe.each(FOLDERS)('corpus/%s', (folder) => {
  const documents = load(folder);

  it('has a gold file for every document and no gold file without one', () => {
    const files = readdirSync(join(CORPUS, folder));
    const texts = files.filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
    const golds = files.filter((f) => f.endsWith('.gold.json')).map((f) => f.replace(/\.gold\.json$/, ''));
    expect(golds.sort()).toEqual(texts.sort());
  });

  it('has at least two documents of every layout', () => {
    for (const layout of GOLD_LAYOUTS) {
      expect([layout, documents.filter((d) => d.gold.layout === layout).length >= 2]).toEqual([layout, true]);
    }
  });

  it.each(documents.map((d) => [d.file, d] as const))('%s: valid gold', (file, document) => {
    expect(file.split('--')[0]).toBe(document.gold.layout);
    expect(validateGold(document.gold, document.text)).toEqual([]);
  });

  it('scores the parser above the floors', () => {
    const scores = documents.map(({ text, gold }) =>
      scoreDirective(gold, parseDirective(text, { agencies, today: gold.today }), matcher),
    );
    const corpus = sumScores(scores);
    process.stdout.write(`\n${formatScoreTable(`corpus/${folder} (${documents.length} documents)`, corpus)}\n\n`);
    const floors = FLOORS[folder];
    for (const key of Object.keys(floors) as (keyof ScoreFigures)[]) {
      expect([key, corpus.total[key]]).toEqual([key, expect.any(Number)]);
      expect(corpus.total[key]).toBeGreaterThanOrEqual(floors[key]);
    }
  });
});
