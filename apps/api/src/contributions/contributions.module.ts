import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ContributionsController } from './contributions.controller.js';
import { ContributionsRepository } from './contributions.repository.js';
import { ContributionsService } from './contributions.service.js';
import { DecideContributionUseCase } from './decide-contribution.use-case.js';
import { RequestContributionUseCase } from './request-contribution.use-case.js';
import { SubmitContributionUseCase } from './submit-contribution.use-case.js';

/** Phối hợp: coordinating agencies' contributions, asked by the lead agency and accepted or returned by it. */
@Module({
  imports: [
    TasksModule,
    // The same limits as deliverables: a contribution's files are stored the same way.
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
  controllers: [ContributionsController],
  providers: [
    ContributionsRepository,
    ContributionsService,
    RequestContributionUseCase,
    SubmitContributionUseCase,
    DecideContributionUseCase,
    FileStorageService,
  ],
  exports: [ContributionsRepository],
})
export class ContributionsModule {}
