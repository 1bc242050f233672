import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  reportDocumentQuerySchema,
  reportQuerySchema,
  urgingLetterQuerySchema,
  urgingLettersRequestSchema,
  type ReportDocumentQuery,
  type ReportQuery,
  type UrgingLetterQuery,
  type UrgingLettersRequest,
} from '@dondoc/contracts';
import { RecordsAccess } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { REPORT_FILTER_ERRORS, REPORT_READERS } from './report-roles.js';
import { ReportDocumentsUseCase, type ReportFile } from './report-documents.use-case.js';

const BINARY = { type: 'string', contentMediaType: 'application/octet-stream' };
const ZIP = { 'application/zip': BINARY };
const DISPOSITION = {
  'Content-Disposition': {
    description: 'attachment, with the Vietnamese file name (RFC 5987 `filename*`)',
    schema: { type: 'string' },
  },
};

function send(file: ReportFile): StreamableFile {
  return new StreamableFile(file.body, { type: file.type, length: file.body.length, disposition: file.disposition });
}

/** The same reports as Excel workbooks and Word documents, named in Vietnamese (RFC 5987). */
@ApiTags('reports')
@Roles(...REPORT_READERS)
@Controller('reports')
export class ReportDocumentsController {
  constructor(private readonly documents: ReportDocumentsUseCase) {}

  @ApiEndpoint({
    summary: 'Figures by agency as an Excel workbook',
    query: reportQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: {
      media: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': BINARY },
      headers: DISPOSITION,
    },
  })
  @Get('by-agency.xlsx')
  async byAgencyXlsx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery) {
    return send(await this.documents.byAgencyXlsx(user, q));
  }

  @ApiEndpoint({
    summary: 'Every task in the report as an Excel workbook, with its latest progress',
    description:
      "Each task's latest progress report (percentage, narrative, day): with `periodId`, the latest made for " +
      "that reporting period, else the latest made within the period's dates; without, the latest.",
    query: reportDocumentQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: {
      media: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': BINARY },
      headers: DISPOSITION,
    },
  })
  @RecordsAccess('export')
  @Get('tasks.xlsx')
  async tasksXlsx(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportDocumentQuerySchema)) q: ReportDocumentQuery,
  ) {
    return send(await this.documents.tasksXlsx(user, q));
  }

  @ApiEndpoint({
    summary: 'The periodic report (báo cáo định kỳ) as a Word document',
    description:
      "Figures, key tasks, overdue tasks, coordinating agencies and milestones, and each task's latest progress: " +
      'with `periodId`, the latest report made for that reporting period, else the latest made within its dates.',
    query: reportDocumentQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: {
      media: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': BINARY },
      headers: DISPOSITION,
    },
  })
  @RecordsAccess('export')
  @Get('periodic.docx')
  async periodicDocx(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(reportDocumentQuerySchema)) q: ReportDocumentQuery,
  ) {
    return send(await this.documents.periodicDocx(user, q));
  }

  @ApiEndpoint({
    summary: 'The urging letter (công văn đôn đốc) to one agency as a Word document',
    query: urgingLetterQuerySchema,
    errors: REPORT_FILTER_ERRORS,
    ok: {
      media: { 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': BINARY },
      headers: DISPOSITION,
    },
  })
  @RecordsAccess('export')
  @Get('urging-letter.docx')
  async urgingLetterDocx(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(urgingLetterQuerySchema)) q: UrgingLetterQuery,
  ) {
    return send(await this.documents.urgingLetterDocx(user, q));
  }

  @ApiEndpoint({
    summary: 'Urging letters (công văn đôn đốc) to every lead agency with overdue tasks, one .docx each, in a .zip',
    description:
      'One letter per lead agency that has overdue tasks under the filters (the letter of `urging-letter.docx`), ' +
      'in the official order of agencies, named "Công văn đôn đốc - <agency> - dd-mm-yyyy.docx". ' +
      '409 NOTHING_TO_URGE when no agency has overdue tasks.',
    query: reportQuerySchema,
    errors: { ...REPORT_FILTER_ERRORS, 409: ['NOTHING_TO_URGE'] },
    ok: { media: ZIP, headers: DISPOSITION },
  })
  @RecordsAccess('export')
  @Get('urging-letters.zip')
  async urgingLettersZip(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery) {
    return send(await this.documents.urgingLettersZip(user, q));
  }

  @ApiEndpoint({
    summary: 'Urging letters for the lead agencies of selected tasks, one .docx each, in a .zip',
    description:
      'Each letter lists only the selected tasks of its agency that are overdue or due soon (on `asOf`, else now); ' +
      'other selected tasks have nothing to urge and are left out. 404 when any id is not a task the caller sees; ' +
      '409 NOTHING_TO_URGE when no selected task is overdue or due soon.',
    body: urgingLettersRequestSchema,
    errors: { 404: ['NOT_FOUND'], 409: ['NOTHING_TO_URGE'] },
    ok: { status: 200, media: ZIP, headers: DISPOSITION },
  })
  @RecordsAccess('export')
  @Post('urging-letters.zip')
  @HttpCode(200)
  async urgingLettersForTasks(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(urgingLettersRequestSchema)) body: UrgingLettersRequest,
  ) {
    return send(await this.documents.urgingLettersForTasks(user, body));
  }
}
