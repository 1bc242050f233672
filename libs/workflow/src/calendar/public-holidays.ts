// The public holidays of the Labour Code 2019 (art. 112) and the compensatory days of art. 111, as computed
// defaults for years the Government's schedule has not been entered for.
import { civilFromDays, daysFromCivil } from '../local-date.js';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarDay } from './calendar.model.js';
import { lunarNewYear, lunarToSolar } from './lunar-calendar.js';

/** A computed day off as a day number (0 = 1970-01-01). */
export interface ComputedHoliday {
  day: number;
  name: string;
  compensatory: boolean;
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Bit w set when weekday w is a weekly day off; RangeError on anything but weekdays 0..6. */
export function weekendMask(weekendDays: readonly number[]): number {
  if (!Array.isArray(weekendDays)) throw new RangeError('weekendDays must be an array of weekdays 0..6');
  let mask = 0;
  for (const w of weekendDays) {
    if (!Number.isInteger(w) || w < 0 || w > 6) throw new RangeError(`Not a weekday (0 = Sunday … 6 = Saturday): ${w}`);
    mask |= 1 << w;
  }
  return mask;
}

function dayOf(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

// The law leaves Quốc khánh's second day (the day before or after 2/9) to each year's decision; this default picks
// it by the weekday of 2/9, Sunday first: +1 = 3/9, -1 = 1/9.
const NATIONAL_DAY_SIDE = [1, 1, -1, -1, 1, -1, -1];

/** Computed days off of a year, sorted: holidays (also those on weekly days off), then their compensatory days. */
export function computeHolidays(year: number, mask: number): ComputedHoliday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
  const names = new Map<number, string>();
  const add = (day: number, name: string): void => {
    const existing = names.get(day);
    // Two holidays on one day (Giỗ Tổ can meet 30/4) stay one day off; the law gives no extra day for it.
    names.set(day, existing && existing !== name ? `${existing}, ${name}` : name);
  };
  add(daysFromCivil(year, 1, 1), 'Tết Dương lịch');
  const tet = dayOf(lunarNewYear(year));
  // The last day of the old year (29 or 30 tháng Chạp), then mùng 1 to mùng 4.
  for (let d = tet - 1; d <= tet + 3; d++) add(d, 'Tết Nguyên đán');
  add(dayOf(lunarToSolar({ year, month: 3, day: 10, leap: false })), 'Giỗ Tổ Hùng Vương');
  add(daysFromCivil(year, 4, 30), 'Ngày Chiến thắng');
  add(daysFromCivil(year, 5, 1), 'Ngày Quốc tế Lao động');
  const nationalDay = daysFromCivil(year, 9, 2);
  add(nationalDay, 'Quốc khánh');
  add(nationalDay + NATIONAL_DAY_SIDE[weekdayOf(nationalDay)], 'Quốc khánh');

  const holidays = [...names.keys()].sort((a, b) => a - b);
  const result: ComputedHoliday[] = holidays.map((day) => ({ day, name: names.get(day)!, compensatory: false }));
  const taken = new Set(holidays);
  const yearEnd = daysFromCivil(year + 1, 1, 1);
  // In date order, so several holidays on days off in a row give days off one after another.
  for (const h of holidays) {
    if (!(mask & (1 << weekdayOf(h)))) continue;
    let d = h + 1;
    while (d < yearEnd && (taken.has(d) || mask & (1 << weekdayOf(d)))) d++;
    // Every weekday off (mask 127): there is no working day to give, so no compensatory day.
    if (d >= yearEnd) continue;
    taken.add(d);
    result.push({ day: d, name: `Nghỉ bù ${names.get(h)!}`, compensatory: true });
  }
  return result.sort((a, b) => a.day - b.day);
}

/**
 * Labour Code 2019 art. 112 holidays of a year, computed, with compensatory days (art. 111: a holiday on a weekly
 * day off gives a day off on the next working day): Tết Dương lịch 1/1; Tết Nguyên đán = the last day of the lunar
 * year + mùng 1..4; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 + one adjacent day. Sorted by date.
 */
export function computedDaysOff(
  year: number,
  weekendDays: readonly number[] = DEFAULT_CALENDAR_SETTINGS.weekendDays,
): CalendarDay[] {
  return computeHolidays(year, weekendMask(weekendDays)).map((h) => ({
    date: civilFromDays(h.day),
    kind: 'off',
    name: h.name,
  }));
}
