import { Injectable } from '@nestjs/common';
import type { ContributionDto } from '@dondoc/contracts';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { CONTRIBUTION_RUNGS } from './contribution-schedule.js';
import { CONTRIBUTION_TASK_STATES, mayDecideContribution } from './contribution.rules.js';
import { ContributionsRepository } from './contributions.repository.js';
import { ContributionsService, taskMembership } from './contributions.service.js';
import { staleStatus } from './submit-contribution.use-case.js';

/** Tiếp nhận / Trả lại: the lead agency accepts a coordinator's contribution or returns it with a comment. */
@Injectable()
export class DecideContributionUseCase {
  constructor(
    private readonly contributions: ContributionsRepository,
    private readonly reads: ContributionsService,
    private readonly changes: TaskChangesService,
  ) {}

  async execute(
    user: AuthUser,
    contributionId: string,
    decision: 'accepted' | 'returned',
    rawComment: string | undefined,
    requestId: string | null,
  ): Promise<ContributionDto> {
    const actor = toActor(user);
    const { contribution, task } = await this.reads.visible(actor, contributionId);
    if (!mayDecideContribution(taskMembership(task), actor)) {
      throw new ApiError(403, 'FORBIDDEN_ROLE', 'Only the lead agency accepts or returns a contribution');
    }
    if (!CONTRIBUTION_TASK_STATES.includes(task.state)) throw taskClosed();
    if (contribution.status !== 'submitted') throw staleStatus();
    const comment = rawComment?.trim() || null;
    if (decision === 'returned' && !comment) {
      throw new ApiError(400, 'COMMENT_REQUIRED', 'Hãy nêu lý do trả lại / Say why the contribution is returned');
    }
    await this.changes.transaction(async (tx) => {
      const locked = await tx.lock(task.id);
      if (!locked) throw ApiError.notFound('Contribution');
      // A task closed meanwhile takes no more decisions on its parts.
      if (!CONTRIBUTION_TASK_STATES.includes(locked.state)) throw taskClosed();
      const current = await this.contributions.lock(tx.manager, { id: contributionId });
      if (current?.status !== 'submitted') throw staleStatus();
      const seq = await this.contributions.decideLatest(tx.manager, contributionId, {
        decision,
        comment,
        decidedBy: actor.userId,
      });
      if (seq === undefined) throw staleStatus();
      await this.contributions.setStatus(tx.manager, contributionId, decision);
      const applied = await tx.apply({
        kind: decision === 'accepted' ? 'CONTRIBUTION_ACCEPTED' : 'CONTRIBUTION_RETURNED',
        taskId: task.id,
        actor,
        from: locked.state,
        comment,
        data: { contributionId, agencyId: contribution.agency_id, seq },
        notificationData: { contributionId, agencyId: contribution.agency_id, seq },
        targetAgencyId: contribution.agency_id,
        // Accepted: nothing is owed any more, so its reminders and overdue stop.
        schedule:
          decision === 'accepted'
            ? { cancelRungs: CONTRIBUTION_RUNGS, cancelTargetId: contributionId, add: [] }
            : undefined,
        requestId,
      });
      if (!applied) throw staleStatus();
    });
    return this.reads.one(contributionId);
  }
}

function taskClosed(): ApiError {
  return new ApiError(
    409,
    'INVALID_TRANSITION',
    'Nhiệm vụ đã kết thúc: không tiếp nhận hay trả lại nội dung phối hợp nữa / The task is closed: its contributions are settled',
  );
}
