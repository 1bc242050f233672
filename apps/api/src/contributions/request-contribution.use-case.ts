import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { ContributionDto, RequestContribution } from '@dondoc/contracts';
import { localDate, STATE_LABELS, isRecordOnly } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { policyFor } from '../tasks/schedule-change.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { CONTRIBUTION_RUNGS, contributionLadder } from './contribution-schedule.js';
import { CONTRIBUTION_TASK_STATES, contributionDueDate, mayAskContribution } from './contribution.rules.js';
import { ContributionsRepository } from './contributions.repository.js';
import { ContributionsService, taskMembership } from './contributions.service.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

const conflict = () =>
  new ApiError(409, 'VERSION_CONFLICT', 'Someone else changed this task a moment ago; reload it and try again');

/** Đề nghị phối hợp: the lead agency (or the Office) asks a coordinating agency for its contribution. */
@Injectable()
export class RequestContributionUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly contributions: ContributionsRepository,
    private readonly reads: ContributionsService,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    agencyId: string,
    req: RequestContribution,
    requestId: string | null,
  ): Promise<ContributionDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    // Tuyệt mật keeps the record only: no text or file of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    // Visibility, role, state, then the input, as for transitions.
    if (!mayAskContribution(taskMembership(task), actor)) {
      throw new ApiError(403, 'FORBIDDEN_ROLE', 'Only the lead agency or the Office asks for a contribution');
    }
    const stateProblem = (state: typeof task.state) =>
      CONTRIBUTION_TASK_STATES.includes(state)
        ? null
        : new ApiError(
            409,
            'INVALID_TRANSITION',
            `Nhiệm vụ đang ở trạng thái "${STATE_LABELS[state].vi}": không thể đề nghị phối hợp / ` +
              `The task is "${STATE_LABELS[state].en}": contributions are asked while it is assigned, in progress or submitted`,
          );
    const early = stateProblem(task.state);
    if (early) throw early;
    if (!task.coordinating_agency_ids.includes(agencyId)) {
      throw new ApiError(
        422,
        'NOT_A_COORDINATOR',
        'Cơ quan này không phải cơ quan phối hợp của nhiệm vụ / This agency is not one of the task’s coordinating agencies',
      );
    }
    const now = new Date();
    const due = contributionDueDate(
      req.dueDate,
      task.due_date,
      localDate(now),
      this.config.contributionDefaultDaysBefore,
    );
    if (!due.ok) throw new ApiError(422, 'CONTRIBUTION_DUE_DATE_INVALID', due.message);
    const policy = policyFor(this.config.escalation, task.escalation_policy);

    const id = await this.changes.transaction(async (tx) => {
      const locked = await tx.lock(taskId);
      if (!locked) throw ApiError.notFound('Task');
      const late = stateProblem(locked.state);
      if (late) throw late;
      // The coordinators may have changed (REASSIGN) since the checks above.
      if (!locked.coordinating_agency_ids.includes(agencyId)) throw conflict();
      if (locked.due_date !== task.due_date) throw conflict();
      const existing = await this.contributions.lock(tx.manager, { taskId, agencyId });
      if (existing?.status === 'accepted') {
        throw new ApiError(
          409,
          'CONTRIBUTION_STATUS_CONFLICT',
          'Nội dung phối hợp đã được tiếp nhận / This contribution has already been accepted',
        );
      }
      let contributionId: string;
      let version: number;
      let moved: boolean;
      if (existing) {
        contributionId = existing.id;
        moved = existing.due_date !== due.dueDate;
        // A moved sub-deadline is a new version: the old one's pending reminders stop firing.
        version = moved ? existing.version + 1 : existing.version;
        await this.contributions.updateAsk(tx.manager, existing.id, req.request, due.dueDate, version);
      } else {
        contributionId = await this.contributions.insert(tx.manager, {
          taskId,
          agencyId,
          request: req.request,
          dueDate: due.dueDate,
          createdBy: actor.userId,
        });
        version = 1;
        moved = true;
      }
      const applied = await tx.apply({
        kind: 'CONTRIBUTION_REQUESTED',
        taskId,
        actor,
        from: locked.state,
        comment: req.request,
        data: { contributionId, agencyId, dueDate: due.dueDate, request: req.request },
        notificationData: { contributionId, agencyId, dueDate: due.dueDate },
        targetAgencyId: agencyId,
        schedule: moved
          ? {
              cancelRungs: existing ? CONTRIBUTION_RUNGS : [],
              cancelTargetId: contributionId,
              add: contributionLadder(
                contributionId,
                due.dueDate,
                version,
                policy,
                now,
                await this.calendars.current(tx.manager),
              ),
            }
          : undefined,
        requestId,
      });
      if (!applied) throw conflict();
      return contributionId;
    });
    return this.reads.one(id);
  }
}
