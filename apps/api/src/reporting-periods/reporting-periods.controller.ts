import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  reportingPeriodActionSchema,
  type ReportingPeriodActionRequest,
  createReportingPeriodSchema,
  reportingPeriodDetailSchema,
  reportingPeriodListSchema,
  reportingPeriodRemindSchema,
  reportingPeriodSchema,
  type CreateReportingPeriodRequest,
  type ReportingPeriodDetailDto,
  type ReportingPeriodDto,
  type ReportingPeriodListDto,
  type ReportingPeriodRemindDto,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { RecordsAccess, taskIdItem } from '../access-log/records-access.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { ReportingPeriodsService } from './reporting-periods.service.js';

@ApiTags('reporting-periods')
@Controller('reporting-periods')
export class ReportingPeriodsController {
  constructor(private readonly periods: ReportingPeriodsService) {}

  @ApiEndpoint({
    summary: 'Open a reporting period: every open task’s lead agency is asked for a progress report (the Office)',
    body: createReportingPeriodSchema,
    ok: { status: 201, schema: reportingPeriodDetailSchema },
    errors: { 400: ['INVALID_DUE_DATE'], 409: ['PERIOD_EXISTS'] },
  })
  @Roles('office')
  @Post()
  open(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createReportingPeriodSchema)) body: CreateReportingPeriodRequest,
    @Req() req: Request,
  ): Promise<ReportingPeriodDetailDto> {
    return this.periods.open(user, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Reporting periods, open ones first, with asked / reported / missing counts (an agency: its own)',
    ok: { schema: reportingPeriodListSchema },
  })
  @Roles(...TASK_READERS)
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ReportingPeriodListDto> {
    return this.periods.list(user);
  }

  @ApiEndpoint({
    summary: 'A reporting period: who has and has not reported, per agency and per task (an agency: its own rows)',
    ok: { schema: reportingPeriodDetailSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (p: ReportingPeriodDetailDto) => p.tasks.map((t) => taskIdItem(t.taskId)))
  @Get(':id')
  detail(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<ReportingPeriodDetailDto> {
    return this.periods.detail(user, id);
  }

  @ApiEndpoint({
    summary: 'Close a reporting period: its pending reminders are skipped (the Office)',
    body: reportingPeriodActionSchema,
    ok: { schema: reportingPeriodSchema },
    errors: { 409: ['PERIOD_CLOSED'] },
  })
  @Roles('office')
  @Post(':id/close')
  @HttpCode(200)
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    // An empty object: validated only so that a stray field is refused.
    @Body(new ZodPipe(reportingPeriodActionSchema)) _body: ReportingPeriodActionRequest,
  ): Promise<ReportingPeriodDto> {
    return this.periods.close(user, id);
  }

  @ApiEndpoint({
    summary: 'Urge now the lead agencies that have not reported for the period (once a day per task; the Office)',
    body: reportingPeriodActionSchema,
    ok: { schema: reportingPeriodRemindSchema },
    errors: { 409: ['PERIOD_CLOSED'] },
  })
  @Roles('office')
  @Post(':id/remind')
  @HttpCode(200)
  remind(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(reportingPeriodActionSchema)) _body: ReportingPeriodActionRequest,
    @Req() req: Request,
  ): Promise<ReportingPeriodRemindDto> {
    return this.periods.remind(user, id, requestIdOf(req));
  }
}
