import { Inject, Injectable } from '@nestjs/common';
import type { TaskSummaryDto, TransitionRequest } from '@dondoc/contracts';
import {
  applyEvent,
  isValidPolicy,
  mergePolicy,
  STATE_LABELS,
  type EscalationPolicy,
  type TaskEvent,
} from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AgencyLookup } from '../agencies/agency-lookup.service.js';
import { SignalBus } from '../redis/signal-bus.service.js';
import { REFUSAL_STATUS } from './refusal-status.js';
import { toFacts, toSummary } from './task-row.js';
import { notificationFor, scheduleChange } from './schedule-change.js';
import { TasksRepository, type TaskDetailRow } from './tasks.repository.js';

@Injectable()
export class TransitionTaskUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly agencies: AgencyLookup,
    private readonly bus: SignalBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    req: TransitionRequest,
    requestId: string | null,
  ): Promise<TaskSummaryDto> {
    const actor = toActor(user);
    const row = await this.tasks.findVisible(actor, taskId);
    if (!row) throw ApiError.notFound('Task');

    const event = this.toEvent(req);
    const now = new Date();
    const facts = toFacts(row, { hasPendingSubmission: row.pending_submission_id !== null });
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
      if (!(await this.agencies.isActive(result.task.leadAgencyId))) {
        throw new ApiError(400, 'UNKNOWN_AGENCY', 'The lead agency does not exist or is disabled');
      }
    }

    const decides = event.type === 'APPROVE' || event.type === 'RETURN';
    const written = await this.tasks.applyTransition({
      taskId,
      expectedVersion: row.version,
      fromState: result.from,
      toState: result.to,
      event: event.type,
      leadAgencyId: result.task.leadAgencyId,
      dueDate: result.task.dueDate,
      deadlineVersion: result.task.deadlineVersion,
      revision: result.task.revision,
      // Timeliness is judged by when the approved deliverable was handed in, not when it was reviewed.
      completedAt: event.type === 'APPROVE' ? (row.pending_submitted_at ?? now) : row.completed_at,
      actor,
      comment: event.comment?.trim() || null,
      data:
        event.type === 'ASSIGN' || event.type === 'REASSIGN'
          ? {
              leadAgencyId: result.task.leadAgencyId,
              dueDate: result.task.dueDate,
              previousLeadAgencyId: row.lead_agency_id,
            }
          : {},
      effects: result.effects,
      decision:
        decides && row.pending_submission_id
          ? {
              submissionId: row.pending_submission_id,
              decision: event.type === 'APPROVE' ? 'approved' : 'returned',
              comment: event.comment?.trim() || null,
            }
          : null,
      requestId,
      schedule: scheduleChange(taskId, result.effects, row.version + 1, now, this.policyFor(row)),
      notification: notificationFor(event.type, row, result.effects),
    });
    if (!written) {
      throw new ApiError(
        409,
        'VERSION_CONFLICT',
        'Someone else changed this task a moment ago; reload it and try again',
      );
    }
    // Committed: wake the relay now for the schedule and the live events, rather than at its next tick.
    this.bus.nudgeSchedule();
    return toSummary(written, actor, now, this.config.dueSoonDays);
  }

  private policyFor(row: TaskDetailRow): EscalationPolicy {
    const override = row.escalation_policy;
    return override && isValidPolicy({ ...this.config.escalation, ...override })
      ? mergePolicy(this.config.escalation, override)
      : this.config.escalation;
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
