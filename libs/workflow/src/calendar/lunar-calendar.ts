// The Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm: months begin on
// the day of the new moon and the year's leap month is the first month without a major solar term, both judged
// at UTC+7. The Chinese calendar applies the same rules at UTC+8, which is why Tết differs in some years
// (1985, 2007). Meeus' short series (errors of minutes) as Hồ Ngọc Đức published them, so dates match his tables.
import { civilFromDays, dayNumber, daysFromCivil } from '../local-date.js';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon k = 0 (1900-01-01), the origin of Meeus' lunation numbers. */
const NEW_MOON_EPOCH = 2415021.076998695;
/** Julian day number of 1970-01-01, day 0 of local-date's integer days. */
const UNIX_EPOCH_JDN = 2440588;
const DEG = Math.PI / 180;

// Memos keyed by lunation number and month-11 day: a handful of entries per year asked about.
const newMoonDays = new Map<number, number>();
const month11Cache = new Map<number, number>();
const leapOffsets = new Map<number, number>();

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, Astronomical Algorithms, ch. 49, short series). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - deltaT;
}

/** Julian day number of the local (UTC+7) day holding the k-th new moon. */
function newMoonDay(k: number): number {
  let day = newMoonDays.get(k);
  if (day === undefined) {
    day = Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
    newMoonDays.set(k, day);
  }
  return day;
}

/** Sun's apparent longitude in radians, normalised to [0, 2π), at Julian date jd. */
function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.00029 * Math.sin(DEG * 3 * m);
  const l = (l0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Which of the 12 major-term sectors (30° each) the sun is in at the start of local day jdn. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

function jdnOf(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) + UNIX_EPOCH_JDN;
}

/** Julian day number of the first day of lunar month 11 (the month holding the winter solstice) of that year. */
function lunarMonth11(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const off = jdnOf(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  let nm = newMoonDay(k);
  // The month starting on 31/12 or before must already hold the solstice (sun past 270°).
  if (sunSector(nm) >= 9) nm = newMoonDay(k - 1);
  month11Cache.set(year, nm);
  return nm;
}

/** In a 13-month year starting at month 11 (a11), the offset of the leap month: the first without a major term. */
function leapMonthOffset(a11: number): number {
  const cached = leapOffsets.get(a11);
  if (cached !== undefined) return cached;
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  leapOffsets.set(a11, i - 1);
  return i - 1;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
}

/** The lunar date of a 'YYYY-MM-DD' solar date. */
export function solarToLunar(date: string): LunarDate {
  const day = dayNumber(date);
  if (Number.isNaN(day)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date).slice(0, 40)}`);
  const jdn = day + UNIX_EPOCH_JDN;
  const yy = Number(date.slice(0, 4));
  // The mean lunation only estimates which new moon began the month; the true one can lie a day or so either
  // side (the published code answers day 0 on 2054-05-07 and 2062-04-09), so settle on the last new moon <= jdn.
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > jdn) k--;
  while (newMoonDay(k + 1) <= jdn) k++;
  const monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day: jdn - monthStart + 1, leap };
}

/** The 'YYYY-MM-DD' solar date of a lunar date; RangeError when that lunar date does not exist. */
export function lunarToSolar(l: LunarDate): string {
  const { year, month, day, leap } = l;
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar date: ${day}/${month}/${year}`);
  }
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  let hasLeap = false;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    hasLeap = month === leapMonth;
    if (leap || off >= leapOff) off += 1;
  }
  if (leap && !hasLeap) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
  const monthStart = newMoonDay(k + off);
  // A lunar month has 29 or 30 days: day 30 exists only when the next new moon is 30 days later.
  if (day > newMoonDay(k + off + 1) - monthStart) throw new RangeError(`Not a lunar date: ${day}/${month}/${year}`);
  return civilFromDays(monthStart + day - 1 - UNIX_EPOCH_JDN);
}

/** The first day of Tết (mùng 1 tháng Giêng) in that solar year. */
export function lunarNewYear(year: number): string {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}
