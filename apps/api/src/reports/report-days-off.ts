import type { WorkingCalendar } from '@dondoc/workflow';

/**
 * The working calendar as SQL can read it: its days off over a span, sorted, each with the day a deadline falling
 * on it ends (the next working day, or the day itself when deadlines do not roll). SQL finds a day in them with
 * `width_bucket` (a binary search), so the span may cover years at little cost.
 */
export interface CalendarDaysOff {
  readonly off: readonly string[];
  readonly rollsTo: readonly string[];
}

/** A calendar turned off: every day is a working day and lateness is in calendar days. */
export const NO_DAYS_OFF: CalendarDaysOff = Object.freeze({ off: [], rollsTo: [] });

const DAY_MS = 86_400_000;
/** Deadlines older than this before the report's day count their days off from here on only (bounds the work). */
const MAX_YEARS_BACK = 20;
/** Past the report's day only the due-soon window and the roll of near deadlines matter. */
const MIN_DAYS_AHEAD = 62;

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The days off of `calendar` in [from, to] (dates 'YYYY-MM-DD'); none when the calendar is turned off. */
export function daysOffBetween(calendar: WorkingCalendar, from: string, to: string): CalendarDaysOff {
  if (!calendar.settings.enabled || to < from) return { off: [], rollsTo: [] };
  const off: string[] = [];
  const rollsTo: string[] = [];
  const last = toDay(to);
  for (let d = toDay(from); d <= last; d++) {
    const date = fromDay(d);
    if (calendar.isWorkingDay(date)) continue;
    off.push(date);
    rollsTo.push(calendar.effectiveDueDate(date));
  }
  return { off, rollsTo };
}

/**
 * The span a report needs: from its earliest deadline (at most `MAX_YEARS_BACK` years before the report's day) to
 * past the report's day by the due-soon window and then some, so every deadline judged on that day is covered.
 */
export function reportSpan(
  earliestDeadline: string | null,
  day: string,
  dueSoonDays: number,
): { from: string; to: string } {
  const floor = fromDay(toDay(day) - Math.round(MAX_YEARS_BACK * 365.25));
  const earliest = earliestDeadline && earliestDeadline < day ? earliestDeadline : day;
  return {
    from: earliest < floor ? floor : earliest,
    to: fromDay(toDay(day) + Math.max(MIN_DAYS_AHEAD, dueSoonDays + 31)),
  };
}
