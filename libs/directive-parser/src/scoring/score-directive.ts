import { agencyKey, type AgencyMatcher } from '../agency-matcher.js';
import {
  DELIVERABLE_TYPES,
  DIRECTIVE_KINDS,
  type DeliverableType,
  type ParsedDirective,
  type ProposedAgency,
  type ProposedTask,
} from '../directive.model.js';
import { foldWords } from '../normalize-text.js';

/**
 * Scores what `parseDirective` proposes against a hand-made gold annotation (the corpus in `corpus/dev` and
 * `corpus/holdout`). Pure: the caller reads the files.
 */

/** The kinds a gold file may name: the parser's own. */
export const GOLD_DIRECTIVE_KINDS = DIRECTIVE_KINDS;
export type GoldDirectiveKind = (typeof GOLD_DIRECTIVE_KINDS)[number];

export const GOLD_LAYOUTS = [
  'multi-level',
  'ocr-noise',
  'multi-assignment',
  'government-letter',
  'signer',
  'agencies-in-prose',
  'deliverable-type',
  'deadlines',
] as const;

export interface GoldTask {
  /** A verbatim phrase (5-12 words) of the task's text, unique in the document once folded. */
  match: string;
  lead: string | null;
  coordinating: string[];
  /** YYYY-MM-DD or null (no deadline, continuous work, or a deadline in working days). */
  due: string | null;
  workingDays?: number | null;
  continuous?: boolean;
  type: DeliverableType;
}

export interface GoldDirective {
  layout: string;
  /** The reference date the document is parsed with. */
  today: string;
  metadata: { number: string | null; kind: string; issuedAt: string | null; signer: string | null };
  tasks: GoldTask[];
}

export const TASK_SCORE_FIELDS = ['lead', 'coordinating', 'due', 'type'] as const;
export type TaskScoreField = (typeof TASK_SCORE_FIELDS)[number];
export const METADATA_SCORE_FIELDS = ['number', 'kind', 'issuedAt', 'signer'] as const;
export type MetadataScoreField = (typeof METADATA_SCORE_FIELDS)[number];

export type ScoreMiss =
  | { kind: 'gold-not-found'; match: string; lead: string | null }
  | { kind: 'unmatched-proposal'; title: string; marker: string | null; lines: string }
  | { kind: 'wrong-field'; match: string; field: TaskScoreField; expected: unknown; actual: unknown }
  | { kind: 'wrong-metadata'; field: MetadataScoreField; expected: unknown; actual: unknown };

export interface ScoreCounts {
  documents: number;
  gold: number;
  proposed: number;
  matched: number;
  fieldHits: number;
  fieldTotal: number;
  /** Hits per field over the matched pairs (each field's total is `matched`). */
  fieldHitsBy: Record<TaskScoreField, number>;
  metadataHits: number;
  metadataTotal: number;
}

export interface DirectiveScore {
  layout: string;
  counts: ScoreCounts;
  misses: ScoreMiss[];
}

export interface ScoreFigures {
  recall: number;
  precision: number;
  fieldAccuracy: number;
  metadataAccuracy: number;
}

export type ScoreSummary = ScoreCounts & ScoreFigures;

export interface CorpusScore {
  total: ScoreSummary;
  byLayout: Record<string, ScoreSummary>;
}

/** `text` folded, with a space at each end so a phrase is found on word boundaries only. */
function padded(text: string): string {
  return ` ${foldWords(text)} `;
}

function containsPhrase(haystack: string, foldedPhrase: string): boolean {
  return foldedPhrase !== '' && haystack.includes(` ${foldedPhrase} `);
}

