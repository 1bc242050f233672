import { transition } from 'xstate';
import { allowedEvents, applyEvent } from './apply-event.js';
import { taskMachine } from './task.machine.js';
import {
  TASK_EVENTS,
  TASK_STATES,
  type Actor,
  type ApplyResult,
  type Effect,
  type RefusalCode,
  type TaskEvent,
  type TaskEventType,
  type TaskFacts,
  type TaskState,
} from './task.model.js';

const NOW = new Date('2021-05-01T03:00:00Z');

const ACTORS = {
  office: { userId: 'u-office', role: 'office', agencyId: 'VPTU' },
  standing_committee: { userId: 'u-btv', role: 'standing_committee', agencyId: null },
  inspector: { userId: 'u-insp', role: 'inspector', agencyId: null },
  admin: { userId: 'u-admin', role: 'admin', agencyId: null },
  lead: { userId: 'u-lead', role: 'agency', agencyId: 'BTG' },
  coordinating: { userId: 'u-coord', role: 'agency', agencyId: 'BTC' },
  unrelated: { userId: 'u-other', role: 'agency', agencyId: 'BNC' },
} as const satisfies Record<string, Actor>;
type ActorKind = keyof typeof ACTORS;
const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[];

function taskIn(state: TaskState, overrides: Partial<TaskFacts> = {}): TaskFacts {
  return {
    state,
    leadAgencyId: 'BTG',
    coordinatingAgencyIds: ['BTC'],
    dueDate: '2021-06-30',
    deadlineVersion: state === 'drafted' ? 0 : 1,
    revision: 0,
    hasPendingSubmission: true,
    completedAt: null,
    ...overrides,
  };
}

// Events whose input is complete, so the table isolates role and state.
const VALID_EVENTS: Record<TaskEventType, TaskEvent> = {
  ASSIGN: { type: 'ASSIGN' },
  REASSIGN: { type: 'REASSIGN', leadAgencyId: 'BDV' },
  START: { type: 'START' },
  SUBMIT: { type: 'SUBMIT' },
  APPROVE: { type: 'APPROVE' },
  RETURN: { type: 'RETURN', comment: 'Bổ sung số liệu quý II' },
  CANCEL: { type: 'CANCEL', comment: 'Không còn phù hợp' },
};

type Outcome = TaskState | RefusalCode;
const F = 'FORBIDDEN_ROLE';
const X = 'INVALID_TRANSITION';

// Columns: office, standing_committee, inspector, admin, lead agency, coordinating agency, unrelated agency.
const EXPECTED: Record<TaskState, Record<TaskEventType, readonly Outcome[]>> = {
  drafted: {
    ASSIGN: ['assigned', F, F, F, F, F, F],
    REASSIGN: [X, F, F, F, F, F, F],
    START: [F, F, F, F, X, F, F],
    SUBMIT: [F, F, F, F, X, F, F],
    APPROVE: [F, X, F, F, F, F, F],
    RETURN: [F, X, F, F, F, F, F],
    CANCEL: ['cancelled', 'cancelled', F, F, F, F, F],
  },
  assigned: {
    ASSIGN: [X, F, F, F, F, F, F],
    REASSIGN: ['assigned', F, F, F, F, F, F],
    START: [F, F, F, F, 'in_progress', F, F],
    SUBMIT: [F, F, F, F, X, F, F],
    APPROVE: [F, X, F, F, F, F, F],
    RETURN: [F, X, F, F, F, F, F],
    CANCEL: ['cancelled', 'cancelled', F, F, F, F, F],
  },
  in_progress: {
    ASSIGN: [X, F, F, F, F, F, F],
    REASSIGN: [X, F, F, F, F, F, F],
    START: [F, F, F, F, X, F, F],
    SUBMIT: [F, F, F, F, 'submitted', F, F],
    APPROVE: [F, X, F, F, F, F, F],
    RETURN: [F, X, F, F, F, F, F],
    CANCEL: ['cancelled', 'cancelled', F, F, F, F, F],
  },
  submitted: {
    ASSIGN: [X, F, F, F, F, F, F],
    REASSIGN: [X, F, F, F, F, F, F],
    START: [F, F, F, F, X, F, F],
    SUBMIT: [F, F, F, F, X, F, F],
    APPROVE: [F, 'approved', F, F, F, F, F],
    RETURN: [F, 'in_progress', F, F, F, F, F],
    CANCEL: [X, X, F, F, F, F, F],
  },
  approved: {
    ASSIGN: [X, F, F, F, F, F, F],
    REASSIGN: [X, F, F, F, F, F, F],
    START: [F, F, F, F, X, F, F],
    SUBMIT: [F, F, F, F, X, F, F],
    APPROVE: [F, X, F, F, F, F, F],
    RETURN: [F, X, F, F, F, F, F],
    CANCEL: [X, X, F, F, F, F, F],
  },
  cancelled: {
    ASSIGN: [X, F, F, F, F, F, F],
    REASSIGN: [X, F, F, F, F, F, F],
    START: [F, F, F, F, X, F, F],
    SUBMIT: [F, F, F, F, X, F, F],
    APPROVE: [F, X, F, F, F, F, F],
    RETURN: [F, X, F, F, F, F, F],
    CANCEL: [X, X, F, F, F, F, F],
  },
};

