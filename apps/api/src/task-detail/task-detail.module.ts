import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module.js';
import { ExtensionsModule } from '../extensions/extensions.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { TaskDetailController } from './task-detail.controller.js';
import { TaskDetailService } from './task-detail.service.js';

/** Reads above the task's parts, so that none of them needs another (no module cycle). */
@Module({
  imports: [TasksModule, SubmissionsModule, CommentsModule, ExtensionsModule],
  controllers: [TaskDetailController],
  providers: [TaskDetailService],
})
export class TaskDetailModule {}
