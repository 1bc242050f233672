import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createTaskRequestSchema,
  taskListQuerySchema,
  transitionRequestSchema,
  updateTaskRequestSchema,
  type CreateTaskRequest,
  type Page,
  type TaskListQuery,
  type TaskSummaryDto,
  type TransitionRequest,
  type UpdateTaskRequest,
} from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { TasksService } from './tasks.service.js';
import { TransitionTaskUseCase } from './transition-task.use-case.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly transitions: TransitionTaskUseCase,
  ) {}

  @Roles(...TASK_READERS)
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(taskListQuerySchema)) query: TaskListQuery,
  ): Promise<Page<TaskSummaryDto>> {
    return this.tasks.list(user, query);
  }

  @Roles('office')
  @Post()
  @ApiZodBody(createTaskRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createTaskRequestSchema)) body: CreateTaskRequest,
  ): Promise<TaskSummaryDto> {
    return this.tasks.create(user, body);
  }

  // Every task reader reaches the service so that a task the caller cannot see answers 404, not 403.
  @Roles(...TASK_READERS)
  @Patch(':id')
  @ApiZodBody(updateTaskRequestSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateTaskRequestSchema)) body: UpdateTaskRequest,
  ): Promise<TaskSummaryDto> {
    return this.tasks.updateDraft(user, id, body);
  }

  @Roles(...TASK_READERS)
  @Post(':id/transitions')
  @ApiZodBody(transitionRequestSchema)
  @HttpCode(200)
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(transitionRequestSchema)) body: TransitionRequest,
    @Req() req: Request,
  ): Promise<TaskSummaryDto> {
    return this.transitions.execute(user, id, body, requestIdOf(req));
  }
}
