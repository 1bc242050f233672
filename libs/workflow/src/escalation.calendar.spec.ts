import fc from 'fast-check';
import { DEFAULT_CALENDAR_SETTINGS, WorkingCalendar } from './calendar/index.js';
import {
  DEFAULT_ESCALATION_POLICY,
  planDeadlineActions,
  planPartActions,
  planReviewReminder,
  type EscalationPolicy,
} from './escalation.policy.js';
import { localDate } from './local-date.js';

const calendar = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);
const official2025 = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [
  {
    year: 2025,
    source: 'Thông báo 6150/TB-LĐTBXH',
    days: [
      ...['2025-01-01', '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30'].map(
        (date) => ({ date, kind: 'off' as const, name: 'Nghỉ' }),
      ),
      ...['2025-01-31', '2025-02-01', '2025-02-02', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02'].map(
        (date) => ({ date, kind: 'off' as const, name: 'Nghỉ' }),
      ),
      { date: '2025-09-01', kind: 'off', name: 'Quốc khánh' },
      { date: '2025-09-02', kind: 'off', name: 'Quốc khánh' },
      { date: '2025-02-15', kind: 'work', name: 'Làm bù' },
      { date: '2025-04-26', kind: 'work', name: 'Làm bù' },
    ],
  },
]);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dates = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
  .map(iso);
const counting = fc.constantFrom('working' as const, 'calendar' as const);
const policies = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 3 }),
    escalate: fc.integer({ min: 0, max: 20 }),
    review: fc.integer({ min: 1, max: 20 }),
    remindCounting: counting,
    escalateCounting: counting,
    reviewCounting: counting,
  })
  .map((p): EscalationPolicy => ({
    remindBefore: p.days.map((d) => `P${d}D`),
    escalateAfter: `P${p.escalate}D`,
    reviewReminderAfter: `P${p.review}D`,
    dayCounting: {
      remindBefore: p.remindCounting,
      escalateAfter: p.escalateCounting,
      reviewReminderAfter: p.reviewCounting,
    },
  }));
const cals = fc.constantFrom(calendar, official2025);
/** 08:00 in Hà Nội is 01:00 UTC. */
const atWorkdayStart = (d: Date) => d.getUTCHours() === 1 && d.getUTCMinutes() === 0;

describe('the escalation ladder on the working calendar', () => {
  it('never puts a computed reminder, overdue or escalation on a day off, and fires each at 08:00', () => {
    fc.assert(
      fc.property(dates, policies, cals, (due, policy, cal) => {
        const plans = [
          ...planDeadlineActions(due, policy, cal),
          ...planPartActions('contribution', due, policy, cal),
          ...planPartActions('milestone', due, policy, cal),
          ...planPartActions('progress', due, policy, cal),
          planReviewReminder(new Date(`${due}T15:30:00+07:00`), policy, cal),
        ];
        for (const a of plans) {
          expect(cal.isWorkingDay(localDate(a.dueAt))).toBe(true);
          expect(atWorkdayStart(a.dueAt)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order: reminders before the effective deadline, the overdue after it, the escalation not before', () => {
    fc.assert(
      fc.property(dates, policies, cals, (due, policy, cal) => {
        const plan = planDeadlineActions(due, policy, cal);
        const end = cal.effectiveDueDate(due);
        const overdue = plan.find((a) => a.rung === 'overdue')!;
        const escalate = plan.find((a) => a.rung === 'escalate')!;
        for (const r of plan.filter((a) => a.rung === 'remind_before')) expect(localDate(r.dueAt) < end).toBe(true);
        expect(localDate(overdue.dueAt) > end).toBe(true);
        expect(escalate.dueAt.getTime()).toBeGreaterThanOrEqual(overdue.dueAt.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('counts reminders back in working days by default; in calendar days a holiday gives the working day before', () => {
    // Due Friday 04/09/2026: 01/09 and 02/09 are Quốc khánh.
    const byWorking = planDeadlineActions('2026-09-04', DEFAULT_ESCALATION_POLICY, calendar);
    expect(byWorking.map((a) => [a.rung, a.offset, a.dueAt.toISOString()])).toEqual([
      ['remind_before', 'P14D', '2026-08-13T01:00:00.000Z'],
      ['remind_before', 'P3D', '2026-08-28T01:00:00.000Z'],
      ['overdue', 'PT0S', '2026-09-07T01:00:00.000Z'],
      ['escalate', 'P7D', '2026-09-15T01:00:00.000Z'],
    ]);
    const byCalendar = planDeadlineActions(
      '2026-09-04',
      { ...DEFAULT_ESCALATION_POLICY, dayCounting: { remindBefore: 'calendar', escalateAfter: 'calendar' } },
      calendar,
    );
    expect(byCalendar.map((a) => a.dueAt.toISOString())).toEqual([
      '2026-08-21T01:00:00.000Z',
      '2026-08-31T01:00:00.000Z',
      '2026-09-07T01:00:00.000Z',
      // 7 calendar days after 04/09 is Friday 11/09.
      '2026-09-11T01:00:00.000Z',
    ]);
  });

  it('leaves a timed ladder (seconds, hours) and a switched-off calendar to elapsed time', () => {
    const timed: EscalationPolicy = { remindBefore: ['PT4S'], escalateAfter: 'PT2S', reviewReminderAfter: 'PT2S' };
    expect(planDeadlineActions('2026-09-02', timed, calendar).map((a) => a.dueAt.toISOString())).toEqual(
      // The deadline still ends on its working day (03/09), counted to the second from then.
      ['2026-09-03T16:59:56.000Z', '2026-09-03T17:00:00.000Z', '2026-09-03T17:00:02.000Z'],
    );
    const off = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, enabled: false });
    expect(planDeadlineActions('2026-09-02', DEFAULT_ESCALATION_POLICY, off)).toEqual(
      planDeadlineActions('2026-09-02', DEFAULT_ESCALATION_POLICY),
    );
  });
});
