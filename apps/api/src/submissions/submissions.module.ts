import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { FileStorageService } from './file-storage.service.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsRepository } from './submissions.repository.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [
    TasksModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        // Plain `filename=` bytes as latin1 (lossless); cleanFileName tells UTF-8 from latin-1 and keeps filename*.
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
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionsRepository, FileStorageService],
  exports: [SubmissionsRepository],
})
export class SubmissionsModule {}
