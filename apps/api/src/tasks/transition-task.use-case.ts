import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TaskSummaryDto, TransitionRequest } from '@dondoc/contracts';
import { CalendarStore, type AppliedChange, type TaskChange } from '@dondoc/persistence';
import {
  applyEvent,
  localDate,
  STATE_LABELS,
  type TaskEvent,
  type WorkingCalendar,
  isRecordOnly,
} from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { isUnconfirmed, sessionEnded } from '../auth/session-in-read.js';
import { ApiError } from '../common/api-error.js';
import { RECORD_ONLY_REASON, recordOnlyRefusal } from '../classification/classification-rules.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import {
  missingContributionsIn,
  requireReasonForMissing,
  withMissingContributions,
} from '../contributions/missing-contributions.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { REFUSAL_STATUS } from './refusal-status.js';
import { toFacts, toSummary, summaryViewOf } from './task-summary.js';
import { DATE_PLANNING_EVENTS, policyFor } from './schedule-change.js';
import { transitionChange } from './transition-change.js';
import { cancelSubTasks, openSubTasks } from './cancel-sub-tasks.js';
import { TasksRepository, type TaskDetailRow, type TaskReadOptions } from './tasks.repository.js';

@Injectable()
export class TransitionTaskUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly agencies: AgenciesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarStore,
    private readonly auth: AuthService,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    req: TransitionRequest,
    requestId: string | null,
  ): Promise<TaskSummaryDto> {
    if (req.event === 'CANCEL') return this.cancel(user, taskId, req, requestId);
    if (!DATE_PLANNING_EVENTS.has(req.event)) {
      return this.decide(user, taskId, req, requestId, undefined, this.db.manager, (c) => this.changes.apply(c));
    }
    // Dates planned on the calendar in force, under its shared lock: a calendar change waits for this one. The
    // reads go through the same transaction: one connection per request, not two.
    return this.changes.transaction(async (tx) =>
      this.decide(user, taskId, req, requestId, await this.calendars.current(tx.manager), tx.manager, (c) =>
        tx.apply(c),
      ),
    );
  }

  /**
   * CANCEL in one transaction with what it decides for the work below (issue 20): a task broken down with open
   * sub-tasks is cancelled only once the caller says whether they go with it or stay.
   */
  private cancel(user: AuthUser, taskId: string, req: TransitionRequest, requestId: string | null) {
    return this.changes.transaction(async (tx) => {
      let below: string[] = [];
      const summary = await this.decide(
        user,
        taskId,
        req,
        requestId,
        undefined,
        tx.manager,
        (c) => tx.apply(c),
        async () => {
          below = await this.tasks.openDescendants(tx.manager, taskId);
          if (below.length && !req.subTasks) throw openSubTasks(below.length);
        },
      );
      if (below.length && req.subTasks === 'cancel') {
        const actor = toActor(user);
        const policy = policyFor(this.config.escalation, null);
        const parent = { code: summary.code, comment: req.comment?.trim() ?? '' };
        await cancelSubTasks(tx, below, actor, parent, new Date(), policy, requestId);
      }
      return summary;
    });
  }

  private async decide(
    user: AuthUser,
    taskId: string,
    req: TransitionRequest,
    requestId: string | null,
    calendar: WorkingCalendar | undefined,
    manager: EntityManager,
    write: (change: TaskChange) => Promise<AppliedChange | undefined>,
    beforeWrite?: () => Promise<void>,
  ): Promise<TaskSummaryDto> {
    const { user: confirmed, row } = await this.readTask(user, taskId, manager, {
      contributions: req.event === 'SUBMIT',
    });
    if (!row) throw ApiError.notFound('Task');
    const actor = toActor(confirmed);

    const now = new Date(Date.now() + this.config.clockOffsetMs);
    let event = this.toEvent(req);
    // Tuyệt mật: no comment enters the system; a reason (a return's, a cancellation's) is kept with the content.
    if (isRecordOnly(row.classification)) {
      if (req.comment?.trim()) throw recordOnlyRefusal();
      event = { ...event, comment: RECORD_ONLY_REASON };
    }
    // "Trong N ngày làm việc": the date is fixed now, N working days after the day of assignment.
    if (event.type === 'ASSIGN' && !event.dueDate && !row.due_date && row.deadline_working_days && calendar) {
      event = { ...event, dueDate: calendar.addWorkingDays(localDate(now), row.deadline_working_days) };
    }
    // A tuyệt mật task's deliverable stays outside the system: it is submitted without a file.
    const facts = toFacts(row, {
      hasPendingSubmission: row.pending_submission_id !== null || isRecordOnly(row.classification),
    });
    const result = applyEvent(facts, actor, event, now);

    if (!result.ok && result.refusal.code === 'FORBIDDEN_ROLE') {
      throw new ApiError(403, 'FORBIDDEN_ROLE', result.refusal.message);
    }
    if (req.expectedVersion !== row.version) {
      throw new ApiError(
        409,
        'VERSION_CONFLICT',
        `The task changed since you loaded it (version ${req.expectedVersion}, now ${row.version}, ` +
          `state "${STATE_LABELS[row.state].en}"); reload it and try again`,
      );
    }
    if (!result.ok) {
      throw new ApiError(REFUSAL_STATUS[result.refusal.code], result.refusal.code, result.refusal.message);
    }
    if ((event.type === 'ASSIGN' || event.type === 'REASSIGN') && result.task.leadAgencyId) {
      if (!(await this.agencies.isActive(result.task.leadAgencyId, row.organisation_id))) {
        throw new ApiError(400, 'UNKNOWN_AGENCY', 'The lead agency does not exist or is disabled');
      }
    }

    // The lead submits without every coordinator's contribution accepted: only with a reason, kept in the history.
    const missing = event.type === 'SUBMIT' ? missingContributionsIn(row.contributions) : [];
    requireReasonForMissing(missing, req.comment);
    await beforeWrite?.();

    const change = transitionChange({
      taskId,
      actor,
      event,
      result,
      before: { version: row.version, leadAgencyId: row.lead_agency_id, completedAt: row.completed_at },
      pendingSubmission: row.pending_submission_id
        ? { id: row.pending_submission_id, submittedAt: row.pending_submitted_at ?? now }
        : null,
      now,
      policy: policyFor(this.config.escalation, row.escalation_policy),
      calendar,
      requestId,
    });
    const written = await write(withMissingContributions(change, missing));
    if (!written) {
      throw new ApiError(
        409,
        'VERSION_CONFLICT',
        'Someone else changed this task a moment ago; reload it and try again',
      );
    }
    return toSummary(written.task, actor, now, summaryViewOf(this.config, this.calendars));
  }

  /** The task as the caller sees it; a session the guard took from memory is confirmed in the same statement. */
  private async readTask(
    user: AuthUser,
    taskId: string,
    manager: EntityManager,
    opts: TaskReadOptions,
  ): Promise<{ user: AuthUser; row: TaskDetailRow | undefined }> {
    if (!isUnconfirmed(user)) {
      return { user, row: await this.tasks.findVisible(toActor(user), taskId, manager, opts) };
    }
    const { sessionLive, row } = await this.tasks.findVisibleConfirming(user, taskId, manager, opts);
    if (sessionLive) return { user, row };
    // Memory was stale: the session ended, or the user changed (role, agency, position, the agency's setting).
    // The database decides which; a changed user goes on as who they are now.
    const fresh = await this.auth.reconfirm(user.sessionId, user.id, manager);
    if (!fresh) throw sessionEnded();
    return { user: fresh, row: await this.tasks.findVisible(toActor(fresh), taskId, manager, opts) };
  }

  private toEvent(req: TransitionRequest): TaskEvent {
    const comment = req.comment;
    switch (req.event) {
      case 'ASSIGN':
        return { type: 'ASSIGN', leadAgencyId: req.leadAgencyId, dueDate: req.dueDate, comment };
      case 'REASSIGN':
        // An empty lead is refused by the workflow after the role check, so outsiders still get 403.
        return { type: 'REASSIGN', leadAgencyId: req.leadAgencyId ?? '', dueDate: req.dueDate, comment };
      case 'RETURN':
        return { type: 'RETURN', comment: comment ?? '' };
      case 'CANCEL':
        return { type: 'CANCEL', comment: comment ?? '' };
      case 'START':
      case 'SUBMIT':
      case 'APPROVE':
        return { type: req.event, comment };
    }
  }
}
