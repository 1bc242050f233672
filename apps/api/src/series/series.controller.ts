import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  carryForwardRequestSchema,
  carryForwardResultSchema,
  createTaskSeriesRequestSchema,
  taskSeriesInstancesSchema,
  taskSeriesSchema,
  updateTaskSeriesRequestSchema,
  type CarryForwardRequest,
  type CarryForwardResultDto,
  type CreateTaskSeriesRequest,
  type TaskSeriesDto,
  type TaskSeriesInstancesDto,
  type UpdateTaskSeriesRequest,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { directiveOfParam, RecordsAccess, taskItem } from '../access-log/records-access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { CarryForwardUseCase } from './carry-forward.use-case.js';
import { SeriesService } from './series.service.js';

@ApiTags('series')
@Controller()
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly carryForward: CarryForwardUseCase,
  ) {}

  @ApiEndpoint({
    summary: "Make a task recur (monthly, quarterly, half-yearly, yearly); the open period's instance is made at once",
    body: createTaskSeriesRequestSchema,
    ok: { status: 201, schema: taskSeriesSchema },
    errors: { 400: ['UNKNOWN_AGENCY'], 403: ['NOT_OWN_DIRECTIVE'], 409: ['CLASSIFIED_RECORD_ONLY'] },
  })
  @Roles('office')
  @Post('directives/:id/series')
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) directiveId: string,
    @Body(new ZodPipe(createTaskSeriesRequestSchema)) body: CreateTaskSeriesRequest,
  ): Promise<TaskSeriesDto> {
    return this.series.create(user, directiveId, body);
  }

  @ApiEndpoint({
    summary: 'The recurring tasks of a directive the caller may see',
    ok: { schema: z.array(taskSeriesSchema) },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', directiveOfParam())
  @Get('directives/:id/series')
  list(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) directiveId: string): Promise<TaskSeriesDto[]> {
    return this.series.list(user, directiveId);
  }

  @ApiEndpoint({
    summary: 'Stop a recurring task (no later period gets an instance) or resume it',
    body: updateTaskSeriesRequestSchema,
    ok: { schema: taskSeriesSchema },
    errors: { 403: ['NOT_OWN_DIRECTIVE'] },
  })
  @Roles('office')
  @Patch('series/:id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateTaskSeriesRequestSchema)) body: UpdateTaskSeriesRequest,
  ): Promise<TaskSeriesDto> {
    return this.series.update(user, id, body);
  }

  @ApiEndpoint({
    summary: "A recurring task's instances the caller may see, one per period, oldest first",
    ok: { schema: taskSeriesInstancesSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (s: TaskSeriesInstancesDto) => s.instances.map((i) => taskItem(i.task)))
  @Get('series/:id/instances')
  instances(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<TaskSeriesInstancesDto> {
    return this.series.instances(user, id);
  }

  @ApiEndpoint({
    summary: 'Start the next monthly program from this one: its unfinished items become drafts that link back',
    body: carryForwardRequestSchema,
    ok: { status: 201, schema: carryForwardResultSchema },
    errors: { 403: ['FORBIDDEN', 'NOT_OWN_DIRECTIVE'], 409: ['DUPLICATE', 'NOT_MONTHLY_PROGRAM'] },
  })
  @Roles('office')
  @Post('directives/:id/carry-forward')
  carry(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) directiveId: string,
    @Body(new ZodPipe(carryForwardRequestSchema)) body: CarryForwardRequest,
    @Req() req: Request,
  ): Promise<CarryForwardResultDto> {
    return this.carryForward.execute(user, directiveId, body, requestIdOf(req));
  }
}
