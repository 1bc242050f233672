import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { DecideExtensionUseCase } from './decide-extension.use-case.js';
import { ExtensionsController } from './extensions.controller.js';
import { ExtensionsRepository } from './extensions.repository.js';
import { RequestExtensionUseCase } from './request-extension.use-case.js';

/** Xin gia hạn: extension requests by the lead agency and the Standing Committee's decisions on them. */
@Module({
  imports: [TasksModule],
  controllers: [ExtensionsController],
  providers: [ExtensionsRepository, RequestExtensionUseCase, DecideExtensionUseCase],
  exports: [ExtensionsRepository],
})
export class ExtensionsModule {}
