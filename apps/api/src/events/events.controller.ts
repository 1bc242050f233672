import { Controller, HttpCode, type MessageEvent, Post, Sse, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type StreamTicketResponse, streamTicketResponseSchema } from '@dondoc/contracts';
import { Observable } from 'rxjs';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ALL_ROLES, CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { EventHub } from './event-hub.service.js';
import { EventsAuthGuard } from './events-auth.guard.js';

/** Within the 15-25 s that proxies and load balancers allow an idle response before they cut it. */
export const HEARTBEAT_MS = 20_000;
/** A stream outlives its request: the session is checked again this often, so logout or disabling ends it. */
export const RECHECK_MS = 60_000;
/** How long a browser waits before reconnecting after the stream ends. */
const RETRY_MS = 5_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly hub: EventHub,
    private readonly auth: AuthService,
  ) {}

  /**
   * A single-use ticket, valid for a minute, to open the event stream with `GET /api/events?ticket=`:
   * EventSource cannot send the bearer header, and a long-lived token must not travel in a URL.
   */
  @ApiEndpoint({
    summary: 'A single-use ticket (60 s) to open the event stream without a token in the URL',
    ok: { status: 201, schema: streamTicketResponseSchema },
  })
  @Roles(...ALL_ROLES)
  @Post('tickets')
  @HttpCode(201)
  ticket(@CurrentUser() user: AuthUser): Promise<StreamTicketResponse> {
    return this.auth.issueStreamTicket(user);
  }

  /**
   * Live changes for the signed-in user: `task.changed` for tasks the user may see, `notification` for
   * the user's own notifications, `resync` when events may have been missed (reload everything).
   * `@Public()` only steps past the global guard, which reads the header alone; EventsAuthGuard
   * authenticates the same way and also accepts a stream ticket in `?ticket=` (EventSource cannot set
   * headers). The session is checked again every minute, so logging out ends the stream.
   */
  @ApiEndpoint({
    summary: 'Server-sent events: task.changed, notification, resync',
    ticket: true,
    ok: {
      description: 'An event stream (`ready` first, then changes; a comment every 20 s keeps it open)',
      media: { 'text/event-stream': { type: 'string' } },
    },
  })
  @Public()
  @UseGuards(EventsAuthGuard)
  @Sse()
  stream(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const unregister = this.hub.register(
        user,
        (e) => subscriber.next({ type: e.type, data: e.data }),
        () => subscriber.complete(),
      );
      subscriber.next({ type: 'ready', retry: RETRY_MS, data: { type: 'ready', userId: user.id } });
      const heartbeat = setInterval(() => subscriber.next({ comment: 'heartbeat' }), HEARTBEAT_MS);
      const recheck = setInterval(() => {
        this.auth.sessionLive(user).then(
          (still) => {
            if (still) return;
            subscriber.next({ type: 'session.ended', data: { type: 'session.ended' } });
            subscriber.complete();
          },
          // The database is briefly away: keep the stream, check again next time.
          () => undefined,
        );
      }, RECHECK_MS);
      // Runs on client disconnect, on completion and on shutdown alike.
      return () => {
        unregister();
        clearInterval(heartbeat);
        clearInterval(recheck);
      };
    });
  }
}
