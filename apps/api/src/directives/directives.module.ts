import { Module } from '@nestjs/common';
import { DirectivesController } from './directives.controller.js';
import { DirectivesRepository } from './directives.repository.js';
import { DirectivesService } from './directives.service.js';

@Module({
  controllers: [DirectivesController],
  providers: [DirectivesService, DirectivesRepository],
})
export class DirectivesModule {}
