import { Module } from '@nestjs/common';
import { ClassificationAccessModule } from '../classification/classification-access.module.js';
import { DirectivesController } from './directives.controller.js';
import { DirectivesRepository } from './directives.repository.js';
import { DirectivesService } from './directives.service.js';

@Module({
  imports: [ClassificationAccessModule],
  controllers: [DirectivesController],
  providers: [DirectivesService, DirectivesRepository],
  exports: [DirectivesRepository],
})
export class DirectivesModule {}
