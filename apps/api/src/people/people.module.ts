import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module.js';
import { AgencySettingsUseCase } from './agency-settings.use-case.js';
import { PeopleController } from './people.controller.js';
import { PeopleRepository } from './people.repository.js';
import { SetTaskPeopleUseCase } from './set-task-people.use-case.js';

/** The people of a task and of an agency ("6 rõ"): handling officers, leaders, monitoring officers, authority. */
@Module({
  imports: [TasksModule],
  controllers: [PeopleController],
  providers: [PeopleRepository, SetTaskPeopleUseCase, AgencySettingsUseCase],
  exports: [PeopleRepository],
})
export class PeopleModule {}
