import { redisOptions } from '@dondoc/contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';
import { QueueErrorLog } from '../schedule/queue-error-log.js';
import { ESCALATION_QUEUE, type EscalationJobData } from '../schedule/schedule.constants.js';

// For the specs only (never imported by the worker itself).

/** The machine's Redis, shared with other suites. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** BullMQ's connection options for the test Redis (blocking commands must not give up). */
export const testConnection = () => ({ ...redisOptions(TEST_REDIS_URL), maxRetriesPerRequest: null });

/** The queue error log with only the counter it uses (WorkerMetrics' default collectors keep Jest from exiting). */
export const testErrorLog = () =>
  new QueueErrorLog({
    queueErrors: new Counter({ name: 'dondoc_queue_errors_total', help: 'x', labelNames: ['source'], registers: [] }),
  } as unknown as WorkerMetrics);

/**
 * The escalation queue on the machine's Redis under a prefix of this run's own, a plain client beside it, and
 * the error log the wrapper needs. `removeAll` deletes every key under the prefix (BullMQ's meta keys too).
 */
export interface TestQueue {
  prefix: string;
  queue: Queue<EscalationJobData>;
  redis: Redis;
  errors: QueueErrorLog;
  removeAll: () => Promise<void>;
  close: () => Promise<void>;
}

export async function openTestQueue(tag: string): Promise<TestQueue> {
  const prefix = `${tag}-${process.pid}-${Date.now().toString(36)}`;
  const queue = new Queue<EscalationJobData>(ESCALATION_QUEUE, { connection: testConnection(), prefix });
  const redis = new Redis({ ...redisOptions(TEST_REDIS_URL), maxRetriesPerRequest: 1 });
  const errors = testErrorLog();
  await queue.waitUntilReady();
  const removeAll = async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length) await redis.del(...keys);
  };
  const close = async () => {
    await queue.close();
    await removeAll();
    redis.disconnect();
    errors.onApplicationShutdown();
  };
  return { prefix, queue, redis, errors, removeAll, close };
}
