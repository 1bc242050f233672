import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateTaskRequest,
  Page,
  TaskDetailDto,
  TaskListQuery,
  TaskSummaryDto,
  UpdateTaskRequest,
} from '@dondoc/contracts';
import { foldVietnamese } from '@dondoc/persistence';
import { canEditDraft, localDate, type TaskState } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { AgencyLookup } from '../agencies/agency-lookup.service.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toExtensionRequestDto } from '../extensions/extension-dto.js';
import { listExtensionRequests } from '../extensions/extensions.repository.js';
import { SubmissionsRepository } from '../submissions/submissions.repository.js';
import { toSubmissionDtos } from '../submissions/submission-dto.js';
import { TASK_COLUMNS, toSummary, type TaskRow } from './task-row.js';
import { TasksRepository } from './tasks.repository.js';

export function searchTextOf(t: { code: string; title: string; description?: string | null }): string {
  return foldVietnamese(`${t.code} ${t.title} ${t.description ?? ''}`);
}

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly agencies: AgencyLookup,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: TaskListQuery): Promise<Page<TaskSummaryDto>> {
    const actor = toActor(user);
    const now = new Date();
    const { rows, total } = await this.tasks.list(actor, query, localDate(now), this.config.dueSoonDays);
    return {
      items: rows.map((r) => toSummary(r, actor, now, this.config.dueSoonDays)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async get(user: AuthUser, id: string): Promise<TaskDetailDto> {
    const actor = toActor(user);
    const row = await this.tasks.findVisible(actor, id);
    if (!row) throw ApiError.notFound('Task');
    const [history, submissions, comments, extensions] = await Promise.all([
      this.tasks.history(id),
      this.submissions.forTask(id),
      this.tasks.comments(id),
      listExtensionRequests(this.db, id),
    ]);
    const now = new Date();
    return {
      ...toSummary(row, actor, now, this.config.dueSoonDays),
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

  async create(user: AuthUser, input: CreateTaskRequest): Promise<TaskSummaryDto> {
    const directive: { number: string }[] = await this.db.query(`SELECT number FROM directives WHERE id = $1`, [
      input.directiveId,
    ]);
    if (!directive.length) throw new ApiError(400, 'UNKNOWN_DIRECTIVE', 'The directive does not exist');
    await this.checkAgencies(input.leadAgencyId ?? null, input.coordinatingAgencyIds ?? []);
    const actor = toActor(user);
    const row = await this.db.transaction(async (m) => {
      const code = input.code ?? (await this.nextCode(m.query.bind(m), input.directiveId, directive[0].number));
      const existing: unknown[] = await m.query(`SELECT 1 FROM tasks WHERE code = $1`, [code]);
      if (existing.length) throw new ApiError(409, 'DUPLICATE', `A task with code "${code}" already exists`);
      const inserted: TaskRow[] = await m.query(
        `INSERT INTO tasks AS t (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                coordinating_agency_ids, due_date, deadline_text, search_text, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9::date, $10, $11, $12)
         RETURNING ${TASK_COLUMNS}`,
        [
          input.directiveId,
          code,
          input.title,
          input.description ?? '',
          input.deliverableType,
          input.field,
          input.leadAgencyId ?? null,
          [...new Set(input.coordinatingAgencyIds ?? [])],
          input.dueDate ?? null,
          input.deadlineText ?? null,
          searchTextOf({ code, title: input.title, description: input.description }),
          user.id,
        ],
      );
      await m.query(
        `INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id, task_version)
         VALUES ($1, 'CREATE', NULL, 'drafted', $2, $3, $4, 1)`,
        [inserted[0].id, actor.userId, actor.role, actor.agencyId],
      );
      return inserted[0];
    });
    return toSummary(row, actor, new Date(), this.config.dueSoonDays);
  }

  async updateDraft(user: AuthUser, id: string, input: UpdateTaskRequest): Promise<TaskSummaryDto> {
    const actor = toActor(user);
    const current = await this.tasks.findVisible(actor, id);
    if (!current) throw ApiError.notFound('Task');
    // Role before state, as for transitions: only the Office may ever edit, and only a draft.
    if (!canEditDraft({ state: 'drafted' }, actor)) throw new ApiError(403, 'FORBIDDEN', 'Only the Office edits tasks');
    if (!canEditDraft({ state: current.state }, actor)) {
      throw new ApiError(
        409,
        'TASK_NOT_EDITABLE',
        'Only a drafted task can be edited; this one has already been assigned',
      );
    }
    if (input.expectedVersion !== current.version) {
      throw new ApiError(409, 'VERSION_CONFLICT', 'The task changed since you loaded it; reload it and try again');
    }
    await this.checkAgencies(input.leadAgencyId ?? null, input.coordinatingAgencyIds ?? []);
    const { expectedVersion, ...changes } = input;
    const next = { ...current, ...changes };
    const columns: Record<string, unknown> = {
      title: next.title,
      description: next.description,
      deliverable_type: changes.deliverableType ?? current.deliverable_type,
      field: changes.field ?? current.field,
      lead_agency_id: changes.leadAgencyId !== undefined ? changes.leadAgencyId : current.lead_agency_id,
      coordinating_agency_ids: [...new Set(changes.coordinatingAgencyIds ?? current.coordinating_agency_ids)],
      due_date: changes.dueDate !== undefined ? changes.dueDate : current.due_date,
      deadline_text: changes.deadlineText !== undefined ? changes.deadlineText : current.deadline_text,
      search_text: searchTextOf({ code: current.code, title: next.title, description: next.description }),
    };
    const rows: TaskRow[] = await this.db.transaction(async (m) => {
      const updated: TaskRow[] = await m.query(
        // Wrapped in a CTE because TypeORM returns [rows, count] for a bare UPDATE ... RETURNING.
        `WITH t AS (
           UPDATE tasks SET title = $3, description = $4, deliverable_type = $5, field = $6, lead_agency_id = $7,
                  coordinating_agency_ids = $8::uuid[], due_date = $9::date, deadline_text = $10, search_text = $11,
                  version = version + 1, updated_at = now()
            WHERE id = $1 AND version = $2 AND state = 'drafted'
            RETURNING *)
         SELECT ${TASK_COLUMNS} FROM t`,
        [id, expectedVersion, ...Object.values(columns)],
      );
      if (updated.length) {
        await m.query(
          `INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id, data, task_version)
           VALUES ($1, 'EDIT', 'drafted', 'drafted', $2, $3, $4, $5::jsonb, $6)`,
          [
            id,
            actor.userId,
            actor.role,
            actor.agencyId,
            JSON.stringify({ changed: Object.keys(changes) }),
            updated[0].version,
          ],
        );
      }
      return updated;
    });
    if (!rows.length)
      throw new ApiError(409, 'VERSION_CONFLICT', 'Someone else changed this task a moment ago; reload it');
    return toSummary(rows[0], actor, new Date(), this.config.dueSoonDays);
  }

  private async checkAgencies(lead: string | null, coordinating: readonly string[]): Promise<void> {
    const unknown = await this.agencies.unknownIds([...(lead ? [lead] : []), ...coordinating]);
    if (unknown.length) throw new ApiError(400, 'UNKNOWN_AGENCY', `Unknown or disabled agency: ${unknown.join(', ')}`);
    if (lead && coordinating.includes(lead)) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The lead agency cannot also be a coordinating agency');
    }
  }

  private async nextCode(
    query: (sql: string, params: unknown[]) => Promise<{ n: string }[]>,
    directiveId: string,
    number: string,
  ): Promise<string> {
    const rows = await query(`SELECT count(*) + 1 AS n FROM tasks WHERE directive_id = $1`, [directiveId]);
    return `${number}-${String(rows[0].n).padStart(2, '0')}`;
  }
}
