import { foldKeepingLength } from './normalize-text.js';

/** What a deadline in days counts from: the assignment ("kể từ ngày giao", "ngày ký") or the receipt. */
export type DeadlineFrom = 'assigned' | 'received';

/**
 * Deadline wording → the date it means: the last day of the period named ("quý II-2021" → 2021-06-30), with the
 * ends of earlier periods of a list as milestones ("quý I và quý II-2021"); the date stated ("trước ngày 30/6/2022"
 * → 2022-06-30: the day written, not the day before, as the Office reads it); or a number of working days
 * ("trong 10 ngày làm việc kể từ ngày nhận được văn bản"), which becomes a date only at ASSIGN, from the server's
 * working calendar. Continuous wording ("thường xuyên", "liên tục", "hằng năm") has no deadline at all.
 */
export interface Deadline {
  /** The wording as written in the source, e.g. "quý I và quý II-2021". */
  text: string;
  /** YYYY-MM-DD, or null for days not yet counted, continuous work or a period whose year is unknown. */
  dueDate: string | null;
  milestones: string[];
  /** Repeating work: "thường xuyên", "hằng năm" (no date), or "tháng 12 hằng năm" (a date each year). */
  recurring: boolean;
  /** "trong N ngày làm việc [kể từ …]": N working days, from the assignment unless the wording says receipt. */
  workingDays: { days: number; from: DeadlineFrom } | null;
  /**
   * "trong thời hạn N ngày kể từ …" (calendar days). Tasks have no calendar-day rule, so downstream this is wording
   * only: the Office picks the date.
   */
  calendarDays: { days: number; from: DeadlineFrom } | null;
  /** Continuous work with no deadline ("thường xuyên", "liên tục", "hằng năm"): recurring wording with no date. */
  continuous: boolean;
  /** Character range of `text` in the string that was parsed (its NFC form; the same for NFC input). */
  start: number;
  end: number;
}

