import { foldKeepingLength } from './normalize-text.js';

/**
 * Deadline wording → the date it means: the last day of the period named ("quý II-2021" → 2021-06-30), with the
 * ends of earlier periods of a list as milestones ("quý I và quý II-2021"). Recurring wording ("thường xuyên",
 * "hằng năm") has no single date.
 */
export interface Deadline {
  /** The wording as written in the source, e.g. "quý I và quý II-2021". */
  text: string;
  /** YYYY-MM-DD, or null for recurring work or a period whose year is unknown. */
  dueDate: string | null;
  milestones: string[];
  recurring: boolean;
  /** Character range of `text` in the string that was parsed. */
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

const PATTERNS = {
  fullDate: new RegExp(String.raw`(?<![0-9])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*${YEAR}`, 'y'),
  wordDate: new RegExp(String.raw`ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+${YEAR}`, 'y'),
  quarters: new RegExp(
    String.raw`quy\s+(${QUARTER_NUMBER}(?:\s*(?:,|va|-|–|den|&|\+)\s*(?:quy\s+)?${QUARTER_NUMBER})*)(?:${YEAR_SUFFIX})?`,
    'y',
  ),
  partOfYear: new RegExp(
    String.raw`(nua|6|sau|9|chin|3|ba)\s+thang\s+(dau|cuoi)\s+(?:nam|cua\s+nam)(?:\s*(?:[-/]\s*)?${YEAR})?`,
    'y',
  ),
  month: new RegExp(
    String.raw`thang\s+(\d{1,2}(?![0-9])(?:\s*(?:,|va|-|–|den)\s*(?:thang\s+)?\d{1,2}(?![0-9]))*)(?:${YEAR_SUFFIX})?`,
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
}

function yearOr(raw: string | undefined, fallback: number | null | undefined): number | null {
  if (raw) return Number(raw);
  return fallback ?? null;
}

/** Tries every form at one position; "tháng 12 hằng năm" is a recurring date, first due in the document's year. */
function matchAt(folded: string, index: number, defaultYear: number | null | undefined): PeriodMatch | null {
  const match = matchFormAt(folded, index, defaultYear);
  if (!match || match.recurring) return match;
  const after = /^\s*,?\s*(?:cua\s+)?(?:hang|moi)\s+(?:nam|quy|thang)(?![a-z])/.exec(
    folded.slice(index + match.length),
  );
  return after ? { ...match, length: match.length + after[0].length, recurring: true } : match;
}

function matchFormAt(folded: string, index: number, defaultYear: number | null | undefined): PeriodMatch | null {
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = index;
    return re.exec(folded);
  };
  let m = at(PATTERNS.wordDate) ?? at(PATTERNS.fullDate);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDate(year, month, day)) return null;
    const date = iso(year, month, day);
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
  return {
    text: text.slice(from, start + match.length).trim(),
    dueDate,
    milestones: before ? [] : match.milestones,
    recurring: match.recurring,
    start: from,
    end: start + match.length,
  };
}

/**
 * Parses a string that is only a deadline (a table's "Thời gian" cell, a parenthesis): the first period named in
 * it, whatever words surround it ("Hoàn thành chậm nhất trong quý IV-2021").
 */
export function parseDeadline(text: string, options: DeadlineOptions = {}): Deadline | null {
  const folded = foldKeepingLength(text);
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(folded[i - 1])) continue;
    const match = matchAt(folded, i, options.defaultYear);
    if (match) {
      const before = /(?:^|\s)truoc\s+(?:ngay\s+)?$/.test(folded.slice(Math.max(0, i - 12), i));
      return toDeadline(text, i, match, before && !/^\s*ngay|\d/.test(folded.slice(i, i + 5)), 0);
    }
  }
  return null;
}

const TRIGGER = new RegExp(
  String.raw`(?:^|[^a-z0-9])((?:thoi gian|thoi han|han chot|tien do|hoan thanh|cham nhat|xong|truoc|trong|vao)` +
    String.raw`(?:\s*[:,]?\s*(?:hoan thanh|thuc hien|trinh|trong|truoc|cham nhat|vao|xong|la|ngay|nop|bao cao))*\s*[:,]?\s*)`,
  'g',
);

/**
 * Finds a deadline inside running text. Only wording introduced as a deadline counts ("thời gian hoàn thành trong
 * quý II-2021", "hoàn thành trước ngày 30/6/2022", "trong tháng 9/2022"): a bare "năm 2020" in a sentence about
 * last year's results is not one. Recurring words count only after "thời gian"/"thời hạn".
 */
export function findDeadline(text: string, options: DeadlineOptions = {}): Deadline | null {
  const folded = foldKeepingLength(text);
  TRIGGER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TRIGGER.exec(folded))) {
    const prefix = m[1];
    const start = m.index + m[0].length;
    const match = matchAt(folded, start, options.defaultYear);
    if (match && (!match.recurring || match.dueDate !== null || /^(thoi gian|thoi han)/.test(prefix))) {
      const before = /(^|\s)truoc\s*(ngay\s*)?$/.test(prefix.trim()) || /(^|\s)truoc\s*$/.test(prefix);
      const isDate = /^\d|^ngay/.test(folded.slice(start, start + 5));
      // Keep "hoàn thành trong" / "chậm nhất" in the wording, not the "thời gian:" label before them.
      const kept = prefix.replace(/^(?:thoi gian|thoi han|han chot|tien do)\s*(?:thuc hien\s*)?[:,]?\s*/, '');
      return toDeadline(text, start, match, before && !isDate, kept.length);
    }
    TRIGGER.lastIndex = m.index + 1;
  }
  return null;
}

/** Every period named in a text, triggered or not (used to find the period a whole document governs). */
export function findPeriods(text: string, options: DeadlineOptions = {}): Deadline[] {
  const folded = foldKeepingLength(text);
  const found: Deadline[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (i > 0 && /[a-z0-9]/.test(folded[i - 1])) continue;
    const match = matchAt(folded, i, options.defaultYear);
    if (match && !match.recurring) {
      found.push(toDeadline(text, i, match, false, 0));
      i += match.length - 1;
    }
  }
  return found;
}
