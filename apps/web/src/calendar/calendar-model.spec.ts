import type { CalendarDayInfoDto, CalendarYearDto } from '@dondoc/contracts';
import {
  apiProblemLines,
  draftFrom,
  draftProblems,
  groupByMonth,
  initialDraft,
  mayEditCalendar,
  officialYearsOf,
  problemCount,
  saveRequest,
  weekdayOf,
  yearOptions,
  yearSpan,
  type YearDraft,
} from './calendar-model';

const info = (date: string, working = false, official = false): CalendarDayInfoDto => ({
  date,
  working,
  reason: working ? 'official_work' : 'holiday',
  name: 'x',
  official,
});

const year = (overrides: Partial<CalendarYearDto> = {}): CalendarYearDto => ({
  year: 2027,
  official: null,
  computed: [
    { date: '2027-01-01', kind: 'off', name: 'Tết Dương lịch' },
    { date: '2027-02-05', kind: 'off', name: 'Tết Nguyên đán' },
  ],
  exceptions: [],
  history: [],
  ...overrides,
});

describe('who edits and which years', () => {
  it('lets the Office and administrators enter the schedule; others read it', () => {
    expect(mayEditCalendar('office')).toBe(true);
    expect(mayEditCalendar('admin')).toBe(true);
    expect(mayEditCalendar('agency')).toBe(false);
    expect(mayEditCalendar('standing_committee')).toBe(false);
    expect(mayEditCalendar('inspector')).toBe(false);
  });

  it('offers three years back and two ahead, and any year already chosen', () => {
    expect(yearOptions(2026, 2026)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(yearOptions(2026, 2030)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(yearOptions(2026, 2020)[0]).toBe(2020);
  });

  it('reads the weekday of a date without time zones', () => {
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(weekdayOf('2026-02-15')).toBe(0);
  });
});

describe('groupByMonth', () => {
  it('groups the exceptions by month in date order, leaving out empty months', () => {
    const groups = groupByMonth([info('2026-05-01'), info('2026-02-17'), info('2026-02-16'), info('2026-04-30')]);
    expect(groups.map((g) => [g.month, g.days.map((d) => d.date)])).toEqual([
      [2, ['2026-02-16', '2026-02-17']],
      [4, ['2026-04-30']],
      [5, ['2026-05-01']],
    ]);
    expect(groupByMonth([])).toEqual([]);
  });
});

describe('editing a year', () => {
  it('starts from the entry in force, else from the computed defaults', () => {
    expect(initialDraft(year()).days.map((d) => d.name)).toEqual(['Tết Dương lịch', 'Tết Nguyên đán']);
    expect(initialDraft(year()).source).toBe('');
    const official = initialDraft(
      year({
        official: {
          days: [{ date: '2027-02-06', kind: 'work', name: 'Làm bù' }],
          source: 'TB 1/2026',
          enteredAt: '2026-11-20T02:00:00.000Z',
          enteredByName: 'Văn phòng',
        },
      }),
    );
    expect(official.days.map((d) => [d.date, d.kind])).toEqual([['2027-02-06', 'work']]);
    expect(official.source).toBe('TB 1/2026');
  });

  it('gives each line its own key', () => {
    const draft = draftFrom(year().computed);
    expect(new Set(draft.days.map((d) => d.key)).size).toBe(2);
  });

  it('marks each faulty line and a missing source', () => {
    const draft: YearDraft = {
      days: [
        { key: 'a', date: null, kind: 'off', name: 'x' },
        { key: 'b', date: '2026-12-31', kind: 'off', name: 'x' },
        { key: 'c', date: '2027-03-02', kind: 'off', name: 'x' },
        { key: 'd', date: '2027-03-02', kind: 'off', name: 'y' },
        { key: 'e', date: '2027-03-03', kind: 'work', name: '  ' },
        { key: 'f', date: '2027-03-04', kind: 'off', name: 'ok' },
      ],
      source: ' ',
    };
    const p = draftProblems(2027, draft);
    expect(Object.fromEntries(p.days)).toEqual({
      a: 'dateRequired',
      b: 'outsideYear',
      d: 'duplicate',
      e: 'nameRequired',
    });
    expect(p.source).toBe('sourceRequired');
    expect(problemCount(p)).toBe(5);
    expect(saveRequest(2027, draft)).toBeNull();
    expect(draftProblems(2027, { days: [], source: 'x'.repeat(301) }).source).toBe('sourceTooLong');
    const many = Array.from({ length: 121 }, (_, i) => ({ key: `k${i}`, date: null, kind: 'off' as const, name: '' }));
    expect(draftProblems(2027, { days: many, source: 'TB' }).tooMany).toBe(true);
  });

  it('sends the days in date order, trimmed', () => {
    const draft: YearDraft = {
      days: [
        { key: 'a', date: '2027-09-03', kind: 'off', name: ' Quốc khánh ' },
        { key: 'b', date: '2027-01-01', kind: 'off', name: 'Tết Dương lịch' },
      ],
      source: ' Thông báo 1/TB-LĐTBXH ',
    };
    expect(saveRequest(2027, draft)).toEqual({
      days: [
        { date: '2027-01-01', kind: 'off', name: 'Tết Dương lịch' },
        { date: '2027-09-03', kind: 'off', name: 'Quốc khánh' },
      ],
      source: 'Thông báo 1/TB-LĐTBXH',
    });
    // An empty year is a valid entry: no holiday moved, only the document.
    expect(saveRequest(2027, { days: [], source: 'TB' })).toEqual({ days: [], source: 'TB' });
  });

  it("lists the API's refusal field by field", () => {
    expect(
      apiProblemLines([{ path: 'days.0.date', message: 'must be in 2027' }, { path: 3, message: 'x' }, 'junk']),
    ).toEqual([{ path: 'days.0.date', message: 'must be in 2027' }]);
    expect(apiProblemLines(undefined)).toEqual([]);
  });
});

describe('building a WorkingCalendar from the answer', () => {
  it('takes the official schedules of the years that have one', () => {
    const entered = year({
      year: 2026,
      official: { days: [], source: 'TB', enteredAt: '2025-11-20T02:00:00.000Z', enteredByName: null },
    });
    expect(officialYearsOf({ years: [entered, year()] })).toEqual([{ year: 2026, days: [], source: 'TB' }]);
  });

  it('asks for the years of the dates and the next (a late-December deadline rolls into January)', () => {
    expect(yearSpan(['2026-12-31'])).toEqual({ from: 2026, to: 2027 });
    expect(yearSpan(['2026-03-02', null, '2027-01-05'])).toEqual({ from: 2026, to: 2028 });
    expect(yearSpan([null, undefined, ''])).toBeNull();
    // The API serves at most ten years at once.
    expect(yearSpan(['2020-01-01', '2040-01-01'])).toEqual({ from: 2020, to: 2029 });
  });
});