export interface DeadlineOptions {
  /** Year for wording that omits it ("quý II", "6 tháng cuối năm"): the document's year. */
  defaultYear?: number | null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER_NUMBER = String.raw`(?:iv|iii|ii|i|[1-4])(?![a-z0-9])`;
const YEAR = String.raw`((?:19|20)\d{2})(?![0-9])`;
const YEAR_SUFFIX = String.raw`(?:\s*[-/–.]\s*|\s*,?\s*(?:cua\s+)?nam\s+)${YEAR}`;

/** Number words up to 99 ("mười", "mười lăm", "hai mươi mốt"), folded; `mươi` and `mười` fold alike. */
const UNIT_WORD = 'mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin';
const NUMBER_WORDS = String.raw`(?:(?:(?:mot|hai|ba|bon|nam|sau|bay|tam|chin)\s+)?muoi(?:\s+(?:${UNIT_WORD}))?|mot|hai|ba|bon|nam|sau|bay|tam|chin)(?![a-z])`;
/** "10", "10 (mười)", "mười (10)", "05 (năm)". */
const DAY_COUNT = String.raw`(?:(\d{1,3})(?![0-9])(?:\s*\(\s*${NUMBER_WORDS}\s*\))?|(${NUMBER_WORDS})(?:\s*\(\s*(\d{1,3})\s*\))?)`;
/** "kể từ ngày giao / được giao / nhận được văn bản này / ký", "sau khi nhận được Thông báo". */
const COUNTED_FROM = String.raw`\s*,?\s*(?:(?:ke\s+|tinh\s+)?tu|sau\s+khi|sau)\s+(?:ngay\s+|khi\s+|thoi\s+diem\s+)?(duoc\s+giao|giao|nhan|ky|ban\s+hanh|co\s+hieu\s+luc)(?![a-z])(?:\s+(?:duoc|day\s+du|van\s+ban|thong\s+bao|ket\s+luan|chi\s+thi|cong\s+van|ke\s+hoach|quyet\s+dinh|nghi\s+quyet|chuong\s+trinh|nhiem\s+vu|y\s+kien|yeu\s+cau|de\s+nghi|ho\s+so|nay)(?![a-z]))*`;

const PATTERNS = {
  days: new RegExp(
    String.raw`(trong\s+)?(?:(vong|thoi\s+han|thoi\s+gian)\s+)?${DAY_COUNT}\s+ngay(\s+lam\s+viec)?(?![a-z])(?:${COUNTED_FROM})?`,
    'y',
  ),
  fullDate: new RegExp(String.raw`(?<![0-9])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*${YEAR}`, 'y'),
  wordDate: new RegExp(String.raw`(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+${YEAR}`, 'y'),
  /** "ngày 15/11", "ngày 15 tháng 11": the document's year. */
  dayMonth: /ngay\s+(\d{1,2})\s*(?:[/.-]|\s+thang\s+)\s*(\d{1,2})(?![0-9]|\s*[/.-]\s*[0-9]|\s+nam\s+[0-9])/y,
  /** "15/12" with nothing around it: a date only where a deadline word introduces it ("trước 15/12"). */
  bareDayMonth: /(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![0-9]|\s*[/.-]\s*[0-9]|\s*%)/y,
  quarters: new RegExp(
    String.raw`(?:cuoi\s+)?quy\s+(${QUARTER_NUMBER}(?:\s*(?:,|va|-|–|den|&|\+)\s*(?:quy\s+)?${QUARTER_NUMBER})*)(?:${YEAR_SUFFIX})?`,
    'y',
  ),
  partOfYear: new RegExp(
    String.raw`(nua|6|sau|9|chin|3|ba)\s+thang\s+(dau|cuoi)\s+(?:nam|cua\s+nam)(?:\s*(?:[-/]\s*)?${YEAR})?`,
    'y',
  ),
  month: new RegExp(
    String.raw`(?:cuoi\s+)?thang\s+(\d{1,2}(?![0-9])(?:\s*(?:,|va|-|–|den)\s*(?:thang\s+)?\d{1,2}(?![0-9]))*)(?:${YEAR_SUFFIX})?`,
    'y',
  ),
  year: new RegExp(String.raw`(?:cuoi\s+)?nam\s+${YEAR}`, 'y'),
  recurring: /(thuong xuyen|hang nam|hang quy|hang thang|hang tuan|dinh ky|lien tuc|hang ngay)/y,
};

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function endOfMonth(year: number, month: number): string {
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** The day before a YYYY-MM-DD date. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface PeriodMatch {
  length: number;
  dueDate: string | null;
  /** First day of the period, for "trước quý III" (before the period starts). */
  startDate: string | null;
  milestones: string[];
  recurring: boolean;
  /** `other`: counted from something else than the assignment or the receipt (kept as wording only). */
  days?: { days: number; from: DeadlineFrom; working: boolean; fromStated: boolean; other: boolean };
}

const UNITS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** "mười" → 10, "mười lăm" → 15, "hai mươi mốt" → 21, "năm" → 5 (folded words). */
export function numberFromWords(words: string): number | null {
  const tokens = words.trim().split(/\s+/);
  const tens = tokens.indexOf('muoi');
  if (tens < 0) return tokens.length === 1 ? (UNITS[tokens[0]] ?? null) : null;
  const before = tens === 0 ? 1 : UNITS[tokens[tens - 1]];
  const after = tokens[tens + 1] ? UNITS[tokens[tens + 1]] : 0;
  return before === undefined || after === undefined ? null : before * 10 + after;
}

/** "trong 10 ngày làm việc kể từ ngày nhận": the count, working or calendar days, and what they count from. */
function daysAt(m: RegExpExecArray, folded: string): PeriodMatch | null {
  const days = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : numberFromWords(m[4] ?? '');
  const working = Boolean(m[6]);
  const fromStated = Boolean(m[7]);
  // Plain "trong 2 ngày" is as often how long a meeting lasts: calendar days count only with a term or a start.
  if (!days || days > 365 || (!working && !fromStated && !/^thoi/.test(m[2] ?? ''))) return null;
  const from: DeadlineFrom = m[7]?.startsWith('nhan') ? 'received' : 'assigned';
  // "05 ngày làm việc sau khi kết thúc hội nghị": counted from an event the task cannot know; wording only.
  const other = fromStated
    ? null
    : /^\s*,?\s*(?:(?:ke|tinh)\s+tu|sau\s+khi|sau)\s+[^.;,()\n]{1,80}/.exec(folded.slice(m.index + m[0].length));
  return {
    length: m[0].length + (other?.[0].trimEnd().length ?? 0),
    dueDate: null,
    startDate: null,
    milestones: [],
    recurring: false,
    days: { days, from, working, fromStated, other: other !== null },
  };
}

function yearOr(raw: string | undefined, fallback: number | null | undefined): number | null {
  if (raw) return Number(raw);
  return fallback ?? null;
}

/** Tries every form at one position; "tháng 12 hằng năm" is a recurring date, first due in the document's year. */
function matchAt(
  folded: string,
  index: number,
  defaultYear: number | null | undefined,
  bareDay = false,
): PeriodMatch | null {
  const match = matchFormAt(folded, index, defaultYear, bareDay);
  if (!match || match.recurring || match.days) return match;
  const after = /^\s*,?\s*(?:cua\s+)?(?:hang|moi)\s+(?:nam|quy|thang)(?![a-z])/.exec(
    folded.slice(index + match.length),
  );
  return after ? { ...match, length: match.length + after[0].length, recurring: true } : match;
}

function matchFormAt(
  folded: string,
  index: number,
  defaultYear: number | null | undefined,
  bareDay: boolean,
): PeriodMatch | null {
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = index;
    return re.exec(folded);
  };
  let m = at(PATTERNS.days);
  if (m) return daysAt(m, folded);
  m = at(PATTERNS.wordDate) ?? at(PATTERNS.fullDate);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDate(year, month, day)) return null;
    const date = iso(year, month, day);
    return { length: m[0].length, dueDate: date, startDate: date, milestones: [], recurring: false };
  }
  m = at(PATTERNS.dayMonth) ?? (bareDay ? at(PATTERNS.bareDayMonth) : null);
  if (m) {
    // "trước ngày 15/11": the document's year; no year known, no date.
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (defaultYear == null || !isCalendarDate(defaultYear, month, day)) return null;
    const date = iso(defaultYear, month, day);
    return { length: m[0].length, dueDate: date, startDate: date, milestones: [], recurring: false };
  }
  m = at(PATTERNS.quarters);
  if (m) {
    const quarters = (m[1].match(/iv|iii|ii|i|[1-4]/g) ?? []).map((q) => ROMAN[q]).filter((q) => q !== undefined);
    const year = yearOr(m[2], defaultYear);
    if (quarters.length === 0) return null;
    const ends = year == null ? [] : quarters.map((q) => endOfMonth(year, q * 3));
    const last = ends.at(-1) ?? null;
    return {
      length: m[0].length,
      dueDate: last,
      startDate: year == null ? null : iso(year, quarters[0] * 3 - 2, 1),
      milestones: ends.slice(0, -1).filter((d) => d !== last),
      recurring: false,
    };
  }
  m = at(PATTERNS.partOfYear);
  if (m) {
    const months = { nua: 6, '6': 6, sau: 6, '9': 9, chin: 9, '3': 3, ba: 3 }[m[1]] ?? 6;
    const year = yearOr(m[3], defaultYear);
    const first = m[2] === 'dau';
    return {
      length: m[0].length,
      dueDate: year == null ? null : first ? endOfMonth(year, months) : iso(year, 12, 31),
      startDate: year == null ? null : first ? iso(year, 1, 1) : iso(year, 13 - months, 1),
      milestones: [],
      recurring: false,
    };
  }
  m = at(PATTERNS.month);
  if (m) {
    // "tháng 4 và tháng 5/2021": due at the end of the last month, the others are milestones.
    const months = (m[1].match(/\d{1,2}/g) ?? []).map(Number);
    const year = yearOr(m[2], defaultYear);
    if (months.some((month) => month < 1 || month > 12)) return null;
    const ends = year == null ? [] : months.map((month) => endOfMonth(year, month));
    return {
      length: m[0].length,
      dueDate: ends.at(-1) ?? null,
      startDate: year == null ? null : iso(year, months[0], 1),
      milestones: ends.slice(0, -1),
      recurring: false,
    };
  }
  m = at(PATTERNS.year);
  if (m) {
    const year = Number(m[1]);
    return {
      length: m[0].length,
      dueDate: iso(year, 12, 31),
      startDate: iso(year, 1, 1),
      milestones: [],
      recurring: false,
    };
  }
  m = at(PATTERNS.recurring);
  if (m) return { length: m[0].length, dueDate: null, startDate: null, milestones: [], recurring: true };
  return null;
}

