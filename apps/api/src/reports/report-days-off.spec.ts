import { DEFAULT_CALENDAR_SETTINGS, WorkingCalendar } from '@dondoc/workflow';
import { daysOffBetween, reportSpan, type CalendarDaysOff } from './report-days-off.js';

const calendar = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);

/** `width_bucket(d, off)` of PostgreSQL: how many days off are on or before d. */
const upTo = (d: string, off: readonly string[]) => off.filter((o) => o <= d).length;
/** The SQL of `calendarSql` (report-facts.sql.ts), in TypeScript. */
const effective = (due: string, c: CalendarDaysOff) => {
  const k = upTo(due, c.off);
  return k > 0 && c.off[k - 1] === due ? c.rollsTo[k - 1] : due;
};
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const workingDays = (from: string, to: string, c: CalendarDaysOff) =>
  days(from, to) - (upTo(to, c.off) - upTo(from, c.off));
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('daysOffBetween', () => {
  it('lists weekends and holidays with the day a deadline on each ends (Quốc khánh 2025)', () => {
    // 30-31/08/2025 a weekend, 01-02/09 Quốc khánh (Tuesday, with the Monday before): work resumes on 03/09.
    expect(daysOffBetween(calendar, '2025-08-28', '2025-09-07')).toEqual({
      off: ['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02', '2025-09-06', '2025-09-07'],
      rollsTo: ['2025-09-03', '2025-09-03', '2025-09-03', '2025-09-03', '2025-09-08', '2025-09-08'],
    });
  });

  it('a day off rolls to itself when deadlines do not roll', () => {
    const noRoll = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, rollToWorkingDay: false });
    const c = daysOffBetween(noRoll, '2025-08-30', '2025-09-02');
    expect(c.rollsTo).toEqual(c.off);
  });

  it('is empty when the calendar is turned off or the span is empty', () => {
    expect(daysOffBetween(WorkingCalendar.identity(), '2025-01-01', '2025-12-31')).toEqual({ off: [], rollsTo: [] });
    expect(daysOffBetween(calendar, '2025-09-07', '2025-09-01')).toEqual({ off: [], rollsTo: [] });
  });

  it('official schedule: a worked Saturday is not off, a compensatory weekday is', () => {
    const official = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [
      {
        year: 2025,
        source: 'Thông báo thử',
        days: [
          { date: '2025-09-05', kind: 'off', name: 'Nghỉ bù' },
          { date: '2025-09-06', kind: 'work', name: 'Làm bù' },
        ],
      },
    ]);
    const c = daysOffBetween(official, '2025-09-04', '2025-09-08');
    expect(c.off).toEqual(['2025-09-05', '2025-09-07']);
    expect(c.rollsTo).toEqual(['2025-09-06', '2025-09-08']);
  });

  it('the SQL arithmetic over the arrays agrees with the calendar (effective day, working days late)', () => {
    const c = daysOffBetween(calendar, '2024-12-01', '2026-03-31');
    for (let i = 0; i < 400; i += 3) {
      const due = addDays('2025-01-01', i);
      const end = effective(due, c);
      expect(end).toBe(calendar.effectiveDueDate(due));
      for (const late of [1, 2, 5, 13, 40]) {
        const asOf = addDays(end, late);
        expect(workingDays(end, asOf, c)).toBe(calendar.workingDaysBetween(end, asOf));
      }
    }
  });
});

describe('reportSpan', () => {
  it('runs from the earliest deadline to past the report day by the due-soon window and more', () => {
    expect(reportSpan('2024-03-10', '2025-06-30', 7)).toEqual({ from: '2024-03-10', to: '2025-08-31' });
    expect(reportSpan('2024-03-10', '2025-06-30', 60)).toEqual({ from: '2024-03-10', to: '2025-09-29' });
  });

  it('starts at the report day when no deadline is earlier, and at most twenty years back', () => {
    expect(reportSpan(null, '2025-06-30', 7).from).toBe('2025-06-30');
    expect(reportSpan('2026-01-01', '2025-06-30', 7).from).toBe('2025-06-30');
    expect(reportSpan('1990-01-01', '2025-06-30', 7).from).toBe('2005-06-30');
  });
});
