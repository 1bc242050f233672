import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { busChannels, redisOptions, type BusChannels } from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The API's only use of Redis on the request path: a fire-and-forget nudge after a commit, on this
 * deployment's schedule channel (`busChannels(QUEUE_PREFIX)`, the worker's too). No offline queue, so with
 * Redis down a publish fails at once instead of hanging a request (bullmq #995); the worker's relay polls
 * PostgreSQL anyway.
 */
@Injectable()
export class SignalBus implements OnApplicationShutdown {
  private readonly logger = new Logger(SignalBus.name);
  readonly redis: Redis;
  /** This deployment's channels; the event hub subscribes to `channels.events`. */
  readonly channels: BusChannels;
  private warned = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channels = busChannels(config.deploymentPrefix);
    this.redis = new Redis({
      ...redisOptions(config.redisUrl),
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

  /** Wakes this deployment's relays after a commit that wrote schedule or outbox rows. */
  nudgeSchedule(): void {
    this.redis.publish(this.channels.schedule, '1').catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
