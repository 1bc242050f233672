import { Module } from '@nestjs/common';
import { uploadLimitsModule } from '../submissions/upload-limits.module.js';
import { FileStorageModule } from '../submissions/file-storage.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ReportProgressUseCase } from './report-progress.use-case.js';

/** Báo cáo tiến độ: the lead agency's progress reports on a task, with files. */
@Module({
  imports: [TasksModule, FileStorageModule, uploadLimitsModule()],
  controllers: [ProgressController],
  providers: [ProgressRepository, ReportProgressUseCase],
  exports: [ProgressRepository],
})
export class ProgressModule {}
