import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  busChannels,
  encodeBusMessage,
  notificationMessages,
  redisOptions,
  taskChangedMessage,
  type BusChannels,
  type BusMessage,
} from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';

/**
 * Every Redis publish of the worker goes through here, on this deployment's channels
 * (`busChannels(QUEUE_PREFIX)`) and with messages built by the contracts' builders: task changes and
 * notifications on the events channel (every API instance relays them to its browsers), and the schedule
 * nudge that wakes the relays after a commit. Only signals: what they announce is in PostgreSQL already.
 */
@Injectable()
export class BusPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(BusPublisher.name);
  readonly channels: BusChannels;
  private readonly redis: Redis;
  private warned = false;

  constructor(@Inject(WORKER_CONFIG) config: Pick<WorkerConfig, 'redisUrl' | 'queuePrefix'>) {
    this.channels = busChannels(config.queuePrefix);
    // A command waits for one reconnect, then fails: the relay retries its whole pass, and a nudge is
    // not worth holding memory for while Redis is away.
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1 });
    this.redis.on('error', (e: Error) => {
      if (!this.warned) this.logger.warn(`Redis unavailable for the bus (${e.message}); retrying`);
      this.warned = true;
    });
    this.redis.on('ready', () => (this.warned = false));
  }

  /** Publishes the messages in order on the events channel; rejects if Redis refused any (callers retry). */
  async publish(messages: readonly BusMessage[]): Promise<void> {
    // One connection keeps the order; not awaiting each reply pipelines them.
    await Promise.all(messages.map((m) => this.redis.publish(this.channels.events, encodeBusMessage(m))));
  }

  /** A task changed (see `taskChangedMessage`). */
  taskChanged(input: Parameters<typeof taskChangedMessage>[0]): Promise<void> {
    return this.publish([taskChangedMessage(input)]);
  }

  /** Notifications were written for these users (see `notificationMessages`); nothing for nobody. */
  notification(input: Parameters<typeof notificationMessages>[0]): Promise<void> {
    return this.publish(notificationMessages(input));
  }

  /**
   * Wakes this deployment's relays (in every worker) after a commit that wrote outbox or schedule rows,
   * so they publish and schedule now rather than at their next tick. Fire and forget: the tick follows.
   */
  nudgeSchedule(): void {
    this.redis.publish(this.channels.schedule, '1').catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
