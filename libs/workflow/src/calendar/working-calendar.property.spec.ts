import fc from 'fast-check';
import { civilFromDays, dayNumber, daysFromCivil } from '../local-date.js';
import { DEFAULT_CALENDAR_SETTINGS, type OfficialYear } from './calendar.model.js';
import { WorkingCalendar } from './working-calendar.js';

const FIRST = daysFromCivil(1995, 1, 1);
const LAST = daysFromCivil(2090, 12, 31);
const date = fc.integer({ min: FIRST, max: LAST }).map(civilFromDays);
const n = fc.integer({ min: 1, max: 400 });

const OFFICIAL: OfficialYear[] = [
  {
    year: 2025,
    source: 'test fixture',
    days: [
      { date: '2025-01-27', kind: 'off', name: 'Tết Nguyên đán' },
      { date: '2025-02-15', kind: 'work', name: 'Làm bù cho ngày 27/01' },
      { date: '2025-05-02', kind: 'off', name: 'Nghỉ hoán đổi' },
    ],
  },
];

const calendars: [string, WorkingCalendar][] = [
  ['computed', new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS)],
  ['official 2025', new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, OFFICIAL)],
  ['Sunday only', new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [0] })],
  ['five days off a week', new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [0, 1, 3, 5, 6] })],
];

describe.each(calendars)('WorkingCalendar properties (%s)', (_name, cal) => {
  it('adding then subtracting N working days gives a working day on or before the start', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const back = cal.addWorkingDays(cal.addWorkingDays(d, k), -k);
        return cal.isWorkingDay(back) && back <= d && back === cal.previousWorkingDay(d, true);
      }),
    );
  });

  it('counts are additive', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        return cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c) === cal.workingDaysBetween(a, c);
      }),
    );
  });

  it('counts N working days to the date N working days later', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const later = cal.addWorkingDays(d, k);
        const earlier = cal.addWorkingDays(d, -k);
        return (
          later > d &&
          cal.isWorkingDay(later) &&
          cal.workingDaysBetween(d, later) === k &&
          earlier < d &&
          cal.isWorkingDay(earlier) &&
          // (earlier, d] holds k working days when d works, else k - 1.
          cal.workingDaysBetween(earlier, d) === (cal.isWorkingDay(d) ? k : k - 1)
        );
      }),
    );
  });

  it('finds working days next to any date', () => {
    fc.assert(
      fc.property(date, fc.boolean(), (d, inclusive) => {
        const next = cal.nextWorkingDay(d, inclusive);
        const prev = cal.previousWorkingDay(d, inclusive);
        return (
          cal.isWorkingDay(next) &&
          cal.isWorkingDay(prev) &&
          (inclusive ? next >= d && prev <= d : next > d && prev < d) &&
          // Nothing works in between.
          cal.workingDaysBetween(d, next) === 1 - (inclusive && cal.isWorkingDay(d) ? 1 : 0) &&
          cal.workingDaysBetween(prev, d) === (cal.isWorkingDay(d) && !inclusive ? 1 : 0)
        );
      }),
    );
  });

  it('effectiveDueDate is a working day on or after the due date, the date itself when it works', () => {
    fc.assert(
      fc.property(date, (d) => {
        const due = cal.effectiveDueDate(d);
        return cal.isWorkingDay(due) && due >= d && (cal.isWorkingDay(d) ? due === d : due > d);
      }),
    );
  });

  it('agrees with isWorkingDay day by day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, span) => {
        const start = dayNumber(d);
        let count = 0;
        for (let i = 1; i <= span; i++) if (cal.isWorkingDay(civilFromDays(start + i))) count++;
        return (
          cal.workingDaysBetween(d, civilFromDays(start + span)) === count &&
          cal.dayInfo(d).working === cal.isWorkingDay(d)
        );
      }),
    );
  });
});

describe('WorkingCalendar disabled', () => {
  const identity = WorkingCalendar.identity();
  const toDay = dayNumber;

  it('is the identity', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -400, max: 400 }), (a, b, k) => {
        return (
          identity.isWorkingDay(a) &&
          identity.addWorkingDays(a, k) === civilFromDays(toDay(a) + k) &&
          identity.workingDaysBetween(a, b) === toDay(b) - toDay(a) &&
          identity.nextWorkingDay(a, true) === a &&
          identity.previousWorkingDay(a, true) === a &&
          identity.nextWorkingDay(a) === civilFromDays(toDay(a) + 1) &&
          identity.previousWorkingDay(a) === civilFromDays(toDay(a) - 1) &&
          identity.effectiveDueDate(a) === a &&
          identity.dayInfo(a).reason === 'working'
        );
      }),
    );
  });
});
