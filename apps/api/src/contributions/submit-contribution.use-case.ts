import { Injectable } from '@nestjs/common';
import type { ContributionDto } from '@dondoc/contracts';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import type { UploadedFile } from '../submissions/submissions.service.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { CONTRIBUTION_TASK_STATES, maySubmitContribution } from './contribution.rules.js';
import { ContributionsRepository } from './contributions.repository.js';
import { ContributionsService } from './contributions.service.js';
import { isRecordOnly } from '@dondoc/workflow';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

export const staleStatus = () =>
  new ApiError(
    409,
    'CONTRIBUTION_STATUS_CONFLICT',
    'Trạng thái nội dung phối hợp vừa thay đổi; hãy tải lại / The contribution’s status changed a moment ago; reload it and try again',
  );

/** Gửi nội dung phối hợp: the coordinating agency hands its contribution to the lead agency. */
@Injectable()
export class SubmitContributionUseCase {
  constructor(
    private readonly contributions: ContributionsRepository,
    private readonly reads: ContributionsService,
    private readonly storage: FileStorageService,
    private readonly changes: TaskChangesService,
  ) {}

  async execute(
    user: AuthUser,
    contributionId: string,
    note: string,
    uploads: UploadedFile[],
    requestId: string | null,
  ): Promise<ContributionDto> {
    const actor = toActor(user);
    const { contribution, task } = await this.reads.visible(actor, contributionId);
    // Tuyệt mật keeps the record only: no text or file of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    if (!maySubmitContribution(contribution.agency_id, actor)) {
      throw new ApiError(403, 'FORBIDDEN_ROLE', 'Only the coordinating agency asked submits this contribution');
    }
    if (!CONTRIBUTION_TASK_STATES.includes(task.state)) {
      throw new ApiError(409, 'INVALID_TRANSITION', 'The task is no longer open for contributions');
    }
    if (contribution.status !== 'requested' && contribution.status !== 'returned') throw staleStatus();
    const text = note.trim();
    if (!text && uploads.length === 0) {
      throw new ApiError(
        400,
        'SUBMISSION_REQUIRED',
        'Hãy ghi nội dung hoặc đính kèm tệp / Add a note or at least one file',
      );
    }
    const stored = await this.storage.checkAndPut(uploads, task.classification);
    try {
      await this.changes.transaction(async (tx) => {
        // Task first, then the contribution: the order every contribution change takes.
        const locked = await tx.lock(task.id);
        if (!locked || !CONTRIBUTION_TASK_STATES.includes(locked.state)) {
          throw new ApiError(409, 'INVALID_TRANSITION', 'The task is no longer open for contributions');
        }
        this.storage.confirmSealed(locked.classification, stored);
        const current = await this.contributions.lock(tx.manager, { id: contributionId });
        if (!current || (current.status !== 'requested' && current.status !== 'returned')) throw staleStatus();
        const version = await this.contributions.insertVersion(tx.manager, {
          contributionId,
          taskId: task.id,
          note: text,
          submittedBy: actor.userId,
          files: stored,
        });
        await this.contributions.setStatus(tx.manager, contributionId, 'submitted');
        const applied = await tx.apply({
          kind: 'CONTRIBUTION_SUBMITTED',
          taskId: task.id,
          actor,
          from: locked.state,
          comment: text || null,
          data: { contributionId, agencyId: contribution.agency_id, seq: version.seq },
          notificationData: {
            contributionId,
            agencyId: contribution.agency_id,
            seq: version.seq,
            files: stored.length,
          },
          targetAgencyId: contribution.agency_id,
          requestId,
        });
        if (!applied) throw staleStatus();
      });
    } catch (err) {
      // Nothing half-done: files of a version that was not recorded are removed.
      await this.storage.removeAll(stored);
      throw err;
    }
    return this.reads.one(contributionId);
  }
}
