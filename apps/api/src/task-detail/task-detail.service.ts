import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { TaskDetailDto } from '@dondoc/contracts';
import type { TaskState } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { CommentsRepository } from '../comments/comments.repository.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toExtensionRequestDto } from '../extensions/extension-dto.js';
import { ExtensionsRepository } from '../extensions/extensions.repository.js';
import { toSubmissionDtos } from '../submissions/submission-dto.js';
import { SubmissionsRepository } from '../submissions/submissions.repository.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { TasksRepository } from '../tasks/tasks.repository.js';

/** The task page: the task with its history, submissions, comments and extension requests. */
@Injectable()
export class TaskDetailService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly comments: CommentsRepository,
    private readonly extensions: ExtensionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async get(user: AuthUser, id: string): Promise<TaskDetailDto> {
    const actor = toActor(user);
    const row = await this.tasks.findVisible(actor, id);
    if (!row) throw ApiError.notFound('Task');
    const [history, submissions, comments, extensions] = await Promise.all([
      this.tasks.history(id),
      this.submissions.forTask(id),
      this.comments.forTask(id),
      this.extensions.forTask(id),
    ]);
    const now = new Date();
    return {
      ...toSummary(row, actor, now, summaryViewOf(this.config, this.calendars)),
      description: row.description,
      directive: { id: row.directive_id, number: row.directive_number, title: row.directive_title },
      history: history.map((h) => ({
        id: h.id,
        event: h.event,
        from: h.from_state as TaskState | null,
        to: h.to_state as TaskState | null,
        actor: { id: h.actor_user_id, fullName: h.actor_name, role: h.actor_role, agencyId: h.actor_agency_id },
        comment: h.comment,
        at: h.at.toISOString(),
        version: h.task_version,
        level: h.level,
      })),
      submissions: toSubmissionDtos(id, submissions.submissions, submissions.files),
      comments: comments.map((c) => ({
        id: c.id,
        authorId: c.author_id,
        authorName: c.author_name,
        authorRole: c.author_role,
        body: c.body,
        createdAt: c.created_at.toISOString(),
      })),
      originalDueDate: row.original_due_date,
      extensionRequests: extensions.map(toExtensionRequestDto),
    };
  }
}
