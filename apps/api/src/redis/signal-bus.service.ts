import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { busChannels, redisOptions, type BusChannels } from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The shortest time between two wake-ups of the relays. */
export const NUDGE_WINDOW_MS = 20;

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
  private lastNudgeAt = 0;
  private trailing: NodeJS.Timeout | null = null;

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

  /**
   * Wakes this deployment's relays after a commit that wrote schedule or outbox rows. At most one publish per
   * {@link NUDGE_WINDOW_MS}: the relay reads every row that waits, so under load one wake-up serves many
   * commits (a publish was a tenth of the API's CPU per transition); a lone commit still wakes it at once.
   */
  nudgeSchedule(): void {
    if (this.trailing) return;
    const since = Date.now() - this.lastNudgeAt;
    if (since >= NUDGE_WINDOW_MS) {
      this.publishNudge();
      return;
    }
    this.trailing = setTimeout(() => {
      this.trailing = null;
      this.publishNudge();
    }, NUDGE_WINDOW_MS - since);
  }

  private publishNudge(): void {
    this.lastNudgeAt = Date.now();
    this.redis.publish(this.channels.schedule, '1').catch(() => undefined);
  }

  onApplicationShutdown(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.redis.disconnect();
  }
}
