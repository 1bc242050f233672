import type { CalendarDayInfoDto, TaskSummaryDto } from '@dondoc/contracts';
import type { TFunction } from 'i18next';
import { weekdayOf } from './calendar-model';

/**
 * The part of libs/workflow's WorkingCalendar these forms use. Structural, so that the specs can hand in a
 * small calendar of their own.
 */
export interface DayCalendar {
  isWorkingDay(date: string): boolean;
  dayInfo(date: string): Pick<CalendarDayInfoDto, 'date' | 'working' | 'reason' | 'name' | 'official'>;
  effectiveDueDate(date: string): string;
  workingDaysBetween(from: string, to: string): number;
}

/** A deadline typed on a day off: what day it really ends on, and why. */
export interface DayOffHint {
  date: string;
  effective: string;
  reason: CalendarDayInfoDto['reason'];
  name: string | null;
}

/** Null when the date is a working day, or when deadlines do not roll (the calendar is off). */
export function dayOffHint(calendar: DayCalendar | null, date: string | null | undefined): DayOffHint | null {
  if (!calendar || !date || calendar.isWorkingDay(date)) return null;
  const effective = calendar.effectiveDueDate(date);
  if (effective === date) return null;
  const info = calendar.dayInfo(date);
  return { date, effective, reason: info.reason, name: info.name };
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  const day = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return Math.round(day(to) - day(from));
}

export interface ExtensionSpan {
  /** Working days between the current deadline and the requested one, each as it really ends. */
  workingDays: number;
  calendarDays: number;
  dayOff: DayOffHint | null;
}

/** What an extension to `requested` adds over `current`; null until a later date is chosen. */
export function extensionSpan(
  calendar: DayCalendar | null,
  current: string,
  requested: string | null | undefined,
): ExtensionSpan | null {
  if (!calendar || !requested || requested <= current) return null;
  return {
    workingDays: calendar.workingDaysBetween(calendar.effectiveDueDate(current), calendar.effectiveDueDate(requested)),
    calendarDays: calendarDaysBetween(current, requested),
    dayOff: dayOffHint(calendar, requested),
  };
}

export type DeadlineKind = 'date' | 'workingDays' | 'continuous';

/**
 * How the ASSIGN dialog's deadline is given: a date (typed in the date field beside), N working days from
 * assignment or receipt, or continuous.
 */
export interface DeadlineChoice {
  kind: DeadlineKind;
  days: string;
  from: 'assigned' | 'received';
}

/** Where the choice starts: what the draft already says (a rule proposed by the directive's import, say). */
export function initialChoice(
  task: Pick<TaskSummaryDto, 'dueDate' | 'continuous' | 'deadlineWorkingDays' | 'deadlineFrom'>,
): DeadlineChoice {
  const base = {
    days: task.deadlineWorkingDays ? String(task.deadlineWorkingDays) : '',
    from: task.deadlineFrom ?? ('assigned' as const),
  };
  if (task.continuous) return { ...base, kind: 'continuous' };
  if (!task.dueDate && task.deadlineWorkingDays) return { ...base, kind: 'workingDays' };
  return { ...base, kind: 'date' };
}

/** 1–365 working days as typed, or null. */
export function parseWorkingDays(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 365 ? n : null;
}

/** The task fields a rule-based deadline is written as before ASSIGN (PATCH /api/tasks/:id); null for a date. */
export type DeadlineRule =
  | { dueDate: null; deadlineWorkingDays: number; deadlineFrom: 'assigned' | 'received'; continuous: false }
  | { dueDate: null; deadlineWorkingDays: null; continuous: true };

export function deadlineRule(choice: DeadlineChoice): DeadlineRule | null {
  if (choice.kind === 'continuous') return { dueDate: null, deadlineWorkingDays: null, continuous: true };
  if (choice.kind === 'workingDays') {
    const days = parseWorkingDays(choice.days);
    return days === null
      ? null
      : { dueDate: null, deadlineWorkingDays: days, deadlineFrom: choice.from, continuous: false };
  }
  return null;
}

/** Whether the draft already holds this rule, so that no edit need go before ASSIGN. */
export function holdsRule(
  task: Pick<TaskSummaryDto, 'dueDate' | 'continuous' | 'deadlineWorkingDays' | 'deadlineFrom'>,
  rule: DeadlineRule,
): boolean {
  if (task.dueDate !== null) return false;
  if (rule.continuous) return task.continuous;
  return (
    !task.continuous && task.deadlineWorkingDays === rule.deadlineWorkingDays && task.deadlineFrom === rule.deadlineFrom
  );
}

/** Why a day is off, for a sentence: its name (a holiday's), else the weekday of a weekend, else the reason. */
export function dayOffReason(t: TFunction, hint: Pick<DayOffHint, 'date' | 'reason' | 'name'>): string {
  if (hint.name) return hint.name;
  if (hint.reason === 'weekend') return t(`calendar.weekdays.d${weekdayOf(hint.date)}`);
  return t(`calendar.reasons.${hint.reason}`);
}
