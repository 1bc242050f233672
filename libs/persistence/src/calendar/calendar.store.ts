import {
  DEFAULT_CALENDAR_SETTINGS,
  WorkingCalendar,
  type CalendarDay,
  type CalendarSettings,
  type DayCounting,
  type EscalationPolicy,
  type OfficialYear,
} from '@dondoc/workflow';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** Advisory lock of the calendar: shared by every transaction that plans dates, exclusive for a calendar change. */
const CALENDAR_LOCK = 0x646f6e63616c;

export interface CalendarEntryRow {
  id: string;
  year: number;
  days: CalendarDay[];
  source: string | null;
  cleared: boolean;
  entered_at: Date;
  entered_by_name: string | null;
}

function inTransaction(db: Db): boolean {
  return 'queryRunner' in db && !!db.queryRunner?.isTransactionActive;
}

/**
 * The working calendar in force, from `calendar_entries` and the configured settings. The calendar is built once
 * per revision (the newest entry's id) and reused until an entry is added; inside a transaction the read holds the
 * calendar's shared lock, so a calendar change waits for the transactions planning on the old calendar and they
 * for it: no deadline is planned on a calendar about to be replaced without being rescheduled with the rest.
 */
export class CalendarStore {
  private cached?: { revision: number; calendar: WorkingCalendar };
  private fallback?: WorkingCalendar;

  constructor(readonly settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS) {}

  /**
   * The calendar this process last read, without a query: for showing lateness in working days, where a calendar
   * changed by another process a few seconds ago does no harm (`refresh` keeps it current). Plans use `current`.
   */
  snapshot(): WorkingCalendar {
    return this.cached?.calendar ?? (this.fallback ??= new WorkingCalendar(this.settings));
  }

  /** Reads the calendar in force (a refresh of `snapshot`). */
  async refresh(db: Db): Promise<void> {
    await this.current(db);
  }

  async current(db: Db): Promise<WorkingCalendar> {
    if (!this.settings.enabled) return this.snapshot();
    if (inTransaction(db)) await db.query(`SELECT pg_advisory_xact_lock_shared($1)`, [CALENDAR_LOCK]);
    const [{ revision }]: { revision: string }[] = await db.query(
      `SELECT COALESCE(max(id), 0)::text AS revision FROM calendar_entries`,
    );
    const rev = Number(revision);
    if (this.cached?.revision === rev) return this.cached.calendar;
    const calendar = new WorkingCalendar(this.settings, await this.officialYears(db, null), rev);
    this.cached = { revision: rev, calendar };
    return calendar;
  }

  /** The calendar as it stood at `at`: the entries made by then (an as-of report judges with it). */
  async at(db: Db, at: Date): Promise<WorkingCalendar> {
    if (!this.settings.enabled) return this.snapshot();
    const years = await this.officialYears(db, at);
    const [{ revision }]: { revision: string }[] = await db.query(
      `SELECT COALESCE(max(id), 0)::text AS revision FROM calendar_entries WHERE entered_at <= $1`,
      [at],
    );
    return new WorkingCalendar(this.settings, years, Number(revision));
  }

  /** Taken by a calendar change before it writes: planners in flight finish first, new ones wait for it. */
  async lockForChange(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [CALENDAR_LOCK]);
  }

  /** Every entry of a year, newest first, with who made it. */
  async entries(db: Db, year: number): Promise<CalendarEntryRow[]> {
    return db.query(
      `SELECT e.id::text, e.year, e.days, e.source, e.cleared, e.entered_at, u.full_name AS entered_by_name
         FROM calendar_entries e LEFT JOIN users u ON u.id = e.entered_by
        WHERE e.year = $1 ORDER BY e.id DESC`,
      [year],
    );
  }

  async add(
    tx: EntityManager,
    e: { year: number; days: CalendarDay[]; source: string | null; cleared: boolean; enteredBy: string | null },
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO calendar_entries (year, days, source, cleared, entered_by) VALUES ($1, $2::jsonb, $3, $4, $5)
       RETURNING id::text`,
      [e.year, JSON.stringify(e.days), e.source, e.cleared, e.enteredBy],
    );
    return row.id;
  }

  private async officialYears(db: Db, at: Date | null): Promise<OfficialYear[]> {
    const rows: { year: number; days: CalendarDay[]; source: string | null; cleared: boolean }[] = await db.query(
      `SELECT DISTINCT ON (year) year, days, source, cleared FROM calendar_entries
        WHERE ($1::timestamptz IS NULL OR entered_at <= $1) ORDER BY year, id DESC`,
      [at],
    );
    return rows.filter((r) => !r.cleared).map((r) => ({ year: r.year, days: r.days, source: r.source ?? '' }));
  }
}

/** The CALENDAR_* variables as the API and the worker read them (each app's configuration validates them first). */
export function calendarSettingsOf(raw: {
  WORKING_CALENDAR: string;
  CALENDAR_WEEKEND_DAYS: string;
  CALENDAR_ROLL_DEADLINES: string;
  CALENDAR_WORKDAY_START: string;
}): CalendarSettings {
  return {
    enabled: raw.WORKING_CALENDAR !== 'off',
    weekendDays: raw.CALENDAR_WEEKEND_DAYS.split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map(Number),
    rollToWorkingDay: raw.CALENDAR_ROLL_DEADLINES !== 'false',
    workdayStart: raw.CALENDAR_WORKDAY_START,
  };
}

/** The ESCALATION_*_COUNTING variables: how each rung of the ladder counts whole days. */
export function dayCountingOf(raw: {
  ESCALATION_REMIND_COUNTING: DayCounting;
  ESCALATION_ESCALATE_COUNTING: DayCounting;
  ESCALATION_REVIEW_COUNTING: DayCounting;
}): NonNullable<EscalationPolicy['dayCounting']> {
  return {
    remindBefore: raw.ESCALATION_REMIND_COUNTING,
    escalateAfter: raw.ESCALATION_ESCALATE_COUNTING,
    reviewReminderAfter: raw.ESCALATION_REVIEW_COUNTING,
  };
}
