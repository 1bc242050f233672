import fc from 'fast-check';
import { transition } from 'xstate';
import { canUploadSubmission } from './access.rules.js';
import { allowedEvents, applyEvent } from './apply-event.js';
import { isValidCalendarDate } from './local-date.js';
import { taskMachine } from './task.machine.js';
import {
  FINAL_STATES,
  TASK_EVENTS,
  type Actor,
  type TaskEvent,
  type TaskEventType,
  type TaskFacts,
} from './task.model.js';

const NOW = new Date('2021-05-01T03:00:00Z');

const ACTORS: readonly Actor[] = [
  { userId: 'office', role: 'office', agencyId: 'VPTU' },
  { userId: 'btv', role: 'standing_committee', agencyId: null },
  { userId: 'inspector', role: 'inspector', agencyId: null },
  { userId: 'admin', role: 'admin', agencyId: null },
  { userId: 'btg', role: 'agency', agencyId: 'BTG' },
  { userId: 'btc', role: 'agency', agencyId: 'BTC' },
  { userId: 'bdv', role: 'agency', agencyId: 'BDV' },
  { userId: 'stray', role: 'agency', agencyId: null },
];

// The lifecycle's edges, written out independently of the machine.
const EDGES: Record<string, string> = {
  'drafted ASSIGN': 'assigned',
  'assigned REASSIGN': 'assigned',
  'assigned START': 'in_progress',
  'in_progress SUBMIT': 'submitted',
  'submitted APPROVE': 'approved',
  'submitted RETURN': 'in_progress',
  'drafted CANCEL': 'cancelled',
  'assigned CANCEL': 'cancelled',
  'in_progress CANCEL': 'cancelled',
};

const agencyArb = fc.constantFrom<string | undefined>(undefined, 'BTG', 'BTC', 'BDV', '');
const dateArb = fc.constantFrom<string | undefined>(undefined, '2021-06-30', '2021-12-31', '2021-02-30', '2024-02-29');
const commentArb = fc.oneof(
  fc.constantFrom<string | undefined>(undefined, '', '   '),
  fc.constantFrom<string | undefined>('Bổ sung số liệu', ' Lý do hủy ', 'Đạt'),
);

const eventArb: fc.Arbitrary<TaskEvent> = fc
  .record({ type: fc.constantFrom(...TASK_EVENTS), leadAgencyId: agencyArb, dueDate: dateArb, comment: commentArb })
  .map(({ type, leadAgencyId, dueDate, comment }) => {
    // Absent keys stay absent, as in a parsed JSON body.
    const event: Record<string, unknown> = { type };
    if (leadAgencyId !== undefined) event['leadAgencyId'] = leadAgencyId;
    if (dueDate !== undefined) event['dueDate'] = dueDate;
    if (comment !== undefined) event['comment'] = comment;
    return event as TaskEvent;
  });

// A blind step sends any event from any actor; a guided one picks an event the task offers right
// now, mostly one that moves it forward (its input still random), so sequences get deep into the
// lifecycle instead of ending in an early CANCEL. Uploads come mostly from the lead agency.
type Step =
  | { kind: 'blind'; actor: Actor; event: TaskEvent }
  | { kind: 'guided'; pick: number; event: TaskEvent }
  | { kind: 'upload'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('blind' as const), actor: fc.constantFrom(...ACTORS), event: eventArb }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('guided' as const), pick: fc.nat(), event: eventArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('upload' as const), pick: fc.nat() }) },
);

function resolveStep(task: TaskFacts, step: Exclude<Step, { kind: 'upload' }>): { actor: Actor; event: TaskEvent } {
  if (step.kind === 'blind') return step;
  const offers = ACTORS.flatMap((actor) => allowedEvents(task, actor).map((type) => ({ actor, type })));
  const forward = offers.filter((o) => o.type !== 'CANCEL');
  const pool = forward.length > 0 && step.pick % 5 !== 0 ? forward : offers;
  if (pool.length === 0) return { actor: ACTORS[step.pick % ACTORS.length], event: step.event };
  const { actor, type } = pool[step.pick % pool.length];
  return { actor, event: { ...step.event, type } as TaskEvent };
}

function uploader(task: TaskFacts, pick: number): Actor {
  const lead = ACTORS.find((a) => a.role === 'agency' && a.agencyId === task.leadAgencyId);
  return lead && pick % 3 !== 0 ? lead : ACTORS[pick % ACTORS.length];
}

const startArb: fc.Arbitrary<TaskFacts> = fc.record({
  state: fc.constant('drafted' as const),
  leadAgencyId: fc.constantFrom<string | null>(null, 'BTG'),
  coordinatingAgencyIds: fc.constantFrom<readonly string[]>([], ['BTC'], ['BTC', 'BDV']),
  dueDate: fc.constantFrom<string | null>(null, '2021-06-30'),
  deadlineVersion: fc.constant(0),
  revision: fc.constant(0),
  hasPendingSubmission: fc.constant(false),
});

