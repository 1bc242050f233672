import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createExtensionRequestSchema,
  extensionDecisionRequestSchema,
  type CreateExtensionRequest,
  type ExtensionDecisionRequest,
  type ExtensionDecisionResponse,
  type ExtensionRequestDto,
} from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { DecideExtensionUseCase } from './decide-extension.use-case.js';
import { RequestExtensionUseCase } from './request-extension.use-case.js';

// Every task reader reaches the use cases so that what the caller cannot see answers 404, not 403.
@ApiTags('extensions')
@ApiBearerAuth()
@Controller()
export class ExtensionsController {
  constructor(
    private readonly requests: RequestExtensionUseCase,
    private readonly decisions: DecideExtensionUseCase,
  ) {}

  @Roles(...TASK_READERS)
  @Post('tasks/:id/extension-requests')
  @ApiZodBody(createExtensionRequestSchema)
  request(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(createExtensionRequestSchema)) body: CreateExtensionRequest,
    @Req() req: Request,
  ): Promise<ExtensionRequestDto> {
    return this.requests.execute(user, taskId, body, requestIdOf(req));
  }

  @Roles(...TASK_READERS)
  @Post('extension-requests/:id/decision')
  @ApiZodBody(extensionDecisionRequestSchema)
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
