/**
 * The calendar dates the system accepts anywhere a date comes in (due dates, issue dates, extension requests,
 * `asOf`): anything outside is a typo (year 0000, 9999) that would otherwise reach PostgreSQL and fail there.
 * The web app's date inputs use the same bounds as `min`/`max`.
 */
export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2100-12-31';

/** Whether a `YYYY-MM-DD` string lies within [DATE_MIN, DATE_MAX] (same-length ISO dates compare as strings). */
export function isDateInRange(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= DATE_MIN && date <= DATE_MAX;
}

export const DATE_RANGE_MESSAGE = `must be a date between ${DATE_MIN} and ${DATE_MAX}`;
