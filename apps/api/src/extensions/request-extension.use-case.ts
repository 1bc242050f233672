import { Injectable } from '@nestjs/common';
import type { CreateExtensionRequest, ExtensionRequestDto } from '@dondoc/contracts';
import { STATE_LABELS, isRecordOnly } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { toExtensionRequestDto } from './extension-dto.js';
import { mayRequestExtension, REQUESTABLE_STATES, requestedDateProblem } from './extension.rules.js';
import { ExtensionsRepository, isOpenRequestClash } from './extensions.repository.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

const alreadyOpen = () =>
  new ApiError(
    409,
    'EXTENSION_ALREADY_OPEN',
    'This task already has an extension request awaiting a decision; wait for it before asking again',
  );

/** Xin gia hạn: the lead agency asks the Standing Committee for a later deadline. */
@Injectable()
export class RequestExtensionUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly extensions: ExtensionsRepository,
    private readonly changes: TaskChangesService,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    req: CreateExtensionRequest,
    requestId: string | null,
  ): Promise<ExtensionRequestDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    // Tuyệt mật keeps the record only: no text of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    // Same order as transitions (docs/decisions.md): visibility, role, state, then the input itself.
    const membership = {
      leadAgencyId: task.lead_agency_id,
      coordinatingAgencyIds: task.coordinating_agency_ids,
      assigneeUserId: task.assignee_user_id,
    };
    if (!mayRequestExtension(membership, actor)) {
      throw new ApiError(403, 'FORBIDDEN_ROLE', 'Only the lead agency may ask for an extension of this task');
    }
    if (!REQUESTABLE_STATES.includes(task.state) || !task.due_date) {
      throw new ApiError(
        409,
        'INVALID_TRANSITION',
        `An extension can be asked for only while the task is assigned or in progress; it is "${STATE_LABELS[task.state].en}"`,
      );
    }
    const reason = req.reason.trim();
    if (!reason) throw new ApiError(400, 'COMMENT_REQUIRED', 'Give the reason for asking an extension');
    const problem = requestedDateProblem(task.due_date, req.requestedDueDate);
    if (problem) throw new ApiError(400, 'INVALID_DUE_DATE', problem);
    const currentDueDate = task.due_date;

    try {
      const id = await this.changes.transaction(async (tx) => {
        // Locked at the version the checks were made on: two requests on one task queue up (the second then
        // sees the first) and no transition slips in between; the unique index on open requests stays the last guard.
        const locked = await tx.lock(taskId, task.version);
        if (!locked) {
          throw new ApiError(
            409,
            'VERSION_CONFLICT',
            'Someone else changed this task a moment ago; reload it and try again',
          );
        }
        if (await this.extensions.hasOpen(tx.manager, taskId)) throw alreadyOpen();
        const requestRowId = await this.extensions.insert(tx.manager, {
          taskId,
          requestedBy: actor.userId,
          currentDueDate,
          requestedDueDate: req.requestedDueDate,
          reason,
        });
        await tx.apply({
          kind: 'EXTENSION_REQUESTED',
          taskId,
          actor,
          from: locked.state,
          comment: reason,
          data: { requestId: requestRowId, requestedDueDate: req.requestedDueDate, currentDueDate },
          notificationData: { requestId: requestRowId, requestedDueDate: req.requestedDueDate },
          requestId,
        });
        return requestRowId;
      });
      return toExtensionRequestDto((await this.extensions.findById(id))!);
    } catch (e) {
      if (isOpenRequestClash(e)) throw alreadyOpen();
      throw e;
    }
  }
}
