import { Module } from '@nestjs/common';
import { DirectivesModule } from '../directives/directives.module.js';
import { FileStorageModule } from '../submissions/file-storage.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { ClassificationController } from './classification.controller.js';
import { ClassificationAccessModule } from './classification-access.module.js';
import { ClassificationService } from './classification.service.js';
import { ClassifiedItemsRepository } from './classified-items.repository.js';
import { SetClassificationUseCase } from './set-classification.use-case.js';

/** Classified directives and tasks: their levels and need-to-know lists (issue 17). */
@Module({
  imports: [TasksModule, DirectivesModule, FileStorageModule, ClassificationAccessModule],
  controllers: [ClassificationController],
  providers: [ClassificationService, SetClassificationUseCase, ClassifiedItemsRepository],
  exports: [ClassificationAccessModule],
})
export class ClassificationModule {}
