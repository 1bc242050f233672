import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import {
  acceptContributionSchema,
  contributionFieldsSchema,
  contributionListQuerySchema,
  contributionListSchema,
  contributionSchema,
  requestContributionSchema,
  returnContributionSchema,
  type AcceptContribution,
  type ContributionDto,
  type ContributionListDto,
  type ContributionListQuery,
  type RequestContribution,
  type ReturnContribution,
} from '@dondoc/contracts';
import { create as contentDisposition } from 'content-disposition';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { fileOfParams, RecordsAccess, taskIdItem, taskOfParam } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { FileStorageService } from '../submissions/file-storage.service.js';
import type { UploadedFile } from '../submissions/submissions.service.js';
import { ContributionsService } from './contributions.service.js';
import { DecideContributionUseCase } from './decide-contribution.use-case.js';
import { RequestContributionUseCase } from './request-contribution.use-case.js';
import { SubmitContributionUseCase } from './submit-contribution.use-case.js';

// Every task reader reaches the use cases so that what the caller cannot see answers 404, not 403.
@ApiTags('contributions')
@Controller()
export class ContributionsController {
  constructor(
    private readonly reads: ContributionsService,
    private readonly requests: RequestContributionUseCase,
    private readonly submissions: SubmitContributionUseCase,
    private readonly decisions: DecideContributionUseCase,
    private readonly storage: FileStorageService,
  ) {}

  @ApiEndpoint({
    summary: 'Contributions of the tasks the caller sees: an agency’s own (mine=1), those it awaits as lead (asLead=1)',
    query: contributionListQuerySchema,
    ok: { schema: contributionListSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (list: ContributionListDto) => list.items.map((c) => taskIdItem(c.taskId)))
  @Get('contributions')
  async list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(contributionListQuerySchema)) query: ContributionListQuery,
  ): Promise<ContributionListDto> {
    return { items: await this.reads.list(user, query) };
  }

  @ApiEndpoint({
    summary: 'A task’s contributions: all of them for the lead agency and the Office, its own for a coordinator',
    ok: { schema: contributionListSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', taskOfParam())
  @Get('tasks/:id/contributions')
  async forTask(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
  ): Promise<ContributionListDto> {
    return { items: await this.reads.forTask(user, taskId) };
  }

  @ApiEndpoint({
    summary: 'Ask a coordinating agency for its contribution, or change the ask (the lead agency or the Office)',
    body: requestContributionSchema,
    ok: { schema: contributionSchema },
    errors: {
      403: ['FORBIDDEN_ROLE'],
      409: ['INVALID_TRANSITION', 'VERSION_CONFLICT', 'CONTRIBUTION_STATUS_CONFLICT', 'CLASSIFIED_RECORD_ONLY'],
      422: ['NOT_A_COORDINATOR', 'CONTRIBUTION_DUE_DATE_INVALID'],
    },
  })
  @Roles(...TASK_READERS)
  @Put('tasks/:id/contributions/:agencyId')
  ask(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Param('agencyId', UuidParamPipe) agencyId: string,
    @Body(new ZodPipe(requestContributionSchema)) body: RequestContribution,
    @Req() req: Request,
  ): Promise<ContributionDto> {
    return this.requests.execute(user, taskId, agencyId, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Hand in the contribution: a note, files, or both (the coordinating agency)',
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
    ok: { status: 201, schema: contributionSchema },
    errors: {
      400: ['SUBMISSION_REQUIRED', 'TOO_MANY_FILES'],
      403: ['FORBIDDEN_ROLE'],
      409: ['INVALID_TRANSITION', 'CONTRIBUTION_STATUS_CONFLICT', 'CLASSIFIED_RECORD_ONLY'],
      413: ['FILE_TOO_LARGE'],
      415: ['FILE_TYPE_NOT_ALLOWED'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('contributions/:id/versions')
  @UseInterceptors(FilesInterceptor('files'))
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(contributionFieldsSchema)) body: { note?: string },
    @UploadedFiles() files: UploadedFile[] | undefined,
    @Req() req: Request,
  ): Promise<ContributionDto> {
    return this.submissions.execute(user, id, body.note ?? '', files ?? [], requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Accept the submitted contribution (the lead agency)',
    body: acceptContributionSchema,
    ok: { schema: contributionSchema },
    errors: { 403: ['FORBIDDEN_ROLE'], 409: ['INVALID_TRANSITION', 'CONTRIBUTION_STATUS_CONFLICT'] },
  })
  @Roles(...TASK_READERS)
  @Post('contributions/:id/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(acceptContributionSchema)) body: AcceptContribution,
    @Req() req: Request,
  ): Promise<ContributionDto> {
    return this.decisions.execute(user, id, 'accepted', body.comment, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Return the submitted contribution with a comment (the lead agency)',
    body: returnContributionSchema,
    ok: { schema: contributionSchema },
    errors: {
      400: ['COMMENT_REQUIRED'],
      403: ['FORBIDDEN_ROLE'],
      409: ['INVALID_TRANSITION', 'CONTRIBUTION_STATUS_CONFLICT'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('contributions/:id/return')
  @HttpCode(200)
  giveBack(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(returnContributionSchema)) body: ReturnContribution,
    @Req() req: Request,
  ): Promise<ContributionDto> {
    return this.decisions.execute(user, id, 'returned', body.comment, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Download a file of a contribution',
    ok: {
      description: 'The file as uploaded, with its name in Content-Disposition (RFC 6266)',
      media: { '*/*': { type: 'string', contentMediaType: 'application/octet-stream' } },
    },
    // A sealed file (of a classified task) that fails its check, or whose key the server no longer holds.
    errors: { 500: ['FILE_INTEGRITY_FAILED', 'FILE_KEY_UNKNOWN'] },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('download', fileOfParams())
  @Get('contributions/:id/files/:fileId')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Param('fileId', UuidParamPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.reads.file(user, id, fileId);
    return new StreamableFile(await this.storage.open(file), {
      type: file.mime_type,
      length: file.size_bytes,
      disposition: contentDisposition(file.file_name, { type: 'attachment' }),
    });
  }
}