function toDeadline(text: string, start: number, match: PeriodMatch, before: boolean, prefixLength: number): Deadline {
  const dueDate =
    before && match.startDate && match.startDate !== match.dueDate ? dayBefore(match.startDate) : match.dueDate;
  const from = start - prefixLength;
  const days = match.days && !match.days.other ? { days: match.days.days, from: match.days.from } : null;
  return {
    text: text.slice(from, start + match.length).trim(),
    dueDate,
    milestones: before ? [] : match.milestones,
    recurring: match.recurring,
    workingDays: match.days?.working ? days : null,
    calendarDays: match.days?.working === false ? days : null,
    continuous: match.recurring && dueDate === null,
    start: from,
    end: start + match.length,
  };
}

/** "trước 5 ngày làm việc" (so many days before a meeting) is not a deadline in days. */
function daysBefore(match: PeriodMatch, before: boolean): boolean {
  return match.days !== undefined && before;
}

/**
 * Parses a string that is only a deadline (a table's "Thời gian" cell, a parenthesis): the first period named in
 * it, whatever words surround it ("Hoàn thành chậm nhất trong quý IV-2021").
 */
export function parseDeadline(input: string, options: DeadlineOptions = {}): Deadline | null {
  const text = input.normalize('NFC');
  const folded = foldKeepingLength(text);
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(folded[i - 1])) continue;
    const match = matchAt(folded, i, options.defaultYear);
    if (match) {
      const before = /(?:^|\s)truoc\s+(?:ngay\s+)?$/.test(folded.slice(Math.max(0, i - 12), i));
      if (daysBefore(match, before)) continue;
      return toDeadline(text, i, match, before && !/^\s*ngay|\d/.test(folded.slice(i, i + 5)), 0);
    }
  }
  return null;
}

