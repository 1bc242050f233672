import { milestoneStatus } from './milestone-status.js';

describe("a milestone's own deadline status", () => {
  // 10:00 on 2021-03-20 in Asia/Ho_Chi_Minh.
  const now = new Date('2021-03-20T03:00:00Z');

  it('is open, due soon, then overdue from the day after its date', () => {
    expect(milestoneStatus({ due_date: '2021-04-30', done_at: null }, now, 7)).toBe('open');
    expect(milestoneStatus({ due_date: '2021-03-27', done_at: null }, now, 7)).toBe('due_soon');
    expect(milestoneStatus({ due_date: '2021-03-20', done_at: null }, now, 7)).toBe('due_soon');
    expect(milestoneStatus({ due_date: '2021-03-19', done_at: null }, now, 7)).toBe('overdue');
  });

  it('judges a reached milestone by the local day it was reached', () => {
    // 23:30 local on the due day is still on time; 00:30 the next day is late.
    expect(milestoneStatus({ due_date: '2021-03-31', done_at: new Date('2021-03-31T16:30:00Z') }, now, 7)).toBe(
      'done_on_time',
    );
    expect(milestoneStatus({ due_date: '2021-03-31', done_at: new Date('2021-03-31T17:30:00Z') }, now, 7)).toBe(
      'done_late',
    );
  });
});
