import i18next from 'i18next';
import { taskSummary } from '../test-support/task-summary.fixture';
import { calendarEn, calendarVi } from './calendar.i18n';
import { deadlineShape, formatDeadline, formatLateness, latenessOf } from './deadline-model';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'vi',
    resources: { vi: { translation: { calendar: calendarVi } }, en: { translation: { calendar: calendarEn } } },
    interpolation: { escapeValue: false },
  });
});
const vi = () => i18n.getFixedT('vi');
const en = () => i18n.getFixedT('en');

describe('deadlineShape', () => {
  it('tells continuous work, a working-day rule not yet fixed, a date and none apart', () => {
    expect(deadlineShape({ dueDate: null, continuous: true })).toEqual({ kind: 'continuous' });
    expect(deadlineShape({ dueDate: null, deadlineWorkingDays: 10, deadlineFrom: null })).toEqual({
      kind: 'workingDays',
      days: 10,
      from: 'assigned',
    });
    expect(deadlineShape({ dueDate: '2026-02-15', effectiveDueDate: '2026-02-23' })).toEqual({
      kind: 'date',
      stated: '2026-02-15',
      effective: '2026-02-23',
    });
    expect(deadlineShape({ dueDate: '2026-03-02', effectiveDueDate: '2026-03-02' })).toEqual({
      kind: 'date',
      stated: '2026-03-02',
      effective: null,
    });
    expect(deadlineShape({ dueDate: null, deadlineText: 'Quý II/2026' })).toEqual({
      kind: 'none',
      text: 'Quý II/2026',
    });
  });

  it('prefers the fixed date over the rule it came from (the date is set at ASSIGN)', () => {
    expect(deadlineShape({ dueDate: '2026-02-27', deadlineWorkingDays: 10, deadlineFrom: 'assigned' }).kind).toBe(
      'date',
    );
  });
});

describe('formatDeadline', () => {
  it('shows the effective day beside the stated one when a day off moved it', () => {
    const task = taskSummary({ dueDate: '2026-02-15', effectiveDueDate: '2026-02-23' });
    expect(formatDeadline(vi(), task, { prefix: true })).toBe('Hạn 15/02/2026 → 23/02/2026 (ngày làm việc kế tiếp)');
    expect(formatDeadline(en(), task, { prefix: true })).toBe('Due 15/02/2026 → 23/02/2026 (next working day)');
    expect(formatDeadline(vi(), task)).toBe('15/02/2026 → 23/02/2026 (ngày làm việc kế tiếp)');
  });

  it('shows only the date when it is a working day', () => {
    expect(formatDeadline(vi(), taskSummary({ dueDate: '2026-03-02' }))).toBe('02/03/2026');
    // A row without the calendar's fields (an older report) shows its stated date.
    expect(formatDeadline(vi(), { dueDate: '2026-03-02' }, { prefix: true })).toBe('Hạn 02/03/2026');
  });

  it('names continuous work and a deadline in working days not yet fixed', () => {
    expect(formatDeadline(vi(), taskSummary({ dueDate: null, continuous: true }))).toBe('Thường xuyên');
    expect(formatDeadline(en(), taskSummary({ dueDate: null, continuous: true }))).toBe('Continuous');
    const rule = taskSummary({ dueDate: null, deadlineWorkingDays: 10, deadlineFrom: 'assigned' });
    expect(formatDeadline(vi(), rule)).toBe('10 ngày làm việc kể từ ngày giao');
    expect(formatDeadline(en(), rule)).toBe('10 working days from assignment');
    const received = taskSummary({ dueDate: null, deadlineWorkingDays: 1, deadlineFrom: 'received' });
    expect(formatDeadline(vi(), received)).toBe('1 ngày làm việc kể từ ngày nhận');
    expect(formatDeadline(en(), received)).toBe('1 working day from receipt');
  });

  it("falls back to the directive's wording, then to no deadline", () => {
    expect(formatDeadline(vi(), taskSummary({ dueDate: null, deadlineText: 'Trong tháng 3' }))).toBe('Trong tháng 3');
    expect(formatDeadline(vi(), taskSummary({ dueDate: null }))).toBe('Chưa có thời hạn');
  });
});

describe('formatLateness', () => {
  it('counts working days and calendar days', () => {
    const task = taskSummary({ deadlineStatus: 'overdue', daysOverdue: 7, workingDaysOverdue: 5 });
    expect(formatLateness(vi(), task)).toBe('quá hạn 5 ngày làm việc (7 ngày)');
    expect(formatLateness(en(), task)).toBe('5 working days overdue (7 days)');
    expect(formatLateness(vi(), task, { bare: true })).toBe('5 ngày làm việc (7 ngày)');
  });

  it('says one count when both agree, and English in the singular for one', () => {
    const task = taskSummary({ daysOverdue: 1, workingDaysOverdue: 1 });
    expect(formatLateness(vi(), task)).toBe('quá hạn 1 ngày làm việc');
    expect(formatLateness(en(), task)).toBe('1 working day overdue');
  });

  it('speaks of approved work as completed late', () => {
    const task = taskSummary({ state: 'approved', daysOverdue: 4, workingDaysOverdue: 2 });
    expect(formatLateness(vi(), task)).toBe('hoàn thành trễ 2 ngày làm việc (4 ngày)');
    expect(formatLateness(en(), task)).toBe('completed 2 working days late (4 days)');
  });

  it('is not late past a stated day off while the effective day has not passed', () => {
    // Due on Sunday 15/02/2026, Tết follows: looked at on 17/02, two calendar days past, no working day.
    const task = taskSummary({
      dueDate: '2026-02-15',
      effectiveDueDate: '2026-02-23',
      daysOverdue: 2,
      workingDaysOverdue: 0,
    });
    expect(latenessOf(task)).toBeNull();
    expect(formatLateness(vi(), task)).toBeNull();
  });

  it('uses calendar days alone when the API gives no working-day count', () => {
    expect(formatLateness(vi(), { dueDate: '2026-03-02', daysOverdue: 3 })).toBe('quá hạn 3 ngày');
    expect(formatLateness(en(), { dueDate: '2026-03-02', daysOverdue: 3 })).toBe('3 days overdue');
    expect(formatLateness(vi(), { dueDate: '2026-03-02', daysOverdue: 0 })).toBeNull();
    expect(formatLateness(vi(), taskSummary({ continuous: true, dueDate: null, daysOverdue: null }))).toBeNull();
  });
});
