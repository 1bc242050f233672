import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createCommentRequestSchema,
  type CommentDto,
  type CreateCommentRequest,
  commentSchema,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { CommentsService } from './comments.service.js';

@ApiTags('comments')
@Controller('tasks/:taskId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @ApiEndpoint({
    summary: "Comment on a task (the task's parties are notified)",
    body: createCommentRequestSchema,
    ok: { status: 201, schema: commentSchema },
    errors: { 409: ['CLASSIFIED_RECORD_ONLY'] },
  })
  @Roles(...TASK_READERS)
  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Param('taskId', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(createCommentRequestSchema)) body: CreateCommentRequest,
    @Req() req: Request,
  ): Promise<CommentDto> {
    return this.comments.create(user, taskId, body.body, requestIdOf(req));
  }
}
