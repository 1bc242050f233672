import type { DeadlineStatusName } from '@dondoc/contracts';
import { deadlineStatusNarrowingSql } from './deadline-status.sql.js';

function narrowing(statuses: DeadlineStatusName[]) {
  const values: unknown[] = [];
  const sql = deadlineStatusNarrowingSql(statuses, '$1', '$2', (v) => {
    values.push(v);
    return `$${values.length + 2}`;
  });
  return { sql, values };
}

describe('deadlineStatusNarrowingSql: what every task of the statuses has on its own columns', () => {
  it('adds nothing without statuses', () => {
    expect(narrowing([])).toEqual({ sql: [], values: [] });
  });

  it('overdue: unfinished states, due before today', () => {
    expect(narrowing(['overdue'])).toEqual({
      sql: ['t.due_date IS NOT NULL', 't.state = ANY($3::text[])', 't.due_date < ($1)::date'],
      values: [['drafted', 'assigned', 'in_progress', 'submitted']],
    });
  });

  it('due soon (with or without overdue): due by the end of the window', () => {
    for (const statuses of [['due_soon'], ['overdue', 'due_soon']] as DeadlineStatusName[][]) {
      expect(narrowing(statuses).sql).toEqual([
        't.due_date IS NOT NULL',
        't.state = ANY($3::text[])',
        't.due_date <= ($1)::date + ($2)::int',
      ]);
    }
  });

  it('not due: unfinished states, no bound on the deadline (a later day only bounds the day it ends)', () => {
    expect(narrowing(['not_due', 'overdue']).sql).toEqual(['t.due_date IS NOT NULL', 't.state = ANY($3::text[])']);
  });

  it('on time and late: approved work only', () => {
    for (const statuses of [['on_time'], ['late'], ['on_time', 'late']] as DeadlineStatusName[][]) {
      expect(narrowing(statuses)).toEqual({ sql: ['t.due_date IS NOT NULL', `t.state = 'approved'`], values: [] });
    }
  });

  it('finished and unfinished together: anything with a deadline but cancelled work', () => {
    expect(narrowing(['late', 'overdue']).sql).toEqual(['t.due_date IS NOT NULL', `t.state <> 'cancelled'`]);
  });
});
