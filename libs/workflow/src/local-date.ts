// Asia/Ho_Chi_Minh has been UTC+7 without DST since 1975; a fixed offset is exact for any date
// this system handles and avoids Intl, which is slow and not always complete in browsers.
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Integer day arithmetic (H. Hinnant's civil-date algorithms): no Date parsing quirks, no time zone.
// Day 0 is 1970-01-01; exported for the working calendar (./calendar), not from the package.
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a 'YYYY-MM-DD' calendar date, or NaN when it is not a real date. */
export function dayNumber(s: string): number {
  const match = typeof s === 'string' ? ISO_DATE.exec(s) : null;
  if (!match) return NaN;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

function localDayNumber(at: Date): number {
  const ms = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError('Expected a valid Date');
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}

export function isValidCalendarDate(s: string): boolean {
  return !Number.isNaN(dayNumber(s));
}

/** 'YYYY-MM-DD' of that instant in Asia/Ho_Chi_Minh. */
export function localDate(at: Date): string {
  return civilFromDays(localDayNumber(at));
}

/** dueDate minus today's local date, in whole days: 0 on the due day, negative once overdue. */
export function daysUntilDue(dueDate: string, now: Date): number {
  const due = dayNumber(dueDate);
  if (Number.isNaN(due)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(dueDate).slice(0, 40)}`);
  return due - localDayNumber(now);
}
