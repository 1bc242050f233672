import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RunningWorker } from '../bootstrap.js';
import { LatenessRecorder } from '../escalation/lateness.recorder.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import { EscalationQueue } from '../schedule/escalation-queue.js';

const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed', 'completed', 'prioritized'] as const;

/**
 * The worker's optional HTTP port (it has no API): `/health/live`, `/health/ready` (database, Redis
 * policy, firing lateness; `/` answers the same) and Prometheus `/metrics`.
 */
export function startHealthServer(worker: RunningWorker, port: number, host = '127.0.0.1'): Promise<Server> {
  const db = worker.app.get<DataSource>(getDataSourceToken());
  const lateness = worker.app.get(LatenessRecorder);
  const metrics = worker.app.get(WorkerMetrics);
  const queue = worker.app.get(EscalationQueue);

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const ready = async (res: ServerResponse) => {
    const dbUp = await db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    send(res, dbUp ? 200 : 503, {
      status: dbUp ? 'ok' : 'error',
      database: dbUp ? 'up' : 'down',
      redis: worker.redisPolicy,
      lateness: lateness.summary(),
    });
  };

  const scrape = async (res: ServerResponse) => {
    // Queue depths are read at scrape time; Redis being away leaves the last values.
    const counts = await queue.counts(...QUEUE_STATES).catch(() => undefined);
    if (counts) for (const state of QUEUE_STATES) metrics.queueJobs.set({ state }, counts[state] ?? 0);
    send(res, 200, await metrics.registry.metrics(), metrics.registry.contentType);
  };

  const server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const handled =
      path === '/health/live'
        ? Promise.resolve(send(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) }))
        : path === '/metrics'
          ? scrape(res)
          : path === '/' || path === '/health' || path === '/health/ready'
            ? ready(res)
            : Promise.resolve(send(res, 404, { code: 'NOT_FOUND', message: 'Not found' }));
    handled.catch(() => send(res, 500, { code: 'INTERNAL_ERROR', message: 'Internal error' }));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
