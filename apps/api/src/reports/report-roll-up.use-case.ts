import { Inject, Injectable } from '@nestjs/common';
import type { ReportRollUp, ReportRollUpQuery } from '@dondoc/contracts';
import type { DeadlineStatus, TaskState } from '@dondoc/workflow';
import type { AuthUser } from '../auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { rollUp } from '../tasks/task-breakdown.rules.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

/**
 * A task's figures from its sub-tasks (issue 20), live or as of a past day: the same roll-up as the task's page,
 * over the sub-tasks as the history says they stood then (state, deadline, approval day, latest progress report).
 */
@Injectable()
export class ReportRollUpUseCase {
  constructor(
    private readonly reports: ReportsService,
    private readonly rows: ReportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(user: AuthUser, query: ReportRollUpQuery): Promise<ReportRollUp> {
    const c = await this.reports.context(user, query);
    const tasks = await this.rows.tasksWithProgress(c.actor, c.query, c.window, this.config.dueSoonDays, undefined, {
      withCancelled: true,
    });
    return {
      ...c.meta,
      taskId: query.parentTaskId,
      rollUp: rollUp(
        tasks.map((t) => ({
          state: t.state as TaskState,
          deadlineStatus: (t.status as DeadlineStatus | 'none' | null) === 'none' ? null : (t.status as DeadlineStatus),
          progressPercent: t.progress_percent,
        })),
      ),
    };
  }
}
