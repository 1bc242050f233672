import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FileStorageService } from './file-storage.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
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
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionsRepository, FileStorageService, TasksRepository],
  exports: [SubmissionsRepository],
})
export class SubmissionsModule {}
