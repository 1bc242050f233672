import fc from 'fast-check';
import { daysUntilDue, isValidCalendarDate, localDate } from './local-date.js';

const intlDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function viaIntl(at: Date): string {
  const parts = Object.fromEntries(intlDate.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

describe('localDate', () => {
  it.each([
    ['2021-06-30T16:59:59.999Z', '2021-06-30'],
    ['2021-06-30T17:00:00.000Z', '2021-07-01'],
    ['2021-06-29T17:00:00.000Z', '2021-06-30'],
    ['2020-12-31T17:00:00.000Z', '2021-01-01'],
    ['2020-12-31T16:59:59.999Z', '2020-12-31'],
    ['2024-02-28T17:00:00.000Z', '2024-02-29'],
    ['2000-02-29T00:00:00.000Z', '2000-02-29'],
    ['1970-01-01T00:00:00.000Z', '1970-01-01'],
  ])('%s is %s in Asia/Ho_Chi_Minh', (iso, expected) => {
    expect(localDate(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => localDate(new Date('not a date'))).toThrow(RangeError);
  });

  it('agrees with Intl for Asia/Ho_Chi_Minh on a few hundred instants', () => {
    const from = Date.UTC(1976, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    const instants: Date[] = [];
    // Both sides of local midnight (17:00Z) on random days, plus arbitrary instants.
    fc.sample(fc.integer({ min: from / 86_400_000, max: to / 86_400_000 }), { numRuns: 100, seed: 20210630 }).forEach(
      (day) => {
        const midnight = day * 86_400_000 + 17 * 3_600_000;
        instants.push(new Date(midnight - 1), new Date(midnight));
      },
    );
    fc.sample(fc.integer({ min: from, max: to }), { numRuns: 200, seed: 7 }).forEach((ms) =>
      instants.push(new Date(ms)),
    );
    expect(instants).toHaveLength(400);
    for (const at of instants) expect(localDate(at)).toBe(viaIntl(at));
  });
});

describe('isValidCalendarDate', () => {
  it.each(['2021-06-30', '2024-02-29', '2000-02-29', '2021-12-31', '2021-01-01', '0001-01-01', '9999-12-31'])(
    '%s is valid',
    (s) => {
      expect(isValidCalendarDate(s)).toBe(true);
    },
  );

  it.each([
    '2021-02-30',
    '2023-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-06-00',
    '2021-6-30',
    '21-06-30',
    '30/06/2021',
    ' 2021-06-30',
    '2021-06-30T00:00:00Z',
    '0000-01-01',
    '',
  ])('%j is not', (s) => {
    expect(isValidCalendarDate(s)).toBe(false);
  });

  it('is false for what is not a string', () => {
    expect(isValidCalendarDate(null as unknown as string)).toBe(false);
    expect(isValidCalendarDate(20210630 as unknown as string)).toBe(false);
  });
});

describe('daysUntilDue', () => {
  it.each([
    ['2021-06-30', '2021-06-30T16:59:59.999Z', 0],
    ['2021-06-30', '2021-06-29T17:00:00.000Z', 0],
    ['2021-06-30', '2021-06-29T16:59:59.999Z', 1],
    ['2021-06-30', '2021-06-30T17:00:00.000Z', -1],
    ['2021-01-01', '2020-12-01T00:00:00.000Z', 31],
    ['2024-03-01', '2024-02-28T00:00:00.000Z', 2],
    ['2023-03-01', '2023-02-28T00:00:00.000Z', 1],
    ['2020-12-31', '2021-12-31T00:00:00.000Z', -365],
  ])('%s seen at %s → %d', (due, now, days) => {
    expect(daysUntilDue(due, new Date(now))).toBe(days);
  });

  it('matches counting days on the calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20_000, max: 20_000 }),
        fc.integer({ min: 0, max: 86_399_999 }),
        (offset, msOfDay) => {
          const today = Date.UTC(2021, 5, 30);
          const due = new Date(today + offset * 86_400_000).toISOString().slice(0, 10);
          // msOfDay spans one local day starting at local midnight (17:00Z the day before).
          const now = new Date(today - 7 * 3_600_000 + msOfDay);
          expect(daysUntilDue(due, now)).toBe(offset);
        },
      ),
    );
  });

  it('rejects a due date that is not a calendar date', () => {
    expect(() => daysUntilDue('2021-02-30', new Date())).toThrow(RangeError);
  });
});
