import { Inject, Injectable } from '@nestjs/common';
import { notificationTitle, type ExtensionDecisionRequest, type ExtensionDecisionResponse } from '@dondoc/contracts';
import {
  actionJobId,
  deadlineInstant,
  isValidPolicy,
  mergePolicy,
  planDeadlineActions,
  STATE_LABELS,
  type Actor,
  type EscalationPolicy,
} from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SignalBus } from '../redis/signal-bus.service.js';
import { toSummary } from '../tasks/task-row.js';
import { TasksRepository, type ScheduleChange, type TaskDetailRow } from '../tasks/tasks.repository.js';
import { toExtensionRequestDto, type ExtensionRequestRow } from './extension-dto.js';
import { GRANTABLE_STATES, mayDecideExtension } from './extension.rules.js';
import { ExtensionsRepository } from './extensions.repository.js';

const conflict = () =>
  new ApiError(409, 'VERSION_CONFLICT', 'Someone else changed this task a moment ago; reload it and try again');
const alreadyDecided = () =>
  new ApiError(409, 'EXTENSION_ALREADY_DECIDED', 'This extension request has already been decided');

/** The Standing Committee (or, where configured, the Office) grants or refuses an extension request. */
@Injectable()
export class DecideExtensionUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly extensions: ExtensionsRepository,
    private readonly bus: SignalBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(
    user: AuthUser,
    extensionId: string,
    req: ExtensionDecisionRequest,
    requestId: string | null,
  ): Promise<ExtensionDecisionResponse> {
    const actor = toActor(user);
    const request = await this.extensions.findById(extensionId);
    // A request on a task the caller cannot see does not exist for them, exactly like the task.
    const task = request && (await this.tasks.findVisible(actor, request.task_id));
    if (!request || !task) throw ApiError.notFound('Extension request');
    if (!mayDecideExtension(actor, this.config.extensionsOfficeMayDecide)) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        this.config.extensionsOfficeMayDecide
          ? 'Only the Standing Committee or the Office decides extension requests'
          : 'Only the Standing Committee decides extension requests',
      );
    }
    if (request.status !== 'open') throw alreadyDecided();
    // State before input, as for transitions: a grant that cannot happen says so whatever the comment.
    if (req.decision === 'grant') this.checkGrantable(request, task);
    const comment = req.comment.trim();
    if (!comment) throw new ApiError(400, 'COMMENT_REQUIRED', 'Give a comment with the decision');

    return req.decision === 'grant'
      ? this.grant(actor, request, task, comment, requestId)
      : this.refuse(actor, request, task, comment, requestId);
  }

  private async grant(
    actor: Actor,
    request: ExtensionRequestRow,
    task: TaskDetailRow,
    comment: string,
    requestId: string | null,
  ): Promise<ExtensionDecisionResponse> {
    const fromDueDate = this.checkGrantable(request, task);
    const toDueDate = request.requested_due_date;
    const now = new Date();
    const deadlineVersion = task.deadline_version + 1;
    const ladder: ScheduleChange['add'] = planDeadlineActions(toDueDate, this.policyFor(task)).map((a) => ({
      rung: a.rung,
      offset: a.offset,
      version: deadlineVersion,
      level: a.level,
      audiences: a.audiences,
      job_id: actionJobId(task.id, a.rung, a.offset, deadlineVersion),
      due_at: a.dueAt.toISOString(),
    }));
    const written = await this.extensions.grant({
      extensionId: request.id,
      taskId: task.id,
      expectedVersion: task.version,
      actor,
      comment,
      fromDueDate,
      toDueDate,
      deadlineVersion,
      resetEscalation: deadlineInstant(toDueDate).getTime() > now.getTime(),
      ladder,
      grantableStates: GRANTABLE_STATES,
      requestId,
      notice: { kind: 'EXTENSION_GRANTED', title: notificationTitle('EXTENSION_GRANTED', task) },
    });
    if (!written.ok) throw written.reason === 'decided' ? alreadyDecided() : conflict();
    // The new rows are in PostgreSQL already; the nudge only spares the relay's wait for its timer.
    this.bus.nudgeSchedule();
    return {
      request: toExtensionRequestDto(written.request),
      task: toSummary(written.task, actor, now, this.config.dueSoonDays),
    };
  }

  private async refuse(
    actor: Actor,
    request: ExtensionRequestRow,
    task: TaskDetailRow,
    comment: string,
    requestId: string | null,
  ): Promise<ExtensionDecisionResponse> {
    const written = await this.extensions.refuse({
      extensionId: request.id,
      taskId: task.id,
      actor,
      comment,
      requestId,
      notice: { kind: 'EXTENSION_REFUSED', title: notificationTitle('EXTENSION_REFUSED', task) },
    });
    if (!written.ok) throw alreadyDecided();
    this.bus.nudgeSchedule();
    return {
      request: toExtensionRequestDto(written.request),
      task: toSummary(written.task, actor, new Date(), this.config.dueSoonDays),
    };
  }

  /** The task's current due date when a grant can move it; otherwise the 409 that says why not. */
  private checkGrantable(request: ExtensionRequestRow, task: TaskDetailRow): string {
    if (!GRANTABLE_STATES.includes(task.state) || !task.due_date) {
      throw new ApiError(
        409,
        'INVALID_TRANSITION',
        `The task is "${STATE_LABELS[task.state].en}": there is no deadline left to extend; refuse the request instead`,
      );
    }
    // The Office may have re-dated the task (REASSIGN) since the request: a grant never shortens a deadline.
    if (request.requested_due_date <= task.due_date) {
      throw new ApiError(
        409,
        'EXTENSION_OUTDATED',
        `The due date is now ${task.due_date}, not earlier than the requested ${request.requested_due_date}; refuse this request`,
      );
    }
    return task.due_date;
  }

  /** The configured ladder with the directive's overrides, merged exactly as TransitionTaskUseCase does. */
  private policyFor(row: TaskDetailRow): EscalationPolicy {
    const override = row.escalation_policy;
    return override && isValidPolicy({ ...this.config.escalation, ...override })
      ? mergePolicy(this.config.escalation, override)
      : this.config.escalation;
  }
}
