import { DEFAULT_CALENDAR_SETTINGS, type CalendarDay, type OfficialYear } from './calendar.model.js';
import { computedDaysOff } from './public-holidays.js';
import { WorkingCalendar } from './working-calendar.js';

const range = (from: number, to: number, month: string, kind: CalendarDay['kind'], name: string): CalendarDay[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    date: `2025-${month}-${String(from + i).padStart(2, '0')}`,
    kind,
    name,
  }));

/** The Government's 2025 schedule for civil servants (công chức, viên chức). */
const OFFICIAL_2025: OfficialYear = {
  year: 2025,
  source: 'Thông báo 6150/TB-LĐTBXH ngày 20/11/2024 (test fixture)',
  days: [
    { date: '2025-01-01', kind: 'off', name: 'Tết Dương lịch' },
    ...range(25, 31, '01', 'off', 'Tết Nguyên đán'),
    ...range(1, 2, '02', 'off', 'Tết Nguyên đán'),
    { date: '2025-02-15', kind: 'work', name: 'Làm bù cho ngày 27/01' },
    { date: '2025-04-07', kind: 'off', name: 'Giỗ Tổ Hùng Vương' },
    { date: '2025-04-26', kind: 'work', name: 'Làm bù cho ngày 02/05' },
    { date: '2025-04-30', kind: 'off', name: 'Ngày Chiến thắng' },
    { date: '2025-05-01', kind: 'off', name: 'Ngày Quốc tế Lao động' },
    { date: '2025-05-02', kind: 'off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04)' },
    { date: '2025-09-01', kind: 'off', name: 'Quốc khánh' },
    { date: '2025-09-02', kind: 'off', name: 'Quốc khánh' },
  ],
};

const computed = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);
const official = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [OFFICIAL_2025], 7);

