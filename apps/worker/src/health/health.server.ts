import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { RunningWorker } from '../bootstrap.js';
import { LatenessRecorder } from '../escalation/lateness.recorder.js';

/** Optional health port for the worker (it has no HTTP API): database, Redis policy, firing lateness. */
export function startHealthServer(worker: RunningWorker, port: number): Promise<Server> {
  const db = worker.app.get<DataSource>(getDataSourceToken());
  const lateness = worker.app.get(LatenessRecorder);
  const server = createServer((_req, res) => {
    void db
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false)
      .then((dbUp) => {
        const body = {
          status: dbUp ? 'ok' : 'error',
          database: dbUp ? 'up' : 'down',
          redis: worker.redisPolicy,
          lateness: lateness.summary(),
        };
        res.writeHead(dbUp ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
