import { Inject, Injectable } from '@nestjs/common';
import type { TaskExportRequest } from '@dondoc/contracts';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { attachment } from '../reports/report-documents.use-case.js';
import { TaskExportRowsQuery } from './task-export-rows.query.js';
import { taskExportWorkbook } from './task-export-xlsx.builder.js';

/**
 * The list's selection as a workbook. An id the caller may not see (or that does not exist) refuses the
 * whole export with 404 NOT_FOUND rather than dropping the row, so a file never differs from the screen.
 */
@Injectable()
export class TaskExportUseCase {
  constructor(
    private readonly rows: TaskExportRowsQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthUser, req: TaskExportRequest): Promise<{ body: Buffer; disposition: string }> {
    const twice = req.taskIds.filter((id, i) => req.taskIds.indexOf(id) !== i);
    if (twice.length) {
      throw new ApiError(400, 'VALIDATION_FAILED', `Task(s) listed twice: ${[...new Set(twice)].join(', ')}`, [
        { path: 'taskIds', message: 'duplicate ids' },
      ]);
    }
    const found = await this.rows.visible(toActor(user), req.taskIds, req.periodId);
    const missing = req.taskIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        `Không tìm thấy ${missing.length} nhiệm vụ; hãy tải lại danh sách / ${missing.length} task(s) not found; reload the list`,
        { missing },
      );
    }
    const now = new Date();
    const body = await taskExportWorkbook(
      req.taskIds.map((id) => found.get(id)!),
      now,
      this.config.dueSoonDays,
    );
    const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    return { body, disposition: attachment(`Danh sách nhiệm vụ ${day}.xlsx`) };
  }
}
