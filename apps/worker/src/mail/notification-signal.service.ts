import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, redisOptions, type WorkerConfig } from '../config/worker-config.js';
import { EVENTS_CHANNEL } from '../schedule/schedule.constants.js';
import { MailService } from './mail.service.js';

/**
 * Tells the rest of the system that notifications were written: browsers through every API instance
 * (`{type:'notification', userIds}` on `dondoc.events`) and this worker's mail loop. Only a nudge: the
 * notifications themselves are in PostgreSQL, where the inbox and the mail loop read them.
 */
@Injectable()
export class NotificationSignal implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSignal.name);
  private publisher?: Redis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Commands wait for a reconnect once, then fail: a nudge is not worth holding memory for.
    this.publisher = new Redis({ ...redisOptions(this.config.redisUrl), maxRetriesPerRequest: 1 });
    this.publisher.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.publisher?.disconnect();
  }

  /** Publishes, and rejects if Redis refused: for callers that retry (the relay). */
  async publish(userIds: string[], taskId: string | null): Promise<void> {
    if (!userIds.length) return;
    this.mail.kick();
    if (!this.publisher) throw new Error('the notification publisher is not started');
    await this.publisher.publish(EVENTS_CHANNEL, JSON.stringify({ type: 'notification', userIds, taskId }));
  }

  /** After a commit that wrote notifications; a lost nudge only delays a browser until its next reload. */
  notified(userIds: string[], taskId: string | null): void {
    this.publish(userIds, taskId).catch((e: Error) =>
      this.logger.warn(`notification event not published: ${e.message}`),
    );
  }

  /**
   * A transition writes its notifications in the same statement as its outbox rows (the API's
   * `applyTransition`), so they share the transaction's `now()`: the recipients of a `notify` row are
   * the notifications of its task created at that instant.
   */
  async publishForOutbox(outboxIds: string[]): Promise<void> {
    if (!outboxIds.length) return;
    const rows: { task_id: string; user_ids: string[] }[] = await this.db.query(
      `SELECT o.task_id, array_agg(DISTINCT n.user_id::text) AS user_ids
         FROM outbox o JOIN notifications n ON n.task_id = o.task_id AND n.created_at = o.created_at
        WHERE o.id = ANY($1::bigint[]) AND o.kind = 'notify'
        GROUP BY o.task_id, o.created_at
        ORDER BY min(o.id)`,
      [outboxIds],
    );
    for (const r of rows) await this.publish(r.user_ids, r.task_id);
  }
}
