import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createReportSnapshotSchema,
  reportListQuerySchema,
  reportQuerySchema,
  reportByPersonQuerySchema,
  reportByPersonSchema,
  reportSnapshotListQuerySchema,
  type ReportByPerson,
  type ReportByPersonQuery,
  type CreateReportSnapshotRequest,
  type ReportAverages,
  type ReportByAgency,
  type ReportByOrganisation,
  type ReportRollUp,
  type ReportRollUpQuery,
  type ReportByDeliverableType,
  type ReportByDirective,
  type ReportByField,
  type ReportCoordination,
  type ReportMilestones,
  reportCoordinationSchema,
  reportMilestonesSchema,
  type ReportEscalations,
  type ReportListQuery,
  type ReportMeta,
  type ReportQuery,
  type ReportReviewQueue,
  type ReportSnapshotDto,
  type ReportSnapshotListQuery,
  type ReportSnapshotPage,
  type ReportSummary,
  reportSummarySchema,
  reportByAgencySchema,
  reportByOrganisationSchema,
  reportRollUpSchema,
  reportRollUpQuerySchema,
  reportByDirectiveSchema,
  reportByFieldSchema,
  reportByDeliverableTypeSchema,
  reportEscalationsSchema,
  reportReviewQueueSchema,
  reportAveragesSchema,
  reportSnapshotSchema,
  reportSnapshotPageSchema,
} from '@dondoc/contracts';
import { directiveItem, RecordsAccess, reportRows, snapshotRows } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { PERSON_REPORT_READERS, REPORT_FILTER_ERRORS, REPORT_READERS, SNAPSHOT_WRITERS } from './report-roles.js';
import { ReportCache } from './report-cache.js';
import { ReportSnapshotsUseCase } from './report-snapshots.use-case.js';
import { ReportRollUpUseCase } from './report-roll-up.use-case.js';
import { ReportsService, type ReportContext } from './reports.service.js';

