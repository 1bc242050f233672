import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ClassificationAccessModule } from '../classification/classification-access.module.js';
import { BulkTasksUseCase } from './bulk-tasks.use-case.js';
import { TaskExportRowsQuery } from './task-export-rows.query.js';
import { TaskExportUseCase } from './task-export.use-case.js';
import { TasksController } from './tasks.controller.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';
import { TransitionTaskUseCase } from './transition-task.use-case.js';

/** Tasks themselves: the board's list, drafts, transitions. Modules about a task's parts import this one. */
@Module({
  imports: [AgenciesModule, AuthModule, ClassificationAccessModule],
  controllers: [TasksController],
  providers: [
    TasksService,
    TasksRepository,
    TransitionTaskUseCase,
    BulkTasksUseCase,
    TaskExportUseCase,
    TaskExportRowsQuery,
  ],
  exports: [TasksRepository],
})
export class TasksModule {}
