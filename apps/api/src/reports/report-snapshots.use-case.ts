import { Injectable } from '@nestjs/common';
import type {
  CreateReportSnapshotRequest,
  ReportSnapshotDto,
  ReportSnapshotListQuery,
  ReportSnapshotPage,
  ReportSnapshotSummaryDto,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { ReportSnapshotsRepository, type SnapshotRow } from './report-snapshots.repository.js';
import { ReportsService } from './reports.service.js';

function toSummaryDto(r: SnapshotRow): ReportSnapshotSummaryDto {
  return {
    id: r.id,
    title: r.title,
    asOf: r.as_of,
    live: r.live,
    filters: r.params,
    createdBy: { id: r.created_by, fullName: r.created_by_name },
    createdAt: r.created_at.toISOString(),
  };
}

/** Freezes every view of a report (who, when, parameters, figures) so that it reads the same forever. */
@Injectable()
export class ReportSnapshotsUseCase {
  constructor(
    private readonly reports: ReportsService,
    private readonly snapshots: ReportSnapshotsRepository,
  ) {}

  async create(user: AuthUser, body: CreateReportSnapshotRequest): Promise<ReportSnapshotDto> {
    const { title, ...query } = body;
    const context = await this.reports.context(user, query);
    const figures = await this.reports.bundle(context);
    const row = await this.snapshots.insert({
      title,
      asOf: context.meta.asOf,
      live: context.meta.live,
      params: context.meta.filters,
      figures,
      createdBy: user.id,
    });
    return { ...toSummaryDto(row), figures };
  }

  async list(query: ReportSnapshotListQuery): Promise<ReportSnapshotPage> {
    const { rows, total } = await this.snapshots.list(query.limit, query.offset);
    return { items: rows.map(toSummaryDto), total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<ReportSnapshotDto> {
    const row = await this.snapshots.find(id);
    if (!row?.figures) throw ApiError.notFound('Report snapshot');
    return { ...toSummaryDto(row), figures: row.figures };
  }
}
