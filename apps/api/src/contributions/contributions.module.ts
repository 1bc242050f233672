import { Module } from '@nestjs/common';
import { uploadLimitsModule } from '../submissions/upload-limits.module.js';
import { FileStorageModule } from '../submissions/file-storage.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ContributionsController } from './contributions.controller.js';
import { ContributionsRepository } from './contributions.repository.js';
import { ContributionsService } from './contributions.service.js';
import { DecideContributionUseCase } from './decide-contribution.use-case.js';
import { RequestContributionUseCase } from './request-contribution.use-case.js';
import { SubmitContributionUseCase } from './submit-contribution.use-case.js';

/** Phối hợp: coordinating agencies' contributions, asked by the lead agency and accepted or returned by it. */
@Module({
  imports: [TasksModule, FileStorageModule, uploadLimitsModule()],
  controllers: [ContributionsController],
  providers: [
    ContributionsRepository,
    ContributionsService,
    RequestContributionUseCase,
    SubmitContributionUseCase,
    DecideContributionUseCase,
  ],
  exports: [ContributionsRepository],
})
export class ContributionsModule {}
