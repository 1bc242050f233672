import { Inject, Injectable } from '@nestjs/common';
import {
  DELIVERABLE_TYPE_VALUES,
  FIELD_VALUES,
  compareVietnamese,
  sortByAgencyOrder,
  type ReportAverages,
  type ReportByPerson,
  type ReportPersonAxis,
  type ReportBundle,
  type ReportCoordination,
  type ReportCoordinationFigures,
  type ReportMilestoneFigures,
  type ReportMilestones,
  type ReportByAgency,
  type ReportByOrganisation,
  type ReportByDeliverableType,
  type ReportByDirective,
  type ReportByField,
  type ReportEscalations,
  type ReportFigures,
  type ReportLateness,
  type ReportMeta,
  type ReportQuery,
  type ReportReviewQueue,
  type ReportSummary,
  type ReportTaskRef,
} from '@dondoc/contracts';
import { CalendarStore } from '@dondoc/persistence';
import { higherClassification, localDate, type Actor, type Classification } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { unclearedActor } from '../common/uncleared-actor.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ReportsDatabase } from './reports-database.js';
import { deliverableTypeLabel, fieldLabel } from './report-labels.js';
import { daysOffBetween, NO_DAYS_OFF, reportSpan } from './report-days-off.js';
import {
  FIGURE_KEYS,
  keyCounts,
  type FigureCounts,
  type LatenessCounts,
  type ReportWindow,
} from './report-facts.sql.js';
import {
  ReportsRepository,
  type AgencyRef,
  type CoordinationCountsRow,
  type Counts,
  type MilestoneCountsRow,
  type ReportTaskProgressRow,
  type Page,
  type ReportTaskRow,
} from './reports.repository.js';

const DAY_MS = 86_400_000;

/**
 * A request checked: who asks, about what, and the moment described (its working calendar not yet read). Enough
 * to find the answer in the report cache.
 */
export interface ReportQuestion {
  actor: Actor;
  query: ReportQuery;
  window: ReportWindow;
  now: Date;
  /** The level of the directive filtered on ('normal' without one, or for a snapshot): its documents' stamp. */
  directiveLevel: Classification;
}

/** A request resolved: who asks, the moment described, and the header every answer carries. */
export interface ReportContext {
  actor: Actor;
  query: ReportQuery;
  window: ReportWindow;
  meta: ReportMeta;
  /**
   * The highest level among the counted tasks the report shows (and its directive's): the stamp its documents
   * carry on every page ('normal': none).
   */
  level: Classification;
}

const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export function toFigures(c: FigureCounts): ReportFigures {
  return {
    total: c.total,
    finished: c.finished,
    onTime: c.on_time,
    late: c.late,
    onTimeOriginal: c.on_time_original,
    lateOriginal: c.late_original,
    unfinished: c.unfinished,
    notDue: c.not_due,
    dueSoon: c.due_soon,
    overdue: c.overdue,
    overdueOriginal: c.overdue_original,
    extended: c.extended,
    completionRate: rate(c.finished, c.total),
    onTimeRate: rate(c.on_time, c.finished),
    onTimeRateOriginal: rate(c.on_time_original, c.finished),
  };
}

export function toLateness(c: LatenessCounts): ReportLateness {
  return {
    tasks: c.late_tasks,
    workingDaysTotal: c.late_working_days,
    workingDaysMax: c.late_working_days_max,
    calendarDaysTotal: c.late_calendar_days,
    calendarDaysMax: c.late_calendar_days_max,
  };
}

/** Lateness over grouped rows: totals add up, maxima are the largest of the rows'. */
export function latenessTotalOf(rows: readonly LatenessCounts[]): ReportLateness {
  const t = toLateness({
    late_tasks: 0,
    late_working_days: 0,
    late_working_days_max: 0,
    late_calendar_days: 0,
    late_calendar_days_max: 0,
  });
  for (const r of rows.map(toLateness)) {
    t.tasks += r.tasks;
    t.workingDaysTotal += r.workingDaysTotal;
    t.calendarDaysTotal += r.calendarDaysTotal;
    t.workingDaysMax = Math.max(t.workingDaysMax, r.workingDaysMax);
    t.calendarDaysMax = Math.max(t.calendarDaysMax, r.calendarDaysMax);
  }
  return t;
}