/** The monitoring views as JSON; see report-roles.ts for who may read them. */
@ApiTags('reports')
@Roles(...REPORT_READERS)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly snapshots: ReportSnapshotsUseCase,
    private readonly rollUps: ReportRollUpUseCase,
    private readonly cache: ReportCache,
  ) {}

  /** A view from the report cache when nothing it reads has changed; computed otherwise. */
  private async view<T extends ReportMeta>(
    user: AuthUser,
    query: ReportQuery,
    name: string,
    extra: unknown,
    compute: (c: ReportContext) => Promise<T>,
  ): Promise<T> {
    const question = await this.reports.question(user, query);
    return this.cache.view(question, name, extra, async () => compute(await this.reports.complete(question)));
  }

  @ApiEndpoint({
    summary: 'Headline figures: finished on time or late, unfinished not due, due soon or overdue',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportSummarySchema },
  })
  @Get('summary')
  async summary(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportSummary> {
    return this.view(user, q, 'summary', null, (c) => this.reports.summary(c));
  }

  @ApiEndpoint({
    summary: 'Figures by lead agency',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByAgencySchema },
  })
  @Get('by-agency')
  async byAgency(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByAgency> {
    return this.view(user, q, 'by-agency', null, (c) => this.reports.byAgency(c));
  }

  @ApiEndpoint({
    summary:
      "Figures by committee: the committee's own tasks, then each committee directly below it with its subtree (the province's table by district)",
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByOrganisationSchema },
  })
  @Get('by-organisation')
  async byOrganisation(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByOrganisation> {
    return this.view(user, q, 'by-organisation', null, (c) => this.reports.byOrganisation(c, user));
  }

  @ApiEndpoint({
    summary: "A task's figures rolled up from its sub-tasks, live or as of a past day (asOf)",
    query: reportRollUpQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportRollUpSchema },
  })
  @Get('roll-up')
  rollUp(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportRollUpQuerySchema)) q: ReportRollUpQuery,
  ): Promise<ReportRollUp> {
    return this.rollUps.execute(user, q);
  }

  @ApiEndpoint({
    summary: 'Figures by person: handling officer or monitoring officer (chuyên viên xử lý / theo dõi)',
    description:
      'One row per person named on the tasks (`by=assignee`: the handling officer; `by=monitor`: the ' +
      "monitoring officer, the task's else its lead agency's), and a row with `userId` null for the tasks " +
      'with no one named. Agencies may read it too, over the tasks they see. With `asOf`, the people named ' +
      "then (from the history); an agency's own monitoring officer has no history, so today's stands in.",
    query: reportByPersonQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByPersonSchema },
  })
  @Roles(...PERSON_REPORT_READERS)
  @Get('by-person')
  async byPerson(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportByPersonQuerySchema)) q: ReportByPersonQuery,
  ): Promise<ReportByPerson> {
    const { by, ...filters } = q;
    return this.view(user, filters, 'by-person', by, (c) => this.reports.byPerson(c, by));
  }

  @ApiEndpoint({
    summary: 'Figures by directive',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByDirectiveSchema },
  })
  // A cleared reader sees classified directives' titles here: each classified row is a read of that directive.
  // The rows carry their level, so the unclassified ones (thousands, in a province) need no lookup.
  @RecordsAccess<ReportByDirective>('report', (r) =>
    r.rows.map((row) => directiveItem({ id: row.directiveId, classification: row.classification })),
  )
  @Get('by-directive')
  async byDirective(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByDirective> {
    return this.view(user, q, 'by-directive', null, (c) => this.reports.byDirective(c));
  }

  @ApiEndpoint({
    summary: 'Figures by field',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByFieldSchema },
  })
  @Get('by-field')
  async byField(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByField> {
    return this.view(user, q, 'by-field', null, (c) => this.reports.byField(c));
  }

  @ApiEndpoint({
    summary: 'Figures by kind of deliverable',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportByDeliverableTypeSchema },
  })
  @Get('by-deliverable-type')
  async byDeliverableType(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportByDeliverableType> {
    return this.view(user, q, 'by-deliverable-type', null, (c) => this.reports.byDeliverableType(c));
  }

  @ApiEndpoint({
    summary: 'Overdue tasks and their escalation level, most overdue first',
    query: reportListQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportEscalationsSchema },
  })
  @RecordsAccess('report', reportRows)
  @Get('escalations')
  async escalations(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery,
  ): Promise<ReportEscalations> {
    const { limit, offset, ...filters } = q;
    return this.view(user, filters, 'escalations', { limit, offset }, (c) =>
      this.reports.escalations(c, { limit, offset }),
    );
  }

  @ApiEndpoint({
    summary: 'Submissions waiting for a decision, longest waiting first',
    query: reportListQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportReviewQueueSchema },
  })
  @RecordsAccess('report', reportRows)
  @Get('review-queue')
  async reviewQueue(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportListQuerySchema)) q: ReportListQuery,
  ): Promise<ReportReviewQueue> {
    const { limit, offset, ...filters } = q;
    return this.view(user, filters, 'review-queue', { limit, offset }, (c) =>
      this.reports.reviewQueue(c, { limit, offset }),
    );
  }

  @ApiEndpoint({
    summary: 'Average times: assignment to submission, submission to decision; returns',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportAveragesSchema },
  })
  @Get('averages')
  async averages(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportAverages> {
    return this.view(user, q, 'averages', null, (c) => this.reports.averages(c));
  }

  @ApiEndpoint({
    summary: "Coordinating agencies' contributions: on time, late, overdue, accepted (phối hợp đúng hạn / quá hạn)",
    description:
      'By coordinating agency, over the contributions asked on the tasks the filters choose; with `agencyId`, ' +
      'only the contributions asked of that agency. With `asOf`, folded from the history.',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportCoordinationSchema },
  })
  @Get('coordination')
  async coordination(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportCoordination> {
    return this.view(user, q, 'coordination', null, (c) => this.reports.coordination(c));
  }

  @ApiEndpoint({
    summary: 'Milestones by lead agency: done on time, done late, missed, upcoming',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { schema: reportMilestonesSchema },
  })
  @Get('milestones')
  async milestones(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery,
  ): Promise<ReportMilestones> {
    return this.view(user, q, 'milestones', null, (c) => this.reports.milestones(c));
  }

  @ApiEndpoint({
    summary: 'Freeze every report as it stands, under a title',
    body: createReportSnapshotSchema,
    errors: REPORT_FILTER_ERRORS,
    ok: { status: 201, schema: reportSnapshotSchema },
  })
  @Roles(...SNAPSHOT_WRITERS)
  @RecordsAccess('report', snapshotRows)
  @Post('snapshots')
  createSnapshot(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createReportSnapshotSchema)) body: CreateReportSnapshotRequest,
  ): Promise<ReportSnapshotDto> {
    return this.snapshots.create(user, body);
  }

  @ApiEndpoint({
    summary: 'Frozen reports, newest first',
    query: reportSnapshotListQuerySchema,
    ok: { schema: reportSnapshotPageSchema },
  })
  @Get('snapshots')
  listSnapshots(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportSnapshotListQuerySchema)) q: ReportSnapshotListQuery,
  ): Promise<ReportSnapshotPage> {
    return this.snapshots.list(user, q);
  }

  @ApiEndpoint({ summary: 'A frozen report with all its figures', ok: { schema: reportSnapshotSchema } })
  @RecordsAccess('report', snapshotRows)
  @Get('snapshots/:id')
  getSnapshot(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<ReportSnapshotDto> {
    return this.snapshots.get(user, id);
  }
}