/** How many times the gold phrase occurs in `text` (folded, on word boundaries): 1 for a valid gold file. */
export function countPhrase(text: string, phrase: string): number {
  const haystack = padded(text);
  const needle = ` ${foldWords(phrase)} `;
  if (needle.trim() === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** What is wrong with a gold file for the document `text` (an empty list when it is valid). */
export function validateGold(gold: GoldDirective, text: string): string[] {
  const errors: string[] = [];
  if (!(GOLD_LAYOUTS as readonly string[]).includes(gold.layout)) errors.push(`unknown layout ${gold.layout}`);
  if (typeof gold.today !== 'string' || !validDate(gold.today)) errors.push(`today is not a date: ${gold.today}`);
  const meta = gold.metadata;
  if (!meta) return [...errors, 'no metadata'];
  if (!(GOLD_DIRECTIVE_KINDS as readonly string[]).includes(meta.kind)) errors.push(`unknown kind ${meta.kind}`);
  if (meta.issuedAt !== null && !validDate(meta.issuedAt)) errors.push(`issuedAt is not a date: ${meta.issuedAt}`);
  if (meta.number !== null && (typeof meta.number !== 'string' || /^s[oố](?!\p{L})/iu.test(meta.number)))
    errors.push(`number ${meta.number}`);
  if (!Array.isArray(gold.tasks) || gold.tasks.length === 0) return [...errors, 'no tasks'];
  gold.tasks.forEach((task, i) => {
    const at = `task ${i + 1} "${task.match}"`;
    const words = foldWords(task.match ?? '')
      .split(' ')
      .filter(Boolean).length;
    if (words < 5 || words > 12) errors.push(`${at}: match has ${words} words (5-12)`);
    const found = countPhrase(text, task.match ?? '');
    if (found !== 1) errors.push(`${at}: match found ${found} times in the document`);
    if (task.lead !== null && (typeof task.lead !== 'string' || task.lead.trim() === '')) errors.push(`${at}: lead`);
    if (!Array.isArray(task.coordinating) || task.coordinating.some((c) => typeof c !== 'string' || !c.trim()))
      errors.push(`${at}: coordinating`);
    if (task.due !== null && !validDate(task.due)) errors.push(`${at}: due ${task.due}`);
    if (task.workingDays != null && !(Number.isInteger(task.workingDays) && task.workingDays > 0))
      errors.push(`${at}: workingDays ${task.workingDays}`);
    if (task.workingDays != null && task.due !== null) errors.push(`${at}: working days and a due date`);
    if (task.continuous && task.due !== null) errors.push(`${at}: continuous and a due date`);
    if (!(DELIVERABLE_TYPES as readonly string[]).includes(task.type)) errors.push(`${at}: type ${task.type}`);
  });
  return errors;
}

function containsKey(longer: string, shorter: string): boolean {
  return shorter.split(' ').length >= 2 && ` ${longer} `.includes(` ${shorter} `);
}

function registryCode(matcher: AgencyMatcher, name: string): string | null {
  const match = matcher.match(name);
  return match.matched ? match.code : null;
}

/**
 * Two names of one agency: the same registry code when the matcher knows both; otherwise one comparable key equals
 * or contains the other's (at least two words). Two different registry codes are two agencies.
 */
function sameAgency(matcher: AgencyMatcher, gold: string, proposed: ProposedAgency): boolean {
  const goldCode = registryCode(matcher, gold);
  const proposedCode = proposed.code ?? registryCode(matcher, proposed.raw);
  if (goldCode && proposedCode) return goldCode === proposedCode;
  const goldKey = agencyKey(gold);
  if (!goldKey) return false;
  return [proposed.raw, proposed.name].some((name) => {
    const key = agencyKey(name);
    return key !== '' && (key === goldKey || containsKey(key, goldKey) || containsKey(goldKey, key));
  });
}

function sameAgencySet(matcher: AgencyMatcher, gold: readonly string[], proposed: readonly ProposedAgency[]): boolean {
  if (gold.length !== proposed.length) return false;
  const left = [...proposed];
  for (const name of gold) {
    const at = left.findIndex((agency) => sameAgency(matcher, name, agency));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

function agencyLabel(agency: ProposedAgency | null): string | null {
  return agency ? agency.raw : null;
}

/**
 * The deadline a proposal states. A date the parser took from the document's period ("chương trình công tác tháng
 * 11/2022") is the task's default, marked as such for the Office (`dueSource: 'document-period'`), not a deadline the
 * text states: it counts as none, unless the gold gives the same date (a monthly program's tasks are due at its end).
 */
function dueOf(
  task: ProposedTask,
  gold?: GoldTask,
): { due: string | null; workingDays: number | null; continuous: boolean } {
  const defaulted = task.dueSource === 'document-period' && gold !== undefined && gold.due !== task.dueDate;
  return {
    due: defaulted ? null : task.dueDate,
    workingDays: task.workingDays?.days ?? null,
    continuous: task.continuous,
  };
}

function goldDueOf(task: GoldTask): { due: string | null; workingDays: number | null; continuous: boolean } {
  return { due: task.due, workingDays: task.workingDays ?? null, continuous: task.continuous ?? false };
}

function normalizeNumber(value: string | null): string | null {
  return value === null ? null : value.replace(/\s+/g, '').toLowerCase();
}

function normalizeName(value: string | null): string | null {
  return value === null ? null : value.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

function emptyCounts(): ScoreCounts {
  return {
    documents: 0,
    gold: 0,
    proposed: 0,
    matched: 0,
    fieldHits: 0,
    fieldTotal: 0,
    fieldHitsBy: { lead: 0, coordinating: 0, due: 0, type: 0 },
    metadataHits: 0,
    metadataTotal: 0,
  };
}

/**
 * Pairs gold tasks with proposals one to one, greedily in document order: each gold task takes the first proposal
 * not yet taken whose text or title contains its phrase. Returns, per gold task, the index of its proposal or -1.
 */
export function matchTasks(gold: readonly GoldTask[], proposed: readonly ProposedTask[]): number[] {
  const haystacks = proposed.map((task) => [padded(task.text), padded(task.title)]);
  const taken = new Set<number>();
  return gold.map((task) => {
    const phrase = foldWords(task.match);
    const at = haystacks.findIndex((texts, i) => !taken.has(i) && texts.some((text) => containsPhrase(text, phrase)));
    if (at >= 0) taken.add(at);
    return at;
  });
}

export function scoreDirective(gold: GoldDirective, parsed: ParsedDirective, matcher: AgencyMatcher): DirectiveScore {
  const counts = emptyCounts();
  const misses: ScoreMiss[] = [];
  counts.documents = 1;
  counts.gold = gold.tasks.length;
  counts.proposed = parsed.tasks.length;

  const pairs = matchTasks(gold.tasks, parsed.tasks);
  pairs.forEach((at, i) => {
    const expected = gold.tasks[i];
    if (at < 0) {
      misses.push({ kind: 'gold-not-found', match: expected.match, lead: expected.lead });
      return;
    }
    counts.matched++;
    const task = parsed.tasks[at];
    const checks: Record<TaskScoreField, [boolean, unknown, unknown]> = {
      lead: [
        expected.lead === null
          ? task.leadAgency === null
          : task.leadAgency !== null && sameAgency(matcher, expected.lead, task.leadAgency),
        expected.lead,
        agencyLabel(task.leadAgency),
      ],
      coordinating: [
        sameAgencySet(matcher, expected.coordinating, task.coordinatingAgencies),
        expected.coordinating,
        task.coordinatingAgencies.map((a) => a.raw),
      ],
      due: [
        JSON.stringify(goldDueOf(expected)) === JSON.stringify(dueOf(task, expected)),
        goldDueOf(expected),
        { ...dueOf(task), text: task.dueText },
      ],
      type: [expected.type === task.deliverableType, expected.type, task.deliverableType],
    };
    for (const field of TASK_SCORE_FIELDS) {
      const [hit, want, got] = checks[field];
      counts.fieldTotal++;
      if (hit) {
        counts.fieldHits++;
        counts.fieldHitsBy[field]++;
      } else {
        misses.push({ kind: 'wrong-field', match: expected.match, field, expected: want, actual: got });
      }
    }
  });

  const taken = new Set(pairs.filter((at) => at >= 0));
  parsed.tasks.forEach((task, i) => {
    if (taken.has(i)) return;
    misses.push({
      kind: 'unmatched-proposal',
      title: task.title,
      marker: task.source.marker,
      lines: `${task.source.startLine}-${task.source.endLine}`,
    });
  });

  const meta = parsed.directive;
  const metadata: Record<MetadataScoreField, [boolean, unknown, unknown]> = {
    number: [normalizeNumber(gold.metadata.number) === normalizeNumber(meta.number), gold.metadata.number, meta.number],
    kind: [gold.metadata.kind === meta.kind, gold.metadata.kind, meta.kind],
    issuedAt: [gold.metadata.issuedAt === meta.issuedAt, gold.metadata.issuedAt, meta.issuedAt],
    signer: [normalizeName(gold.metadata.signer) === normalizeName(meta.signer), gold.metadata.signer, meta.signer],
  };
  for (const field of METADATA_SCORE_FIELDS) {
    const [hit, want, got] = metadata[field];
    counts.metadataTotal++;
    if (hit) counts.metadataHits++;
    else misses.push({ kind: 'wrong-metadata', field, expected: want, actual: got });
  }

  return { layout: gold.layout, counts, misses };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function addCounts(into: ScoreCounts, from: ScoreCounts): void {
  into.documents += from.documents;
  into.gold += from.gold;
  into.proposed += from.proposed;
  into.matched += from.matched;
  into.fieldHits += from.fieldHits;
  into.fieldTotal += from.fieldTotal;
  for (const field of TASK_SCORE_FIELDS) into.fieldHitsBy[field] += from.fieldHitsBy[field];
  into.metadataHits += from.metadataHits;
  into.metadataTotal += from.metadataTotal;
}

function summarize(counts: ScoreCounts): ScoreSummary {
  return {
    ...counts,
    recall: ratio(counts.matched, counts.gold),
    precision: ratio(counts.matched, counts.proposed),
    fieldAccuracy: ratio(counts.fieldHits, counts.fieldTotal),
    metadataAccuracy: ratio(counts.metadataHits, counts.metadataTotal),
  };
}

/** Micro-averages: every task and every metadata field weighs the same, whatever document it comes from. */
export function sumScores(scores: readonly DirectiveScore[]): CorpusScore {
  const total = emptyCounts();
  const layouts = new Map<string, ScoreCounts>();
  for (const score of scores) {
    addCounts(total, score.counts);
    let layout = layouts.get(score.layout);
    if (!layout) {
      layout = emptyCounts();
      layouts.set(score.layout, layout);
    }
    addCounts(layout, score.counts);
  }
  const byLayout: Record<string, ScoreSummary> = {};
  for (const [name, counts] of [...layouts].sort(([a], [b]) => a.localeCompare(b))) byLayout[name] = summarize(counts);
  return { total: summarize(total), byLayout };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

/** A plain-text table of a corpus score: one row per layout and a total row. */
export function formatScoreTable(title: string, score: CorpusScore): string {
  const header = [
    'layout',
    'docs',
    'gold',
    'prop',
    'match',
    'recall',
    'precision',
    'fields',
    'lead',
    'coord',
    'due',
    'type',
    'meta',
  ];
  const row = (name: string, s: ScoreSummary): string[] => [
    name,
    String(s.documents),
    String(s.gold),
    String(s.proposed),
    String(s.matched),
    percent(s.recall),
    percent(s.precision),
    percent(s.fieldAccuracy),
    ...TASK_SCORE_FIELDS.map((field) => percent(ratio(s.fieldHitsBy[field], s.matched))),
    percent(s.metadataAccuracy),
  ];
  const rows = [header, ...Object.entries(score.byLayout).map(([name, s]) => row(name, s)), row('TOTAL', score.total)];
  const widths = header.map((_h, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]): string =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(header), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])].join('\n');
}

/** One line per miss, for `--verbose`. */
export function formatMisses(document: string, score: DirectiveScore): string[] {
  return score.misses.map((miss) => {
    switch (miss.kind) {
      case 'gold-not-found':
        return `${document}: gold task not found: "${miss.match}" (lead ${miss.lead ?? '—'})`;
      case 'unmatched-proposal':
        return `${document}: proposal matches no gold task: [${miss.marker ?? ''}] lines ${miss.lines} "${miss.title}"`;
      case 'wrong-field':
        return `${document}: "${miss.match}" ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`;
      case 'wrong-metadata':
        return `${document}: metadata ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`;
    }
  });
}
