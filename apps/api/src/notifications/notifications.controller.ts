import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  notificationListQuerySchema,
  type NotificationListQuery,
  type NotificationPage,
  notificationPageSchema,
} from '@dondoc/contracts';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ALL_ROLES, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { NotificationsRepository } from './notifications.repository.js';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** The caller's own notifications, newest first, with the unread count. */
  @ApiEndpoint({
    summary: "The caller's notifications, newest first, with the unread count",
    query: notificationListQuerySchema,
    ok: { schema: notificationPageSchema },
  })
  @Roles(...ALL_ROLES)
  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(notificationListQuerySchema)) query: NotificationListQuery,
  ): Promise<NotificationPage> {
    const { rows, unread, total } = await this.notifications.forUser(user.id, query.limit, query.offset);
    return {
      items: rows.map((r) => ({
        id: r.id,
        taskId: r.task_id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        data: r.data,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at ? r.read_at.toISOString() : null,
      })),
      unread,
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @ApiEndpoint({ summary: 'Mark a notification read', ok: { status: 204 } })
  @Roles(...ALL_ROLES)
  @Post(':id/read')
  @HttpCode(204)
  async read(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id))) throw ApiError.notFound('Notification');
  }
}
