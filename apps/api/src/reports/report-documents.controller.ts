import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  reportQuerySchema,
  urgingLetterQuerySchema,
  type ReportQuery,
  type UrgingLetterQuery,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { REPORT_READERS } from './report-roles.js';
import { ReportDocumentsUseCase, type ReportFile } from './report-documents.use-case.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function send(file: ReportFile): StreamableFile {
  return new StreamableFile(file.body, { type: file.type, length: file.body.length, disposition: file.disposition });
}

/** The same reports as Excel workbooks and Word documents, named in Vietnamese (RFC 5987). */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(...REPORT_READERS)
@Controller('reports')
export class ReportDocumentsController {
  constructor(private readonly documents: ReportDocumentsUseCase) {}

  @Get('by-agency.xlsx')
  @ApiProduces(XLSX)
  async byAgencyXlsx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery) {
    return send(await this.documents.byAgencyXlsx(user, q));
  }

  @Get('tasks.xlsx')
  @ApiProduces(XLSX)
  async tasksXlsx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery) {
    return send(await this.documents.tasksXlsx(user, q));
  }

  @Get('periodic.docx')
  @ApiProduces(DOCX)
  async periodicDocx(@CurrentUser() user: AuthUser, @Query(new ZodPipe(reportQuerySchema)) q: ReportQuery) {
    return send(await this.documents.periodicDocx(user, q));
  }

  @Get('urging-letter.docx')
  @ApiProduces(DOCX)
  async urgingLetterDocx(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(urgingLetterQuerySchema)) q: UrgingLetterQuery,
  ) {
    return send(await this.documents.urgingLetterDocx(user, q));
  }
}
