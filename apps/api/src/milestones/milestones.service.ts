import { Inject, Injectable } from '@nestjs/common';
import type { MilestoneListDto, SetMilestonesRequest } from '@dondoc/contracts';
import type { ScheduledActionInput } from '@dondoc/persistence';
import {
  actionJobId,
  planPartActions,
  ofOwnOrganisation,
  worksOnTask,
  type Actor,
  type PartRung,
  type PlanningCalendar,
  isRecordOnly,
} from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { policyFor } from '../tasks/schedule-change.js';
import { toFacts } from '../tasks/task-summary.js';
import { TasksRepository, type TaskDetailRow } from '../tasks/tasks.repository.js';
import { toMilestoneDto } from './milestone-status.js';
import { MilestonesRepository, type MilestoneRow } from './milestones.repository.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

const MILESTONE_RUNGS: PartRung[] = ['milestone_remind', 'milestone_overdue'];

/**
 * A task's dated milestones (mốc): each with its own reminders and overdue, planned on the schedule like a
 * deadline. The Office sets them on any open task (drafts included: an import proposes them); the lead
 * agency's people working on the task set them once it is theirs, and mark them reached.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly milestones: MilestonesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, taskId: string): Promise<MilestoneListDto> {
    const task = await this.tasks.findVisible(toActor(user), taskId);
    if (!task) throw ApiError.notFound('Task');
    const now = new Date();
    return {
      items: (await this.milestones.ofTask(taskId)).map((m) => toMilestoneDto(m, now, this.config.dueSoonDays)),
    };
  }

  async set(
    user: AuthUser,
    taskId: string,
    body: SetMilestonesRequest,
    requestId: string | null,
  ): Promise<MilestoneListDto> {
    const actor = toActor(user);
    const now = new Date();
    await this.changes.transaction(async (tx) => {
      const task = await this.tasks.findVisible(actor, taskId, tx.manager);
      if (!task) throw ApiError.notFound('Task');
      this.mayPlan(task, actor);
      // Tuyệt mật keeps the record only: a milestone's label is content.
      if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
      const locked = await tx.lock(taskId);
      if (!locked) throw ApiError.notFound('Task');
      if (locked.state === 'approved' || locked.state === 'cancelled') {
        throw new ApiError(409, 'INVALID_TRANSITION', 'Nhiệm vụ đã kết thúc (the task is closed)');
      }
      for (const m of body.milestones) {
        if (locked.due_date && m.dueDate > locked.due_date) {
          throw new ApiError(
            400,
            'MILESTONE_DATE_INVALID',
            `Mốc "${m.label}" (${m.dueDate}) sau hạn của nhiệm vụ (${locked.due_date}) (a milestone after the task's deadline)`,
          );
        }
      }
      const current = await this.milestones.ofTask(taskId, tx.manager);
      const byId = new Map(current.map((m) => [m.id, m]));
      for (const m of body.milestones) {
        if (m.id && !byId.has(m.id)) throw ApiError.notFound('Milestone');
      }
      const kept = new Set(body.milestones.flatMap((m) => (m.id ? [m.id] : [])));
      if (kept.size !== body.milestones.filter((m) => m.id).length) {
        throw new ApiError(400, 'VALIDATION_FAILED', 'Một mốc được nêu hai lần (a milestone is listed twice)');
      }
      const removed = current.filter((m) => !kept.has(m.id)).map((m) => m.id);
      const replan: MilestoneRow[] = [];
      const after: MilestoneRow[] = [];
      for (const m of body.milestones) {
        const old = m.id ? byId.get(m.id) : undefined;
        if (!old) {
          const row = await this.milestones.insert(tx.manager, taskId, m.label, m.dueDate);
          replan.push(row);
          after.push(row);
          continue;
        }
        if (old.done_at && old.due_date !== m.dueDate) {
          throw new ApiError(
            409,
            'MILESTONE_ALREADY_DONE',
            `Mốc "${old.label}" đã hoàn thành: không đổi ngày được (already reached)`,
          );
        }
        const moved = old.due_date !== m.dueDate;
        const row =
          moved || old.label !== m.label
            ? await this.milestones.update(tx.manager, old.id, m.label, m.dueDate, moved)
            : old;
        if (moved) replan.push(row);
        after.push(row);
      }
      await this.milestones.remove(tx.manager, removed);
      const policy = policyFor(this.config.escalation, task.escalation_policy);
      const calendar = await tx.calendar();
      const cancelTargets = [...removed, ...replan.filter((r) => byId.has(r.id)).map((r) => r.id)];
      const applied = await tx.apply({
        kind: 'MILESTONES_SET',
        taskId,
        actor,
        from: locked.state,
        data: {
          milestones: after
            .sort((a, b) => a.due_date.localeCompare(b.due_date))
            .map((m) => ({ id: m.id, label: m.label, dueDate: m.due_date })),
        },
        schedule: {
          cancelRungs: cancelTargets.length ? MILESTONE_RUNGS : [],
          cancelTargetIds: cancelTargets,
          add: replan.filter((m) => !m.done_at).flatMap((m) => milestoneActions(m, policy, calendar)),
        },
        requestId,
      });
      if (!applied)
        throw new ApiError(
          409,
          'VERSION_CONFLICT',
          'Someone else changed this task a moment ago; reload it and try again',
        );
    });
    return {
      items: (await this.milestones.ofTask(taskId)).map((m) => toMilestoneDto(m, now, this.config.dueSoonDays)),
    };
  }

  async markDone(
    user: AuthUser,
    milestoneId: string,
    note: string | null,
    requestId: string | null,
  ): Promise<MilestoneListDto> {
    const actor = toActor(user);
    const now = new Date();
    const taskId = await this.milestones.taskOf(milestoneId);
    if (!taskId) throw ApiError.notFound('Milestone');
    await this.changes.transaction(async (tx) => {
      const task = await this.tasks.findVisible(actor, taskId, tx.manager);
      if (!task) throw ApiError.notFound('Milestone');
      if (!(ownOffice(task, actor) || worksOnTask(toFacts(task), actor))) {
        throw new ApiError(
          403,
          'FORBIDDEN_ROLE',
          "Chỉ người thực hiện nhiệm vụ hoặc Văn phòng xác nhận mốc (only the lead's workers or the Office)",
        );
      }
      const locked = await tx.lock(taskId);
      if (!locked) throw ApiError.notFound('Milestone');
      if (locked.state !== 'assigned' && locked.state !== 'in_progress' && locked.state !== 'submitted') {
        throw new ApiError(409, 'INVALID_TRANSITION', 'Nhiệm vụ không còn đang thực hiện (the task is not under way)');
      }
      const done = await this.milestones.markDone(tx.manager, milestoneId, actor.userId, now);
      if (!done)
        throw new ApiError(409, 'MILESTONE_ALREADY_DONE', 'Mốc này đã được xác nhận hoàn thành (already reached)');
      await tx.apply({
        kind: 'MILESTONE_DONE',
        taskId,
        actor,
        from: locked.state,
        comment: note?.trim() || null,
        data: { milestoneId, label: done.label, dueDate: done.due_date },
        schedule: { cancelRungs: MILESTONE_RUNGS, cancelTargetId: milestoneId, add: [] },
        requestId,
      });
    });
    return {
      items: (await this.milestones.ofTask(taskId)).map((m) => toMilestoneDto(m, now, this.config.dueSoonDays)),
    };
  }

  private mayPlan(task: TaskDetailRow, actor: Actor): void {
    if (ownOffice(task, actor)) return;
    if (task.state !== 'drafted' && worksOnTask(toFacts(task), actor)) return;
    throw new ApiError(
      403,
      'FORBIDDEN_ROLE',
      "Chỉ Văn phòng hoặc người thực hiện nhiệm vụ đặt mốc (only the Office or the lead's workers)",
    );
  }
}

/** A milestone's reminders and overdue, keyed by the milestone and its version. */
export function milestoneActions(
  m: Pick<MilestoneRow, 'id' | 'due_date' | 'version'>,
  policy: Parameters<typeof planPartActions>[2],
  calendar: PlanningCalendar,
): ScheduledActionInput[] {
  return planPartActions('milestone', m.due_date, policy, calendar).map((a) => ({
    rung: a.rung,
    offset: a.offset,
    version: m.version,
    level: a.level,
    audiences: a.audiences,
    job_id: actionJobId(m.id, a.rung, a.offset, m.version),
    due_at: a.dueAt.toISOString(),
    target_id: m.id,
  }));
}

/** The task's own Office plans and follows its milestones; an Office above only reads them. */
function ownOffice(task: TaskDetailRow, actor: Actor): boolean {
  return actor.role === 'office' && ofOwnOrganisation({ organisationId: task.organisation_id }, actor);
}
