import { Module } from '@nestjs/common';
import { ClassificationRepository } from '../classification/classification.repository.js';
import { DirectivesController } from './directives.controller.js';
import { DirectivesRepository } from './directives.repository.js';
import { DirectivesService } from './directives.service.js';

@Module({
  controllers: [DirectivesController],
  providers: [DirectivesService, DirectivesRepository, ClassificationRepository],
  exports: [DirectivesRepository],
})
export class DirectivesModule {}
