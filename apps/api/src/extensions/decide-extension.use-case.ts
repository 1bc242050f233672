import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { ExtensionDecisionRequest, ExtensionDecisionResponse } from '@dondoc/contracts';
import { deadlineInstant, STATE_LABELS, type Actor } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { DEADLINE_RUNGS, deadlineLadder, policyFor } from '../tasks/schedule-change.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { TasksRepository, type TaskDetailRow } from '../tasks/tasks.repository.js';
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
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
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
    if (!mayDecideExtension({ organisationId: task.organisation_id }, actor, this.config.extensionsOfficeMayDecide)) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        this.config.extensionsOfficeMayDecide
          ? 'Only the Standing Committee or the Office decides extension requests'
          : 'Only the Standing Committee decides extension requests',
      );
    }
    if (request.status !== 'open') throw alreadyDecided();
    if (req.decision === 'refuse' && req.dueDate !== undefined) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'A refusal sets no deadline: leave dueDate out', [
        { path: 'dueDate', message: 'only with decision "grant"' },
      ]);
    }
    // State before input, as for transitions: a grant that cannot happen says so whatever the comment.
    if (req.decision === 'grant') this.checkGrantable(request, task, req.dueDate);
    const comment = req.comment.trim();
    if (!comment) throw new ApiError(400, 'COMMENT_REQUIRED', 'Give a comment with the decision');

    return req.decision === 'grant'
      ? this.grant(actor, request, task, comment, req.dueDate, requestId)
      : this.refuse(actor, request, task, comment, requestId);
  }

  /**
   * The request is locked first (two deciders queue up and the second sees the first's decision), then the
   * task moves only if it is still the version the decision was based on. Nothing is written before both
   * checks pass, so a refusal leaves no trace.
   */
  private async grant(
    actor: Actor,
    request: ExtensionRequestRow,
    task: TaskDetailRow,
    comment: string,
    chosenDueDate: string | undefined,
    requestId: string | null,
  ): Promise<ExtensionDecisionResponse> {
    const fromDueDate = this.checkGrantable(request, task, chosenDueDate);
    const toDueDate = chosenDueDate ?? request.requested_due_date;
    const now = new Date();
    const deadlineVersion = task.deadline_version + 1;
    const written = await this.changes.transaction(async (tx) => {
      if (!(await this.extensions.lockOpen(tx.manager, request.id))) throw alreadyDecided();
      const calendar = await this.calendars.current(tx.manager);
      // Decided before the task row is written, so the row the writer returns no longer shows it open.
      await this.extensions.decide(tx.manager, request.id, 'granted', actor.userId, comment, toDueDate);
      const applied = await tx.apply({
        kind: 'EXTENSION_GRANTED',
        taskId: task.id,
        actor,
        from: task.state,
        expect: { version: task.version },
        set: {
          dueDate: toDueDate,
          keepOriginalDueDate: true,
          deadlineVersion,
          // The new deadline lies ahead: whatever escalation the old one reached no longer holds.
          escalationLevel: deadlineInstant(toDueDate).getTime() > now.getTime() ? { reset: true } : undefined,
        },
        comment,
        data: {
          requestId: request.id,
          from: fromDueDate,
          to: toDueDate,
          requested: request.requested_due_date,
          deadlineVersion,
        },
        notificationData: { requestId: request.id, from: fromDueDate, to: toDueDate },
        // The old ladder belongs to a deadline that no longer exists; the relay removes its jobs.
        schedule: {
          cancelRungs: [...DEADLINE_RUNGS],
          add: deadlineLadder(
            task.id,
            toDueDate,
            deadlineVersion,
            policyFor(this.config.escalation, task.escalation_policy),
            calendar,
          ),
        },
        requestId,
      });
      if (!applied) throw conflict();
      return applied;
    });
    return {
      request: toExtensionRequestDto((await this.extensions.findById(request.id))!),
      task: toSummary(written.task, actor, now, summaryViewOf(this.config, this.calendars)),
    };
  }

  /** A refusal records the decision; the task and its schedule stay as they are. */
  private async refuse(
    actor: Actor,
    request: ExtensionRequestRow,
    task: TaskDetailRow,
    comment: string,
    requestId: string | null,
  ): Promise<ExtensionDecisionResponse> {
    const written = await this.changes.transaction(async (tx) => {
      if (!(await this.extensions.lockOpen(tx.manager, request.id))) throw alreadyDecided();
      // The history row names the state the task really had at the decision.
      const locked = await tx.lock(task.id);
      if (!locked) throw ApiError.notFound('Extension request');
      await this.extensions.decide(tx.manager, request.id, 'refused', actor.userId, comment);
      const applied = await tx.apply({
        kind: 'EXTENSION_REFUSED',
        taskId: task.id,
        actor,
        from: locked.state,
        comment,
        data: { requestId: request.id, requestedDueDate: request.requested_due_date },
        notificationData: { requestId: request.id, requestedDueDate: request.requested_due_date },
        requestId,
      });
      if (!applied) throw conflict();
      return applied;
    });
    return {
      request: toExtensionRequestDto((await this.extensions.findById(request.id))!),
      task: toSummary(written.task, actor, new Date(), summaryViewOf(this.config, this.calendars)),
    };
  }

  /** The task's current due date when a grant can move it; otherwise the 409 that says why not. */
  private checkGrantable(request: ExtensionRequestRow, task: TaskDetailRow, chosenDueDate?: string): string {
    if (!GRANTABLE_STATES.includes(task.state) || !task.due_date) {
      throw new ApiError(
        409,
        'INVALID_TRANSITION',
        `The task is "${STATE_LABELS[task.state].en}": there is no deadline left to extend; refuse the request instead`,
      );
    }
    // A grant never shortens a deadline, whether the date is the one asked or the decider's own.
    if (chosenDueDate !== undefined && chosenDueDate <= task.due_date) {
      throw new ApiError(
        400,
        'INVALID_DUE_DATE',
        `Hạn gia hạn phải sau hạn hiện tại (${task.due_date}) / The granted date must be later than the current due date ${task.due_date}`,
      );
    }
    // The Office may have re-dated the task (REASSIGN) since the request.
    if (chosenDueDate === undefined && request.requested_due_date <= task.due_date) {
      throw new ApiError(
        409,
        'EXTENSION_OUTDATED',
        `The due date is now ${task.due_date}, not earlier than the requested ${request.requested_due_date}; refuse this request`,
      );
    }
    return task.due_date;
  }
}
