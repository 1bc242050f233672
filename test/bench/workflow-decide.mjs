// The workflow library alone: the cost of deciding one event with applyEvent() (restore the machine's state
// from the task's facts, check role, state and input rules, compute the next state and effects), each
// decision timed on its own with process.hrtime.bigint(). Issue target: p99 ≤ 50 µs, under 5% of a
// transition's p50 (the runner compares with transition-write.mjs). No database; never fails on a number.
// Usage: npm run build && node test/bench/workflow-decide.mjs [--decisions 300000] [--warmup 50000]
import { allowedEvents, applyEvent } from '@dondoc/workflow';
import { arg, emit, pct, QUICK, round } from './lib.mjs';

const DECISIONS = Number(arg('decisions', QUICK ? 100_000 : 300_000));
const WARMUP = Number(arg('warmup', QUICK ? 10_000 : 50_000));

const lead = '11111111-1111-1111-1111-111111111111';
const other = '22222222-2222-2222-2222-222222222222';
const agency = { userId: 'u-agency', role: 'agency', agencyId: lead };
const office = { userId: 'u-office', role: 'office', agencyId: null };
const committee = { userId: 'u-sc', role: 'standing_committee', agencyId: null };
const facts = (state, extra = {}) => ({
  state,
  leadAgencyId: lead,
  coordinatingAgencyIds: [other],
  dueDate: '2030-12-31',
  deadlineVersion: 1,
  revision: 0,
  completedAt: null,
  hasPendingSubmission: false,
  ...extra,
});
// The decisions the API makes most, plus the refusals it answers (which stop early).
const CASES = [
  ['START', facts('assigned'), agency, { type: 'START' }],
  ['SUBMIT', facts('in_progress', { hasPendingSubmission: true }), agency, { type: 'SUBMIT' }],
  ['APPROVE', facts('submitted', { hasPendingSubmission: true }), committee, { type: 'APPROVE' }],
  ['RETURN', facts('submitted', { hasPendingSubmission: true }), committee, { type: 'RETURN', comment: 'Bổ sung' }],
  ['REASSIGN', facts('assigned'), office, { type: 'REASSIGN', leadAgencyId: other, dueDate: '2031-06-30' }],
  [
    'ASSIGN',
    facts('drafted', { leadAgencyId: null }),
    office,
    { type: 'ASSIGN', leadAgencyId: lead, dueDate: '2030-12-31' },
  ],
  ['CANCEL', facts('in_progress'), office, { type: 'CANCEL', comment: 'Không còn phù hợp' }],
  ['refused: role', facts('assigned'), committee, { type: 'START' }],
  ['refused: state', facts('approved'), agency, { type: 'SUBMIT' }],
];

const now = new Date();
const decideOnce = (i) => {
  const [, f, a, e] = CASES[i % CASES.length];
  const s = process.hrtime.bigint();
  applyEvent(f, a, e, now);
  return Number(process.hrtime.bigint() - s) / 1000;
};
for (let i = 0; i < WARMUP; i++) decideOnce(i);

const all = [];
const per = CASES.map(() => []);
for (let i = 0; i < DECISIONS; i++) {
  const us = decideOnce(i);
  all.push(us);
  per[i % CASES.length].push(us);
}
all.sort((a, b) => a - b);
// The timer's own cost, so the figures can be read net of it.
const empty = [];
for (let i = 0; i < 100_000; i++) {
  const s = process.hrtime.bigint();
  empty.push(Number(process.hrtime.bigint() - s) / 1000);
}
empty.sort((a, b) => a - b);
// allowedEvents() runs once per card of a board (GET /api/tasks): its cost matters too.
const board = [];
for (let i = 0; i < 100_000; i++) {
  const [, f, a] = CASES[i % CASES.length];
  const s = process.hrtime.bigint();
  allowedEvents(f, a);
  board.push(Number(process.hrtime.bigint() - s) / 1000);
}
board.sort((a, b) => a - b);

emit({
  bench: 'workflow-decide',
  decisions: DECISIONS,
  warmup: WARMUP,
  p50us: round(pct(all, 0.5)),
  p99us: round(pct(all, 0.99)),
  maxUs: round(all.at(-1)),
  meanUs: round(all.reduce((a, b) => a + b, 0) / all.length),
  timerOverheadP50us: round(pct(empty, 0.5)),
  byEvent: Object.fromEntries(
    CASES.map(([name], i) => {
      const s = per[i].sort((a, b) => a - b);
      return [name, { p50us: round(pct(s, 0.5)), p99us: round(pct(s, 0.99)) }];
    }),
  ),
  allowedEventsP50us: round(pct(board, 0.5)),
  allowedEventsP99us: round(pct(board, 0.99)),
  target: 'p99 <= 50 us, < 5% of a transition p50',
});
