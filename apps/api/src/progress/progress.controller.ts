import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Req,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import {
  createProgressReportSchema,
  progressReportSchema,
  taskProgressSchema,
  type CreateProgressReportRequest,
  type ProgressReportDto,
  type TaskProgressDto,
} from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { fileOfParams, RecordsAccess, taskOfParam } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import type { UploadedFile } from '../submissions/submissions.service.js';
import { ReportProgressUseCase } from './report-progress.use-case.js';

// Every task reader reaches the use case so that what the caller cannot see answers 404, not 403.
@ApiTags('progress')
@Controller()
export class ProgressController {
  constructor(
    private readonly reports: ReportProgressUseCase,
    private readonly storage: FileStorageService,
  ) {}

  @ApiEndpoint({
    summary: "Report a task's progress: percentage, narrative, optional files (the lead agency's people on the task)",
    body: createProgressReportSchema,
    multipart: {
      properties: {
        percent: { type: 'string', pattern: '^\\d{1,3}$', description: 'Whole number from 0 to 100' },
        narrative: { type: 'string', maxLength: 5000 },
        periodId: { type: 'string', format: 'uuid' },
        files: {
          type: 'array',
          items: { type: 'string', contentMediaType: 'application/octet-stream' },
          description:
            'PDF, Word, Excel, OpenDocument or images; up to MAX_FILES_PER_SUBMISSION files of MAX_UPLOAD_MB each',
        },
      },
      required: ['percent', 'narrative'],
    },
    ok: { status: 201, schema: progressReportSchema },
    errors: {
      400: ['TOO_MANY_FILES', 'TASK_NOT_IN_PERIOD'],
      403: ['FORBIDDEN_ROLE'],
      409: ['INVALID_TRANSITION', 'PERIOD_CLOSED', 'VERSION_CONFLICT', 'CLASSIFIED_RECORD_ONLY'],
      413: ['FILE_TOO_LARGE'],
      415: ['FILE_TYPE_NOT_ALLOWED'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('tasks/:id/progress')
  @UseInterceptors(FilesInterceptor('files'))
  report(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(createProgressReportSchema)) body: CreateProgressReportRequest,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Req() req: Request,
  ): Promise<ProgressReportDto> {
    return this.reports.execute(user, taskId, body, files ?? [], requestIdOf(req));
  }

  @ApiEndpoint({
    summary: "A task's progress reports, newest first, and the open reporting periods asking it for one",
    ok: { schema: taskProgressSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', taskOfParam())
  @Get('tasks/:id/progress')
  list(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) taskId: string): Promise<TaskProgressDto> {
    return this.reports.list(user, taskId);
  }

  @ApiEndpoint({
    summary: "Download a progress report's file",
    ok: {
      description: 'The file as uploaded, with its name in Content-Disposition (RFC 6266)',
      media: { '*/*': { type: 'string', contentMediaType: 'application/octet-stream' } },
    },
    // A sealed file (of a classified task) that fails its check, or whose key the server no longer holds.
    errors: { 500: ['FILE_INTEGRITY_FAILED', 'FILE_KEY_UNKNOWN'] },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('download', fileOfParams())
  @Get('progress-reports/:id/files/:fileId')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) reportId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.reports.file(user, reportId, fileId);
    return new StreamableFile(await this.storage.open(file), {
      type: file.mime_type,
      length: file.size_bytes,
      disposition: contentDisposition(file.file_name, { type: 'attachment' }),
    });
  }
}
