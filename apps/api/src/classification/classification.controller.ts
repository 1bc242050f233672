import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accessListSchema,
  directiveSchema,
  setAccessListRequestSchema,
  setClassificationRequestSchema,
  taskSummarySchema,
  type AccessListDto,
  type DirectiveDto,
  type ErrorCode,
  type SetAccessListRequest,
  type SetClassificationRequest,
  type TaskSummaryDto,
} from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { ClassificationService } from './classification.service.js';
import { SetClassificationUseCase } from './set-classification.use-case.js';

const LEVEL_ERRORS: Partial<Record<number, ErrorCode[]>> = {
  400: ['VALIDATION_FAILED', 'COMMENT_REQUIRED', 'CONTENT_REFERENCE_REQUIRED'],
  403: ['FORBIDDEN', 'NOT_OWN_TASK', 'NOT_OWN_DIRECTIVE'],
  404: ['NOT_FOUND'],
  409: ['VERSION_CONFLICT', 'SAME_CLASSIFICATION', 'CLASSIFICATION_BELOW_DIRECTIVE', 'CLASSIFIED_CONTENT_PRESENT'],
};

const LIST_ERRORS: Partial<Record<number, ErrorCode[]>> = {
  400: ['VALIDATION_FAILED', 'UNKNOWN_USER', 'ACCESS_USER_NOT_ELIGIBLE', 'ACCESS_LIST_NEEDS_OFFICE'],
  403: ['FORBIDDEN', 'NOT_OWN_TASK', 'NOT_OWN_DIRECTIVE'],
  404: ['NOT_FOUND'],
  409: ['NOT_CLASSIFIED', 'VERSION_CONFLICT'],
};

// Every task reader reaches the service: an item the caller is not cleared for answers 404, not 403.
@ApiTags('classification')
@Controller()
export class ClassificationController {
  constructor(
    private readonly lists: ClassificationService,
    private readonly levels: SetClassificationUseCase,
  ) {}

  @ApiEndpoint({
    summary: 'Classify a task (mật, tối mật, tuyệt mật) or lower its level with a comment (the Office)',
    body: setClassificationRequestSchema,
    ok: { schema: taskSummarySchema },
    errors: LEVEL_ERRORS,
  })
  @Roles(...TASK_READERS)
  @Put('tasks/:id/classification')
  classifyTask(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(setClassificationRequestSchema)) body: SetClassificationRequest,
    @Req() req: Request,
  ): Promise<TaskSummaryDto> {
    return this.levels.task(user, id, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Classify a directive; its tasks below the new level are raised with it (the Office)',
    body: setClassificationRequestSchema,
    ok: { schema: directiveSchema },
    errors: LEVEL_ERRORS,
  })
  @Roles(...TASK_READERS)
  @Put('directives/:id/classification')
  classifyDirective(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(setClassificationRequestSchema)) body: SetClassificationRequest,
    @Req() req: Request,
  ): Promise<DirectiveDto> {
    return this.levels.directive(user, id, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Who may read a classified task (its need-to-know list)',
    ok: { schema: accessListSchema },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] },
  })
  @Roles(...TASK_READERS)
  @Get('tasks/:id/access')
  taskAccess(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<AccessListDto> {
    return this.lists.accessList(user, { kind: 'task', id });
  }

  @ApiEndpoint({
    summary: 'Set who may read a classified task: the whole list (the Office); recorded in its history',
    body: setAccessListRequestSchema,
    ok: { schema: accessListSchema },
    errors: LIST_ERRORS,
  })
  @Roles(...TASK_READERS)
  @Put('tasks/:id/access')
  setTaskAccess(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(setAccessListRequestSchema)) body: SetAccessListRequest,
    @Req() req: Request,
  ): Promise<AccessListDto> {
    return this.lists.setAccessList(user, { kind: 'task', id }, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: 'Who may read a classified directive (its need-to-know list)',
    ok: { schema: accessListSchema },
    errors: { 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] },
  })
  @Roles(...TASK_READERS)
  @Get('directives/:id/access')
  directiveAccess(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<AccessListDto> {
    return this.lists.accessList(user, { kind: 'directive', id });
  }

  @ApiEndpoint({
    summary: 'Set who may read a classified directive: the whole list (the Office)',
    body: setAccessListRequestSchema,
    ok: { schema: accessListSchema },
    errors: LIST_ERRORS,
  })
  @Roles(...TASK_READERS)
  @Put('directives/:id/access')
  setDirectiveAccess(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(setAccessListRequestSchema)) body: SetAccessListRequest,
    @Req() req: Request,
  ): Promise<AccessListDto> {
    return this.lists.setAccessList(user, { kind: 'directive', id }, body, requestIdOf(req));
  }
}
