import { Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';
import { QueueErrorLog } from './queue-error-log.js';

/** Only the counter the error log uses (WorkerMetrics' default collectors would keep Jest from exiting). */
const metricsStub = () =>
  ({
    queueErrors: new Counter({ name: 'dondoc_queue_errors_total', help: 'x', labelNames: ['source'], registers: [] }),
  }) as unknown as WorkerMetrics;

describe('QueueErrorLog', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const count = async (metrics: WorkerMetrics) =>
    Object.fromEntries(
      (await metrics.queueErrors.get()).values.map((v) => [String(v.labels.source), v.value] as const),
    );

  it('warns once per outage, counts every error, and sums the outage up when errors stop', async () => {
    const metrics = metricsStub();
    const errors = new QueueErrorLog(metrics);
    errors.quietMs = 1000;
    for (let i = 0; i < 3000; i++) {
      errors.report(i % 10 ? 'worker' : 'queue', new Error(`Missing key for job ${i}. moveToFinished`));
      if (i % 100 === 0) jest.advanceTimersByTime(500); // errors keep coming: still the same outage
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('Missing key for job 0');
    expect(errors.inOutage).toBe(true);
    expect(await count(metrics)).toEqual({ worker: 2700, queue: 300 });

    jest.advanceTimersByTime(1000);
    expect(errors.inOutage).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/3000 from the queue and worker|3000 from the worker and queue/);

    // The next outage warns again.
    errors.report('queue', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    expect(warn).toHaveBeenCalledTimes(2);
    errors.onApplicationShutdown();
    expect(log).toHaveBeenCalledTimes(2);
  });
});
