import { Injectable } from '@nestjs/common';
import type {
  CreateReportSnapshotRequest,
  ReportBundle,
  ReportSnapshotDto,
  ReportSnapshotListQuery,
  ReportSnapshotPage,
  ReportSnapshotSummaryDto,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { ReportSnapshotsRepository, type SnapshotRow } from './report-snapshots.repository.js';
import { DIRECTIVE_MASK } from './reports.repository.js';
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

/**
 * Freezes every view of a report (who, when, parameters, figures) so that it reads the same forever. Every report
 * reader reads every snapshot, so a snapshot never holds a classified task, whoever froze it: its figures leave them
 * all out and say how many (`hidden`). A task or directive classified after the freeze is left out of the lists (or
 * its title masked) for a reader not cleared for it.
 */
@Injectable()
export class ReportSnapshotsUseCase {
  constructor(
    private readonly reports: ReportsService,
    private readonly snapshots: ReportSnapshotsRepository,
  ) {}

  async create(user: AuthUser, body: CreateReportSnapshotRequest): Promise<ReportSnapshotDto> {
    const { title, ...query } = body;
    const context = await this.reports.context(user, query, new Date(), { unclassifiedOnly: true });
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

  async list(user: AuthUser, query: ReportSnapshotListQuery): Promise<ReportSnapshotPage> {
    const { rows, total } = await this.snapshots.list(query.limit, query.offset, user.id);
    return { items: rows.map(toSummaryDto), total, limit: query.limit, offset: query.offset };
  }

  async get(user: AuthUser, id: string): Promise<ReportSnapshotDto> {
    const row = await this.snapshots.find(id, user.id);
    if (!row?.figures) throw ApiError.notFound('Report snapshot');
    return { ...toSummaryDto(row), figures: await this.clearedView(row.figures, user.id) };
  }

  /** The frozen figures without what has been classified since and the reader is not cleared for. */
  private async clearedView(f: ReportBundle, userId: string): Promise<ReportBundle> {
    const taskIds = [...f.escalations.items, ...f.reviewQueue.items].map((i) => i.taskId);
    const directiveIds = f.byDirective.rows.map((r) => r.directiveId);
    const hide = await this.snapshots.notCleared([...new Set(taskIds)], directiveIds, userId);
    if (!hide.tasks.size && !hide.directives.size) return f;
    const cut = <L extends { items: { taskId: string }[]; total: number }>(list: L): L => {
      const items = list.items.filter((i) => !hide.tasks.has(i.taskId));
      return { ...list, items, total: list.total - (list.items.length - items.length) };
    };
    return {
      ...f,
      escalations: cut(f.escalations),
      reviewQueue: cut(f.reviewQueue),
      byDirective: {
        ...f.byDirective,
        rows: f.byDirective.rows.map((r) => (hide.directives.has(r.directiveId) ? { ...r, title: DIRECTIVE_MASK } : r)),
      },
    };
  }
}
