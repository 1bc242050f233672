import { Inject, Injectable } from '@nestjs/common';
import type { CreateProgressReportRequest, ProgressReportDto, TaskProgressDto } from '@dondoc/contracts';
import { STATE_LABELS, worksOnTask, type TaskState, isRecordOnly } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import type { UploadedFile } from '../submissions/submissions.service.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { toPeriodAskDto, toProgressReportDto } from './progress-dto.js';
import { ProgressRepository, type PartFileRow } from './progress.repository.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

/** Work is under way or waiting for a decision: progress can still be told. */
export const REPORTABLE_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'submitted'];

/** Báo cáo tiến độ: the lead agency's people who work on a task tell its progress, any time. */
@Injectable()
export class ReportProgressUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly progress: ProgressRepository,
    private readonly storage: FileStorageService,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(
    user: AuthUser,
    taskId: string,
    req: CreateProgressReportRequest,
    uploads: UploadedFile[],
    requestId: string | null,
  ): Promise<ProgressReportDto> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    // Tuyệt mật keeps the record only: no text or file of it enters the system.
    if (isRecordOnly(task.classification)) throw recordOnlyRefusal();
    // Same order as transitions: visibility, role, state, then the input itself.
    const membership = {
      leadAgencyId: task.lead_agency_id,
      coordinatingAgencyIds: task.coordinating_agency_ids,
      assigneeUserId: task.assignee_user_id,
    };
    if (!worksOnTask(membership, actor)) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        'Chỉ người thực hiện của cơ quan chủ trì báo cáo tiến độ / Only the lead agency people working on this task report its progress',
      );
    }
    if (!REPORTABLE_STATES.includes(task.state)) throw notReportable(task.state);
    const narrative = req.narrative.trim();
    if (!narrative) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Nhập nội dung báo cáo / Write what has been done', [
        { path: 'narrative', message: 'must not be empty' },
      ]);
    }
    if (uploads.length > this.config.maxFilesPerSubmission) {
      throw new ApiError(400, 'TOO_MANY_FILES', `At most ${this.config.maxFilesPerSubmission} files`);
    }
    const stored = await this.storage.checkAndPut(uploads, task.classification);
    try {
      const reportId = await this.changes.transaction(async (tx) => {
        // The task locked: its state now is the one the history row names, and no transition slips in.
        const locked = await tx.lock(taskId);
        if (!locked) throw ApiError.notFound('Task');
        if (!REPORTABLE_STATES.includes(locked.state)) throw notReportable(locked.state);
        this.storage.confirmSealed(locked.classification, stored);
        if (locked.lead_agency_id !== actor.agencyId) {
          throw new ApiError(409, 'VERSION_CONFLICT', 'The task changed hands a moment ago; reload it');
        }
        if (req.periodId) {
          const ask = await this.progress.lockPeriodAsk(tx.manager, req.periodId, taskId);
          if (!ask || !ask.asked) {
            throw new ApiError(
              400,
              'TASK_NOT_IN_PERIOD',
              'Kỳ báo cáo này không yêu cầu báo cáo nhiệm vụ này / This reporting period does not ask for this task',
            );
          }
          if (ask.closed) {
            throw new ApiError(409, 'PERIOD_CLOSED', 'Kỳ báo cáo đã đóng / This reporting period is closed');
          }
        }
        const now = new Date();
        const report = await this.progress.insertReport(
          tx.manager,
          {
            taskId,
            periodId: req.periodId ?? null,
            percent: req.percent,
            narrative,
            agencyId: actor.agencyId!,
            userId: actor.userId,
          },
          stored,
        );
        const answered = await this.progress.answerPeriods(tx.manager, taskId, report.id, req.periodId ?? null);
        const periodId = req.periodId ?? answered[0] ?? null;
        if (!req.periodId && periodId) await this.progress.setReportPeriod(tx.manager, report.id, periodId);
        const applied = await tx.apply({
          kind: 'PROGRESS_REPORTED',
          taskId,
          actor,
          from: locked.state,
          set: { progressPercent: req.percent, progressAt: report.created_at ?? now },
          comment: narrative,
          data: {
            reportId: report.id,
            percent: req.percent,
            periodId,
            // Every period the report answered (overlapping periods: a month inside an open quarter).
            ...(answered.length > 1 ? { periodIds: answered } : {}),
            files: stored.length,
          },
          notificationData: { reportId: report.id, percent: req.percent, periodId },
          requestId,
        });
        if (!applied) throw new ApiError(409, 'VERSION_CONFLICT', 'The task changed a moment ago; reload it');
        return report.id;
      });
      const row = await this.progress.findReport(reportId);
      return toProgressReportDto(row!, await this.progress.filesOf([reportId]));
    } catch (err) {
      // Nothing half-done: files of a report that was not recorded are removed.
      await this.storage.removeAll(stored);
      throw err;
    }
  }

  /** A task's reports (newest first) and the open periods that ask it for one: whoever sees the task. */
  async list(user: AuthUser, taskId: string): Promise<TaskProgressDto> {
    const task = await this.tasks.findVisible(toActor(user), taskId);
    if (!task) throw ApiError.notFound('Task');
    const [reports, periods] = await Promise.all([
      this.progress.forTask(taskId),
      this.progress.openPeriodsAsking(taskId),
    ]);
    const files = await this.progress.filesOf(reports.map((r) => r.id));
    return {
      taskId,
      percent: task.progress_percent,
      reportedAt: task.progress_at ? new Date(task.progress_at).toISOString() : null,
      reports: reports.map((r) => toProgressReportDto(r, files)),
      openPeriods: periods.map(toPeriodAskDto),
    };
  }

  /** A report's file, for whoever sees its task; 404 alike for what does not exist and what is not theirs. */
  async file(user: AuthUser, reportId: string, fileId: string): Promise<PartFileRow> {
    const report = await this.progress.findReport(reportId);
    const task = report && (await this.tasks.findVisible(toActor(user), report.task_id));
    const file = task && (await this.progress.findFile(reportId, fileId));
    if (!file) throw ApiError.notFound('File');
    return file;
  }
}

function notReportable(state: TaskState): ApiError {
  return new ApiError(
    409,
    'INVALID_TRANSITION',
    `Progress is reported while the task is assigned, in progress or submitted; it is "${STATE_LABELS[state].en}"`,
  );
}
