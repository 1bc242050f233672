import { Inject, Injectable } from '@nestjs/common';
import type { SetTaskPeopleRequest, TaskSummaryDto } from '@dondoc/contracts';
import { CalendarStore, type TaskRow, type TaskRowUpdate } from '@dondoc/persistence';
import { isAgencyHead, ofOwnOrganisation, type Actor, type Audience } from '@dondoc/workflow';
import type { EntityManager } from 'typeorm';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { notOwnTask } from '../organisations/organisation-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { PeopleRepository } from './people.repository.js';

const AGENCY_KEYS = ['assigneeUserId', 'responsibleLeaderUserId'] as const;
const OFFICE_KEYS = ['monitoringUserId', 'decidingAuthority', 'isKey'] as const;

/**
 * Names the people of a task ("6 rõ"): inside the lead agency its head or deputy assigns the handling officer
 * and names the responsible leader; the Office names its monitoring officer, the deciding authority and
 * whether the task is a key one. One PEOPLE_SET history row records what changed, from what to what.
 */
@Injectable()
export class SetTaskPeopleUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly people: PeopleRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    body: SetTaskPeopleRequest,
    requestId: string | null,
  ): Promise<TaskSummaryDto> {
    const actor = toActor(user);
    const now = new Date();
    const written = await this.changes.transaction(async (tx) => {
      const visible = await this.tasks.findVisible(actor, taskId, tx.manager);
      if (!visible) throw ApiError.notFound('Task');
      this.authorise(actor, visible, body);
      const row = await tx.lock(taskId);
      if (!row) throw ApiError.notFound('Task');
      if (row.state === 'approved' || row.state === 'cancelled') {
        throw new ApiError(
          409,
          'INVALID_TRANSITION',
          'Nhiệm vụ đã kết thúc: không phân công được nữa (the task is closed)',
        );
      }
      await this.checkPeople(tx.manager, row, body);

      const before: Record<string, unknown> = {
        assigneeUserId: row.assignee_user_id,
        responsibleLeaderUserId: row.responsible_leader_user_id,
        monitoringUserId: row.monitoring_user_id,
        decidingAuthority: row.deciding_authority,
        isKey: row.is_key,
      };
      const set: TaskRowUpdate = {};
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of [...AGENCY_KEYS, ...OFFICE_KEYS]) {
        const to = body[key];
        if (to === undefined || to === before[key]) continue;
        changed[key] = { from: before[key], to };
        (set as Record<string, unknown>)[key] = to;
      }
      if (Object.keys(changed).length === 0) return { task: row, unchanged: true };

      // Those newly named hear of it; a changed authority or key flag alone tells nobody.
      const audiences: Audience[] = [];
      if (changed.assigneeUserId && set.assigneeUserId) audiences.push('assignee');
      if (changed.responsibleLeaderUserId && set.responsibleLeaderUserId) audiences.push('responsible_leader');
      if (changed.monitoringUserId && set.monitoringUserId) audiences.push('monitoring_officer');
      const applied = await tx.apply({
        kind: 'PEOPLE_SET',
        taskId,
        actor,
        from: row.state,
        set,
        comment: body.comment?.trim() || null,
        data: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.to])),
        notificationData: { changed: Object.keys(changed) },
        audiences,
        requestId,
      });
      if (!applied)
        throw new ApiError(
          409,
          'VERSION_CONFLICT',
          'Someone else changed this task a moment ago; reload it and try again',
        );
      return { task: applied.task, unchanged: false };
    });
    return toSummary(written.task, actor, now, summaryViewOf(this.config, this.calendars));
  }

  /** Each key belongs to one side: the lead agency's head for its people, the Office for the rest. */
  private authorise(
    actor: Actor,
    task: Pick<TaskRow, 'lead_agency_id' | 'organisation_id'>,
    body: SetTaskPeopleRequest,
  ): void {
    const leadAgencyId = task.lead_agency_id;
    const wantsAgencyKeys = AGENCY_KEYS.some((k) => body[k] !== undefined);
    const wantsOfficeKeys = OFFICE_KEYS.some((k) => body[k] !== undefined);
    const leadHead = isAgencyHead(actor) && !!leadAgencyId && actor.agencyId === leadAgencyId;
    if (wantsAgencyKeys && !leadHead) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        "Chỉ lãnh đạo cơ quan chủ trì phân công chuyên viên xử lý và lãnh đạo phụ trách (only the lead agency's head or deputy names them)",
      );
    }
    if (wantsOfficeKeys && actor.role !== 'office') {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        'Chỉ Văn phòng Tỉnh ủy phân công chuyên viên theo dõi, thẩm quyền quyết định và nhiệm vụ trọng tâm (only the Office sets them)',
      );
    }
    if (wantsOfficeKeys && !ofOwnOrganisation({ organisationId: task.organisation_id }, actor)) throw notOwnTask();
  }

  private async checkPeople(
    m: EntityManager,
    task: Pick<TaskRow, 'lead_agency_id' | 'organisation_id'>,
    body: SetTaskPeopleRequest,
  ): Promise<void> {
    const leadAgencyId = task.lead_agency_id;
    const unknown = (what: string) =>
      new ApiError(400, 'UNKNOWN_USER', `${what} không hợp lệ hoặc đã bị khóa (${what}: no such active user here)`);
    if (body.assigneeUserId) {
      const u = await this.people.findActive(m, body.assigneeUserId);
      if (!u || u.role !== 'agency' || u.agency_id !== leadAgencyId) throw unknown('Chuyên viên xử lý');
    }
    if (body.responsibleLeaderUserId) {
      const u = await this.people.findActive(m, body.responsibleLeaderUserId);
      if (!u || u.role !== 'agency' || u.agency_id !== leadAgencyId || u.position === 'officer') {
        throw unknown('Lãnh đạo phụ trách');
      }
    }
    if (body.monitoringUserId) {
      const u = await this.people.findActive(m, body.monitoringUserId);
      // The task's own Office follows it: a clerk of another committee's Office is no one here.
      if (!u || u.role !== 'office' || u.organisation_id !== task.organisation_id)
        throw unknown('Chuyên viên theo dõi');
    }
  }
}
