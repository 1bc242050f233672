import { Module } from '@nestjs/common';
import { uploadLimitsModule } from '../submissions/upload-limits.module.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ReportProgressUseCase } from './report-progress.use-case.js';

/** Báo cáo tiến độ: the lead agency's progress reports on a task, with files. */
@Module({
  imports: [TasksModule, uploadLimitsModule()],
  controllers: [ProgressController],
  providers: [ProgressRepository, ReportProgressUseCase, FileStorageService],
  exports: [ProgressRepository],
})
export class ProgressModule {}
