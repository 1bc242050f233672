import { daysOverdue, DEFAULT_DUE_SOON_DAYS, deadlineStatus } from './deadline-status.js';
import type { TaskFacts, TaskState } from './task.model.js';

type Facts = Pick<TaskFacts, 'state' | 'dueDate' | 'completedAt'>;
const at = (iso: string) => new Date(iso);
const due = (state: TaskState, dueDate: string | null = '2021-06-30', completedAt: Date | null = null): Facts => ({
  state,
  dueDate,
  completedAt,
});

describe('deadlineStatus of unfinished work', () => {
  it.each([
    // Local midnight in Asia/Ho_Chi_Minh is 17:00Z the day before.
    ['a month ahead', '2021-05-30T12:00:00Z', 'not_due'],
    ['8 days ahead, last instant', '2021-06-22T16:59:59.999Z', 'not_due'],
    ['7 days ahead, first instant', '2021-06-22T17:00:00.000Z', 'due_soon'],
    ['the day before', '2021-06-29T10:00:00Z', 'due_soon'],
    ['the due day, first instant', '2021-06-29T17:00:00.000Z', 'due_soon'],
    ['the due day, last instant', '2021-06-30T16:59:59.999Z', 'due_soon'],
    ['the next day, 00:00 local', '2021-06-30T17:00:00.000Z', 'overdue'],
    ['a year late', '2022-06-30T00:00:00Z', 'overdue'],
  ] as const)('%s → %s', (_when, now, status) => {
    for (const state of ['drafted', 'assigned', 'in_progress', 'submitted'] as const) {
      expect(deadlineStatus(due(state), at(now))).toBe(status);
    }
  });

  it('uses a 7-day window by default', () => {
    expect(DEFAULT_DUE_SOON_DAYS).toBe(7);
    expect(deadlineStatus(due('assigned'), at('2021-06-22T17:00:00Z'), {})).toBe('due_soon');
  });

  it('takes a custom window, edges included', () => {
    const options = { dueSoonDays: 14 };
    expect(deadlineStatus(due('assigned'), at('2021-06-15T16:59:59.999Z'), options)).toBe('not_due');
    expect(deadlineStatus(due('assigned'), at('2021-06-15T17:00:00Z'), options)).toBe('due_soon');
    expect(deadlineStatus(due('assigned'), at('2021-06-30T16:59:59.999Z'), { dueSoonDays: 0 })).toBe('due_soon');
    expect(deadlineStatus(due('assigned'), at('2021-06-29T16:59:59.999Z'), { dueSoonDays: 0 })).toBe('not_due');
    expect(deadlineStatus(due('assigned'), at('2021-06-30T17:00:00Z'), { dueSoonDays: 0 })).toBe('overdue');
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(() => deadlineStatus(due('assigned'), at('2021-06-01T00:00:00Z'), { dueSoonDays: -1 })).toThrow(RangeError);
    expect(() => deadlineStatus(due('assigned'), at('2021-06-01T00:00:00Z'), { dueSoonDays: 1.5 })).toThrow(RangeError);
  });

  it('keeps submitted work overdue once the day has passed: only approval finishes it', () => {
    expect(deadlineStatus(due('submitted'), at('2021-07-02T00:00:00Z'))).toBe('overdue');
  });
});

describe('deadlineStatus of approved work', () => {
  it.each([
    ['submitted early', '2021-05-01T00:00:00Z', 'on_time'],
    ['submitted on the last local instant of the due day', '2021-06-30T16:59:59.999Z', 'on_time'],
    ['submitted at 00:00 local the next day', '2021-06-30T17:00:00.000Z', 'late'],
    ['submitted weeks late', '2021-08-01T00:00:00Z', 'late'],
  ] as const)('%s → %s', (_when, completedAt, status) => {
    // `now` is far later: the status is about when the work was done, not when it is looked at.
    expect(deadlineStatus(due('approved', '2021-06-30', at(completedAt)), at('2030-01-01T00:00:00Z'))).toBe(status);
  });

  it('falls back to now when the completion time is unknown', () => {
    expect(deadlineStatus(due('approved'), at('2021-06-30T16:59:59.999Z'))).toBe('on_time');
    expect(deadlineStatus(due('approved'), at('2021-06-30T17:00:00Z'))).toBe('late');
    expect(deadlineStatus({ state: 'approved', dueDate: '2021-06-30' }, at('2021-06-01T00:00:00Z'))).toBe('on_time');
  });
});

describe('deadlineStatus without a deadline to speak of', () => {
  it('is null for cancelled tasks, whenever', () => {
    expect(deadlineStatus(due('cancelled'), at('2021-05-01T00:00:00Z'))).toBeNull();
    expect(deadlineStatus(due('cancelled'), at('2022-05-01T00:00:00Z'))).toBeNull();
  });

  it('is null without a due date', () => {
    for (const state of ['drafted', 'assigned', 'in_progress', 'submitted', 'approved'] as const) {
      expect(deadlineStatus(due(state, null), at('2021-05-01T00:00:00Z'))).toBeNull();
    }
  });
});

describe('daysOverdue', () => {
  it.each([
    ['the due day, last instant', '2021-06-30T16:59:59.999Z', 0],
    ['the next day, 00:00 local', '2021-06-30T17:00:00.000Z', 1],
    ['ten days on', '2021-07-10T05:00:00Z', 10],
    ['well before', '2021-05-01T00:00:00Z', 0],
  ] as const)('unfinished, %s → %i', (_when, now, days) => {
    expect(daysOverdue(due('in_progress'), at(now))).toBe(days);
  });

  it('counts approved work up to its approval, not to today', () => {
    expect(daysOverdue(due('approved', '2021-06-30', at('2021-07-03T03:00:00Z')), at('2025-01-01T00:00:00Z'))).toBe(3);
    expect(daysOverdue(due('approved', '2021-06-30', at('2021-06-30T03:00:00Z')), at('2025-01-01T00:00:00Z'))).toBe(0);
  });

  it('has no figure without a deadline or once cancelled', () => {
    expect(daysOverdue(due('assigned', null), at('2021-07-10T00:00:00Z'))).toBeNull();
    expect(daysOverdue(due('cancelled'), at('2021-07-10T00:00:00Z'))).toBeNull();
  });
});
