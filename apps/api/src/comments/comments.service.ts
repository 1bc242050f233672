import { Injectable } from '@nestjs/common';
import type { CommentDto } from '@dondoc/contracts';
import { canComment, isRecordOnly } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { CommentsRepository } from './comments.repository.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

@Injectable()
export class CommentsService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly comments: CommentsRepository,
    private readonly changes: TaskChangesService,
  ) {}

  /** A comment is a change of the task like any other: in its history, and told to those who work on it. */
  async create(user: AuthUser, taskId: string, body: string, requestId: string | null): Promise<CommentDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    // Tuyệt mật keeps the record only: no text or file of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    const membership = {
      state: task.state,
      leadAgencyId: task.lead_agency_id,
      coordinatingAgencyIds: task.coordinating_agency_ids,
    };
    if (!canComment(membership, actor)) {
      throw new ApiError(403, 'FORBIDDEN', 'Your role may read this task but not comment on it');
    }
    const created = await this.changes.transaction(async (tx) => {
      // The state the comment was made in: the recipients depend on it, so a concurrent change waits.
      const locked = await tx.lock(taskId);
      if (!locked) throw ApiError.notFound('Task');
      const row = await this.comments.insert(tx.manager, {
        taskId,
        authorId: user.id,
        authorRole: user.role,
        authorAgencyId: user.agencyId,
        body,
      });
      await tx.apply({
        kind: 'COMMENT',
        taskId,
        actor,
        from: locked.state,
        comment: body,
        data: { commentId: row.id },
        notificationData: { commentId: row.id },
        requestId,
      });
      return row;
    });
    return {
      id: created.id,
      authorId: user.id,
      authorName: user.fullName,
      authorRole: user.role,
      body,
      createdAt: created.created_at.toISOString(),
    };
  }
}
