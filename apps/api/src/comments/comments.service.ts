import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommentDto } from '@dondoc/contracts';
import { canComment } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { TasksRepository } from '../tasks/tasks.repository.js';

@Injectable()
export class CommentsService {
  constructor(
    private readonly tasks: TasksRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async create(user: AuthUser, taskId: string, body: string): Promise<CommentDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    if (
      !canComment({ leadAgencyId: task.lead_agency_id, coordinatingAgencyIds: task.coordinating_agency_ids }, actor)
    ) {
      throw new ApiError(403, 'FORBIDDEN', 'Your role may read this task but not comment on it');
    }
    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO comments (task_id, author_id, author_role, author_agency_id, body) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, created_at`,
      [taskId, user.id, user.role, user.agencyId, body],
    );
    return {
      id: rows[0].id,
      authorId: user.id,
      authorName: user.fullName,
      authorRole: user.role,
      body,
      createdAt: rows[0].created_at.toISOString(),
    };
  }
}
