import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createReportSnapshotSchema,
  reportListQuerySchema,
  reportQuerySchema,
  reportSnapshotListQuerySchema,
  type CreateReportSnapshotRequest,
  type ReportAverages,
  type ReportByAgency,
  type ReportByDeliverableType,
  type ReportByDirective,
  type ReportByField,
  type ReportEscalations,
  type ReportListQuery,
  type ReportQuery,
  type ReportReviewQueue,
  type ReportSnapshotDto,
  type ReportSnapshotListQuery,
  type ReportSnapshotPage,
  type ReportSummary,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { REPORT_READERS, SNAPSHOT_WRITERS } from './report-roles.js';
import { ReportSnapshotsUseCase } from './report-snapshots.use-case.js';
import { ReportsService } from './reports.service.js';

/** The monitoring views as JSON; see report-roles.ts for who may read them. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(...REPORT_READERS)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly snapshots: ReportSnapshotsUseCase,
  ) {}

  @Get('summary')
  async summary(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportSummary> {
    return this.reports.summary(await this.reports.context(user, q));
  }

  @Get('by-agency')
  async byAgency(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByAgency> {
    return this.reports.byAgency(await this.reports.context(user, q));
  }

  @Get('by-directive')
  async byDirective(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByDirective> {
    return this.reports.byDirective(await this.reports.context(user, q));
  }

  @Get('by-field')
  async byField(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByField> {
    return this.reports.byField(await this.reports.context(user, q));
  }

  @Get('by-deliverable-type')
  async byDeliverableType(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByDeliverableType> {
    return this.reports.byDeliverableType(await this.reports.context(user, q));
  }

  @Get('escalations')
  async escalations(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery,
  ): Promise<ReportEscalations> {
    const { limit, offset, ...filters } = q;
    return this.reports.escalations(await this.reports.context(user, filters), { limit, offset });
  }

  @Get('review-queue')
  async reviewQueue(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery,
  ): Promise<ReportReviewQueue> {
    const { limit, offset, ...filters } = q;
    return this.reports.reviewQueue(await this.reports.context(user, filters), { limit, offset });
  }

  @Get('averages')
  async averages(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportAverages> {
    return this.reports.averages(await this.reports.context(user, q));
  }

  @Roles(...SNAPSHOT_WRITERS)
  @Post('snapshots')
  @ApiZodBody(createReportSnapshotSchema)
  createSnapshot(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createReportSnapshotSchema)) body: CreateReportSnapshotRequest,
  ): Promise<ReportSnapshotDto> {
    return this.snapshots.create(user, body);
  }

  @Get('snapshots')
  listSnapshots(
    @Query(new ZodPipe(reportSnapshotListQuerySchema)) q: ReportSnapshotListQuery,
  ): Promise<ReportSnapshotPage> {
    return this.snapshots.list(q);
  }

  @Get('snapshots/:id')
  getSnapshot(@Param('id', UuidParamPipe) id: string): Promise<ReportSnapshotDto> {
    return this.snapshots.get(id);
  }
}
