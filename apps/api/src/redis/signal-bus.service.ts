import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export const SCHEDULE_CHANNEL = 'dondoc.schedule';
export const EVENTS_CHANNEL = 'dondoc.events';

/**
 * The API's only use of Redis on the request path: a fire-and-forget nudge after a commit. No offline
 * queue, so with Redis down a publish fails at once instead of hanging a request (bullmq #995);
 * the worker's relay polls PostgreSQL anyway.
 */
@Injectable()
export class SignalBus implements OnApplicationShutdown {
  private readonly logger = new Logger(SignalBus.name);
  readonly redis: Redis;
  private warned = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const u = new URL(config.redisUrl);
    this.redis = new Redis({
      host: u.hostname,
      port: Number(u.port || 6379),
      username: u.username || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      db: Number(u.pathname.slice(1) || 0),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    this.redis.on('error', (e: Error) => {
      if (!this.warned)
        this.logger.warn(`Redis unavailable (${e.message}); transitions still commit, jobs follow when it returns`);
      this.warned = true;
    });
    this.redis.on('ready', () => (this.warned = false));
  }

  nudgeSchedule(): void {
    this.redis.publish(SCHEDULE_CHANNEL, '1').catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
