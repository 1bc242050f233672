import { isValidCalendarDate } from './local-date.js';

/**
 * Recurring work (báo cáo định kỳ, hằng tháng...): the periods a series opens, their keys, due dates and
 * labels. Pure calendar arithmetic on 'YYYY-MM-DD' local dates (Asia/Ho_Chi_Minh): the caller turns an
 * instant into its local date with `localDate` first.
 */
export const RECURRENCE_FREQUENCIES = ['month', 'quarter', 'half_year', 'year'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** One period of a frequency: its key ('2026-11', '2026-Q4', '2026-H2', '2026') and first and last days. */
export interface Period {
  frequency: RecurrenceFrequency;
  key: string;
  year: number;
  /** 1-based index inside the year: the month (1..12), quarter (1..4), half (1..2), or 1 for a year. */
  index: number;
  startsOn: string;
  endsOn: string;
}

/** What a series says about its periods. */
export interface RecurrenceSchedule {
  frequency: RecurrenceFrequency;
  /** Day of the period's last month the instance is due ("trước ngày 25 hằng tháng": 25), clamped to the month. */
  dueDay: number;
  startsOn: string;
  endsOn?: string | null;
}

const MONTHS: Record<RecurrenceFrequency, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];
// No Intl: it is not always complete in browsers (see local-date.ts).
const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function isRecurrenceFrequency(v: unknown): v is RecurrenceFrequency {
  return typeof v === 'string' && (RECURRENCE_FREQUENCIES as readonly string[]).includes(v);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parts(date: string): [number, number, number] {
  if (!isValidCalendarDate(date))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date).slice(0, 40)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function keyOf(frequency: RecurrenceFrequency, year: number, index: number): string {
  switch (frequency) {
    case 'month':
      return `${pad(year, 4)}-${pad(index)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${index}`;
    case 'half_year':
      return `${pad(year, 4)}-H${index}`;
    case 'year':
      return pad(year, 4);
  }
}

function build(frequency: RecurrenceFrequency, year: number, index: number): Period {
  const span = MONTHS[frequency];
  const firstMonth = (index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  return {
    frequency,
    key: keyOf(frequency, year, index),
    year,
    index,
    startsOn: ymd(year, firstMonth, 1),
    endsOn: ymd(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/** The period of this frequency that holds the date. */
export function periodOf(date: string, frequency: RecurrenceFrequency): Period {
  const [y, m] = parts(date);
  return build(frequency, y, Math.floor((m - 1) / MONTHS[frequency]) + 1);
}

/** '2026-11', '2026-Q4', '2026-H2' or '2026': the period's identity inside a series. */
export function periodKey(date: string, frequency: RecurrenceFrequency): string {
  return periodOf(date, frequency).key;
}

/** The period a key names, or undefined when the key is not one of this frequency's. */
export function periodByKey(key: string, frequency: RecurrenceFrequency): Period | undefined {
  const m = /^(\d{4})(?:-(\d{2})|-Q([1-4])|-H([12]))?$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  const [, , month, quarter, half] = m;
  const index =
    frequency === 'month' && month
      ? Number(month)
      : frequency === 'quarter' && quarter
        ? Number(quarter)
        : frequency === 'half_year' && half
          ? Number(half)
          : frequency === 'year' && !month && !quarter && !half
            ? 1
            : 0;
  if (year < 1 || index < 1 || index > 12 / MONTHS[frequency]) return undefined;
  return build(frequency, year, index);
}

/** The period right after this one. */
export function nextPeriod(p: Period): Period {
  const perYear = 12 / MONTHS[p.frequency];
  return p.index < perYear ? build(p.frequency, p.year, p.index + 1) : build(p.frequency, p.year + 1, 1);
}

/** The instance's due date: `dueDay` of the period's last month, or that month's last day when shorter (31 → 30/11). */
export function periodDueDate(p: Period, dueDay: number): string {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new RangeError(`due day must be 1..31: ${dueDay}`);
  const [y, m] = parts(p.endsOn);
  return ymd(y, m, Math.min(dueDay, daysInMonth(y, m)));
}

/**
 * The first period of a series: the one holding its start, unless that period's due date is already past
 * on the start day (a series started on the 28th, due on the 25th, begins with the next period).
 */
export function firstPeriod(s: RecurrenceSchedule): Period {
  const p = periodOf(s.startsOn, s.frequency);
  return periodDueDate(p, s.dueDay) < s.startsOn ? nextPeriod(p) : p;
}

/**
 * Every period of the series opened on or before `today` (a period opens on its first day; the first one
 * when the series starts), up to its end date, oldest first. `limit` bounds a series started long ago.
 */
export function periodsOpened(s: RecurrenceSchedule, today: string, limit = 1000): Period[] {
  parts(today);
  const out: Period[] = [];
  for (let p = firstPeriod(s); out.length < limit; p = nextPeriod(p)) {
    const opensOn = p.startsOn < s.startsOn ? s.startsOn : p.startsOn;
    if (opensOn > today) break;
    if (s.endsOn && p.startsOn > s.endsOn) break;
    out.push(p);
  }
  return out;
}

/** Periods that opened after `from` and on or before `to`: what a clock moving from one to the other opens. */
export function periodsOpenedBetween(s: RecurrenceSchedule, from: string, to: string): Period[] {
  const before = new Set(periodsOpened(s, from).map((p) => p.key));
  return periodsOpened(s, to).filter((p) => !before.has(p.key));
}

/** "Tháng 11/2026", "Quý IV/2026", "6 tháng cuối năm 2026", "Năm 2026". */
export function periodLabel(p: Period): string {
  switch (p.frequency) {
    case 'month':
      return `Tháng ${p.index}/${p.year}`;
    case 'quarter':
      return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case 'half_year':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'year':
      return `Năm ${p.year}`;
  }
}

/** The English label: "November 2026", "Q4 2026", "Second half of 2026", "Year 2026". */
export function periodLabelEn(p: Period): string {
  switch (p.frequency) {
    case 'month':
      return `${MONTH_NAMES_EN[p.index - 1]} ${p.year}`;
    case 'quarter':
      return `Q${p.index} ${p.year}`;
    case 'half_year':
      return `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
    case 'year':
      return `Year ${p.year}`;
  }
}

/** Vietnamese names of the frequencies, for a series' deadline text ("hằng tháng, trước ngày 25"). */
export const FREQUENCY_LABELS: Record<RecurrenceFrequency, { vi: string; en: string }> = {
  month: { vi: 'hằng tháng', en: 'monthly' },
  quarter: { vi: 'hằng quý', en: 'quarterly' },
  half_year: { vi: '6 tháng một lần', en: 'half-yearly' },
  year: { vi: 'hằng năm', en: 'yearly' },
};

/** The last day of the month after the one holding `date`: the proposed deadline of a carried-forward item. */
export function endOfNextMonth(date: string): string {
  const [y, m] = parts(date);
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  return ymd(ny, nm, daysInMonth(ny, nm));
}
