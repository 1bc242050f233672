import { civilFromDays, dayNumber, daysFromCivil } from '../local-date.js';
import {
  DEFAULT_CALENDAR_SETTINGS,
  type CalendarSettings,
  type DayInfo,
  type DayReason,
  type OfficialYear,
} from './calendar.model.js';
import { computeHolidays, weekdayOf, weekendMask } from './public-holidays.js';

// Asia/Ho_Chi_Minh is a fixed UTC+7 (see local-date.ts).
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A search that meets no working day for this long (about ten years) is on a calendar without any: give up. */
const MAX_DAYS_WITHOUT_WORK = 3660;
const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** One year's days, built once per calendar: working flags and their running count make every query cheap. */
interface YearTable {
  year: number;
  start: number;
  length: number;
  working: Uint8Array;
  /** cum[i] = working days among the year's first i days; cum[length] = the year's total. */
  cum: Int32Array;
  /** Days whose status or name is not just the weekly rhythm's. */
  listed: Map<number, DayInfo>;
  exceptions: readonly DayInfo[];
  official: boolean;
}

function parseDate(date: string): number {
  const day = dayNumber(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date).slice(0, 40)}`);
  return day;
}

function formatDay(day: number): string {
  if (!(day >= MIN_DAY && day <= MAX_DAY))
    throw new RangeError('Dates outside 0001-01-01 … 9999-12-31 are not supported');
  return civilFromDays(day);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
}

function yearOfDay(day: number): number {
  let y = Math.floor(day / 365.2425) + 1970;
  while (daysFromCivil(y, 1, 1) > day) y--;
  while (daysFromCivil(y + 1, 1, 1) <= day) y++;
  return y;
}

/** Smallest j in (lo, hi] with cum[j] >= target (cum is non-decreasing and cum[hi] >= target). */
function firstReaching(cum: Int32Array, lo: number, hi: number, target: number): number {
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] >= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Working days by the weekly rhythm, the holidays (an official year's schedule where entered, else the computed
 * Labour Code defaults) and the settings. Each year is built on first use and kept, so arithmetic over hundreds of
 * days costs a few array look-ups. Build a new calendar when the settings or official years change.
 */
export class WorkingCalendar {
  readonly settings: CalendarSettings;
  readonly revision: number;
  private readonly mask: number;
  private readonly startMinutes: number;
  private readonly officialYears = new Map<number, OfficialYear>();
  private readonly tables = new Map<number, YearTable>();
  // Look-ups come in runs within one year; the last table answers most of them without a Map look-up.
  private lastTable: YearTable | undefined;

  constructor(settings: CalendarSettings, official: readonly OfficialYear[] = [], revision = 0) {
    this.mask = weekendMask(settings.weekendDays);
    const hhmm = typeof settings.workdayStart === 'string' ? HH_MM.exec(settings.workdayStart) : null;
    if (!hhmm) throw new RangeError(`workdayStart must be HH:MM: ${String(settings.workdayStart).slice(0, 20)}`);
    this.startMinutes = Number(hhmm[1]) * 60 + Number(hhmm[2]);
    if (!Number.isFinite(revision)) throw new RangeError(`Not a revision: ${revision}`);
    for (const entry of official) {
      checkYear(entry.year);
      for (const d of entry.days) {
        parseDate(d.date);
        if (d.kind !== 'off' && d.kind !== 'work') throw new RangeError(`Not a calendar day kind: ${String(d.kind)}`);
      }
      this.officialYears.set(entry.year, entry); // a later entry for the same year wins
    }
    this.settings = Object.freeze({
      ...settings,
      weekendDays: Object.freeze([...settings.weekendDays]),
    });
    this.revision = revision;
  }

  /** The calendar with every day a working day: dates and counts are plain calendar days. */
  static identity(): WorkingCalendar {
    return new WorkingCalendar({ ...DEFAULT_CALENDAR_SETTINGS, enabled: false });
  }

  isWorkingDay(date: string): boolean {
    const day = parseDate(date);
    if (!this.settings.enabled) return true;
    const t = this.tableOf(day);
    return t.working[day - t.start] === 1;
  }

  dayInfo(date: string): DayInfo {
    const day = parseDate(date);
    if (!this.settings.enabled) return { date, working: true, reason: 'working', name: null, official: false };
    const t = this.tableOf(day);
    const listed = t.listed.get(day);
    if (listed) return { ...listed };
    const working = t.working[day - t.start] === 1;
    return { date, working, reason: working ? 'working' : 'weekend', name: null, official: t.official };
  }

  /**
   * Days of the year that differ from the weekly rhythm as in force: days off on weekdays, weekend days worked,
   * and holidays/compensatory days even when on a weekend (official year if entered, else computed). Sorted.
   */
  exceptions(year: number): DayInfo[] {
    checkYear(year);
    if (!this.settings.enabled) return [];
    return this.table(year).exceptions.map((d) => ({ ...d }));
  }

  /** The first working day after date (on or after it when inclusive). */
  nextWorkingDay(date: string, inclusive = false): string {
    const day = parseDate(date);
    return formatDay(this.forward(inclusive ? day : day + 1, 1));
  }

  /** The last working day before date (on or before it when inclusive). */
  previousWorkingDay(date: string, inclusive = false): string {
    const day = parseDate(date);
    return formatDay(this.backward(inclusive ? day : day - 1, 1));
  }

  /** n > 0: the n-th working day after date; n < 0: the |n|-th working day before; n = 0: nextWorkingDay(date, true). */
  addWorkingDays(date: string, n: number): string {
    const day = parseDate(date);
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
    if (n === 0) return formatDay(this.forward(day, 1));
    return formatDay(n > 0 ? this.forward(day + 1, n) : this.backward(day - 1, -n));
  }

  /** Working days in (from, to] when to >= from; minus the count in (to, from] otherwise. Additive. */
  workingDaysBetween(from: string, to: string): number {
    const a = parseDate(from);
    const b = parseDate(to);
    return b >= a ? this.count(a + 1, b) : -this.count(b + 1, a);
  }

  /** The date a deadline ends: a due date on a day off ends with the next working day when the settings say so. */
  effectiveDueDate(dueDate: string): string {
    const day = parseDate(dueDate);
    if (!this.settings.enabled || !this.settings.rollToWorkingDay) return dueDate;
    return formatDay(this.forward(day, 1));
  }

  /** The instant of workdayStart local time on that date. */
  atWorkdayStart(date: string): Date {
    return new Date(parseDate(date) * DAY_MS + this.startMinutes * 60_000 - OFFSET_MS);
  }

  /** The k-th working day (k >= 1) on or after day. */
  private forward(day: number, k: number): number {
    if (!this.settings.enabled) return day + k - 1;
    let d = day;
    let remaining = k;
    let without = 0;
    for (;;) {
      const t = this.tableOf(d);
      const i = d - t.start;
      const left = t.cum[t.length] - t.cum[i];
      if (left >= remaining) return t.start + firstReaching(t.cum, i, t.length, t.cum[i] + remaining) - 1;
      remaining -= left;
      without = left > 0 ? 0 : without + t.length - i;
      if (without > MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days after ${civilFromDays(day)}`);
      }
      d = t.start + t.length;
    }
  }

  /** The k-th working day (k >= 1) on or before day. */
  private backward(day: number, k: number): number {
    if (!this.settings.enabled) return day - k + 1;
    let d = day;
    let remaining = k;
    let without = 0;
    for (;;) {
      const t = this.tableOf(d);
      const i = d - t.start;
      const upTo = t.cum[i + 1]; // working days from the year's start through d
      if (upTo >= remaining) return t.start + firstReaching(t.cum, 0, i + 1, upTo - remaining + 1) - 1;
      remaining -= upTo;
      without = upTo > 0 ? 0 : without + i + 1;
      if (without > MAX_DAYS_WITHOUT_WORK) {
        throw new RangeError(`No working day within ${MAX_DAYS_WITHOUT_WORK} days before ${civilFromDays(day)}`);
      }
      d = t.start - 1;
    }
  }

  /** Working days in [a, b]; 0 when b < a. */
  private count(a: number, b: number): number {
    if (b < a) return 0;
    if (!this.settings.enabled) return b - a + 1;
    let total = 0;
    let d = a;
    while (d <= b) {
      const t = this.tableOf(d);
      const end = Math.min(b, t.start + t.length - 1);
      total += t.cum[end - t.start + 1] - t.cum[d - t.start];
      d = end + 1;
    }
    return total;
  }

  private tableOf(day: number): YearTable {
    const last = this.lastTable;
    if (last && day >= last.start && day < last.start + last.length) return last;
    if (!(day >= MIN_DAY && day <= MAX_DAY))
      throw new RangeError('Dates outside 0001-01-01 … 9999-12-31 are not supported');
    const t = this.table(yearOfDay(day));
    this.lastTable = t;
    return t;
  }

  private table(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    const start = daysFromCivil(year, 1, 1);
    const length = daysFromCivil(year + 1, 1, 1) - start;
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) working[i] = this.mask & (1 << weekdayOf(start + i)) ? 0 : 1;

    const listed = new Map<number, DayInfo>();
    const entry = this.officialYears.get(year);
    const official = entry !== undefined;
    const list = (day: number, isWorking: boolean, reason: DayReason, name: string): void => {
      working[day - start] = isWorking ? 1 : 0;
      listed.set(day, { date: civilFromDays(day), working: isWorking, reason, name, official });
    };
    if (entry) {
      for (const d of entry.days) {
        const day = dayNumber(d.date);
        // An entry's days all lie in its year (the API checks it); a stray one cannot change another year.
        if (day < start || day >= start + length) continue;
        list(day, d.kind === 'work', d.kind === 'work' ? 'official_work' : 'official_off', d.name);
      }
    } else {
      for (const h of computeHolidays(year, this.mask))
        list(h.day, false, h.compensatory ? 'compensatory' : 'holiday', h.name);
    }

    const cum = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) cum[i + 1] = cum[i] + working[i];
    const exceptions = [...listed.keys()].sort((x, y) => x - y).map((day) => listed.get(day)!);
    const t: YearTable = { year, start, length, working, cum, listed, exceptions, official };
    this.tables.set(year, t);
    return t;
  }
}