/** The figures of a `figureSums` row over all counted tasks and over key tasks only. */
function both(c: Counts): { figures: ReportFigures; keyFigures: ReportFigures } {
  return { figures: toFigures(c), keyFigures: toFigures(keyCounts(c)) };
}

/** Totals of grouped rows, over all tasks and over key tasks. */
function totalsOf(rows: readonly Counts[]): { totals: ReportFigures; keyTotals: ReportFigures } {
  return { totals: totalOf(rows), keyTotals: totalOf(rows.map(keyCounts)) };
}

/** Column totals of grouped rows; the rates are recomputed from the summed counts, never averaged. */
function totalOf(rows: readonly FigureCounts[]): ReportFigures {
  const sum = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as FigureCounts;
  for (const r of rows) for (const k of FIGURE_KEYS) sum[k] += r[k];
  return toFigures(sum);
}

function taskRef(r: ReportTaskRow): ReportTaskRef {
  return {
    taskId: r.id,
    code: r.code,
    title: r.title,
    directiveId: r.directive_id,
    directiveNumber: r.directive_number,
    leadAgencyId: r.lead_agency_id,
    leadAgencyName: r.lead_agency_name,
    state: r.state,
  };
}

const days = (v: string | null): number | null => (v === null ? null : Number(v));

type CoordinationCounts = Omit<
  CoordinationCountsRow,
  'agency_id' | 'agency_code' | 'agency_name' | 'agency_sort_order'
>;
const COORDINATION_KEYS = ['requested', 'submitted', 'on_time', 'late', 'overdue', 'not_due', 'accepted'] as const;

function toCoordination(c: CoordinationCounts): ReportCoordinationFigures {
  return {
    requested: c.requested,
    submitted: c.submitted,
    onTime: c.on_time,
    late: c.late,
    overdue: c.overdue,
    notDue: c.not_due,
    accepted: c.accepted,
    onTimeRate: rate(c.on_time, c.on_time + c.late + c.overdue),
  };
}

type MilestoneCounts = Omit<MilestoneCountsRow, 'agency_id' | 'agency_code' | 'agency_name' | 'agency_sort_order'>;
const MILESTONE_KEYS = ['total', 'done_on_time', 'done_late', 'missed', 'upcoming'] as const;

function toMilestones(c: MilestoneCounts): ReportMilestoneFigures {
  return { total: c.total, doneOnTime: c.done_on_time, doneLate: c.done_late, missed: c.missed, upcoming: c.upcoming };
}

/** Column sums of rows over `keys`. */
function sumOf<K extends string>(rows: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  const sum = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) for (const k of keys) sum[k] += r[k];
  return sum;
}

const agencyOrder = (r: { agency_sort_order: number | null; agency_name: string }) => ({
  sortOrder: r.agency_sort_order,
  name: r.agency_name,
});

