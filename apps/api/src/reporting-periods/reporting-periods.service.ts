import { Inject, Injectable } from '@nestjs/common';
import {
  periodRange,
  type CreateReportingPeriodRequest,
  type ReportingPeriodDetailDto,
  type ReportingPeriodDto,
  type ReportingPeriodListDto,
  type ReportingPeriodRemindDto,
} from '@dondoc/contracts';
import { CalendarStore, type ScheduledActionInput } from '@dondoc/persistence';
import { actionJobId, localDate, planPartActions, type Actor, type TaskState } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService, type ChangeTransaction } from '../task-changes/task-changes.service.js';
import { policyFor } from '../tasks/schedule-change.js';
import { ReportingPeriodsRepository, type PeriodRow } from './reporting-periods.repository.js';

/** How long after opening the reports are due when the period's own last day has passed. */
const LATE_PERIOD_DUE_DAYS = 7;

const periodClosed = () => new ApiError(409, 'PERIOD_CLOSED', 'Kỳ báo cáo đã đóng / This reporting period is closed');

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The agency whose rows the caller sees, or null for those who see every row. */
function agencyScope(actor: Actor): string | null {
  return actor.role === 'agency' ? (actor.agencyId ?? '00000000-0000-0000-0000-000000000000') : null;
}

function toPeriodDto(r: PeriodRow): ReportingPeriodDto {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    dueDate: r.due_date,
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    asked: r.asked,
    reported: r.reported,
    missing: r.asked - r.reported,
  };
}

/**
 * Kỳ báo cáo: the Office opens a period, every open task's lead agency is asked for a report on it (with a
 * reminder on the due date to those still missing), the Office urges the rest and closes it.
 */
