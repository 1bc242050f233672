import { Inject, Injectable } from '@nestjs/common';
import type { SubmissionDto } from '@dondoc/contracts';
import { canUploadSubmission, isRecordOnly } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { FileStorageService } from './file-storage.service.js';
import { toSubmissionDtos } from './submission-dto.js';
import { type FileRow, SubmissionsRepository } from './submissions.repository.js';

import type { UploadedFile } from './file-storage.service.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

export type { UploadedFile };

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly storage: FileStorageService,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    user: AuthUser,
    taskId: string,
    note: string,
    uploads: UploadedFile[],
    requestId: string | null = null,
  ): Promise<SubmissionDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    // Tuyệt mật keeps the record only: no text or file of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    const facts = {
      state: task.state,
      leadAgencyId: task.lead_agency_id,
      coordinatingAgencyIds: task.coordinating_agency_ids,
      assigneeUserId: task.assignee_user_id,
    };
    if (!canUploadSubmission(facts, actor)) {
      if (canUploadSubmission({ ...facts, state: 'in_progress' }, actor)) {
        throw new ApiError(
          409,
          'INVALID_TRANSITION',
          'Deliverables can be uploaded only while the task is in progress',
        );
      }
      throw new ApiError(403, 'FORBIDDEN', 'Only the lead agency uploads deliverables');
    }
    if (!note.trim() && uploads.length === 0) {
      throw new ApiError(400, 'SUBMISSION_REQUIRED', 'Add a note or at least one file');
    }
    const stored = await this.storage.checkAndPut(uploads, task.classification);
    try {
      const created = await this.changes.transaction(async (tx) => {
        const row = await this.submissions.insert(tx.manager, taskId, task.revision, note.trim(), user.id, stored);
        if (!row) return undefined;
        // The task is locked now: its classification cannot change before this commits.
        this.storage.confirmSealed(await this.submissions.classificationOf(tx.manager, taskId), stored);
        await tx.apply({
          kind: 'DELIVERABLE_UPLOADED',
          taskId,
          actor,
          from: 'in_progress',
          comment: note.trim() || null,
          data: { submissionId: row.id, seq: row.seq, files: stored.length },
          notificationData: { submissionId: row.id, seq: row.seq, files: stored.length },
          requestId,
        });
        return row;
      });
      if (!created) {
        throw new ApiError(
          409,
          'VERSION_CONFLICT',
          'The task changed while you were uploading; reload it and try again',
        );
      }
      const all = await this.submissions.forTask(taskId);
      const dto = toSubmissionDtos(taskId, all.submissions, all.files).find((s) => s.id === created.id);
      if (!dto) throw new Error('submission vanished after insert');
      return dto;
    } catch (err) {
      // Nothing half-done: files of a submission that was not recorded are removed.
      await this.storage.removeAll(stored);
      throw err;
    }
  }

  async file(user: AuthUser, taskId: string, fileId: string): Promise<FileRow> {
    const task = await this.tasks.findVisible(toActor(user), taskId);
    if (!task) throw ApiError.notFound('File');
    const file = await this.submissions.findFile(taskId, fileId);
    if (!file) throw ApiError.notFound('File');
    return file;
  }

  get limits(): { maxBytes: number; maxFiles: number } {
    return { maxBytes: this.config.maxUploadBytes, maxFiles: this.config.maxFilesPerSubmission };
  }
}
