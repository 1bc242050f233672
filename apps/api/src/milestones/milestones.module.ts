import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { MilestonesController } from './milestones.controller.js';
import { MilestonesRepository } from './milestones.repository.js';
import { MilestonesService } from './milestones.service.js';

/** Mốc: dated milestones of a task, with their own reminders and overdue. */
@Module({
  imports: [TasksModule],
  controllers: [MilestonesController],
  providers: [MilestonesRepository, MilestonesService],
  exports: [MilestonesRepository],
})
export class MilestonesModule {}
