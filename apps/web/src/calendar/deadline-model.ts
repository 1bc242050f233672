import type { TFunction } from 'i18next';
import { formatDate } from '../common/format';

/**
 * What a deadline shows, read from a task (TaskSummary) or a report row: the calendar's fields are optional so
 * that a row the API does not yet enrich (an older report) still shows its stated date.
 */
export interface DeadlineFacts {
  dueDate: string | null;
  /** The day the deadline ends on the working calendar: the due date, or the next working day after a day off. */
  effectiveDueDate?: string | null;
  deadlineWorkingDays?: number | null;
  deadlineFrom?: 'assigned' | 'received' | null;
  continuous?: boolean;
  deadlineText?: string | null;
  daysOverdue?: number | null;
  workingDaysOverdue?: number | null;
  /** Approved work: lateness reads "completed … late" rather than "overdue". */
  state?: string;
}

export type DeadlineShape =
  | { kind: 'continuous' }
  | { kind: 'workingDays'; days: number; from: 'assigned' | 'received' }
  | { kind: 'date'; stated: string; effective: string | null }
  | { kind: 'none'; text: string | null };

/**
 * The deadline's form: continuous work, N working days not yet fixed as a date, a date (with the effective day
 * when a day off moved it), or none. A fixed date wins over the rule it came from.
 */
export function deadlineShape(f: DeadlineFacts): DeadlineShape {
  if (f.continuous) return { kind: 'continuous' };
  if (f.dueDate) {
    const effective = f.effectiveDueDate && f.effectiveDueDate !== f.dueDate ? f.effectiveDueDate : null;
    return { kind: 'date', stated: f.dueDate, effective };
  }
  if (f.deadlineWorkingDays != null && f.deadlineWorkingDays > 0) {
    return { kind: 'workingDays', days: f.deadlineWorkingDays, from: f.deadlineFrom ?? 'assigned' };
  }
  return { kind: 'none', text: f.deadlineText ?? null };
}

export interface Lateness {
  /** Working days past the effective deadline; null when the API gave only calendar days. */
  working: number | null;
  calendar: number;
  done: boolean;
}

/**
 * How late, or null when not late. Past the stated date but not the effective one (a deadline on a holiday,
 * looked at during the holiday) is not late: the working-day count has the last word when there is one.
 */
export function latenessOf(f: DeadlineFacts): Lateness | null {
  if (f.continuous) return null;
  const calendar = f.daysOverdue ?? 0;
  const working = f.workingDaysOverdue ?? null;
  const late = working !== null ? working > 0 : calendar > 0;
  if (!late) return null;
  return { working, calendar: Math.max(calendar, 0), done: f.state === 'approved' };
}

/** "15/02/2026 → 23/02/2026 (ngày làm việc kế tiếp)", "Thường xuyên", "10 ngày làm việc kể từ ngày giao". */
export function formatDeadline(t: TFunction, f: DeadlineFacts, opts: { prefix?: boolean } = {}): string {
  const shape = deadlineShape(f);
  switch (shape.kind) {
    case 'continuous':
      return t('calendar.deadline.continuous');
    case 'workingDays':
      return t(`calendar.deadline.workingDaysFrom_${shape.from}`, {
        days: t('calendar.deadline.workingDays', { count: shape.days }),
      });
    case 'date': {
      const date = shape.effective
        ? t('calendar.deadline.rolled', { stated: formatDate(shape.stated), effective: formatDate(shape.effective) })
        : formatDate(shape.stated);
      return opts.prefix ? t('calendar.deadline.due', { date }) : date;
    }
    case 'none':
      return shape.text ?? t('calendar.deadline.none');
  }
}

/**
 * "quá hạn 5 ngày làm việc (7 ngày)", "hoàn thành trễ 2 ngày làm việc"; `bare`: "5 ngày làm việc (7 ngày)", under
 * a heading that already says overdue. Null when not late.
 */
export function formatLateness(t: TFunction, f: DeadlineFacts, opts: { bare?: boolean } = {}): string | null {
  const late = latenessOf(f);
  if (!late) return null;
  const base = opts.bare ? 'count' : late.done ? 'late' : 'overdue';
  const calendar = t('calendar.deadline.calendarDays', { count: late.calendar });
  if (late.working === null) return t(`calendar.deadline.${base}Calendar`, { calendar });
  const working = t('calendar.deadline.workingDays', { count: late.working });
  // Both counts only when they tell different things (a weekend or a holiday in between).
  return late.working === late.calendar
    ? t(`calendar.deadline.${base}Same`, { working })
    : t(`calendar.deadline.${base}`, { working, calendar });
}
