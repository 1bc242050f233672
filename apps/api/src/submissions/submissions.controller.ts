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
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { submissionFieldsSchema, type SubmissionDto } from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { FileStorageService } from './file-storage.service.js';
import { SubmissionsService, type UploadedFile } from './submissions.service.js';

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('tasks/:taskId')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly storage: FileStorageService,
  ) {}

  @Roles(...TASK_READERS)
  @Post('submissions')
  @ApiConsumes('multipart/form-data')
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

  @Roles(...TASK_READERS)
  @Get('files/:fileId')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('taskId', UuidParamPipe) taskId: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.submissions.file(user, taskId, fileId);
    return new StreamableFile(this.storage.open(file.storage_key), {
      type: file.mime_type,
      length: file.size_bytes,
      disposition: contentDisposition(file.file_name, { type: 'attachment' }),
    });
  }
}
