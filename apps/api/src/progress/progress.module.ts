import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ProgressController } from './progress.controller.js';
import { ProgressRepository } from './progress.repository.js';
import { ReportProgressUseCase } from './report-progress.use-case.js';

/** Báo cáo tiến độ: the lead agency's progress reports on a task, with files. */
@Module({
  imports: [
    TasksModule,
    // The same limits as deliverables (submissions.module.ts).
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        defParamCharset: 'latin1',
        limits: {
          fileSize: config.maxUploadBytes,
          files: config.maxFilesPerSubmission,
          fields: 10,
          fieldSize: 64 * 1024,
          parts: config.maxFilesPerSubmission + 10,
        },
      }),
    }),
  ],
  controllers: [ProgressController],
  providers: [ProgressRepository, ReportProgressUseCase, FileStorageService],
  exports: [ProgressRepository],
})
export class ProgressModule {}
