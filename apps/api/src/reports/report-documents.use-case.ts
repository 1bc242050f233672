import { Injectable } from '@nestjs/common';
import {
  stripVietnameseMarks,
  type ReportDocumentQuery,
  type ReportQuery,
  type UrgingLetterQuery,
  type UrgingLettersRequest,
} from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import JSZip from 'jszip';
import { noteReads, notedTasks } from '../access-log/read-scope.js';
import { directiveItem, reportRows, taskItem } from '../access-log/accessed-item.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { periodicReportDocx, urgingLetterDocx } from './report-docx.builder.js';
import { byAgencyWorkbook, tasksWorkbook } from './report-xlsx.builder.js';
import type { ReportTaskRow } from './reports.repository.js';
import { ReportsService, type ReportContext } from './reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP = 'application/zip';

/** What an urging letter lists: unfinished work past or near its deadline. */
const URGED = ['overdue', 'due_soon'] as const;

export interface ReportFile {
  body: Buffer;
  type: string;
  disposition: string;
}

/** "Báo cáo … 30-06-2021.xlsx": the Vietnamese name in filename* (RFC 5987), plain ASCII in filename. */
export function attachment(name: string): string {
  const ascii = stripVietnameseMarks(name).replace(/[^A-Za-z0-9 ._-]/g, '_');
  return contentDisposition(name, { type: 'attachment', fallback: ascii });
}

const dayName = (iso: string) => iso.split('-').reverse().join('-');

/** An agency name as a file name inside the zip: no folders, no characters Windows refuses. */
const entryName = (name: string) =>
  [...name]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** Builds each document from the same views the JSON endpoints answer with, so the figures agree. */
@Injectable()
export class ReportDocumentsUseCase {
  constructor(private readonly reports: ReportsService) {}

  async byAgencyXlsx(user: AuthUser, q: ReportQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    const [report, coordination, milestones] = await Promise.all([
      this.reports.byAgency(c),
      this.reports.coordination(c),
      this.reports.milestones(c),
    ]);
    return {
      body: await byAgencyWorkbook(report, coordination, milestones, c.level),
      type: XLSX,
      disposition: attachment(`Báo cáo theo cơ quan chủ trì ${dayName(report.asOf)}.xlsx`),
    };
  }

  async tasksXlsx(user: AuthUser, q: ReportDocumentQuery): Promise<ReportFile> {
    const { periodId, ...filters } = q;
    const c = await this.reports.context(user, filters);
    const period = await this.reports.period(periodId);
    return {
      body: await tasksWorkbook(
        c.meta,
        notedTasks(await this.reports.tasksWithProgress(c, period?.id)),
        period?.label ?? null,
        c.level,
      ),
      type: XLSX,
      disposition: attachment(`Danh sách nhiệm vụ ${dayName(c.meta.asOf)}.xlsx`),
    };
  }

  async periodicDocx(user: AuthUser, q: ReportDocumentQuery): Promise<ReportFile> {
    const { periodId, ...filters } = q;
    const c = await this.reports.context(user, filters);
    const period = await this.reports.period(periodId);
    const [summary, byAgency, escalations, reviewQueue, averages, coordination, milestones, progress, directive] =
      await Promise.all([
        this.reports.summary(c),
        this.reports.byAgency(c),
        this.reports.escalations(c),
        this.reports.reviewQueue(c),
        this.reports.averages(c),
        this.reports.coordination(c),
        this.reports.milestones(c),
        this.reports.tasksWithProgress(c, period?.id),
        q.directiveId ? this.reports.directive(q.directiveId, user.id) : Promise.resolve(undefined),
      ]);
    noteReads([
      ...progress.map(taskItem),
      ...reportRows(escalations),
      ...reportRows(reviewQueue),
      // The document names the directive: a read of it when it is classified.
      ...(directive ? [directiveItem({ id: q.directiveId! })] : []),
    ]);
    const directiveTitle = directive ? `${directive.title} (${directive.number})` : null;
    return {
      body: await periodicReportDocx({
        summary,
        byAgency,
        escalations,
        reviewQueue,
        averages,
        coordination,
        milestones,
        progress,
        periodLabel: period?.label ?? null,
        directiveTitle,
        level: c.level,
      }),
      type: DOCX,
      disposition: attachment(`Báo cáo kết quả thực hiện ${dayName(c.meta.asOf)}.docx`),
    };
  }

