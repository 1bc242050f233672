import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createCommentRequestSchema, type CommentDto, type CreateCommentRequest } from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { CommentsService } from './comments.service.js';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('tasks/:taskId/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Roles(...TASK_READERS)
  @Post()
  @ApiZodBody(createCommentRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Param('taskId', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(createCommentRequestSchema)) body: CreateCommentRequest,
    @Req() req: Request,
  ): Promise<CommentDto> {
    return this.comments.create(user, taskId, body.body, requestIdOf(req));
  }
}