@Injectable()
export class ReportingPeriodsService {
  constructor(
    private readonly periods: ReportingPeriodsRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async open(
    user: AuthUser,
    req: CreateReportingPeriodRequest,
    requestId: string | null,
  ): Promise<ReportingPeriodDetailDto> {
    const actor = toActor(user);
    const range = periodRange(req);
    if (range.endsOn < range.startsOn) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The period ends before it starts', [
        { path: 'endsOn', message: 'must not be before startsOn' },
      ]);
    }
    const today = localDate(new Date());
    const dueDate = req.dueDate ?? (range.endsOn >= today ? range.endsOn : addDays(today, LATE_PERIOD_DUE_DAYS));
    if (dueDate < today) {
      throw new ApiError(400, 'INVALID_DUE_DATE', `Hạn báo cáo đã qua / The due date ${dueDate} has passed`);
    }
    const label = req.label?.trim() || range.label;

    const periodId = await this.changes.transaction(async (tx) => {
      const id = await this.periods.insert(tx.manager, {
        kind: req.kind,
        ...range,
        label,
        dueDate,
        openedBy: actor.userId,
      });
      if (!id) {
        throw new ApiError(
          409,
          'PERIOD_EXISTS',
          `Kỳ báo cáo "${range.label}" đã được mở / A ${req.kind} period from ${range.startsOn} to ${range.endsOn} exists already`,
        );
      }
      const asked = await this.periods.askOpenTasks(tx.manager, id);
      const calendar = await this.calendars.current(tx.manager);
      // One writer statement per task: its history row, the lead agency told, the due-date reminder scheduled.
      for (const task of asked) {
        const policy = policyFor(this.config.escalation, task.escalation_policy);
        const add: ScheduledActionInput[] = planPartActions('progress', dueDate, policy, calendar).map((a) => ({
          rung: a.rung,
          offset: a.offset,
          version: 1,
          level: a.level,
          audiences: a.audiences,
          // A period asks many tasks: the job is the period's for this task.
          job_id: actionJobId(`${id}_${task.task_id}`, a.rung, a.offset, 1),
          due_at: a.dueAt.toISOString(),
          target_id: id,
        }));
        await this.request(tx, actor, task.task_id, task.state, id, dueDate, requestId, {
          dedupeKey: `progress-requested-${id}-${task.task_id}`,
          schedule: { cancelRungs: [], add },
        });
      }
      return id;
    });
    return this.detailOf(periodId, null, actor.userId);
  }

  async list(user: AuthUser): Promise<ReportingPeriodListDto> {
    const rows = await this.periods.list(agencyScope(toActor(user)), user.id);
    return { items: rows.map(toPeriodDto) };
  }

  async detail(user: AuthUser, id: string): Promise<ReportingPeriodDetailDto> {
    return this.detailOf(id, agencyScope(toActor(user)), user.id);
  }

  async close(user: AuthUser, id: string): Promise<ReportingPeriodDto> {
    await this.visibleOrNotFound(user, id);
    await this.changes.transaction(async (tx) => {
      const period = await this.periods.lock(tx.manager, id);
      if (!period) throw ApiError.notFound('Reporting period');
      ownPeriod(period, user);
      if (period.closed_at) throw periodClosed();
      // The pending reminders stay in the schedule: the worker finds the period closed and skips them.
      await this.periods.close(tx.manager, id);
    });
    const row = await this.periods.find(id, null, user.id);
    return toPeriodDto(row!);
  }

  /** Urges now the lead agencies of the tasks still missing a report; once a day per task. */
  async remind(user: AuthUser, id: string, requestId: string | null): Promise<ReportingPeriodRemindDto> {
    const actor = toActor(user);
    const today = localDate(new Date());
    await this.visibleOrNotFound(user, id);
    return this.changes.transaction(async (tx) => {
      const period = await this.periods.lock(tx.manager, id);
      if (!period) throw ApiError.notFound('Reporting period');
      ownPeriod(period, user);
      if (period.closed_at) throw periodClosed();
      const missing = await this.periods.missingTasks(tx.manager, id, actor.userId);
      let reminded = 0;
      let alreadyToday = 0;
      for (const task of missing) {
        const applied = await this.request(tx, actor, task.task_id, task.state, id, period.due_date, requestId, {
          dedupeKey: `progress-requested-${id}-${task.task_id}-again-${today}`,
          again: true,
        });
        // Every missing task is urged; the counts tell the caller only of those they are cleared for.
        if (!task.cleared) continue;
        if (applied) reminded += 1;
        else alreadyToday += 1;
      }
      return { reminded, alreadyToday };
    });
  }

  /** A sibling committee's period does not exist for the caller (a committee above gets 403 from `ownPeriod`). */
  private async visibleOrNotFound(user: AuthUser, id: string): Promise<void> {
    if (!(await this.periods.find(id, null, user.id))) throw ApiError.notFound('Reporting period');
  }

  /** PROGRESS_REQUESTED on one task; true when it was written (false: already done under this key). */
  private async request(
    tx: ChangeTransaction,
    actor: Actor,
    taskId: string,
    state: TaskState,
    periodId: string,
    dueDate: string,
    requestId: string | null,
    opts: { dedupeKey: string; again?: boolean; schedule?: { cancelRungs: []; add: ScheduledActionInput[] } },
  ): Promise<boolean> {
    const applied = await tx.apply({
      kind: 'PROGRESS_REQUESTED',
      taskId,
      actor,
      from: state,
      data: { periodId, dueDate, ...(opts.again ? { again: true } : {}) },
      notificationData: { periodId, dueDate },
      dedupeKey: opts.dedupeKey,
      schedule: opts.schedule,
      requestId,
    });
    // The task is locked in its state: a missing change is a bug, not a race; roll the whole period back.
    if (!applied) throw new Error(`PROGRESS_REQUESTED not applied to task ${taskId}`);
    return applied.eventId !== null;
  }

  /** The period as the reader may see it: the classified tasks they are not cleared for are neither counted nor named. */
  private async detailOf(id: string, agencyId: string | null, userId: string): Promise<ReportingPeriodDetailDto> {
    const period = await this.periods.find(id, agencyId, userId);
    if (!period) throw ApiError.notFound('Reporting period');
    const [agencies, tasks] = await Promise.all([
      this.periods.byAgency(id, agencyId, userId),
      this.periods.tasks(id, agencyId, userId),
    ]);
    return {
      ...toPeriodDto(period),
      agencies: agencies.map((a) => ({
        agencyId: a.agency_id,
        agencyName: a.agency_name,
        asked: a.asked,
        reported: a.reported,
        missing: a.asked - a.reported,
      })),
      tasks: tasks.map((t) => ({
        taskId: t.task_id,
        code: t.code,
        title: t.title,
        state: t.state,
        agencyId: t.agency_id,
        agencyName: t.agency_name,
        report:
          t.report_id && t.percent !== null && t.narrative !== null && t.reported_at
            ? { id: t.report_id, percent: t.percent, narrative: t.narrative, reportedAt: t.reported_at.toISOString() }
            : null,
      })),
    };
  }
}

/** A period is its committee's Office's to close and to urge: one above reads it, others do not know it. */
function ownPeriod(period: PeriodRow, user: AuthUser): void {
  if (period.organisation_id === user.organisationId) return;
  throw new ApiError(403, 'FORBIDDEN', 'Kỳ báo cáo của cấp ủy khác / This reporting period is another committee’s');
}
