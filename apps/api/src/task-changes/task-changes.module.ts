import { Global, Module } from '@nestjs/common';
import { TaskChangesService } from './task-changes.service.js';

/** The one way a task changes, for every module that changes one. */
@Global()
@Module({ providers: [TaskChangesService], exports: [TaskChangesService] })
export class TaskChangesModule {}
