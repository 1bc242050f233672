import fc from 'fast-check';
import {
  endOfNextMonth,
  firstPeriod,
  nextPeriod,
  periodByKey,
  periodDueDate,
  periodKey,
  periodLabel,
  periodLabelEn,
  periodOf,
  periodsOpened,
  periodsOpenedBetween,
  RECURRENCE_FREQUENCIES,
  type RecurrenceFrequency,
} from './recurrence.rules.js';

const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const frequency = fc.constantFrom(...RECURRENCE_FREQUENCIES);
const dueDay = fc.integer({ min: 1, max: 31 });

describe('recurrence rules', () => {
  it('keys a date by its period', () => {
    expect(periodKey('2026-11-17', 'month')).toBe('2026-11');
    expect(periodKey('2026-11-17', 'quarter')).toBe('2026-Q4');
    expect(periodKey('2026-11-17', 'half_year')).toBe('2026-H2');
    expect(periodKey('2026-11-17', 'year')).toBe('2026');
    expect(periodKey('2026-01-01', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-06-30', 'half_year')).toBe('2026-H1');
    expect(periodKey('2026-07-01', 'half_year')).toBe('2026-H2');
  });

  it('knows where a period starts and ends', () => {
    expect(periodOf('2026-11-17', 'month')).toMatchObject({ startsOn: '2026-11-01', endsOn: '2026-11-30' });
    expect(periodOf('2028-02-10', 'month')).toMatchObject({ startsOn: '2028-02-01', endsOn: '2028-02-29' });
    expect(periodOf('2026-05-05', 'quarter')).toMatchObject({ startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(periodOf('2026-12-31', 'half_year')).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-12-31' });
    expect(periodOf('2026-03-03', 'year')).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });

  it('clamps the due day to the last month of the period', () => {
    expect(periodDueDate(periodOf('2026-11-02', 'month'), 25)).toBe('2026-11-25');
    expect(periodDueDate(periodOf('2026-11-02', 'month'), 31)).toBe('2026-11-30');
    expect(periodDueDate(periodOf('2026-02-02', 'month'), 30)).toBe('2026-02-28');
    expect(periodDueDate(periodOf('2028-02-02', 'month'), 30)).toBe('2028-02-29');
    expect(periodDueDate(periodOf('2026-10-02', 'quarter'), 25)).toBe('2026-12-25');
    expect(periodDueDate(periodOf('2026-01-02', 'half_year'), 31)).toBe('2026-06-30');
    expect(periodDueDate(periodOf('2026-01-02', 'year'), 15)).toBe('2026-12-15');
    expect(() => periodDueDate(periodOf('2026-01-02', 'year'), 32)).toThrow(RangeError);
  });

  it('labels periods in Vietnamese and English', () => {
    expect(periodLabel(periodOf('2026-11-17', 'month'))).toBe('Tháng 11/2026');
    expect(periodLabel(periodOf('2026-11-17', 'quarter'))).toBe('Quý IV/2026');
    expect(periodLabel(periodOf('2026-02-17', 'quarter'))).toBe('Quý I/2026');
    expect(periodLabel(periodOf('2026-11-17', 'half_year'))).toBe('6 tháng cuối năm 2026');
    expect(periodLabel(periodOf('2026-01-17', 'half_year'))).toBe('6 tháng đầu năm 2026');
    expect(periodLabel(periodOf('2026-11-17', 'year'))).toBe('Năm 2026');
    expect(periodLabelEn(periodOf('2026-11-17', 'month'))).toBe('November 2026');
    expect(periodLabelEn(periodOf('2026-11-17', 'quarter'))).toBe('Q4 2026');
  });

  it('lists the periods opened up to a day, from the start to the end of the series', () => {
    const s = { frequency: 'month' as const, dueDay: 25, startsOn: '2026-09-10', endsOn: null };
    expect(periodsOpened(s, '2026-09-09')).toEqual([]);
    expect(periodsOpened(s, '2026-09-10').map((p) => p.key)).toEqual(['2026-09']);
    expect(periodsOpened(s, '2026-11-01').map((p) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(periodsOpened({ ...s, endsOn: '2026-10-31' }, '2027-03-01').map((p) => p.key)).toEqual([
      '2026-09',
      '2026-10',
    ]);
    expect(periodsOpenedBetween(s, '2026-10-31', '2026-11-01').map((p) => p.key)).toEqual(['2026-11']);
    // Started after this period's due day: the first instance is the next period's.
    expect(firstPeriod({ ...s, startsOn: '2026-09-28' }).key).toBe('2026-10');
    expect(periodsOpened({ ...s, startsOn: '2026-09-28' }, '2026-09-30')).toEqual([]);
  });

  it('parses keys back and proposes the end of next month', () => {
    expect(periodByKey('2026-Q4', 'quarter')?.startsOn).toBe('2026-10-01');
    expect(periodByKey('2026-Q4', 'month')).toBeUndefined();
    expect(periodByKey('2026-13', 'month')).toBeUndefined();
    expect(periodByKey('2026', 'year')?.endsOn).toBe('2026-12-31');
    expect(endOfNextMonth('2026-12-05')).toBe('2027-01-31');
    expect(endOfNextMonth('2027-01-31')).toBe('2027-02-28');
  });

  it('property: every date belongs to exactly one period, which holds it, and its key names it', () => {
    fc.assert(
      fc.property(date, frequency, (d, f) => {
        const p = periodOf(d, f);
        expect(p.startsOn <= d && d <= p.endsOn).toBe(true);
        expect(periodByKey(p.key, f)).toEqual(p);
        const next = nextPeriod(p);
        // Periods tile the calendar: the next one starts the day after this one ends, and never holds d.
        expect(next.startsOn > p.endsOn).toBe(true);
        expect(periodOf(next.startsOn, f).key).toBe(next.key);
        expect(periodOf(p.endsOn, f).key).toBe(p.key);
      }),
    );
  });

  it('property: the due date lies in the last month of its period, on the day asked or the month end', () => {
    fc.assert(
      fc.property(date, frequency, dueDay, (d, f, day) => {
        const p = periodOf(d, f);
        const due = periodDueDate(p, day);
        expect(due >= p.startsOn && due <= p.endsOn).toBe(true);
        expect(due.slice(0, 7)).toBe(p.endsOn.slice(0, 7));
        expect(Number(due.slice(8)) === day || due === p.endsOn).toBe(true);
      }),
    );
  });

  it('property: the periods opened are consecutive, distinct, started, and due no earlier than the start', () => {
    fc.assert(
      fc.property(date, date, frequency, dueDay, (a, b, f: RecurrenceFrequency, day) => {
        const [startsOn, today] = a <= b ? [a, b] : [b, a];
        const opened = periodsOpened({ frequency: f, dueDay: day, startsOn }, today, 50);
        expect(new Set(opened.map((p) => p.key)).size).toBe(opened.length);
        opened.forEach((p, i) => {
          expect(p.startsOn <= today).toBe(true);
          expect(periodDueDate(p, day) >= startsOn).toBe(true);
          if (i > 0) expect(p).toEqual(nextPeriod(opened[i - 1]));
        });
        if (opened.length < 50) {
          // The period of today is opened once today is past the series' first due date's period start.
          const last = opened[opened.length - 1];
          if (last) expect(nextPeriod(last).startsOn > today).toBe(true);
        }
      }),
    );
  });
});