const CASES = TASK_STATES.flatMap((state) =>
  TASK_EVENTS.flatMap((type) =>
    ACTOR_KINDS.map((kind, column) => ({ state, type, kind, expected: EXPECTED[state][type][column] })),
  ),
);

function outcomeOf(result: ApplyResult): Outcome {
  return result.ok ? result.to : result.refusal.code;
}

function ok(result: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${result.refusal.code}`);
  return result;
}

function refusalCode(task: TaskFacts, actor: Actor, event: TaskEvent): RefusalCode | null {
  const result = applyEvent(task, actor, event, NOW);
  return result.ok ? null : result.refusal.code;
}

describe('applyEvent: every state × event × actor kind', () => {
  it('covers 6 states × 7 events × 7 actor kinds', () => {
    expect(CASES).toHaveLength(294);
    for (const row of Object.values(EXPECTED)) for (const cells of Object.values(row)) expect(cells).toHaveLength(7);
  });

  it.each(CASES)('$state + $type by $kind → $expected', ({ state, type, kind, expected }) => {
    expect(outcomeOf(applyEvent(taskIn(state), ACTORS[kind], VALID_EVENTS[type], NOW))).toBe(expected);
  });

  it.each(CASES)('allowedEvents agrees: $state + $type by $kind', ({ state, type, kind, expected }) => {
    const offered = allowedEvents(taskIn(state), ACTORS[kind]).includes(type);
    expect(offered).toBe(expected !== F && expected !== X);
  });

  it('refuses the role before the state, whatever the state', () => {
    expect(refusalCode(taskIn('approved'), ACTORS.lead, { type: 'APPROVE' })).toBe('FORBIDDEN_ROLE');
    expect(refusalCode(taskIn('cancelled'), ACTORS.inspector, { type: 'CANCEL', comment: '' })).toBe('FORBIDDEN_ROLE');
  });

  it('refuses the state before the input', () => {
    expect(refusalCode(taskIn('approved'), ACTORS.standing_committee, { type: 'RETURN', comment: ' ' })).toBe(
      'INVALID_TRANSITION',
    );
    expect(refusalCode(taskIn('assigned', { hasPendingSubmission: false }), ACTORS.lead, { type: 'SUBMIT' })).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('never lets an agency approve or return, not even the lead on its own work', () => {
    for (const kind of ['lead', 'coordinating', 'unrelated'] as const) {
      expect(refusalCode(taskIn('submitted'), ACTORS[kind], { type: 'APPROVE' })).toBe('FORBIDDEN_ROLE');
      expect(refusalCode(taskIn('submitted'), ACTORS[kind], VALID_EVENTS.RETURN)).toBe('FORBIDDEN_ROLE');
    }
  });

  it('denies by default what it does not know', () => {
    const rogue = { userId: 'x', role: 'superuser', agencyId: 'BTG' } as unknown as Actor;
    expect(refusalCode(taskIn('assigned'), rogue, { type: 'START' })).toBe('FORBIDDEN_ROLE');
    const unknownEvent = { type: 'DELETE' } as unknown as TaskEvent;
    expect(refusalCode(taskIn('assigned'), ACTORS.office, unknownEvent)).toBe('FORBIDDEN_ROLE');
    const prototypeKey = { type: 'constructor' } as unknown as TaskEvent;
    expect(refusalCode(taskIn('assigned'), ACTORS.office, prototypeKey)).toBe('FORBIDDEN_ROLE');
    const unknownState = taskIn('archived' as TaskState);
    expect(refusalCode(unknownState, ACTORS.office, VALID_EVENTS.CANCEL)).toBe('INVALID_TRANSITION');
    expect(allowedEvents(unknownState, ACTORS.office)).toEqual([]);
    const agencyWithoutAgency: Actor = { userId: 'x', role: 'agency', agencyId: null };
    expect(refusalCode(taskIn('assigned', { leadAgencyId: null }), agencyWithoutAgency, { type: 'START' })).toBe(
      'FORBIDDEN_ROLE',
    );
  });
});

describe('applyEvent: input requirements', () => {
  it.each([
    [
      'RETURN with a blank comment',
      'submitted',
      'standing_committee',
      { type: 'RETURN', comment: '   \n\t' },
      'COMMENT_REQUIRED',
    ],
    [
      'RETURN with an empty comment',
      'submitted',
      'standing_committee',
      { type: 'RETURN', comment: '' },
      'COMMENT_REQUIRED',
    ],
    ['RETURN without a comment', 'submitted', 'standing_committee', { type: 'RETURN' }, 'COMMENT_REQUIRED'],
    ['CANCEL with a blank comment', 'assigned', 'office', { type: 'CANCEL', comment: '  ' }, 'COMMENT_REQUIRED'],
    ['CANCEL without a comment', 'drafted', 'standing_committee', { type: 'CANCEL' }, 'COMMENT_REQUIRED'],
    [
      'REASSIGN to the current lead',
      'assigned',
      'office',
      { type: 'REASSIGN', leadAgencyId: 'BTG' },
      'SAME_LEAD_AGENCY',
    ],
    ['REASSIGN with no lead', 'assigned', 'office', { type: 'REASSIGN', leadAgencyId: '' }, 'LEAD_AGENCY_REQUIRED'],
    [
      'REASSIGN to a bad date',
      'assigned',
      'office',
      { type: 'REASSIGN', leadAgencyId: 'BDV', dueDate: '2021-02-30' },
      'INVALID_DUE_DATE',
    ],
    ['ASSIGN to a bad date', 'drafted', 'office', { type: 'ASSIGN', dueDate: '2021-02-30' }, 'INVALID_DUE_DATE'],
    [
      'ASSIGN to a date that is not ISO',
      'drafted',
      'office',
      { type: 'ASSIGN', dueDate: '30/06/2021' },
      'INVALID_DUE_DATE',
    ],
  ] as const)('%s → %s', (_name, state, kind, event, code) => {
    expect(refusalCode(taskIn(state), ACTORS[kind], event as TaskEvent)).toBe(code);
  });

  it('SUBMIT needs an undecided deliverable for the current revision', () => {
    expect(refusalCode(taskIn('in_progress', { hasPendingSubmission: false }), ACTORS.lead, { type: 'SUBMIT' })).toBe(
      'SUBMISSION_REQUIRED',
    );
    expect(
      refusalCode(taskIn('in_progress', { hasPendingSubmission: undefined }), ACTORS.lead, { type: 'SUBMIT' }),
    ).toBe('SUBMISSION_REQUIRED');
  });

  it('ASSIGN needs a lead agency and a due date, from the event or the task', () => {
    const bare = taskIn('drafted', { leadAgencyId: null, dueDate: null });
    expect(refusalCode(bare, ACTORS.office, { type: 'ASSIGN' })).toBe('LEAD_AGENCY_REQUIRED');
    expect(refusalCode(bare, ACTORS.office, { type: 'ASSIGN', dueDate: '2021-06-30' })).toBe('LEAD_AGENCY_REQUIRED');
    expect(refusalCode(bare, ACTORS.office, { type: 'ASSIGN', leadAgencyId: 'BTG' })).toBe('DUE_DATE_REQUIRED');
    expect(refusalCode(taskIn('drafted', { dueDate: null }), ACTORS.office, { type: 'ASSIGN' })).toBe(
      'DUE_DATE_REQUIRED',
    );
    expect(refusalCode(taskIn('drafted', { leadAgencyId: null }), ACTORS.office, { type: 'ASSIGN' })).toBe(
      'LEAD_AGENCY_REQUIRED',
    );
    expect(refusalCode(bare, ACTORS.office, { type: 'ASSIGN', leadAgencyId: 'BTG', dueDate: '2021-06-30' })).toBeNull();
  });

  it('gives every refusal a message a person can act on, in English and Vietnamese', () => {
    const cases: [TaskFacts, Actor, TaskEvent][] = [
      [taskIn('submitted'), ACTORS.lead, { type: 'APPROVE' }],
      [taskIn('approved'), ACTORS.standing_committee, { type: 'APPROVE' }],
      [taskIn('submitted'), ACTORS.standing_committee, { type: 'RETURN', comment: '' }],
      [taskIn('assigned'), ACTORS.office, { type: 'CANCEL', comment: '' }],
      [taskIn('in_progress', { hasPendingSubmission: false }), ACTORS.lead, { type: 'SUBMIT' }],
      [taskIn('drafted', { leadAgencyId: null }), ACTORS.office, { type: 'ASSIGN' }],
      [taskIn('assigned'), ACTORS.office, { type: 'REASSIGN', leadAgencyId: '' }],
      [taskIn('drafted', { dueDate: null }), ACTORS.office, { type: 'ASSIGN' }],
      [taskIn('assigned'), ACTORS.office, { type: 'REASSIGN', leadAgencyId: 'BTG' }],
      [taskIn('drafted'), ACTORS.office, { type: 'ASSIGN', dueDate: '2021-02-30' }],
      [taskIn('assigned'), ACTORS.admin, { type: 'DELETE' } as unknown as TaskEvent],
    ];
    const seen = new Set<RefusalCode>();
    for (const [task, actor, event] of cases) {
      const result = applyEvent(task, actor, event, NOW);
      if (result.ok) throw new Error(`expected a refusal for ${event.type}`);
      const { code, message, messageVi } = result.refusal;
      seen.add(code);
      expect(message.length).toBeGreaterThan(10);
      expect(messageVi.length).toBeGreaterThan(10);
      expect(messageVi).toBe(messageVi.normalize('NFC'));
      expect(messageVi).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêềếệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]/i);
    }
    expect(seen.size).toBe(8);
    const invalid = applyEvent(taskIn('approved'), ACTORS.standing_committee, { type: 'APPROVE' }, NOW);
    expect(invalid.ok || invalid.refusal.messageVi).toContain('Đã duyệt');
  });
});

describe('applyEvent: what a successful event changes and asks for', () => {
  it('ASSIGN takes lead and due date from the event, bumps the deadline version, and schedules the deadline ladder', () => {
    const task = taskIn('drafted', { leadAgencyId: null, dueDate: null, deadlineVersion: 3 });
    const result = ok(
      applyEvent(task, ACTORS.office, { type: 'ASSIGN', leadAgencyId: 'BTG', dueDate: '2021-06-30' }, NOW),
    );
    expect(result).toMatchObject({ from: 'drafted', to: 'assigned' });
    expect(result.task).toMatchObject({
      state: 'assigned',
      leadAgencyId: 'BTG',
      dueDate: '2021-06-30',
      deadlineVersion: 4,
    });
    expect(result.effects).toEqual<Effect[]>([
      { kind: 'schedule_deadline_actions', dueDate: '2021-06-30', deadlineVersion: 4, leadAgencyId: 'BTG' },
    ]);
  });

  it('ASSIGN keeps the draft values when the event has none, ', () => {
    const task = taskIn('drafted', { coordinatingAgencyIds: [] });
    const result = ok(applyEvent(task, ACTORS.office, { type: 'ASSIGN' }, NOW));
    expect(result.task).toMatchObject({ leadAgencyId: 'BTG', dueDate: '2021-06-30', deadlineVersion: 1 });
    expect(result.effects).toEqual<Effect[]>([
      { kind: 'schedule_deadline_actions', dueDate: '2021-06-30', deadlineVersion: 1, leadAgencyId: 'BTG' },
    ]);
  });

  it('REASSIGN changes the lead, optionally the due date, and reschedules', () => {
    const task = taskIn('assigned', { deadlineVersion: 2 });
    const keepDate = ok(applyEvent(task, ACTORS.office, { type: 'REASSIGN', leadAgencyId: 'BDV' }, NOW));
    expect(keepDate.task).toMatchObject({
      state: 'assigned',
      leadAgencyId: 'BDV',
      dueDate: '2021-06-30',
      deadlineVersion: 3,
    });
    expect(keepDate.effects).toEqual<Effect[]>([
      { kind: 'schedule_deadline_actions', dueDate: '2021-06-30', deadlineVersion: 3, leadAgencyId: 'BDV' },
    ]);
    const newDate = ok(
      applyEvent(task, ACTORS.office, { type: 'REASSIGN', leadAgencyId: 'BDV', dueDate: '2021-09-30' }, NOW),
    );
    expect(newDate.task).toMatchObject({ leadAgencyId: 'BDV', dueDate: '2021-09-30', deadlineVersion: 3 });
    expect(newDate.effects[0]).toEqual({
      kind: 'schedule_deadline_actions',
      dueDate: '2021-09-30',
      deadlineVersion: 3,
      leadAgencyId: 'BDV',
    });
  });

  it("START changes the column and nothing else (who is told is the recipient rule's)", () => {
    const result = ok(applyEvent(taskIn('assigned'), ACTORS.lead, { type: 'START', comment: 'Đã triển khai' }, NOW));
    expect(result.task).toMatchObject({ state: 'in_progress', deadlineVersion: 1, revision: 0 });
    expect(result.effects).toEqual<Effect[]>([]);
  });

  it('SUBMIT starts the review reminder', () => {
    const result = ok(applyEvent(taskIn('in_progress'), ACTORS.lead, { type: 'SUBMIT' }, NOW));
    expect(result.task).toMatchObject({ state: 'submitted', hasPendingSubmission: true });
    expect(result.effects).toEqual<Effect[]>([{ kind: 'schedule_review_reminder' }]);
  });

  it('APPROVE records the decision and stops every job', () => {
    const result = ok(
      applyEvent(taskIn('submitted'), ACTORS.standing_committee, { type: 'APPROVE', comment: '  Đạt yêu cầu ' }, NOW),
    );
    expect(result.task).toMatchObject({ state: 'approved', hasPendingSubmission: false, revision: 0 });
    expect(result.effects).toEqual<Effect[]>([
      { kind: 'record_submission_decision', decision: 'approved', comment: 'Đạt yêu cầu' },
      { kind: 'cancel_scheduled_actions' },
      { kind: 'clear_review_reminder' },
    ]);
    const silent = ok(
      applyEvent(taskIn('submitted'), ACTORS.standing_committee, { type: 'APPROVE', comment: '   ' }, NOW),
    );
    expect(silent.effects[0]).toEqual({ kind: 'record_submission_decision', decision: 'approved' });
  });

  it('RETURN opens a new revision, keeps the deadline jobs and passes the trimmed comment on', () => {
    const task = taskIn('submitted', { revision: 2, deadlineVersion: 5 });
    const result = ok(
      applyEvent(task, ACTORS.standing_committee, { type: 'RETURN', comment: '  Bổ sung số liệu\n' }, NOW),
    );
    expect(result.task).toMatchObject({
      state: 'in_progress',
      revision: 3,
      deadlineVersion: 5,
      hasPendingSubmission: false,
    });
    expect(result.effects).toEqual<Effect[]>([
      { kind: 'record_submission_decision', decision: 'returned', comment: 'Bổ sung số liệu' },
      { kind: 'clear_review_reminder' },
    ]);
  });

  it('CANCEL stops every job, of a draft as of work under way', () => {
    const result = ok(applyEvent(taskIn('in_progress'), ACTORS.standing_committee, VALID_EVENTS.CANCEL, NOW));
    expect(result.task.state).toBe('cancelled');
    expect(result.effects).toEqual<Effect[]>([{ kind: 'cancel_scheduled_actions' }, { kind: 'clear_review_reminder' }]);
    const draft = taskIn('drafted', { leadAgencyId: null });
    expect(ok(applyEvent(draft, ACTORS.office, VALID_EVENTS.CANCEL, NOW)).effects).toEqual<Effect[]>([
      { kind: 'cancel_scheduled_actions' },
      { kind: 'clear_review_reminder' },
    ]);
  });

  it('keeps facts it does not own and never mutates its input', () => {
    const completedAt = new Date('2021-06-01T00:00:00Z');
    const task = Object.freeze(taskIn('submitted', { completedAt, coordinatingAgencyIds: Object.freeze(['BTC']) }));
    const result = ok(applyEvent(task, ACTORS.standing_committee, { type: 'APPROVE' }, NOW));
    expect(result.task.completedAt).toBe(completedAt);
    expect(result.task.coordinatingAgencyIds).toEqual(['BTC']);
    expect(task.state).toBe('submitted');
  });

  it('agrees with xstate’s own pure transition() on every allowed case of the table', () => {
    for (const { state, type, kind, expected } of CASES) {
      if (expected === F || expected === X || !(TASK_STATES as readonly string[]).includes(expected)) continue;
      const task = taskIn(state);
      const result = ok(applyEvent(task, ACTORS[kind], VALID_EVENTS[type], NOW));
      const snapshot = taskMachine.resolveState({
        value: state,
        context: {
          leadAgencyId: task.leadAgencyId,
          organisationId: task.organisationId ?? null,
          coordinatingAgencyIds: task.coordinatingAgencyIds,
          dueDate: task.dueDate,
          deadlineVersion: task.deadlineVersion,
          revision: task.revision,
          hasPendingSubmission: task.hasPendingSubmission === true,
          assigneeUserId: task.assigneeUserId ?? null,
          decidingAuthority: task.decidingAuthority ?? 'standing_committee',
          continuous: false,
        },
      });
      const [next, actions] = transition(taskMachine, snapshot, { ...VALID_EVENTS[type], actor: ACTORS[kind] });
      expect(next.value).toBe(result.to);
      expect(next.context).toMatchObject({
        deadlineVersion: result.task.deadlineVersion,
        revision: result.task.revision,
      });
      expect(actions.map((a) => a.type)).toEqual(result.effects.map((e) => e.kind));
    }
  });
});

describe('applyEvent: cost', () => {
  it('decides 10,000 events in a loop, each still right', () => {
    const tasks = new Map(TASK_STATES.map((state) => [state, taskIn(state)]));
    let mismatches = 0;
    for (let i = 0; i < 10_000; i++) {
      const { state, type, kind, expected } = CASES[i % CASES.length];
      if (outcomeOf(applyEvent(tasks.get(state)!, ACTORS[kind], VALID_EVENTS[type], NOW)) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('continuous work (thường xuyên)', () => {
  const office = { userId: 'u-office', role: 'office', agencyId: null } as const;
  const drafted = {
    state: 'drafted' as const,
    leadAgencyId: 'BTG',
    coordinatingAgencyIds: [],
    dueDate: null,
    deadlineVersion: 0,
    revision: 0,
  };

  it('is assigned without a deadline, and plans no deadline ladder', () => {
    const result = applyEvent({ ...drafted, continuous: true }, office, { type: 'ASSIGN' }, new Date());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.to).toBe('assigned');
    expect(result.task.dueDate).toBeNull();
    expect(result.effects.map((e) => e.kind)).not.toContain('schedule_deadline_actions');
  });

  it('with a date given after all, gets its ladder like any task', () => {
    const result = applyEvent(
      { ...drafted, continuous: true },
      office,
      { type: 'ASSIGN', dueDate: '2030-06-30' },
      new Date(),
    );
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.effects.map((e) => e.kind)).toContain('schedule_deadline_actions');
  });

  it('other work still needs a deadline to be assigned', () => {
    const result = applyEvent(drafted, office, { type: 'ASSIGN' }, new Date());
    expect(result.ok ? null : result.refusal.code).toBe('DUE_DATE_REQUIRED');
  });
});
