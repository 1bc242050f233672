import type { TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import {
  ALL_STATES,
  BOARD_STATES,
  byWaitingTime,
  columnsFor,
  showsEscalation,
  countdownOf,
  deadlineTone,
  groupByState,
  narrowTasks,
  needsAttention,
  waitingDays,
} from './board-model';
import { taskSummary } from '../test-support/task-summary.fixture';

const task = taskSummary;

// Local midnight in Asia/Ho_Chi_Minh (UTC+7) is 17:00 UTC the day before.
const MIDNIGHT_30_JUNE = new Date('2021-06-29T17:00:00.000Z');
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

describe('board columns', () => {
  it('are the lifecycle left to right, "cancelled" only in the full list', () => {
    expect(BOARD_STATES).toEqual(['drafted', 'assigned', 'in_progress', 'submitted', 'approved']);
    expect(ALL_STATES).toEqual([...BOARD_STATES, 'cancelled']);
  });
});

describe('deadlineTone', () => {
  it.each([
    ['drafted', 'not_due', 'not-started'],
    ['assigned', 'due_soon', 'not-started'],
    ['in_progress', 'not_due', 'in-deadline'],
    ['in_progress', 'due_soon', 'in-deadline'],
    ['submitted', 'due_soon', 'in-deadline'],
    ['approved', 'on_time', 'on-time'],
    ['approved', 'late', 'late'],
  ] as const)('%s and %s → %s', (state, deadlineStatus, tone) => {
    expect(deadlineTone(task({ state, deadlineStatus }))).toBe(tone);
  });

  it('is red for any unfinished task past its deadline, started or not', () => {
    for (const state of ['drafted', 'assigned', 'in_progress', 'submitted'] as const) {
      expect(deadlineTone(task({ state, deadlineStatus: 'overdue' }))).toBe('overdue');
    }
  });

  it('is grey for cancelled work and for tasks without a deadline, whatever the status says', () => {
    expect(deadlineTone(task({ state: 'cancelled', deadlineStatus: 'overdue' }))).toBe('not-started');
    expect(deadlineTone(task({ dueDate: null, deadlineStatus: 'overdue' }))).toBe('not-started');
    expect(deadlineTone(task({ state: 'approved', dueDate: null, deadlineStatus: null }))).toBe('not-started');
  });

  it('counts approved work as on time unless the server says late', () => {
    expect(deadlineTone(task({ state: 'approved', deadlineStatus: null }))).toBe('on-time');
  });

  it('is grey for a state it does not know', () => {
    expect(deadlineTone(task({ state: 'archived' as TaskStateName }))).toBe('not-started');
  });
});

describe('countdownOf', () => {
  it('counts whole days to the due date in Asia/Ho_Chi_Minh, switching at local midnight', () => {
    const due = task({ dueDate: '2021-06-30' });
    expect(countdownOf(due, ms(MIDNIGHT_30_JUNE, -1))).toEqual({ kind: 'left', days: 1 });
    expect(countdownOf(due, MIDNIGHT_30_JUNE)).toEqual({ kind: 'today' });
    expect(countdownOf(due, ms(MIDNIGHT_30_JUNE, 86_400_000 - 1))).toEqual({ kind: 'today' });
    expect(countdownOf(due, ms(MIDNIGHT_30_JUNE, 86_400_000))).toEqual({ kind: 'overdue', days: 1 });
    expect(countdownOf(due, new Date('2021-06-20T03:00:00Z'))).toEqual({ kind: 'left', days: 10 });
    expect(countdownOf(due, new Date('2021-07-10T03:00:00Z'))).toEqual({ kind: 'overdue', days: 10 });
  });

  it('says nothing without a deadline or for cancelled work', () => {
    expect(countdownOf(task({ dueDate: null }), MIDNIGHT_30_JUNE)).toEqual({ kind: 'none' });
    expect(countdownOf(task({ state: 'cancelled' }), MIDNIGHT_30_JUNE)).toEqual({ kind: 'none' });
  });

  it('judges approved work by the server, not by today', () => {
    const now = new Date('2022-01-01T00:00:00Z');
    const approved = (o: Partial<TaskSummaryDto>) => task({ state: 'approved', ...o });
    expect(countdownOf(approved({ deadlineStatus: 'late', daysOverdue: 4 }), now)).toEqual({ kind: 'late', days: 4 });
    expect(countdownOf(approved({ deadlineStatus: 'on_time', daysOverdue: 0 }), now)).toEqual({ kind: 'onTime' });
    // "late" with no day count, or zero days, reads as on time rather than "0 days late".
    expect(countdownOf(approved({ deadlineStatus: 'late', daysOverdue: null }), now)).toEqual({ kind: 'onTime' });
    expect(countdownOf(approved({ deadlineStatus: 'late', daysOverdue: 0 }), now)).toEqual({ kind: 'onTime' });
  });

  it('refuses a due date that is not a calendar date instead of counting from it', () => {
    expect(() => countdownOf(task({ dueDate: '30/06/2021' }), MIDNIGHT_30_JUNE)).toThrow(RangeError);
  });
});

describe('needsAttention', () => {
  it('flags overdue or escalated tasks only', () => {
    expect(needsAttention(task({ deadlineStatus: 'overdue' }))).toBe(true);
    expect(needsAttention(task({ escalationLevel: 1 }))).toBe(true);
    expect(needsAttention(task({ deadlineStatus: 'due_soon' }))).toBe(false);
    expect(needsAttention(task({ deadlineStatus: null, escalationLevel: 0 }))).toBe(false);
  });
});

describe('groupByState', () => {
  const ids = (groups: Map<TaskStateName, TaskSummaryDto[]>, state: TaskStateName) =>
    (groups.get(state) ?? []).map((t) => t.id);

  it('gives every column, cancelled included, even with no tasks at all', () => {
    const groups = groupByState([]);
    expect([...groups.keys()]).toEqual(ALL_STATES);
    for (const state of ALL_STATES) expect(groups.get(state)).toEqual([]);
  });

  it('keeps the server order within each column', () => {
    const groups = groupByState([
      task({ id: 'a', state: 'assigned' }),
      task({ id: 'b', state: 'in_progress' }),
      task({ id: 'c', state: 'assigned' }),
      task({ id: 'd', state: 'cancelled' }),
    ]);
    expect(ids(groups, 'assigned')).toEqual(['a', 'c']);
    expect(ids(groups, 'in_progress')).toEqual(['b']);
    expect(ids(groups, 'cancelled')).toEqual(['d']);
    expect(ids(groups, 'drafted')).toEqual([]);
  });

  it('puts just-moved tasks first, in the order they are pinned, and ignores pins of absent tasks', () => {
    const groups = groupByState(
      [
        task({ id: 'a', state: 'submitted' }),
        task({ id: 'b', state: 'submitted' }),
        task({ id: 'c', state: 'submitted' }),
        task({ id: 'd', state: 'approved' }),
      ],
      ['c', 'gone', 'b', 'd'],
    );
    expect(ids(groups, 'submitted')).toEqual(['c', 'b', 'a']);
    expect(ids(groups, 'approved')).toEqual(['d']);
  });

  it('leaves out a task in a state the board does not know rather than failing', () => {
    const groups = groupByState([task({ id: 'x', state: 'archived' as TaskStateName }), task({ id: 'y' })]);
    expect([...groups.values()].flat().map((t) => t.id)).toEqual(['y']);
    expect(groups.has('archived' as TaskStateName)).toBe(false);
  });
});

describe('waitingDays', () => {
  const submitted = task({ state: 'submitted', updatedAt: '2021-06-01T02:00:00.000Z' });

  it('counts whole days since the submission', () => {
    expect(waitingDays(submitted, new Date('2021-06-01T02:00:00.000Z'))).toBe(0);
    expect(waitingDays(submitted, new Date('2021-06-02T01:59:59.999Z'))).toBe(0);
    expect(waitingDays(submitted, new Date('2021-06-02T02:00:00.000Z'))).toBe(1);
    expect(waitingDays(submitted, new Date('2021-06-11T12:00:00.000Z'))).toBe(10);
  });

  it('is never negative (clock skew) and is 0 for an unreadable time', () => {
    expect(waitingDays(submitted, new Date('2021-05-30T00:00:00.000Z'))).toBe(0);
    expect(waitingDays(task({ updatedAt: 'không rõ' }), new Date('2021-06-11T00:00:00Z'))).toBe(0);
  });
});

describe('byWaitingTime', () => {
  it('puts the longest-waiting first, then orders by code', () => {
    const list = [
      task({ id: 'new', code: 'A-1', updatedAt: '2021-06-03T00:00:00.000Z' }),
      task({ id: 'old-b', code: 'KL-03', updatedAt: '2021-06-01T00:00:00.000Z' }),
      task({ id: 'old-a', code: 'KL-01', updatedAt: '2021-06-01T00:00:00.000Z' }),
    ];
    expect(list.sort(byWaitingTime).map((t) => t.id)).toEqual(['old-a', 'old-b', 'new']);
  });
});

describe('columnsFor', () => {
  it('gives agencies no "Dự thảo" column: they never see drafts', () => {
    expect(columnsFor('agency', false)).toEqual(['assigned', 'in_progress', 'submitted', 'approved']);
    expect(columnsFor('agency', true)).toEqual(['assigned', 'in_progress', 'submitted', 'approved', 'cancelled']);
    expect(columnsFor('office', false)[0]).toBe('drafted');
    expect(columnsFor('standing_committee', false)).toContain('drafted');
  });
});

describe('showsEscalation', () => {
  it('shows the escalation badge only while the task is still owed', () => {
    expect(showsEscalation({ escalationLevel: 2, state: 'in_progress' })).toBe(true);
    expect(showsEscalation({ escalationLevel: 1, state: 'submitted' })).toBe(true);
    expect(showsEscalation({ escalationLevel: 2, state: 'approved' })).toBe(false);
    expect(showsEscalation({ escalationLevel: 2, state: 'cancelled' })).toBe(false);
    expect(showsEscalation({ escalationLevel: 0, state: 'in_progress' })).toBe(false);
  });
});

describe('narrowTasks (shared by the board and the list)', () => {
  const items = [
    task({ id: 'lead-a', leadAgencyId: 'a', coordinatingAgencyIds: ['b'], state: 'in_progress' }),
    task({
      id: 'lead-b',
      leadAgencyId: 'b',
      coordinatingAgencyIds: ['a'],
      state: 'submitted',
      updatedAt: '2021-06-02T00:00:00.000Z',
    }),
    task({
      id: 'late',
      leadAgencyId: 'a',
      deadlineStatus: 'overdue',
      state: 'submitted',
      updatedAt: '2021-06-01T00:00:00.000Z',
    }),
  ];
  it('keeps only the lead agency, not the coordinating ones', () => {
    expect(narrowTasks(items, { agencyId: 'a', attention: false, view: 'list' }).map((t) => t.id)).toEqual([
      'lead-a',
      'late',
    ]);
  });
  it('keeps only tasks needing attention when asked', () => {
    expect(narrowTasks(items, { agencyId: '', attention: true, view: 'board' }).map((t) => t.id)).toEqual(['late']);
  });
  it('keeps submissions, oldest first, on the review queue only', () => {
    expect(narrowTasks(items, { agencyId: '', attention: false, view: 'review' }).map((t) => t.id)).toEqual([
      'late',
      'lead-b',
    ]);
    expect(narrowTasks(items, { agencyId: '', attention: false, view: 'list' })).toHaveLength(3);
  });
});
