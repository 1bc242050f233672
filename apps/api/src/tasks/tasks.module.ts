import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';
import { TransitionTaskUseCase } from './transition-task.use-case.js';

@Module({
  imports: [AgenciesModule, SubmissionsModule],
  controllers: [TasksController],
  providers: [TasksService, TasksRepository, TransitionTaskUseCase],
  exports: [TasksRepository],
})
export class TasksModule {}
