import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DIRECTIVE_IMPORT_MAX_BYTES } from '@dondoc/contracts';
import { memoryStorage } from 'multer';
import { ClassificationAccessModule } from '../classification/classification-access.module.js';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { DirectivesModule } from '../directives/directives.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { DirectiveImportController } from './directive-import.controller.js';
import { DirectiveImportRepository } from './directive-import.repository.js';
import { DirectiveImportService } from './directive-import.service.js';

/** Nhập văn bản: a directive's text or file → proposed tasks → (after the Office's edits) the directive and its drafts. */
@Module({
  imports: [
    AgenciesModule,
    DirectivesModule,
    TasksModule,
    ClassificationAccessModule,
    MulterModule.register({
      storage: memoryStorage(),
      // One file; a bigger one is a 413 PAYLOAD_TOO_LARGE before anything is read.
      limits: { fileSize: DIRECTIVE_IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 2 * 1024 * 1024, parts: 6 },
    }),
  ],
  controllers: [DirectiveImportController],
  providers: [DirectiveImportService, DirectiveImportRepository],
})
export class DirectiveImportModule {}
