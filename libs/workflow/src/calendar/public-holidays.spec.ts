import { computedDaysOff } from './public-holidays.js';

const brief = (year: number, weekendDays?: readonly number[]): [string, string][] =>
  computedDaysOff(year, weekendDays).map((d) => [d.date, d.name]);

describe('computedDaysOff', () => {
  it('lists 2026 in full', () => {
    // 1/1 Thursday; Tết Tuesday 17/2 (16/2 is 30 tháng Chạp); Giỗ Tổ Sunday 26/4; 2/9 Wednesday.
    expect(brief(2026)).toEqual([
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-02-16', 'Tết Nguyên đán'],
      ['2026-02-17', 'Tết Nguyên đán'],
      ['2026-02-18', 'Tết Nguyên đán'],
      ['2026-02-19', 'Tết Nguyên đán'],
      ['2026-02-20', 'Tết Nguyên đán'],
      ['2026-04-26', 'Giỗ Tổ Hùng Vương'],
      ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
      ['2026-04-30', 'Ngày Chiến thắng'],
      ['2026-05-01', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'Quốc khánh'],
      ['2026-09-02', 'Quốc khánh'],
    ]);
    expect(computedDaysOff(2026).every((d) => d.kind === 'off')).toBe(true);
  });

  it('lists 2027 in full, with the days off for a Tết on the weekend after the block', () => {
    // Tết Saturday 6/2 (5/2 is 30 tháng Chạp): Saturday 6/2 and Sunday 7/2 give Wednesday 10/2 and Thursday 11/2.
    expect(brief(2027)).toEqual([
      ['2027-01-01', 'Tết Dương lịch'],
      ['2027-02-05', 'Tết Nguyên đán'],
      ['2027-02-06', 'Tết Nguyên đán'],
      ['2027-02-07', 'Tết Nguyên đán'],
      ['2027-02-08', 'Tết Nguyên đán'],
      ['2027-02-09', 'Tết Nguyên đán'],
      ['2027-02-10', 'Nghỉ bù Tết Nguyên đán'],
      ['2027-02-11', 'Nghỉ bù Tết Nguyên đán'],
      ['2027-04-16', 'Giỗ Tổ Hùng Vương'],
      ['2027-04-30', 'Ngày Chiến thắng'],
      ['2027-05-01', 'Ngày Quốc tế Lao động'],
      ['2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động'],
      ['2027-09-02', 'Quốc khánh'],
      ['2027-09-03', 'Quốc khánh'],
    ]);
  });

  it('shifts several compensatory days along (30/4 and 1/5 on a weekend, 2022)', () => {
    expect(brief(2022).filter(([date]) => date >= '2022-04-30' && date <= '2022-05-31')).toEqual([
      ['2022-04-30', 'Ngày Chiến thắng'],
      ['2022-05-01', 'Ngày Quốc tế Lao động'],
      ['2022-05-02', 'Nghỉ bù Ngày Chiến thắng'],
      ['2022-05-03', 'Nghỉ bù Ngày Quốc tế Lao động'],
    ]);
  });

  it('uses the last day of the lunar year, 29 or 30 tháng Chạp', () => {
    // Giáp Thìn's tháng Chạp had 29 days: Tết 2025 is 28/1 (29 Tết) to 1/2, Saturday 1/2 giving Monday 3/2.
    expect(brief(2025).filter(([date]) => date < '2025-03-01')).toEqual([
      ['2025-01-01', 'Tết Dương lịch'],
      ['2025-01-28', 'Tết Nguyên đán'],
      ['2025-01-29', 'Tết Nguyên đán'],
      ['2025-01-30', 'Tết Nguyên đán'],
      ['2025-01-31', 'Tết Nguyên đán'],
      ['2025-02-01', 'Tết Nguyên đán'],
      ['2025-02-03', 'Nghỉ bù Tết Nguyên đán'],
    ]);
  });

  it.each([
    [2024, 'Monday', ['2024-09-02', '2024-09-03']],
    [2025, 'Tuesday', ['2025-09-01', '2025-09-02']],
    [2026, 'Wednesday', ['2026-09-01', '2026-09-02']],
    [2027, 'Thursday', ['2027-09-02', '2027-09-03']],
    [2022, 'Friday', ['2022-09-01', '2022-09-02']],
    [2023, 'Saturday', ['2023-09-01', '2023-09-02', '2023-09-04']],
    [2029, 'Sunday', ['2029-09-02', '2029-09-03', '2029-09-04']],
  ])('gives Quốc khánh %i (2/9 a %s) its adjacent day', (year, _weekday, dates) => {
    expect(
      computedDaysOff(year)
        .filter((d) => d.date >= `${year}-08-15`)
        .map((d) => d.date),
    ).toEqual(dates);
  });

  it('follows the weekly days off it is given', () => {
    // Sunday only: Saturday 6/2/2027 is a working day, so only Sunday 7/2 gives a day, the first free one (10/2).
    expect(brief(2027, [0]).filter(([date]) => date.startsWith('2027-02'))).toEqual([
      ['2027-02-05', 'Tết Nguyên đán'],
      ['2027-02-06', 'Tết Nguyên đán'],
      ['2027-02-07', 'Tết Nguyên đán'],
      ['2027-02-08', 'Tết Nguyên đán'],
      ['2027-02-09', 'Tết Nguyên đán'],
      ['2027-02-10', 'Nghỉ bù Tết Nguyên đán'],
    ]);
    // No weekly day off: no compensatory day at all.
    expect(brief(2027, []).some(([, name]) => name.startsWith('Nghỉ bù'))).toBe(false);
    // Every day off: nothing to give and no endless search.
    expect(brief(2027, [0, 1, 2, 3, 4, 5, 6])).toHaveLength(14 - 3);
  });

  it('gives every year its eleven holidays, each date once, sorted, within the year', () => {
    for (let year = 1990; year <= 2100; year++) {
      const days = computedDaysOff(year);
      const dates = days.map((d) => d.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      const holidays = days.filter((d) => !d.name.startsWith('Nghỉ bù'));
      // Giỗ Tổ may meet 30/4 or 1/5, leaving one day with both names.
      expect(holidays.length + holidays.filter((d) => d.name.includes(', ')).length).toBe(11);
    }
  });

  it('refuses bad input', () => {
    expect(() => computedDaysOff(2026.5)).toThrow(RangeError);
    expect(() => computedDaysOff(0)).toThrow(RangeError);
    expect(() => computedDaysOff(2026, [7])).toThrow(RangeError);
    expect(() => computedDaysOff(2026, [-1])).toThrow(RangeError);
  });
});
