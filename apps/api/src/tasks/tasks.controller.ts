import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  bulkTaskActionRequestSchema,
  bulkTaskActionResponseSchema,
  taskExportRequestSchema,
  type BulkTaskActionRequest,
  type BulkTaskActionResponse,
  type TaskExportRequest,
  createTaskRequestSchema,
  taskListQuerySchema,
  transitionRequestSchema,
  updateTaskRequestSchema,
  type CreateTaskRequest,
  type TaskListQuery,
  type TaskSummaryDto,
  type TransitionRequest,
  type UpdateTaskRequest,
  taskPageSchema,
  taskSummarySchema,
  taskBreakdownSchema,
  type TaskBreakdownDto,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { RecordsAccess, taskItem, tasksOfBody } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { SessionCheckedInRead } from '../auth/session-in-read.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { BulkTasksUseCase } from './bulk-tasks.use-case.js';
import { TaskExportUseCase } from './task-export.use-case.js';
import { TaskPageJson } from './task-page-json.js';
import { TasksService } from './tasks.service.js';
import { TransitionTaskUseCase } from './transition-task.use-case.js';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly transitions: TransitionTaskUseCase,
    private readonly bulk: BulkTasksUseCase,
    private readonly exports: TaskExportUseCase,
  ) {}

  @ApiEndpoint({
    summary: 'Assign, move the deadline of, or cancel many tasks at once (the Office), all or nothing',
    description:
      'Every task is decided as its single endpoint would decide it, in one transaction. If any is refused, ' +
      'nothing changes and the answer is 409 BULK_REFUSED with `details.refusals` naming each refused task and ' +
      'the code the single endpoint would give (NOT_FOUND for a task out of scope).',
    body: bulkTaskActionRequestSchema,
    ok: { schema: bulkTaskActionResponseSchema },
    errors: { 409: ['BULK_REFUSED'] },
  })
  @Roles('office')
  @Post('bulk')
  @HttpCode(200)
  bulkAction(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(bulkTaskActionRequestSchema)) body: BulkTaskActionRequest,
    @Req() req: Request,
  ): Promise<BulkTaskActionResponse> {
    return this.bulk.execute(user, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Exactly these tasks, in this order, as an Excel workbook (the list as on screen)',
    description: 'A task the caller may not see, or that does not exist, refuses the whole export (404 NOT_FOUND).',
    body: taskExportRequestSchema,
    errors: { 404: ['NOT_FOUND'] },
    ok: {
      media: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          type: 'string',
          contentMediaType: 'application/octet-stream',
        },
      },
      headers: {
        'Content-Disposition': {
          description: 'attachment, with the Vietnamese file name (RFC 5987 `filename*`)',
          schema: { type: 'string' },
        },
      },
    },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('export', tasksOfBody)
  @Post('export.xlsx')
  @HttpCode(200)
  async exportXlsx(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(taskExportRequestSchema)) body: TaskExportRequest,
  ): Promise<StreamableFile> {
    const file = await this.exports.execute(user, body);
    return new StreamableFile(file.body, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      length: file.body.length,
      disposition: file.disposition,
    });
  }

  @ApiEndpoint({
    summary: 'Tasks the caller may see, in board order, filtered and paged',
    query: taskListQuerySchema,
    ok: { schema: taskPageSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (page: TaskPageJson) => page.tasks.map(taskItem))
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(taskListQuerySchema)) query: TaskListQuery,
  ): Promise<TaskPageJson> {
    return this.tasks.listJson(user, query);
  }

  @ApiEndpoint({
    summary: 'Draft a task under a directive',
    body: createTaskRequestSchema,
    ok: { status: 201, schema: taskSummarySchema },
    errors: {
      400: [
        'UNKNOWN_AGENCY',
        'UNKNOWN_DIRECTIVE',
        'INVALID_DUE_DATE',
        'MILESTONE_DATE_INVALID',
        'CONTENT_REFERENCE_REQUIRED',
        'UNKNOWN_PARENT_TASK',
        'DUE_AFTER_PARENT',
      ],
      403: ['NOT_OWN_DIRECTIVE', 'NOT_PARENT_LEAD'],
      409: ['DUPLICATE', 'PARENT_NOT_OPEN'],
    },
  })
  @Roles('office')
  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createTaskRequestSchema)) body: CreateTaskRequest,
  ): Promise<TaskSummaryDto> {
    return this.tasks.create(user, body);
  }

  @ApiEndpoint({
    summary: "A task's sub-tasks (broken down by the committee it is given to) and its figures rolled up from them",
    ok: { schema: taskBreakdownSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (b: TaskBreakdownDto) => b.items.map(taskItem))
  @Get(':id/sub-tasks')
  subTasks(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<TaskBreakdownDto> {
    return this.tasks.breakdown(user, id);
  }

  // Every task reader reaches the service so that a task the caller cannot see answers 404, not 403.
  @ApiEndpoint({
    summary: 'Edit a drafted task (the Office)',
    body: updateTaskRequestSchema,
    ok: { schema: taskSummarySchema },
    errors: {
      400: ['UNKNOWN_AGENCY', 'INVALID_DUE_DATE'],
      403: ['FORBIDDEN'],
      409: ['VERSION_CONFLICT', 'TASK_NOT_EDITABLE', 'CLASSIFIED_RECORD_ONLY'],
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
      409: ['VERSION_CONFLICT', 'INVALID_TRANSITION', 'CLASSIFIED_RECORD_ONLY', 'OPEN_SUB_TASKS'],
      422: ['CONTRIBUTIONS_MISSING_REASON'],
    },
  })
  @Roles(...TASK_READERS)
  @SessionCheckedInRead()
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