function mayEverSend(type: TaskEventType, task: TaskFacts, actor: Actor): boolean {
  switch (type) {
    case 'ASSIGN':
    case 'REASSIGN':
      return actor.role === 'office';
    case 'START':
    case 'SUBMIT':
      return actor.role === 'agency' && actor.agencyId !== null && actor.agencyId === task.leadAgencyId;
    case 'APPROVE':
    case 'RETURN':
      return actor.role === 'standing_committee';
    case 'CANCEL':
      return actor.role === 'office' || actor.role === 'standing_committee';
  }
}

describe('applyEvent: random sequences from random actors', () => {
  it('never leaves what the rules allow', () => {
    const succeeded = new Map<string, number>();
    fc.assert(
      fc.property(startArb, fc.array(stepArb, { maxLength: 30, size: 'max' }), (start, steps) => {
        let task = start;
        let returns = 0;
        for (const step of steps) {
          if (step.kind === 'upload') {
            if (canUploadSubmission(task, uploader(task, step.pick))) task = { ...task, hasPendingSubmission: true };
            continue;
          }
          const before = task;
          const { actor, event } = resolveStep(before, step);
          const result = applyEvent(before, actor, event, NOW);
          const offered = allowedEvents(before, actor).includes(event.type);

          if (!result.ok) {
            const { code } = result.refusal;
            expect(offered).toBe(code !== 'FORBIDDEN_ROLE' && code !== 'INVALID_TRANSITION');
            if (code === 'FORBIDDEN_ROLE') expect(mayEverSend(event.type, before, actor)).toBe(false);
            continue;
          }

          expect(offered).toBe(true);
          expect(FINAL_STATES).not.toContain(before.state);
          expect(mayEverSend(event.type, before, actor)).toBe(true);
          expect(result.from).toBe(before.state);
          expect(result.to).toBe(EDGES[`${before.state} ${event.type}`]);
          expect(result.task.state).toBe(result.to);

          if (event.type === 'RETURN') returns++;
          expect(result.task.revision).toBe(returns);
          const bump = event.type === 'ASSIGN' || event.type === 'REASSIGN' ? 1 : 0;
          expect(result.task.deadlineVersion).toBe(before.deadlineVersion + bump);

          if (result.to !== 'drafted' && result.to !== 'cancelled') {
            expect(result.task.leadAgencyId).toBeTruthy();
            expect(isValidCalendarDate(result.task.dueDate!)).toBe(true);
          }
          if (result.to === 'submitted') expect(result.task.hasPendingSubmission).toBe(true);
          // A decided submission is no longer pending; the next round needs a new upload.
          if (event.type === 'RETURN' || event.type === 'APPROVE') expect(result.task.hasPendingSubmission).toBe(false);

          // The shortcut applyEvent takes through the machine must match xstate's pure transition().
          const snapshot = taskMachine.resolveState({
            value: before.state,
            context: {
              leadAgencyId: before.leadAgencyId,
              organisationId: before.organisationId ?? null,
              coordinatingAgencyIds: before.coordinatingAgencyIds,
              dueDate: before.dueDate,
              deadlineVersion: before.deadlineVersion,
              revision: before.revision,
              hasPendingSubmission: before.hasPendingSubmission === true,
              assigneeUserId: before.assigneeUserId ?? null,
              decidingAuthority: before.decidingAuthority ?? 'standing_committee',
              continuous: false,
            },
          });
          const [next, actions] = transition(taskMachine, snapshot, { ...event, actor });
          expect(next.value).toBe(result.to);
          expect(next.context).toEqual({
            leadAgencyId: result.task.leadAgencyId,
            coordinatingAgencyIds: result.task.coordinatingAgencyIds,
            dueDate: result.task.dueDate,
            deadlineVersion: result.task.deadlineVersion,
            revision: result.task.revision,
            hasPendingSubmission: result.task.hasPendingSubmission,
            assigneeUserId: before.assigneeUserId ?? null,
            decidingAuthority: before.decidingAuthority ?? 'standing_committee',
            continuous: false,
            organisationId: before.organisationId ?? null,
          });
          expect(actions.map((a) => ({ kind: a.type, ...(a.params as object) }))).toEqual(result.effects);

          succeeded.set(`${before.state} ${event.type}`, (succeeded.get(`${before.state} ${event.type}`) ?? 0) + 1);
          task = result.task;
        }
        expect(task.revision).toBe(returns);
      }),
      { numRuns: 500 },
    );
    // Guards against a generator that never gets past the first refusal.
    expect([...succeeded.keys()].sort()).toEqual(Object.keys(EDGES).sort());
  });

  it('accepts nothing once a task is approved or cancelled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATES), fc.constantFrom(...ACTORS), eventArb, (state, actor, event) => {
        const task: TaskFacts = {
          state,
          leadAgencyId: 'BTG',
          coordinatingAgencyIds: ['BTC'],
          dueDate: '2021-06-30',
          deadlineVersion: 1,
          revision: 0,
          hasPendingSubmission: true,
        };
        expect(applyEvent(task, actor, event, NOW).ok).toBe(false);
        expect(allowedEvents(task, actor)).toEqual([]);
      }),
    );
  });
});