const TRIGGER = new RegExp(
  String.raw`(?<![a-z0-9])((?:thoi gian|thoi han|han chot|tien do|hoan thanh|cham nhat|xong|truoc|trong|vao|den het|(?:phan dau\s+)?den ngay|\()` +
    String.raw`(?:\s*[:,]?\s*(?:hoan thanh|thuc hien|trinh|trong|truoc|cham nhat|vao|xong|la|ngay|nop|bao cao))*\s*[:,]?\s*)`,
  'g',
);

/**
 * How surely the words before a period make it the task's deadline: "trước", "chậm nhất", "hoàn thành", "thời hạn"
 * name one; "thời gian", "tiến độ", "đến hết ngày" and a period in parentheses ("trình kỳ họp cuối năm (tháng
 * 12/2022)") usually do; "trong", "vào" may also date what the text reviews ("trong 9 tháng đầu năm …").
 */
function strengthOf(prefix: string): number {
  if (/truoc|cham nhat|han chot|thoi han|hoan thanh|xong/.test(prefix)) return 3;
  if (/thoi gian|tien do|den|\(/.test(prefix)) return 2;
  return 1;
}

// "… số 12/KH-UBND ngày", "Nghị quyết số 06-NQ/TW, ngày": the date that follows belongs to a cited document.
const CITATION_BEFORE =
  /(?:\d+\s*[-/]\s*[a-z]{1,8}(?:\s*[-/.]\s*[a-z]{1,10}){0,2}|(?:nghi quyet|chi thi|ket luan|quyet dinh|ke hoach|thong bao|cong van|chuong trinh|de an|quy dinh|nghi dinh|thong tu|van ban)\s+(?:so\s+)?\d+[a-z]?)\s*,?\s*(?:ngay\s*)?$/;

// "Luật Hợp tác xã năm 2012", "Hiến pháp năm 2013": the year is part of a law's name.
const LAW_BEFORE = /(?:^|\s)(?:luat|bo luat|hien phap|phap lenh)\s+[^.;:,()]{0,60}$/;

function isCitation(folded: string, start: number): boolean {
  if (CITATION_BEFORE.test(folded.slice(Math.max(0, start - 45), start))) return true;
  return /^nam\s/.test(folded.slice(start, start + 4)) && LAW_BEFORE.test(folded.slice(Math.max(0, start - 70), start));
}

// "Trong 9 tháng đầu năm 2022, các cấp ủy đã …": a period the text reviews, not a deadline.
const REVIEWED_AFTER = /^\s*,?\s*(?:qua|vua qua|\S+\s+(?:da|dat)|(?:\S+\s+){0,6}(?:da|dat|vua)\s)/;

interface Candidate {
  deadline: Deadline;
  strength: number;
}

/**
 * Finds a deadline inside running text. Only wording introduced as a deadline counts ("thời gian hoàn thành trong
 * quý II-2021", "hoàn thành trước ngày 30/6/2022", "chậm nhất là ngày 15/10/2022", "trong tháng 9/2022", "trước
 * 15/11" in the document's year): a bare "năm 2020" in a sentence about last year's results is not one, nor the
 * date of a document the task cites ("Kế hoạch số 12/KH-UBND ngày 05/01/2022"). When a task states several, the one
 * introduced by "trước", "chậm nhất", "hoàn thành" wins over "trong". Recurring words count after "thời gian" /
 * "thời hạn", or as the adverb of the task's first clause ("Công an tỉnh thường xuyên nắm chắc tình hình …").
 */
export function findDeadline(input: string, options: DeadlineOptions = {}): Deadline | null {
  const text = input.normalize('NFC');
  const folded = foldKeepingLength(text);
  const candidates: Candidate[] = [];
  TRIGGER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(folded))) {
    const prefix = m[1];
    const start = m.index + m[0].length;
    const paren = prefix.startsWith('(');
    const bareDay = /(?:truoc|cham nhat|han|ngay)\s*[:,]?\s*(?:la\s*)?$/.test(prefix);
    const match = matchAt(folded, start, options.defaultYear, bareDay);
    const before = /(^|\s)truoc\s*(ngay\s*)?$/.test(prefix.trim()) || /(^|\s)truoc\s*$/.test(prefix);
    const closed = !paren || /^\s*\)/.test(folded.slice(start + (match?.length ?? 0)));
    if (
      match &&
      closed &&
      !daysBefore(match, before) &&
      (!match.recurring || match.dueDate !== null || /^(thoi gian|thoi han)/.test(prefix)) &&
      !isCitation(folded, m.index + m[0].length - prefix.length)
    ) {
      // "trong 10 ngày làm việc" is a term; "trình Ban Thường vụ trong quý II" a deadline as sure as "trước".
      const handedIn = /(?:^|[^a-z])(?<!chuong )(?:trinh|gui|nop|bao cao)\s[^.;]{0,60}$/.test(
        folded.slice(Math.max(0, m.index - 60), m.index + 1),
      );
      const strength = match.days ? 3 : Math.max(strengthOf(prefix), handedIn ? 2 : 1);
      const reviewed =
        strength === 1 && REVIEWED_AFTER.test(folded.slice(start + match.length, start + match.length + 50));
      if (!reviewed) {
        const isDate = /^\d|^ngay/.test(folded.slice(start, start + 5));
        // Keep "hoàn thành trong" / "chậm nhất" in the wording, not the "thời gian:" label before them.
        const kept = paren
          ? ''
          : prefix.replace(/^(?:thoi gian|thoi han|han chot|tien do)\s*(?:thuc hien\s*)?[:,]?\s*/, '');
        candidates.push({ deadline: toDeadline(text, start, match, before && !isDate, kept.length), strength });
        TRIGGER.lastIndex = start + match.length;
        continue;
      }
    }
    TRIGGER.lastIndex = m.index + 1;
  }
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || c.strength > best.strength) best = c;
  return best?.deadline ?? daysWithoutTrigger(text, folded) ?? continuousAdverb(text, folded);
}