/** The JSON views. Every figure comes from SQL over the same `facts`; this class only names and shapes. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CalendarStore) private readonly calendars: CalendarStore,
    private readonly database: ReportsDatabase,
    private readonly organisations: OrganisationsService,
  ) {}

  /** `question` and `complete` at once: a request resolved for a view, a document or a snapshot. */
  async context(
    user: AuthUser,
    query: ReportQuery,
    now = new Date(),
    opts: { unclassifiedOnly?: boolean } = {},
  ): Promise<ReportContext> {
    return this.complete(await this.question(user, query, now, opts));
  }

  /**
   * Checks the filters against the database and fixes the moment: the end of `asOf` (local time), or
   * now when no date is given. A date after today is refused: the future has no history yet. A classified
   * directive the user is not cleared for is answered as one that does not exist. With `unclassifiedOnly`
   * the figures leave out every classified task, whoever asks (what a snapshot every reader shares may show).
   */
  async question(
    user: AuthUser,
    query: ReportQuery,
    now = new Date(),
    opts: { unclassifiedOnly?: boolean } = {},
  ): Promise<ReportQuestion> {
    const today = localDate(now);
    if (query.asOf && query.asOf > today) {
      throw new ApiError(400, 'VALIDATION_FAILED', `Invalid input: asOf: must not be after today (${today})`, [
        { path: 'asOf', message: `must not be after today (${today})` },
      ]);
    }
    // A committee's figures: the caller's own or one below it; any other does not exist for them. Asked of the
    // primary, as every other use of the tree is: a committee made a moment ago is one, replica or not.
    if (query.organisationId) await this.organisations.within(user, query.organisationId);
    if (query.agencyId && !(await this.reports.agency(query.agencyId))) {
      throw new ApiError(400, 'UNKNOWN_AGENCY', 'The agency does not exist');
    }
    const directive = query.directiveId ? await this.reports.directive(query.directiveId, user.id) : undefined;
    if (query.directiveId && !directive) {
      throw new ApiError(400, 'UNKNOWN_DIRECTIVE', 'The directive does not exist');
    }
    for (const [key, id] of [
      ['assigneeUserId', query.assigneeUserId],
      ['monitorUserId', query.monitorUserId],
    ] as const) {
      if (id && !(await this.reports.userExists(id))) {
        throw new ApiError(400, 'UNKNOWN_USER', `The user of ${key} does not exist`);
      }
    }
    const window: ReportWindow = query.asOf
      ? { live: false, day: query.asOf, until: new Date(Date.parse(`${query.asOf}T00:00:00+07:00`) + DAY_MS) }
      : { live: true, day: today, until: null };
    const actor = opts.unclassifiedOnly ? unclearedActor(toActor(user)) : toActor(user);
    if (query.parentTaskId && (await this.reports.visibleCount(toActor(user), [query.parentTaskId])) === 0) {
      throw new ApiError(400, 'UNKNOWN_PARENT_TASK', 'Không tìm thấy nhiệm vụ cấp trên / No such task above');
    }
    const directiveLevel = directive && !opts.unclassifiedOnly ? directive.classification : 'normal';
    return { actor, query, window, now, directiveLevel };
  }

  /** The question with the working calendar of its moment and the classified tasks it counts or hides. */
  async complete(q: ReportQuestion): Promise<ReportContext> {
    const { actor, query, now } = q;
    const window: ReportWindow = { ...q.window, daysOff: await this.daysOff(q.window) };
    // Counts include a classified task only for those cleared; the rest are told how many they do not see.
    const classified = await this.reports.classified(actor, query, window);
    return {
      actor,
      query,
      window,
      level: higherClassification(classified.level, q.directiveLevel),
      meta: {
        asOf: window.day,
        live: window.live,
        generatedAt: now.toISOString(),
        dueSoonDays: this.config.dueSoonDays,
        filters: {
          directiveId: query.directiveId ?? null,
          agencyId: query.agencyId ?? null,
          field: query.field ?? null,
          deliverableType: query.deliverableType ?? null,
          assigneeUserId: query.assigneeUserId ?? null,
          monitorUserId: query.monitorUserId ?? null,
        },
        hidden: classified.hidden,
      },
    };
  }

  /**
   * The days off of the calendar in force at the report's moment (now, or as the entries stood at the end of
   * `asOf`), over the span of the deadlines it judges: SQL reads lateness in working days from them.
   */
  private async daysOff(w: ReportWindow) {
    const calendar = w.until
      ? await this.calendars.at(this.database.source, w.until)
      : await this.calendars.current(this.database.source);
    if (!calendar.settings.enabled) return NO_DAYS_OFF;
    const span = reportSpan(await this.reports.earliestDeadline(), w.day, this.config.dueSoonDays);
    return daysOffBetween(calendar, span.from, span.to);
  }

  async summary(c: ReportContext): Promise<ReportSummary> {
    const row = await this.reports.summary(c.actor, c.query, c.window, this.config.dueSoonDays);
    return { ...c.meta, ...both(row), excluded: { drafted: row.drafted, cancelled: row.cancelled } };
  }

  /**
   * Rows in the official order of agencies (the administrator's places, then Vietnamese order of the names),
   * sorted here because SQL's order follows the database's collation (C in the embedded build); the workbook,
   * the periodic report and snapshots take this order.
   */
  async byAgency(c: ReportContext): Promise<ReportByAgency> {
    const rows = await this.reports.byAgency(c.actor, c.query, c.window, this.config.dueSoonDays);
    return {
      ...c.meta,
      rows: sortByAgencyOrder(rows, (r) => ({ sortOrder: r.agency_sort_order, name: r.agency_name })).map((r) => ({
        agencyId: r.agency_id,
        agencyCode: r.agency_code,
        agencyName: r.agency_name,
        ...both(r),
        lateness: toLateness(r),
      })),
      ...totalsOf(rows),
      latenessTotals: latenessTotalOf(rows),
    };
  }

  /** The table by committee: the report's committee's own tasks, then each committee directly below it. */
  async byOrganisation(c: ReportContext, user: AuthUser): Promise<ReportByOrganisation> {
    const base = c.query.organisationId ?? user.organisationId;
    const rows = await this.reports.byOrganisation(c.actor, c.query, c.window, this.config.dueSoonDays, base);
    return {
      ...c.meta,
      rows: rows.map((r) => ({
        organisationId: r.organisation_id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        own: r.own,
        ...both(r),
        lateness: toLateness(r),
      })),
      ...totalsOf(rows),
      latenessTotals: latenessTotalOf(rows),
    };
  }

  /**
   * One row per person (the handling officer, or the monitoring officer) in Vietnamese order of names,
   * the tasks with no one named last; the same figures as by agency.
   */
  async byPerson(c: ReportContext, by: ReportPersonAxis): Promise<ReportByPerson> {
    const rows = await this.reports.byPerson(by, c.actor, c.query, c.window, this.config.dueSoonDays);
    const sorted = [...rows].sort((a, b) =>
      a.user_id === null || b.user_id === null
        ? Number(a.user_id === null) - Number(b.user_id === null)
        : compareVietnamese(a.full_name ?? '', b.full_name ?? '') || a.user_id.localeCompare(b.user_id),
    );
    return {
      ...c.meta,
      by,
      rows: sorted.map((r) => ({ userId: r.user_id, fullName: r.full_name, ...both(r) })),
      ...totalsOf(rows),
    };
  }

  async byDirective(c: ReportContext): Promise<ReportByDirective> {
    const rows = await this.reports.byDirective(c.actor, c.query, c.window, this.config.dueSoonDays);
    return {
      ...c.meta,
      rows: rows.map((r) => ({
        directiveId: r.directive_id,
        number: r.number,
        title: r.title,
        ...(r.classification ? { classification: r.classification } : {}),
        figures: toFigures(r),
        lateness: toLateness(r),
      })),
      totals: totalOf(rows),
      latenessTotals: latenessTotalOf(rows),
    };
  }

  async byField(c: ReportContext): Promise<ReportByField> {
    const rows = await this.reports.byColumn('field', c.actor, c.query, c.window, this.config.dueSoonDays);
    const order = (f: string) => FIELD_VALUES.indexOf(f as (typeof FIELD_VALUES)[number]);
    return {
      ...c.meta,
      rows: rows
        .sort((a, b) => order(a.field) - order(b.field))
        .map((r) => ({ field: r.field, label: fieldLabel(r.field), figures: toFigures(r) })),
      totals: totalOf(rows),
    };
  }

  async byDeliverableType(c: ReportContext): Promise<ReportByDeliverableType> {
    const rows = await this.reports.byColumn('deliverable_type', c.actor, c.query, c.window, this.config.dueSoonDays);
    const order = (t: string) => DELIVERABLE_TYPE_VALUES.indexOf(t as (typeof DELIVERABLE_TYPE_VALUES)[number]);
    return {
      ...c.meta,
      rows: rows
        .sort((a, b) => order(a.deliverable_type) - order(b.deliverable_type))
        .map((r) => ({
          deliverableType: r.deliverable_type,
          label: deliverableTypeLabel(r.deliverable_type),
          figures: toFigures(r),
        })),
      totals: totalOf(rows),
    };
  }

  /** The whole list without `page` (snapshots, documents); `total` always counts every item. */
  async escalations(c: ReportContext, page?: Page): Promise<ReportEscalations> {
    const { rows, first } = await pageWithFirst(
      (pg) => this.reports.escalations(c.actor, c.query, c.window, this.config.dueSoonDays, pg),
      page,
    );
    return {
      ...c.meta,
      ...pageInfo(first?.total, page),
      items: rows.map((r) => ({
        ...taskRef(r),
        dueDate: r.due_date!,
        originalDueDate: r.original_due_date ?? r.due_date!,
        effectiveDueDate: r.effective_due_date ?? r.due_date!,
        daysOverdue: r.days_overdue ?? 0,
        workingDaysOverdue: r.working_days_overdue ?? 0,
        escalationLevel: r.escalation_level,
        lastReminderAt: r.last_reminder_at ? r.last_reminder_at.toISOString() : null,
      })),
    };
  }

  async reviewQueue(c: ReportContext, page?: Page): Promise<ReportReviewQueue> {
    const { rows, first } = await pageWithFirst(
      (pg) => this.reports.reviewQueue(c.actor, c.query, c.window, this.config.dueSoonDays, pg),
      page,
    );
    return {
      ...c.meta,
      ...pageInfo(first?.total, page),
      items: rows.map((r) => ({
        ...taskRef(r),
        submittedAt: r.submitted_at.toISOString(),
        waitingDays: r.waiting_days,
        returns: r.returns,
        dueDate: r.due_date,
      })),
      averageWaitingDays: first ? Math.round(Number(first.average_waiting) * 10) / 10 : null,
      longestWaitingDays: first ? first.longest_waiting : null,
    };
  }

  async averages(c: ReportContext): Promise<ReportAverages> {
    const r = await this.reports.averages(c.actor, c.query, c.window);
    return {
      ...c.meta,
      assignmentToSubmission: { averageDays: days(r.assign_to_submit_days), count: r.assign_to_submit_count },
      submissionToDecision: { averageDays: days(r.submit_to_decision_days), count: r.submit_to_decision_count },
      returns: {
        total: r.returns_total,
        tasksReturned: r.tasks_returned,
        submittedTasks: r.submitted_tasks,
        averagePerSubmittedTask:
          r.submitted_tasks > 0 ? Math.round((r.returns_total / r.submitted_tasks) * 100) / 100 : null,
      },
    };
  }

  /** Coordinating agencies' timeliness (phối hợp đúng hạn / quá hạn), in the official order of agencies. */
  async coordination(c: ReportContext): Promise<ReportCoordination> {
    const rows = await this.reports.coordination(c.actor, c.query, c.window);
    return {
      ...c.meta,
      rows: sortByAgencyOrder(rows, agencyOrder).map((r) => ({
        agencyId: r.agency_id,
        agencyCode: r.agency_code,
        agencyName: r.agency_name,
        figures: toCoordination(r),
      })),
      totals: toCoordination(sumOf(rows, COORDINATION_KEYS)),
    };
  }

  /** Milestones by lead agency: done on time, done late, missed, upcoming. */
  async milestones(c: ReportContext): Promise<ReportMilestones> {
    const rows = await this.reports.milestones(c.actor, c.query, c.window);
    return {
      ...c.meta,
      rows: sortByAgencyOrder(rows, agencyOrder).map((r) => ({
        agencyId: r.agency_id,
        agencyCode: r.agency_code,
        agencyName: r.agency_name,
        figures: toMilestones(r),
      })),
      totals: toMilestones(sumOf(rows, MILESTONE_KEYS)),
    };
  }

  /** Every view at once, for a snapshot and the periodic report. */
  async bundle(c: ReportContext): Promise<ReportBundle> {
    const [
      summary,
      byAgency,
      byDirective,
      byField,
      byDeliverableType,
      escalations,
      reviewQueue,
      averages,
      coordination,
      milestones,
    ] = await Promise.all([
      this.summary(c),
      this.byAgency(c),
      this.byDirective(c),
      this.byField(c),
      this.byDeliverableType(c),
      this.escalations(c),
      this.reviewQueue(c),
      this.averages(c),
      this.coordination(c),
      this.milestones(c),
    ]);
    return {
      summary,
      byAgency,
      byDirective,
      byField,
      byDeliverableType,
      escalations,
      reviewQueue,
      averages,
      coordination,
      milestones,
    };
  }

  /** Counted tasks then with their latest progress (of the period `periodId`, when given). */
  tasksWithProgress(c: ReportContext, periodId?: string): Promise<ReportTaskProgressRow[]> {
    return this.reports.tasksWithProgress(c.actor, c.query, c.window, this.config.dueSoonDays, periodId);
  }

  /** The reporting period the documents are asked for: 400 when there is no such period. */
  async period(periodId: string | undefined): Promise<{ id: string; label: string } | null> {
    if (!periodId) return null;
    const period = await this.reports.period(periodId);
    if (!period) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Invalid input: periodId: no such reporting period', [
        { path: 'periodId', message: 'no such reporting period' },
      ]);
    }
    return period;
  }

  /** Counted tasks then, optionally only those in the given deadline statuses (for the documents). */
  tasks(c: ReportContext, statuses?: readonly string[], ids?: readonly string[]): Promise<ReportTaskRow[]> {
    return this.reports.tasks(c.actor, c.query, c.window, this.config.dueSoonDays, statuses, ids);
  }

  /** Whether the caller may see every one of `ids`. */
  async seesAll(c: ReportContext, ids: readonly string[]): Promise<boolean> {
    return (await this.reports.visibleCount(c.actor, ids)) === ids.length;
  }

  /** The agencies in the official order of agencies. */
  async agenciesInOrder(ids: readonly string[]): Promise<AgencyRef[]> {
    return sortByAgencyOrder(await this.reports.agencies(ids), (a) => a);
  }

  agency(id: string): Promise<{ id: string; code: string; name: string } | undefined> {
    return this.reports.agency(id);
  }

  /** The directive when the user may see it (a classified one only for those on its list). */
  directive(
    id: string,
    userId: string,
  ): Promise<{ id: string; number: string; title: string; classification: Classification } | undefined> {
    return this.reports.directive(id, userId);
  }
}

/**
 * A page and the first row of the whole list: the totals ride on every row, and a page past the end has
 * none, so they are then read from the first page.
 */
async function pageWithFirst<R>(
  list: (page?: Page) => Promise<R[]>,
  page?: Page,
): Promise<{ rows: R[]; first: R | undefined }> {
  const rows = await list(page);
  const first = rows[0] ?? (page && page.offset > 0 ? (await list({ limit: 1, offset: 0 }))[0] : undefined);
  return { rows, first };
}

function pageInfo(total: number | undefined, page?: Page): { total: number; limit: number | null; offset: number } {
  return { total: total ?? 0, limit: page?.limit ?? null, offset: page?.offset ?? 0 };
}