  async urgingLetterDocx(user: AuthUser, q: UrgingLetterQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    const agency = (await this.reports.agency(q.agencyId))!;
    const tasks = await this.reports.tasks(c, URGED);
    return {
      body: await this.letter(c, agency.name, tasks),
      type: DOCX,
      disposition: attachment(`Công văn đôn đốc ${agency.name} ${dayName(c.meta.asOf)}.docx`),
    };
  }

  /** One letter to every lead agency with overdue work under the filters, the same letter as `urgingLetterDocx`. */
  async urgingLettersZip(user: AuthUser, q: ReportQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    const tasks = await this.reports.tasks(c, URGED);
    const owing = new Set(tasks.filter((t) => t.status === 'overdue').map((t) => t.lead_agency_id));
    const letters = await this.lettersZip(
      c,
      tasks.filter((t) => owing.has(t.lead_agency_id)),
    );
    if (!letters) {
      throw new ApiError(
        409,
        'NOTHING_TO_URGE',
        'Không có cơ quan nào có nhiệm vụ quá hạn theo bộ lọc đã chọn, nên không có công văn đôn đốc nào để lập.',
      );
    }
    return letters;
  }

  /**
   * Letters for the lead agencies of a list selection, each listing only its selected tasks that are
   * overdue or due soon: a selected task on schedule or finished has nothing to urge and is left out.
   * Every id must be one the caller sees; otherwise 404, without saying which (an unseen task and a
   * missing one look the same).
   */
  async urgingLettersForTasks(user: AuthUser, body: UrgingLettersRequest): Promise<ReportFile> {
    const c = await this.reports.context(user, { asOf: body.asOf });
    const ids = [...new Set(body.taskIds)];
    if (!(await this.reports.seesAll(c, ids))) {
      throw new ApiError(404, 'NOT_FOUND', 'Có nhiệm vụ đã chọn không tồn tại hoặc bạn không có quyền xem.');
    }
    const letters = await this.lettersZip(c, await this.reports.tasks(c, URGED, ids));
    if (!letters) {
      throw new ApiError(
        409,
        'NOTHING_TO_URGE',
        'Không có nhiệm vụ nào đã chọn quá hạn hoặc sắp đến hạn, nên không có công văn đôn đốc nào để lập.',
      );
    }
    return letters;
  }

  private letter(c: ReportContext, agencyName: string, tasks: readonly ReportTaskRow[]): Promise<Buffer> {
    return urgingLetterDocx({
      agencyName,
      asOf: c.meta.asOf,
      live: c.meta.live,
      generatedAt: c.meta.generatedAt,
      tasks: notedTasks(tasks),
    });
  }

  /** One letter per lead agency of `tasks`, in the official order of agencies; undefined when there is none. */
  private async lettersZip(c: ReportContext, tasks: readonly ReportTaskRow[]): Promise<ReportFile | undefined> {
    const byAgency = new Map<string, ReportTaskRow[]>();
    for (const t of tasks) {
      if (t.lead_agency_id) byAgency.set(t.lead_agency_id, [...(byAgency.get(t.lead_agency_id) ?? []), t]);
    }
    if (byAgency.size === 0) return undefined;
    const day = dayName(c.meta.asOf);
    const zip = new JSZip();
    const used = new Set<string>();
    for (const agency of await this.reports.agenciesInOrder([...byAgency.keys()])) {
      // Two agencies of the same name (one since disabled) must not overwrite each other's letter.
      let name = `Công văn đôn đốc - ${entryName(agency.name)} - ${day}.docx`;
      if (used.has(name))
        name = `Công văn đôn đốc - ${entryName(agency.name)} (${entryName(agency.code)}) - ${day}.docx`;
      used.add(name);
      zip.file(name, await this.letter(c, agency.name, byAgency.get(agency.id)!));
    }
    return {
      body: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      type: ZIP,
      disposition: attachment(`Công văn đôn đốc ${day}.zip`),
    };
  }
}
