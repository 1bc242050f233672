import { DEFAULT_CALENDAR_SETTINGS, WorkingCalendar } from '@dondoc/workflow';
import i18next from 'i18next';
import { taskSummary } from '../test-support/task-summary.fixture';
import { calendarEn, calendarVi } from './calendar.i18n';
import {
  calendarDaysBetween,
  dayOffHint,
  dayOffReason,
  deadlineRule,
  extensionSpan,
  holdsRule,
  initialChoice,
  parseWorkingDays,
} from './working-day-model';

// The computed 2026 calendar: Tết Nguyên đán 16–20/02 (Monday to Friday), Giỗ Tổ 26/04 (Sunday, compensated
// on Monday 27/04), 30/04 and 01/05.
const calendar = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'vi',
    resources: { vi: { translation: { calendar: calendarVi } }, en: { translation: { calendar: calendarEn } } },
    interpolation: { escapeValue: false },
  });
});

describe('dayOffHint', () => {
  it('says when a date is a day off and which working day the deadline ends with', () => {
    const hint = dayOffHint(calendar, '2026-02-15');
    expect(hint).toMatchObject({ date: '2026-02-15', effective: '2026-02-23', reason: 'weekend' });
    expect(dayOffHint(calendar, '2026-02-17')).toMatchObject({ effective: '2026-02-23', reason: 'holiday' });
  });

  it('says nothing for a working day, no date, no calendar yet, or a calendar that is off', () => {
    expect(dayOffHint(calendar, '2026-02-23')).toBeNull();
    expect(dayOffHint(calendar, null)).toBeNull();
    expect(dayOffHint(null, '2026-02-15')).toBeNull();
    expect(dayOffHint(WorkingCalendar.identity(), '2026-02-15')).toBeNull();
  });

  it('names the day: a holiday by its name, a weekend by its weekday', () => {
    const t = i18n.getFixedT('vi');
    expect(dayOffReason(t, { date: '2026-02-15', reason: 'weekend', name: null })).toBe('Chủ nhật');
    expect(dayOffReason(i18n.getFixedT('en'), { date: '2026-02-14', reason: 'weekend', name: null })).toBe('Saturday');
    expect(dayOffReason(t, { date: '2026-02-17', reason: 'holiday', name: 'Tết Nguyên đán' })).toBe('Tết Nguyên đán');
    expect(dayOffReason(t, { date: '2026-05-04', reason: 'compensatory', name: null })).toBe('Nghỉ bù');
  });
});

describe('extensionSpan', () => {
  it('counts the working days and calendar days a later deadline adds, across Tết', () => {
    // Friday 13/02/2026 to Friday 27/02/2026: 14 calendar days, of which Tết and two weekends leave 5 working days.
    expect(extensionSpan(calendar, '2026-02-13', '2026-02-27')).toEqual({
      workingDays: 5,
      calendarDays: 14,
      dayOff: null,
    });
  });

  it('warns when the requested date is a day off', () => {
    const span = extensionSpan(calendar, '2026-04-24', '2026-05-01');
    expect(span?.dayOff).toMatchObject({ date: '2026-05-01', effective: '2026-05-04' });
    expect(span?.calendarDays).toBe(7);
    // 24/04 (Fri) → effective 04/05 (Mon): 27/04 compensatory, 30/04 and 01/05 off: 28, 29/04 and 04/05.
    expect(span?.workingDays).toBe(3);
  });

  it('says nothing until a later date is chosen', () => {
    expect(extensionSpan(calendar, '2026-03-02', null)).toBeNull();
    expect(extensionSpan(calendar, '2026-03-02', '2026-03-02')).toBeNull();
    expect(extensionSpan(calendar, '2026-03-02', '2026-02-27')).toBeNull();
    expect(extensionSpan(null, '2026-03-02', '2026-03-09')).toBeNull();
  });

  it('counts calendar days over month and year ends', () => {
    expect(calendarDaysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(calendarDaysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('the ASSIGN deadline choice', () => {
  it('starts from what the draft says', () => {
    expect(initialChoice(taskSummary({ dueDate: '2026-03-02' }))).toEqual({ kind: 'date', days: '', from: 'assigned' });
    expect(initialChoice(taskSummary({ dueDate: null, deadlineWorkingDays: 10, deadlineFrom: 'received' }))).toEqual({
      kind: 'workingDays',
      days: '10',
      from: 'received',
    });
    expect(initialChoice(taskSummary({ dueDate: null, continuous: true })).kind).toBe('continuous');
  });

  it('reads 1–365 working days', () => {
    expect(parseWorkingDays(' 10 ')).toBe(10);
    expect(parseWorkingDays('0')).toBeNull();
    expect(parseWorkingDays('366')).toBeNull();
    expect(parseWorkingDays('1.5')).toBeNull();
    expect(parseWorkingDays('')).toBeNull();
  });

  it('writes the rule as the task fields of one deadline way (the contract refuses two)', () => {
    expect(deadlineRule({ kind: 'workingDays', days: '10', from: 'received' })).toEqual({
      dueDate: null,
      deadlineWorkingDays: 10,
      deadlineFrom: 'received',
      continuous: false,
    });
    expect(deadlineRule({ kind: 'continuous', days: '', from: 'assigned' })).toEqual({
      dueDate: null,
      deadlineWorkingDays: null,
      continuous: true,
    });
    expect(deadlineRule({ kind: 'workingDays', days: 'x', from: 'assigned' })).toBeNull();
    expect(deadlineRule({ kind: 'date', days: '10', from: 'assigned' })).toBeNull();
  });

  it('edits the draft only when it does not already hold the rule', () => {
    const rule = deadlineRule({ kind: 'workingDays', days: '10', from: 'assigned' });
    if (!rule) throw new Error('rule expected');
    expect(holdsRule(taskSummary({ dueDate: null, deadlineWorkingDays: 10, deadlineFrom: 'assigned' }), rule)).toBe(
      true,
    );
    expect(holdsRule(taskSummary({ dueDate: null, deadlineWorkingDays: 5, deadlineFrom: 'assigned' }), rule)).toBe(
      false,
    );
    expect(holdsRule(taskSummary({ dueDate: '2026-03-02' }), rule)).toBe(false);
    const continuous = deadlineRule({ kind: 'continuous', days: '', from: 'assigned' });
    if (!continuous) throw new Error('rule expected');
    expect(holdsRule(taskSummary({ dueDate: null, continuous: true }), continuous)).toBe(true);
  });
});