describe('WorkingCalendar with the computed defaults', () => {
  it('keeps its settings and revision', () => {
    expect(computed.settings).toEqual(DEFAULT_CALENDAR_SETTINGS);
    expect(computed.revision).toBe(0);
    expect(official.revision).toBe(7);
    expect(DEFAULT_CALENDAR_SETTINGS).toEqual({
      enabled: true,
      weekendDays: [6, 0],
      rollToWorkingDay: true,
      workdayStart: '08:00',
    });
  });

  it('tells working days, weekends, holidays and compensatory days apart', () => {
    expect(computed.dayInfo('2026-02-13')).toEqual({
      date: '2026-02-13',
      working: true,
      reason: 'working',
      name: null,
      official: false,
    });
    expect(computed.dayInfo('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: false,
      reason: 'weekend',
      name: null,
      official: false,
    });
    expect(computed.dayInfo('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      reason: 'holiday',
      name: 'Tết Nguyên đán',
      official: false,
    });
    // A holiday on a Sunday is still the holiday, and gives the Monday.
    expect(computed.dayInfo('2026-04-26')).toMatchObject({
      working: false,
      reason: 'holiday',
      name: 'Giỗ Tổ Hùng Vương',
    });
    expect(computed.dayInfo('2026-04-27')).toEqual({
      date: '2026-04-27',
      working: false,
      reason: 'compensatory',
      name: 'Nghỉ bù Giỗ Tổ Hùng Vương',
      official: false,
    });
    expect(computed.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('lists the exceptions of a year as computedDaysOff does', () => {
    const days = computed.exceptions(2027);
    expect(days.map((d) => ({ date: d.date, kind: 'off', name: d.name }))).toEqual(computedDaysOff(2027));
    expect(days.every((d) => !d.working && !d.official)).toBe(true);
    expect(days.filter((d) => d.reason === 'compensatory').map((d) => d.date)).toEqual([
      '2027-02-10',
      '2027-02-11',
      '2027-05-03',
    ]);
  });

  it('counts and moves over Tết', () => {
    // Assigned "trong 10 ngày làm việc" on the Friday before Tết 2026 (off Monday 16/2 to Friday 20/2).
    expect(computed.addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
    expect(computed.addWorkingDays('2026-03-06', -10)).toBe('2026-02-13');
    expect(computed.workingDaysBetween('2026-02-13', '2026-03-06')).toBe(10);
    expect(computed.workingDaysBetween('2026-03-06', '2026-02-13')).toBe(-10);
    expect(computed.addWorkingDays('2026-02-14', 0)).toBe('2026-02-23');
    expect(computed.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(computed.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(computed.nextWorkingDay('2026-02-13', true)).toBe('2026-02-13');
    expect(computed.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(computed.previousWorkingDay('2026-02-18', true)).toBe('2026-02-13');
    expect(computed.effectiveDueDate('2026-02-17')).toBe('2026-02-23');
    expect(computed.effectiveDueDate('2026-02-24')).toBe('2026-02-24');
    // Across years: 2026-12-31 Thursday, 2027-01-01 holiday, weekend, Monday 4/1.
    expect(computed.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(computed.previousWorkingDay('2027-01-04')).toBe('2026-12-31');
    expect(computed.workingDaysBetween('2026-12-30', '2027-01-04')).toBe(2);
    // 2026: 365 days, 104 weekend days and 11 weekday days off (12 listed, Giỗ Tổ on a Sunday).
    expect(computed.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(365 - 104 - 11);
    expect(computed.addWorkingDays('2025-12-31', 250)).toBe('2026-12-31');
  });

  it('starts the working day at workdayStart, UTC+7', () => {
    expect(computed.atWorkdayStart('2026-02-23').toISOString()).toBe('2026-02-23T01:00:00.000Z');
    const early = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workdayStart: '06:30' });
    expect(early.atWorkdayStart('2026-01-01').toISOString()).toBe('2025-12-31T23:30:00.000Z');
  });

  it('does not roll due dates when told not to', () => {
    const noRoll = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, rollToWorkingDay: false });
    expect(noRoll.effectiveDueDate('2026-02-17')).toBe('2026-02-17');
    expect(noRoll.isWorkingDay('2026-02-17')).toBe(false);
  });

  it('follows other weekly days off', () => {
    const sundayOnly = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [0] });
    expect(sundayOnly.isWorkingDay('2026-02-14')).toBe(true);
    expect(sundayOnly.isWorkingDay('2026-02-15')).toBe(false);
    expect(sundayOnly.nextWorkingDay('2026-02-15')).toBe('2026-02-21');
  });
});

describe('WorkingCalendar with an official year (2025)', () => {
  it('takes the official days off, including the compensatory swap days', () => {
    for (const date of ['2025-01-25', '2025-01-27', '2025-01-28', '2025-01-31', '2025-02-02', '2025-05-02']) {
      expect(official.isWorkingDay(date)).toBe(false);
    }
    expect(official.dayInfo('2025-01-27')).toEqual({
      date: '2025-01-27',
      working: false,
      reason: 'official_off',
      name: 'Tết Nguyên đán',
      official: true,
    });
    expect(official.dayInfo('2025-05-02')).toMatchObject({ working: false, reason: 'official_off' });
    expect(official.isWorkingDay('2025-09-01')).toBe(false);
    expect(official.isWorkingDay('2025-04-07')).toBe(false);
    expect(official.isWorkingDay('2025-01-01')).toBe(false);
  });

  it('works the Saturdays it lists', () => {
    expect(official.dayInfo('2025-02-15')).toEqual({
      date: '2025-02-15',
      working: true,
      reason: 'official_work',
      name: 'Làm bù cho ngày 27/01',
      official: true,
    });
    expect(official.isWorkingDay('2025-04-26')).toBe(true);
    expect(computed.isWorkingDay('2025-02-15')).toBe(false);
    expect(official.nextWorkingDay('2025-02-14')).toBe('2025-02-15');
  });

  it('drops the computed days the official year does not list', () => {
    // Computed: Tết 28/1–1/2 and Monday 3/2 off for Saturday 1/2. Officially 3/2 is a working day.
    expect(computed.dayInfo('2025-02-03')).toMatchObject({ working: false, reason: 'compensatory' });
    expect(official.dayInfo('2025-02-03')).toEqual({
      date: '2025-02-03',
      working: true,
      reason: 'working',
      name: null,
      official: true,
    });
    expect(official.nextWorkingDay('2025-01-24')).toBe('2025-02-03');
    expect(computed.nextWorkingDay('2025-01-24')).toBe('2025-01-27');
    // The weekly rhythm stays: an unlisted Saturday is a weekend day.
    expect(official.dayInfo('2025-03-01')).toMatchObject({ working: false, reason: 'weekend', official: true });
  });

  it('lists exactly the official days as exceptions, and leaves other years computed', () => {
    expect(official.exceptions(2025).map((d) => [d.date, d.working])).toEqual(
      [...OFFICIAL_2025.days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => [d.date, d.kind === 'work']),
    );
    expect(official.exceptions(2026)).toEqual(computed.exceptions(2026));
    expect(official.dayInfo('2026-02-17')).toMatchObject({ reason: 'holiday', official: false });
  });

  it('counts with the official days', () => {
    // Friday 24/1 → Tết to Sunday 2/2; then Monday 3/2 … 14/2 (10 days), Saturday 15/2 worked.
    expect(official.addWorkingDays('2025-01-24', 11)).toBe('2025-02-15');
    expect(official.workingDaysBetween('2025-01-24', '2025-02-16')).toBe(11);
    expect(computed.workingDaysBetween('2025-01-24', '2025-02-16')).toBe(10);
  });

  it('lets a later entry for a year win and ignores days outside its year', () => {
    const later: OfficialYear = {
      year: 2025,
      source: 'later',
      days: [
        { date: '2025-03-03', kind: 'off', name: 'Nghỉ' },
        { date: '2026-03-03', kind: 'off', name: 'Lạc năm' },
      ],
    };
    const cal = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [OFFICIAL_2025, later]);
    expect(cal.isWorkingDay('2025-03-03')).toBe(false);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.isWorkingDay('2026-03-03')).toBe(true);
  });
});

describe('WorkingCalendar disabled (identity)', () => {
  const identity = WorkingCalendar.identity();

  it('counts plain calendar days', () => {
    expect(identity.settings.enabled).toBe(false);
    expect(identity.isWorkingDay('2026-02-17')).toBe(true);
    expect(identity.dayInfo('2026-02-14')).toEqual({
      date: '2026-02-14',
      working: true,
      reason: 'working',
      name: null,
      official: false,
    });
    expect(identity.exceptions(2026)).toEqual([]);
    expect(identity.addWorkingDays('2026-02-13', 10)).toBe('2026-02-23');
    expect(identity.addWorkingDays('2026-02-13', -13)).toBe('2026-01-31');
    expect(identity.workingDaysBetween('2026-02-13', '2026-03-06')).toBe(21);
    expect(identity.nextWorkingDay('2026-12-31')).toBe('2027-01-01');
    expect(identity.previousWorkingDay('2026-03-01')).toBe('2026-02-28');
    expect(identity.effectiveDueDate('2026-02-17')).toBe('2026-02-17');
  });

  it('ignores official years', () => {
    const cal = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, enabled: false }, [OFFICIAL_2025]);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.exceptions(2025)).toEqual([]);
  });
});

