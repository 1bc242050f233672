import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createExtensionRequestSchema,
  extensionDecisionRequestSchema,
  type CreateExtensionRequest,
  type ExtensionDecisionRequest,
  type ExtensionDecisionResponse,
  type ExtensionRequestDto,
  extensionRequestSchema,
  extensionDecisionResponseSchema,
  extensionQueuePageSchema,
  type ExtensionQueueItemDto,
  type Page,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { RecordsAccess, taskIdItem } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { DecideExtensionUseCase } from './decide-extension.use-case.js';
import { toExtensionQueueItemDto } from './extension-dto.js';
import { extensionQueueQuerySchema, type ExtensionQueueQuery } from './extension-queue.query.js';
import { ExtensionsRepository } from './extensions.repository.js';
import { RequestExtensionUseCase } from './request-extension.use-case.js';

// Every task reader reaches the use cases so that what the caller cannot see answers 404, not 403.
@ApiTags('extensions')
@Controller()
export class ExtensionsController {
  constructor(
    private readonly requests: RequestExtensionUseCase,
    private readonly decisions: DecideExtensionUseCase,
    private readonly extensions: ExtensionsRepository,
  ) {}

  @ApiEndpoint({
    summary: 'Extension requests of the tasks the caller may see (open ones by default), oldest first',
    query: extensionQueueQuerySchema,
    ok: { schema: extensionQueuePageSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (page: Page<ExtensionQueueItemDto>) => page.items.map((r) => taskIdItem(r.task.id)))
  @Get('extension-requests')
  async queue(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(extensionQueueQuerySchema)) query: ExtensionQueueQuery,
  ): Promise<Page<ExtensionQueueItemDto>> {
    const { rows, total } = await this.extensions.queue(toActor(user), query);
    return { items: rows.map(toExtensionQueueItemDto), total, limit: query.limit, offset: query.offset };
  }

  @ApiEndpoint({
    summary: 'Ask for a later deadline (the lead agency; the Standing Committee decides)',
    body: createExtensionRequestSchema,
    ok: { status: 201, schema: extensionRequestSchema },
    errors: {
      400: ['COMMENT_REQUIRED', 'INVALID_DUE_DATE'],
      403: ['FORBIDDEN', 'FORBIDDEN_ROLE'],
      409: ['EXTENSION_ALREADY_OPEN', 'INVALID_TRANSITION', 'CLASSIFIED_RECORD_ONLY'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('tasks/:id/extension-requests')
  request(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(createExtensionRequestSchema)) body: CreateExtensionRequest,
    @Req() req: Request,
  ): Promise<ExtensionRequestDto> {
    return this.requests.execute(user, taskId, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Grant (to the date asked, or another) or refuse an extension request (the deciding authority)',
    body: extensionDecisionRequestSchema,
    ok: { schema: extensionDecisionResponseSchema },
    errors: {
      400: ['COMMENT_REQUIRED', 'INVALID_DUE_DATE'],
      403: ['FORBIDDEN', 'FORBIDDEN_ROLE'],
      409: ['EXTENSION_ALREADY_DECIDED', 'EXTENSION_OUTDATED', 'VERSION_CONFLICT', 'INVALID_TRANSITION'],
    },
  })
  @Roles(...TASK_READERS)
  @Post('extension-requests/:id/decision')
  @HttpCode(200)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(extensionDecisionRequestSchema)) body: ExtensionDecisionRequest,
    @Req() req: Request,
  ): Promise<ExtensionDecisionResponse> {
    return this.decisions.execute(user, id, body, requestIdOf(req));
  }
}
