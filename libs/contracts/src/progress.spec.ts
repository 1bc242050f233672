import { createProgressReportSchema, createReportingPeriodSchema, periodRange } from './progress.js';

describe('reporting periods and progress reports (contracts)', () => {
  it('gives each kind of period its days and its Vietnamese label', () => {
    expect(periodRange({ kind: 'month', year: 2026, number: 11 })).toEqual({
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      label: 'Tháng 11/2026',
    });
    expect(periodRange({ kind: 'month', year: 2028, number: 2 }).endsOn).toBe('2028-02-29');
    expect(periodRange({ kind: 'quarter', year: 2026, number: 4 })).toEqual({
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      label: 'Quý IV/2026',
    });
    expect(periodRange({ kind: 'half_year', year: 2026, number: 1 })).toEqual({
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      label: '6 tháng đầu năm 2026',
    });
    expect(periodRange({ kind: 'half_year', year: 2026, number: 2 }).label).toBe('6 tháng cuối năm 2026');
    expect(periodRange({ kind: 'year', year: 2026 })).toEqual({
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      label: 'Năm 2026',
    });
    expect(periodRange({ kind: 'custom', startsOn: '2026-11-03', endsOn: '2026-11-17' }).label).toBe(
      'Từ 03/11/2026 đến 17/11/2026',
    );
  });

  it('refuses a number the kind does not have', () => {
    expect(createReportingPeriodSchema.safeParse({ kind: 'quarter', year: 2026, number: 5 }).success).toBe(false);
    expect(createReportingPeriodSchema.safeParse({ kind: 'month', year: 2026 }).success).toBe(false);
    expect(createReportingPeriodSchema.safeParse({ kind: 'year', year: 2026, number: 1 }).success).toBe(false);
  });

  it('reads the percentage from JSON or from a multipart text part, whole numbers 0..100 only', () => {
    const parse = (percent: unknown) => createProgressReportSchema.safeParse({ percent, narrative: 'x' });
    expect([0, 100, '45', ' 7 '].map((p) => parse(p).data?.percent)).toEqual([0, 100, 45, 7]);
    for (const bad of [101, -1, 4.5, '4.5', '', 'abc', null, true]) expect(parse(bad).success).toBe(false);
  });
});