/**
 * "Công an tỉnh thường xuyên nắm chắc tình hình …", "Sở Giáo dục phối hợp với Sở Y tế thường xuyên tuyên truyền …":
 * "thường xuyên" / "liên tục" before the verb of the task's first clause makes it continuous work. Further on, or
 * as an adjective ("các nhiệm vụ thường xuyên"), it is not.
 */
function continuousAdverb(text: string, folded: string): Deadline | null {
  const clauseEnd = folded.search(/[.;](?:\s|$)/);
  const clause = folded.slice(0, clauseEnd < 0 ? Math.min(folded.length, 300) : Math.min(clauseEnd, 300));
  const m = /\S\s+(thuong xuyen|lien tuc)\s+(?!cua|va|khac|nhu|hon|nhat|trong|tai)[a-z]/.exec(clause);
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1]);
  const match: PeriodMatch = { length: m[1].length, dueDate: null, startDate: null, milestones: [], recurring: true };
  return toDeadline(text, start, match, false, 0);
}

/** "báo cáo … 10 ngày làm việc kể từ ngày nhận được văn bản": days with their start stated need no trigger word. */
function daysWithoutTrigger(text: string, folded: string): Deadline | null {
  const candidate = /(?<![a-z0-9])(?:\d|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)[^.;:]{0,40}?ngay\s+lam\s+viec/g;
  let m: RegExpExecArray | null;
  while ((m = candidate.exec(folded))) {
    const match = matchAt(folded, m.index, null);
    const before = /(?:^|\s)truoc\s+$/.test(folded.slice(Math.max(0, m.index - 8), m.index));
    if (match?.days?.working && match.days.fromStated && !before) return toDeadline(text, m.index, match, false, 0);
    candidate.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * Every period named in a text, triggered or not (used to find the period a whole document governs), except the
 * dates of the documents it cites ("Nghị quyết số 06-NQ/TW, ngày 24/01/2022").
 */
export function findPeriods(input: string, options: DeadlineOptions = {}): Deadline[] {
  const text = input.normalize('NFC');
  const folded = foldKeepingLength(text);
  const found: Deadline[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(folded[i - 1])) continue;
    const match = matchAt(folded, i, options.defaultYear);
    if (match && isCitation(folded, i)) {
      i += match.length - 1;
      continue;
    }
    if (match && !match.recurring && !match.days) {
      found.push(toDeadline(text, i, match, false, 0));
      i += match.length - 1;
    }
  }
  return found;
}
