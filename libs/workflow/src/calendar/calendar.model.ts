export type CalendarDayKind = 'off' | 'work';

/** One day of an official (Government-announced) year schedule, or of the computed holidays. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** The Government's schedule for one year as announced: it replaces the computed holidays of that year. */
export interface OfficialYear {
  year: number;
  days: readonly CalendarDay[];
  source: string;
}

export type DayCounting = 'working' | 'calendar';

export interface CalendarSettings {
  /** false: every day is a working day and nothing rolls (the identity calendar). */
  enabled: boolean;
  /** Weekly days off, 0 = Sunday … 6 = Saturday. */
  weekendDays: readonly number[];
  /** A deadline that ends on a day off ends with the next working day. */
  rollToWorkingDay: boolean;
  /** Local time ('HH:MM', Asia/Ho_Chi_Minh) reminders and day-start actions fire at. */
  workdayStart: string;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  enabled: true,
  weekendDays: Object.freeze([6, 0]),
  rollToWorkingDay: true,
  workdayStart: '08:00',
});

export type DayReason = 'working' | 'weekend' | 'holiday' | 'compensatory' | 'official_off' | 'official_work';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  /** The holiday's or the official entry's name; null on plain working days and weekends. */
  name: string | null;
  /** The day's year has an official (Government-announced) schedule entered, which is in force for it. */
  official: boolean;
}
