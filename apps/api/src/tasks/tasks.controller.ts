import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  taskPageSchema,
  taskSummarySchema,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { TasksService } from './tasks.service.js';
import { TransitionTaskUseCase } from './transition-task.use-case.js';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly transitions: TransitionTaskUseCase,
  ) {}

  @ApiEndpoint({
    summary: 'Tasks the caller may see, in board order, filtered and paged',
    query: taskListQuerySchema,
    ok: { schema: taskPageSchema },
  })
  @Roles(...TASK_READERS)
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(taskListQuerySchema)) query: TaskListQuery,
  ): Promise<Page<TaskSummaryDto>> {
    return this.tasks.list(user, query);
  }

  @ApiEndpoint({
    summary: 'Draft a task under a directive',
    body: createTaskRequestSchema,
    ok: { status: 201, schema: taskSummarySchema },
    errors: { 400: ['UNKNOWN_AGENCY', 'UNKNOWN_DIRECTIVE', 'INVALID_DUE_DATE'], 409: ['DUPLICATE'] },
  })
  @Roles('office')
  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createTaskRequestSchema)) body: CreateTaskRequest,
  ): Promise<TaskSummaryDto> {
    return this.tasks.create(user, body);
  }

  // Every task reader reaches the service so that a task the caller cannot see answers 404, not 403.
  @ApiEndpoint({
    summary: 'Edit a drafted task (the Office)',
    body: updateTaskRequestSchema,
    ok: { schema: taskSummarySchema },
    errors: {
      400: ['UNKNOWN_AGENCY', 'INVALID_DUE_DATE'],
      403: ['FORBIDDEN'],
      409: ['VERSION_CONFLICT', 'TASK_NOT_EDITABLE'],
    },
  })
  @Roles(...TASK_READERS)
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateTaskRequestSchema)) body: UpdateTaskRequest,
  ): Promise<TaskSummaryDto> {
    return this.tasks.updateDraft(user, id, body);
  }

  @ApiEndpoint({
    summary: 'Move a task through its lifecycle (assign, start, submit, approve, return, reassign, cancel)',
    description: "Allowed events depend on the task's state and the caller's role: see `allowedEvents` on each task.",
    body: transitionRequestSchema,
    ok: { schema: taskSummarySchema },
    errors: {
      400: [
        'COMMENT_REQUIRED',
        'SUBMISSION_REQUIRED',
        'LEAD_AGENCY_REQUIRED',
        'DUE_DATE_REQUIRED',
        'SAME_LEAD_AGENCY',
        'INVALID_DUE_DATE',
        'UNKNOWN_AGENCY',
      ],
      403: ['FORBIDDEN_ROLE'],
      409: ['VERSION_CONFLICT', 'INVALID_TRANSITION'],
    },
  })
  @Roles(...TASK_READERS)
  @Post(':id/transitions')
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
