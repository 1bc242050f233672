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
import { submissionFieldsSchema, type SubmissionDto, submissionSchema } from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import type { Request } from 'express';
import { fileOfParams, RecordsAccess } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { FileStorageService } from './file-storage.service.js';
import { SubmissionsService, type UploadedFile } from './submissions.service.js';

@ApiTags('submissions')
@Controller('tasks/:taskId')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly storage: FileStorageService,
  ) {}

  @ApiEndpoint({
    summary: 'Hand in deliverables: files, a note, or both (the SUBMIT transition then sends them for review)',
    multipart: {
      properties: {
        files: {
          type: 'array',
          items: { type: 'string', contentMediaType: 'application/octet-stream' },
          description:
            'PDF, Word, Excel, images or archives; up to MAX_FILES_PER_SUBMISSION files of MAX_UPLOAD_MB each',
        },
        note: { type: 'string', maxLength: 5000 },
      },
    },
    ok: { status: 201, schema: submissionSchema },
    errors: {
      400: ['TOO_MANY_FILES', 'SUBMISSION_REQUIRED'],
      403: ['FORBIDDEN'],
      409: ['INVALID_TRANSITION', 'CLASSIFIED_RECORD_ONLY'],
      413: ['FILE_TOO_LARGE'],
      415: ['FILE_TYPE_NOT_ALLOWED'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('submissions')
  @UseInterceptors(FilesInterceptor('files'))
  create(
    @CurrentUser() user: AuthUser,
    @Param('taskId', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(submissionFieldsSchema)) body: { note?: string },
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Req() req: Request,
  ): Promise<SubmissionDto> {
    return this.submissions.create(user, taskId, body.note ?? '', files ?? [], requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Download a submitted file',
    ok: {
      description: 'The file as uploaded, with its name in Content-Disposition (RFC 6266)',
      media: { '*/*': { type: 'string', contentMediaType: 'application/octet-stream' } },
    },
    // A sealed file (of a classified task) that fails its check, or whose key the server no longer holds.
    errors: { 500: ['FILE_INTEGRITY_FAILED', 'FILE_KEY_UNKNOWN'] },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('download', fileOfParams('taskId'))
  @Get('files/:fileId')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('taskId', UuidParamPipe) taskId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.submissions.file(user, taskId, fileId);
    return new StreamableFile(await this.storage.open(file), {
      type: file.mime_type,
      length: file.size_bytes,
      disposition: contentDisposition(file.file_name, { type: 'attachment' }),
    });
  }
}
