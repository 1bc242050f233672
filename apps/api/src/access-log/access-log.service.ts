import { Inject, Injectable } from '@nestjs/common';
import type { AccessLogExportQuery, AccessLogPage, AccessLogQuery, AccessLogRowDto, RoleName } from '@dondoc/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { attachment } from '../reports/report-documents.use-case.js';
import { accessLogWorkbook } from './access-log-xlsx.builder.js';
import {
  AccessLogRepository,
  type AccessLogFilter,
  type AccessLogRow,
  type AccessRead,
  type AccessRequest,
} from './access-log.repository.js';

const DAY_MS = 86_400_000;
/** An export holds at most this many rows (the newest); the sheet says so when there were more. */
export const ACCESS_LOG_EXPORT_MAX = 50_000;

/** The record of who read which classified item (issue 17): written on every read, read by the inspector and admin. */
@Injectable()
export class AccessLogService {
  constructor(
    private readonly log: AccessLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The reads of one request, in one INSERT: classified items always, every item with ACCESS_LOG_ALL. The same
   * item read twice in one answer (a task both overdue and waiting for review) is one read.
   */
  async record(request: AccessRequest, reads: readonly AccessRead[]): Promise<number> {
    const all = this.config.accessLogAll;
    const seen = new Set<string>();
    const kept = reads.filter((r) => {
      // A level the answer shows as 'normal' needs no row (nor a query) unless everything is recorded.
      if (!all && r.classification === 'normal') return false;
      const key = `${r.action}|${r.kind}|${r.taskId ?? ''}|${r.directiveId ?? ''}|${r.fileId ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return kept.length ? this.log.insert(request, kept, all) : 0;
  }

  async list(query: AccessLogQuery): Promise<AccessLogPage> {
    const { rows, total } = await this.log.list(filterOf(query), query.limit, query.offset);
    return { rows: rows.map(toDto), total };
  }

  /** Every row the filters match, newest first, up to ACCESS_LOG_EXPORT_MAX, as a workbook. */
  async workbook(query: AccessLogExportQuery): Promise<{ body: Buffer; disposition: string }> {
    const now = new Date();
    const { rows, total } = await this.log.list(filterOf(query), ACCESS_LOG_EXPORT_MAX, 0);
    const body = await accessLogWorkbook(rows.map(toDto), total, now);
    const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('-');
    return { body, disposition: attachment(`Nhật ký truy cập ${day}.xlsx`) };
  }
}

/** Whole days in Asia/Ho_Chi_Minh (UTC+7 all year): `to` runs to the end of its day. */
function filterOf(q: AccessLogExportQuery): AccessLogFilter {
  return {
    taskId: q.taskId,
    userId: q.userId,
    action: q.action,
    from: q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined,
    until: q.to ? new Date(Date.parse(`${q.to}T00:00:00+07:00`) + DAY_MS) : undefined,
  };
}

function toDto(r: AccessLogRow): AccessLogRowDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    user: { id: r.user_id, fullName: r.full_name, role: r.user_role as RoleName | null },
    action: r.action,
    itemKind: r.item_kind,
    taskId: r.task_id,
    taskCode: r.task_code,
    directiveId: r.directive_id,
    fileId: r.file_id,
    classification: r.classification,
    method: r.method,
    path: r.path,
    requestId: r.request_id,
    address: r.address,
  };
}
