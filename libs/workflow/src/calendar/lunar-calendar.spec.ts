import { civilFromDays, daysFromCivil } from '../local-date.js';
import { lunarNewYear, lunarToSolar, solarToLunar, type LunarDate } from './lunar-calendar.js';

describe('lunarNewYear (Vietnamese calendar, UTC+7)', () => {
  it.each([
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('Tết %i begins on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  // The Chinese calendar (UTC+8) puts these a day or a month apart; Vietnam celebrated on these dates.
  it('follows the Vietnamese calendar where it differs from the Chinese one', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21'); // Chinese: 1985-02-20
    expect(lunarNewYear(2007)).toBe('2007-02-17'); // Chinese: 2007-02-18
    expect(solarToLunar('2007-02-17')).toEqual({ year: 2007, month: 1, day: 1, leap: false });
    expect(solarToLunar('2007-02-16')).toEqual({ year: 2006, month: 12, day: 29, leap: false });
  });

  it('puts Tết between 21 January and 20 February every year', () => {
    for (let year = 1900; year <= 2100; year++) {
      const date = lunarNewYear(year);
      expect(date >= `${year}-01-21` && date <= `${year}-02-20`).toBe(true);
    }
  });
});

describe('lunarToSolar', () => {
  it.each([
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i falls on %s', (year, date) => {
    expect(lunarToSolar({ year, month: 3, day: 10, leap: false })).toBe(date);
  });

  it('finds other well-known days', () => {
    expect(lunarToSolar({ year: 2024, month: 8, day: 15, leap: false })).toBe('2024-09-17'); // Tết Trung thu
    expect(lunarToSolar({ year: 2025, month: 1, day: 15, leap: false })).toBe('2025-02-12'); // Rằm tháng Giêng
  });

  it('knows the leap months', () => {
    // 2023: tháng 2 nhuận; 2020: tháng 4 nhuận; 2025: tháng 6 nhuận.
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ year: 2023, month: 3, day: 1, leap: false })).toBe('2023-04-20');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar({ year: 2020, month: 4, day: 1, leap: true })).toBe('2020-05-23');
    expect(solarToLunar('2020-06-20')).toEqual({ year: 2020, month: 4, day: 29, leap: true });
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toThrow(RangeError); // 2024 has no leap month
    expect(() => lunarToSolar({ year: 2023, month: 3, day: 1, leap: true })).toThrow(RangeError); // the leap month is 2
    expect(() => lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2025, month: 1, day: 0, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2025, month: 1, day: 1.5, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: Number.NaN, month: 1, day: 1, leap: false })).toThrow(RangeError);
    // Tháng Chạp of Giáp Thìn (2024) has 29 days: Tết 2025 is the next day.
    expect(lunarToSolar({ year: 2024, month: 12, day: 29, leap: false })).toBe('2025-01-28');
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('refuses what is not a date', () => {
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('25-01-01')).toThrow(RangeError);
    expect(() => solarToLunar(undefined as unknown as string)).toThrow(RangeError);
  });

  it('settles on the true new moon where the mean lunation points a month off', () => {
    // The published code answers day 0 on these two days, the 30th of 30-day months.
    expect(solarToLunar('2054-05-07')).toEqual({ year: 2054, month: 3, day: 30, leap: false });
    expect(solarToLunar('2062-04-09')).toEqual({ year: 2062, month: 2, day: 30, leap: false });
    expect(lunarToSolar({ year: 2054, month: 3, day: 30, leap: false })).toBe('2054-05-07');
  });

  it('round-trips and runs day after day without gaps, 1900–2100', () => {
    const first = daysFromCivil(1900, 1, 1);
    const last = daysFromCivil(2100, 12, 31);
    let prev: LunarDate = solarToLunar(civilFromDays(first - 1));
    const leapYears = new Map<number, number>();
    const problems: string[] = [];
    const same = (a: LunarDate, b: LunarDate): boolean =>
      a.year === b.year && a.month === b.month && a.day === b.day && a.leap === b.leap;
    // Collected rather than asserted day by day: 73,000 expect() calls would take seconds.
    for (let day = first; day <= last; day++) {
      const date = civilFromDays(day);
      const l = solarToLunar(date);
      if (lunarToSolar(l) !== date) problems.push(`${date} does not round-trip`);
      let expected: LunarDate;
      if (l.day === 1) {
        // A new month: 29 or 30 days after the last one began; the leap month repeats the month before it.
        if (prev.day !== 29 && prev.day !== 30) problems.push(`${date}: the month before had ${prev.day} days`);
        if (l.leap) {
          if (leapYears.has(l.year)) problems.push(`${date}: a second leap month in ${l.year}`);
          leapYears.set(l.year, l.month);
          expected = { ...prev, day: 1, leap: true };
        } else {
          expected =
            prev.month === 12
              ? { year: prev.year + 1, month: 1, day: 1, leap: false }
              : { year: prev.year, month: prev.month + 1, day: 1, leap: false };
        }
      } else {
        expected = { ...prev, day: prev.day + 1 };
      }
      if (!same(l, expected)) problems.push(`${date}: ${JSON.stringify(l)} after ${JSON.stringify(prev)}`);
      prev = l;
    }
    expect(problems).toEqual([]);
    // About 7 leap months in every 19 years (the Metonic cycle).
    expect(leapYears.size).toBeGreaterThanOrEqual(72);
    expect(leapYears.size).toBeLessThanOrEqual(76);
    expect(leapYears.get(2020)).toBe(4);
    expect(leapYears.get(2023)).toBe(2);
    expect(leapYears.get(2025)).toBe(6);
  });
});
