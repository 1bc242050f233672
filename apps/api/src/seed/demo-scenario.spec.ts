import { DEMO_TASKS } from '@dondoc/persistence';
import { daysUntilDue, localDate } from '@dondoc/workflow';
import { addYears, planDemo, shiftWording, yearShift } from './demo-scenario.js';

const LIVE = new Set(['assigned', 'in_progress', 'returned', 'submitted']);

describe('planDemo', () => {
  // Any day of the year must give a board with every column and every unfinished deadline status.
  const days = Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i * 21, 3)));

  it.each(days.map((d) => [localDate(d), d] as const))(
    'as of %s every story and every open status exists',
    (_, now) => {
      const { planned } = planDemo(DEMO_TASKS, now);
      const stories = new Set(planned.map((p) => p.story));
      for (const s of [
        'drafted',
        'assigned',
        'in_progress',
        'returned',
        'submitted',
        'approved_on_time',
        'approved_late',
        'cancelled',
      ]) {
        expect(stories).toContain(s);
      }
      const live = planned.filter((p) => LIVE.has(p.story));
      const left = live.map((p) => daysUntilDue(p.dueDate, now));
      expect(left.some((d) => d < 0)).toBe(true); // overdue
      expect(left.some((d) => d >= 0 && d <= 7)).toBe(true); // due soon
      expect(left.some((d) => d > 7)).toBe(true); // not due
    },
  );

  it('moves dates by whole years, keeping period ends and rewording only the year', () => {
    expect(addYears('2021-06-30', 5)).toBe('2026-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftWording('Hoàn thành trong quý II-2021', 5)).toBe('Hoàn thành trong quý II-2026');
    expect(yearShift('2026-11-23')).toBe(5);
  });

  it('keeps every task and the 27 catalog items of 07-CTr/TU', () => {
    const { planned } = planDemo(DEMO_TASKS, new Date('2026-11-23T03:00:00Z'));
    expect(planned).toHaveLength(DEMO_TASKS.length);
    expect(planned.filter((p) => p.directiveKey === '07-CTr/TU')).toHaveLength(27);
  });
});
