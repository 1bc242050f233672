import { Module } from '@nestjs/common';
import { uploadLimitsModule } from './upload-limits.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { FileStorageModule } from './file-storage.module.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [TasksModule, FileStorageModule, uploadLimitsModule()],
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionsRepository],
  exports: [SubmissionsRepository],
})
export class SubmissionsModule {}
