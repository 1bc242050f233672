import type {
  CalendarDayInfoDto,
  CalendarResponse,
  CalendarYearDto,
  RoleName,
  SaveCalendarYearRequest,
} from '@dondoc/contracts';

/** Who enters the official schedule: the Office and administrators (the API refuses the others anyway). */
export function mayEditCalendar(role: RoleName): boolean {
  return role === 'office' || role === 'admin';
}

/** The years the picker offers: a few back (reports look back) and two ahead (schedules come out in autumn). */
export function yearOptions(thisYear: number, chosen: number): number[] {
  const from = Math.min(thisYear - 3, chosen);
  const to = Math.max(thisYear + 2, chosen);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** 0 = Sunday … 6 = Saturday for a `YYYY-MM-DD` date (UTC arithmetic: no time zone can shift it). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export interface MonthGroup {
  month: number;
  days: CalendarDayInfoDto[];
}

/** The year's exceptions by month, in date order; months without any are left out. */
export function groupByMonth(days: readonly CalendarDayInfoDto[]): MonthGroup[] {
  const groups = new Map<number, CalendarDayInfoDto[]>();
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const month = Number(day.date.slice(5, 7));
    const list = groups.get(month) ?? [];
    list.push(day);
    groups.set(month, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([month, list]) => ({ month, days: list }));
}

/** One line of the schedule being edited; `key` keeps a row's identity while its date is being typed. */
export interface DraftDay {
  key: string;
  date: string | null;
  kind: 'off' | 'work';
  name: string;
}

export interface YearDraft {
  days: DraftDay[];
  source: string;
}

let nextKey = 0;
export function newDraftKey(): string {
  nextKey += 1;
  return `d${nextKey}`;
}

export function draftFrom(
  days: readonly { date: string; kind: 'off' | 'work'; name: string }[],
  source = '',
): YearDraft {
  return {
    days: [...days]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({ key: newDraftKey(), date: d.date, kind: d.kind, name: d.name })),
    source,
  };
}

/** Where an edit starts: the entry in force when there is one, the computed defaults otherwise. */
export function initialDraft(year: CalendarYearDto): YearDraft {
  return year.official ? draftFrom(year.official.days, year.official.source) : draftFrom(year.computed);
}

export type DayProblem = 'dateRequired' | 'outsideYear' | 'duplicate' | 'nameRequired' | 'nameTooLong';
export type SourceProblem = 'sourceRequired' | 'sourceTooLong';

export interface DraftProblems {
  days: Map<string, DayProblem>;
  source: SourceProblem | null;
  tooMany: boolean;
}

const MAX_DAYS = 120;

/** The contract's rules (calendar.ts), said per line before anything is sent. */
export function draftProblems(year: number, draft: YearDraft): DraftProblems {
  const days = new Map<string, DayProblem>();
  const seen = new Set<string>();
  for (const d of draft.days) {
    if (!d.date) days.set(d.key, 'dateRequired');
    else if (Number(d.date.slice(0, 4)) !== year) days.set(d.key, 'outsideYear');
    else if (seen.has(d.date)) days.set(d.key, 'duplicate');
    else if (!d.name.trim()) days.set(d.key, 'nameRequired');
    else if (d.name.trim().length > 200) days.set(d.key, 'nameTooLong');
    if (d.date) seen.add(d.date);
  }
  const source = draft.source.trim();
  return {
    days,
    source: source === '' ? 'sourceRequired' : source.length > 300 ? 'sourceTooLong' : null,
    tooMany: draft.days.length > MAX_DAYS,
  };
}

export function problemCount(p: DraftProblems): number {
  return p.days.size + (p.source ? 1 : 0) + (p.tooMany ? 1 : 0);
}

/** The PUT body, in date order; null while the draft has problems. */
export function saveRequest(year: number, draft: YearDraft): SaveCalendarYearRequest | null {
  if (problemCount(draftProblems(year, draft)) > 0) return null;
  return {
    days: draft.days
      .map((d) => ({ date: d.date as string, kind: d.kind, name: d.name.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    source: draft.source.trim(),
  };
}

/** The API's own list of what it refused (`details` of a 400), one `path: message` per item; empty otherwise. */
export function apiProblemLines(details: unknown): { path: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter(
      (d): d is { path: string; message: string } =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as { path?: unknown }).path === 'string' &&
        typeof (d as { message?: unknown }).message === 'string',
    )
    .map((d) => ({ path: d.path, message: d.message }));
}

/** The official schedules a WorkingCalendar is built from: every year of the answer that has an entry. */
export function officialYearsOf(
  response: Pick<CalendarResponse, 'years'>,
): { year: number; days: { date: string; kind: 'off' | 'work'; name: string }[]; source: string }[] {
  return response.years.flatMap((y) =>
    y.official ? [{ year: y.year, days: y.official.days, source: y.official.source }] : [],
  );
}

/** The span of years a set of dates needs (for GET /api/calendar?from&to), or null without any date. */
export function yearSpan(dates: readonly (string | null | undefined)[]): { from: number; to: number } | null {
  const years = dates.filter((d): d is string => !!d && /^\d{4}-/.test(d)).map((d) => Number(d.slice(0, 4)));
  if (years.length === 0) return null;
  const from = Math.min(...years);
  // A deadline late in December rolls into January: the next year's holidays matter too.
  const to = Math.min(Math.max(...years) + 1, from + 9);
  return { from, to };
}