describe('WorkingCalendar guards', () => {
  it('refuses dates, counts and settings that are not valid', () => {
    expect(() => computed.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => computed.dayInfo('17/02/2026')).toThrow(RangeError);
    expect(() => computed.addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
    expect(() => computed.addWorkingDays('2026-02-13', Number.NaN)).toThrow(RangeError);
    expect(() => computed.workingDaysBetween('2026-02-13', '')).toThrow(RangeError);
    expect(() => computed.effectiveDueDate('x')).toThrow(RangeError);
    expect(() => WorkingCalendar.identity().effectiveDueDate('2026-13-01')).toThrow(RangeError);
    expect(() => computed.atWorkdayStart('2026-02-29')).toThrow(RangeError);
    expect(() => computed.exceptions(2026.5)).toThrow(RangeError);
    expect(() => computed.addWorkingDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => computed.previousWorkingDay('0001-01-01')).toThrow(RangeError);
    expect(() => new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [7] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workdayStart: '8:00' })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, workdayStart: '24:00' })).toThrow(RangeError);
    expect(
      () =>
        new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [
          { year: 2025, source: 's', days: [{ date: '2025-02-30', kind: 'off', name: 'x' }] },
        ]),
    ).toThrow(RangeError);
  });

  it('gives up instead of searching forever on a calendar without working days', () => {
    const never = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [0, 1, 2, 3, 4, 5, 6] });
    expect(never.isWorkingDay('2026-02-23')).toBe(false);
    expect(() => never.nextWorkingDay('2026-02-23')).toThrow(RangeError);
    expect(() => never.previousWorkingDay('2026-02-23')).toThrow(RangeError);
    expect(() => never.addWorkingDays('2026-02-23', 5)).toThrow(RangeError);
    expect(() => never.addWorkingDays('2026-02-23', -5)).toThrow(RangeError);
    expect(() => never.effectiveDueDate('2026-02-23')).toThrow(RangeError);
    expect(never.workingDaysBetween('2026-01-01', '2036-01-01')).toBe(0);
    // One official working day is found, even years away.
    const once = new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, weekendDays: [0, 1, 2, 3, 4, 5, 6] }, [
      { year: 2030, source: 's', days: [{ date: '2030-06-03', kind: 'work', name: 'Làm' }] },
    ]);
    expect(once.nextWorkingDay('2026-02-23')).toBe('2030-06-03');
    expect(once.addWorkingDays('2031-01-01', -1)).toBe('2030-06-03');
  });

  it('is fast: thousands of deadlines over hundreds of working days', () => {
    const cal = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS, [OFFICIAL_2025]);
    const started = Date.now();
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const from = `20${20 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`;
      const due = cal.addWorkingDays(from, 1 + (i % 400));
      sum += cal.workingDaysBetween(from, due);
      cal.effectiveDueDate(due);
    }
    expect(sum).toBe(Array.from({ length: 20000 }, (_, i) => 1 + (i % 400)).reduce((a, b) => a + b, 0));
    // Generous for a busy CI machine; stepping day by day without the yearly tables takes several times longer.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
