import { applyEvent } from './apply-event.js';
import { targetOf } from './target-state.js';
import {
  TASK_EVENTS,
  TASK_STATES,
  type Actor,
  type TaskEvent,
  type TaskEventType,
  type TaskFacts,
  type TaskState,
} from './task.model.js';

const NOW = new Date('2021-05-01T03:00:00Z');

// Every kind of sender, so that for each state × event someone the role rule lets through is asked.
const ACTORS: readonly Actor[] = [
  { userId: 'u-office', role: 'office', agencyId: 'VPTU' },
  { userId: 'u-btv', role: 'standing_committee', agencyId: null },
  { userId: 'u-insp', role: 'inspector', agencyId: null },
  { userId: 'u-admin', role: 'admin', agencyId: null },
  { userId: 'u-lead', role: 'agency', agencyId: 'BTG' },
  { userId: 'u-coord', role: 'agency', agencyId: 'BTC' },
  { userId: 'u-other', role: 'agency', agencyId: 'BNC' },
];

function taskIn(state: TaskState): TaskFacts {
  return {
    state,
    leadAgencyId: 'BTG',
    coordinatingAgencyIds: ['BTC'],
    dueDate: '2021-06-30',
    deadlineVersion: state === 'drafted' ? 0 : 1,
    revision: 0,
    hasPendingSubmission: true,
    completedAt: null,
  };
}

// Complete input, so that only the role and the state can refuse.
const COMPLETE: Record<TaskEventType, TaskEvent> = {
  ASSIGN: { type: 'ASSIGN', leadAgencyId: 'BTG', dueDate: '2021-06-30' },
  REASSIGN: { type: 'REASSIGN', leadAgencyId: 'BDV', dueDate: '2021-07-31' },
  START: { type: 'START' },
  SUBMIT: { type: 'SUBMIT' },
  APPROVE: { type: 'APPROVE' },
  RETURN: { type: 'RETURN', comment: 'Bổ sung số liệu quý II' },
  CANCEL: { type: 'CANCEL', comment: 'Không còn phù hợp' },
};

const CASES = TASK_STATES.flatMap((state) => TASK_EVENTS.map((event) => [state, event] as const));

describe('targetOf', () => {
  it.each(CASES)('%s × %s agrees with applyEvent for every sender', (state, event) => {
    const target = targetOf(state, event);
    const results = ACTORS.map((actor) => applyEvent(taskIn(state), actor, COMPLETE[event], NOW));
    const accepted = results.flatMap((r) => (r.ok ? [r.to] : []));
    if (target === null) {
      expect(accepted).toEqual([]);
      // Someone may send it in other states: here it is the state that refuses, not only the role.
      const codes = results.flatMap((r) => (r.ok ? [] : [r.refusal.code]));
      expect(codes.every((c) => c === 'FORBIDDEN_ROLE' || c === 'INVALID_TRANSITION')).toBe(true);
      expect(codes).toContain('INVALID_TRANSITION');
    } else {
      expect(accepted.length).toBeGreaterThan(0);
      expect(new Set(accepted)).toEqual(new Set([target]));
    }
  });

  it('is the lifecycle as the README draws it', () => {
    const table = Object.fromEntries(
      TASK_STATES.map((state) => [
        state,
        Object.fromEntries(TASK_EVENTS.flatMap((e) => (targetOf(state, e) ? [[e, targetOf(state, e)]] : []))),
      ]),
    );
    expect(table).toEqual({
      drafted: { ASSIGN: 'assigned', CANCEL: 'cancelled' },
      assigned: { REASSIGN: 'assigned', START: 'in_progress', CANCEL: 'cancelled' },
      in_progress: { SUBMIT: 'submitted', CANCEL: 'cancelled' },
      submitted: { APPROVE: 'approved', RETURN: 'in_progress' },
      approved: {},
      cancelled: {},
    });
  });

  it('answers null for states and events it does not know, even names Object.prototype holds', () => {
    const anyState = (s: string) => s as TaskState;
    const anyEvent = (e: string) => e as TaskEventType;
    expect(targetOf(anyState('archived'), 'CANCEL')).toBeNull();
    expect(targetOf(anyState('constructor'), 'CANCEL')).toBeNull();
    expect(targetOf('drafted', anyEvent('PUBLISH'))).toBeNull();
    expect(targetOf('drafted', anyEvent('toString'))).toBeNull();
    expect(targetOf('drafted', anyEvent('assign'))).toBeNull();
  });
});
