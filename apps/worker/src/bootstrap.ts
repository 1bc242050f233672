import { type INestApplicationContext } from '@nestjs/common';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import pino from 'pino';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { redisOptions } from '@dondoc/contracts';
import type { WorkerConfig } from './config/worker-config.js';
import { checkRedisPolicy, type RedisPolicyReport } from './redis/redis-policy.js';
import { WorkerModule } from './worker.module.js';

export interface RunningWorker {
  app: INestApplicationContext;
  redisPolicy: RedisPolicyReport;
  close(): Promise<void>;
}

/** An application context with no HTTP listener: BullMQ workers, the relay and the reconciler. */
export async function startWorker(config: WorkerConfig): Promise<RunningWorker> {
  // Before the context exists, log through a plain pino with the same shape.
  const logger = pino({ level: config.logLevel, base: { app: 'worker', pid: process.pid, context: 'Worker' } });
  const probe = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1, lazyConnect: true });
  let redisPolicy: RedisPolicyReport;
  try {
    await probe.connect();
    redisPolicy = await checkRedisPolicy(probe);
  } catch (e) {
    redisPolicy = { maxmemoryPolicy: null, ok: false, message: `Redis unreachable at start: ${(e as Error).message}` };
  } finally {
    probe.disconnect();
  }
  if (redisPolicy.ok) logger.info(redisPolicy.message);
  else logger.warn(redisPolicy.message);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  await app.init();
  return { app, redisPolicy, close: () => app.close() };
}
