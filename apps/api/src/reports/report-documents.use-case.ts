import { Injectable } from '@nestjs/common';
import { stripVietnameseMarks, type ReportQuery, type UrgingLetterQuery } from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import type { AuthUser } from '../auth/auth-user.js';
import { periodicReportDocx, urgingLetterDocx } from './report-docx.builder.js';
import { byAgencyWorkbook, tasksWorkbook } from './report-xlsx.builder.js';
import { ReportsService } from './reports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

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

/** Builds each document from the same views the JSON endpoints answer with, so the figures agree. */
@Injectable()
export class ReportDocumentsUseCase {
  constructor(private readonly reports: ReportsService) {}

  async byAgencyXlsx(user: AuthUser, q: ReportQuery): Promise<ReportFile> {
    const report = await this.reports.byAgency(await this.reports.context(user, q));
    return {
      body: await byAgencyWorkbook(report),
      type: XLSX,
      disposition: attachment(`Báo cáo theo cơ quan chủ trì ${dayName(report.asOf)}.xlsx`),
    };
  }

  async tasksXlsx(user: AuthUser, q: ReportQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    return {
      body: await tasksWorkbook(c.meta, await this.reports.tasks(c)),
      type: XLSX,
      disposition: attachment(`Danh sách nhiệm vụ ${dayName(c.meta.asOf)}.xlsx`),
    };
  }

  async periodicDocx(user: AuthUser, q: ReportQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    const [summary, byAgency, escalations, reviewQueue, averages, directive] = await Promise.all([
      this.reports.summary(c),
      this.reports.byAgency(c),
      this.reports.escalations(c),
      this.reports.reviewQueue(c),
      this.reports.averages(c),
      q.directiveId ? this.reports.directive(q.directiveId) : Promise.resolve(undefined),
    ]);
    const directiveTitle = directive ? `${directive.title} (${directive.number})` : null;
    return {
      body: await periodicReportDocx({ summary, byAgency, escalations, reviewQueue, averages, directiveTitle }),
      type: DOCX,
      disposition: attachment(`Báo cáo kết quả thực hiện ${dayName(c.meta.asOf)}.docx`),
    };
  }

  async urgingLetterDocx(user: AuthUser, q: UrgingLetterQuery): Promise<ReportFile> {
    const c = await this.reports.context(user, q);
    const agency = (await this.reports.agency(q.agencyId))!;
    const tasks = await this.reports.tasks(c, ['overdue', 'due_soon']);
    return {
      body: await urgingLetterDocx({
        agencyName: agency.name,
        asOf: c.meta.asOf,
        live: c.meta.live,
        generatedAt: c.meta.generatedAt,
        tasks,
      }),
      type: DOCX,
      disposition: attachment(`Công văn đôn đốc ${agency.name} ${dayName(c.meta.asOf)}.docx`),
    };
  }
}
