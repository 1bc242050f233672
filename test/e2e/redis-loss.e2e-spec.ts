import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { Redis } from 'ioredis';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { until } from './support/wait.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A flush (or a restart without persistence) empties Redis silently. The worker notices within its loss
 * check and rebuilds the schedule at once, not at the next periodic reconcile (an hour away here).
 */
describe('Redis loses the schedule: the worker notices and reconciles at once', () => {
  let redis: TestRedis;
  let t: TestApp;
  let worker: RunningWorker;
  const prefix = `loss${process.pid}`;

  let task: { id: string; version: number };

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Its own database: the in-process worker's first pass then has only this suite's actions to fire (on the
    // shared one it fires every suite's past-due actions, and the ladder's few seconds can run out under load).
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix }, { ownDatabase: true });
    // The assignment is made before the worker starts: the worker's first pass over the shared database
    // (every suite's pending actions, the past-due ones firing) keeps this process busy, and a login in
    // that storm can wait out the pool's connection timeout.
    const drafted = await makeTask(t.db, { state: 'drafted', dueDate: '2030-12-31' });
    const assigned = await t.http
      .post(`/api/tasks/${drafted.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: drafted.version })
      .expect(200);
    task = { id: drafted.id, version: assigned.body.version as number };
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        RELAY_INTERVAL_MS: '200',
        RECONCILE_INTERVAL_SECONDS: '3600',
        LOSS_CHECK_MS: '500',
        LOG_LEVEL: 'silent',
      }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await redis?.down();
  });

  it('puts every pending job back within seconds of a FLUSHALL', async () => {
    const jobIds = async () =>
      (
        await t.db.query<{ job_id: string }>(
          `SELECT job_id FROM scheduled_actions WHERE task_id = $1 AND status = 'pending'`,
          [task.id],
        )
      ).rows.map((r) => r.job_id);
    const ids = await jobIds();
    expect(ids).toHaveLength(4);
    const client = new Redis(redis.url);
    try {
      const inRedis = async () => {
        const found = await Promise.all(ids.map((id) => client.exists(`${prefix}:escalations:${id}`)));
        return found.every((n) => n === 1);
      };
      // The worker's first pass (relay and reconcile of the whole shared database) brings them.
      await until('the jobs of the assignment in Redis', inRedis, 120_000);

      // The flush and the check in one transaction: the worker may put the jobs back within milliseconds,
      // so a check sent after the flush could already see them again.
      const keys = ids.map((id) => `${prefix}:escalations:${id}`);
      const replies = await client
        .multi()
        .flushall()
        .exists(...keys)
        .exec();
      expect(replies?.map(([err, value]) => [err, value])).toEqual([
        [null, 'OK'],
        [null, 0],
      ]);
      const flushed = Date.now();
      await until('the jobs back in Redis after the flush', inRedis, 30_000, 50);
      const took = Date.now() - flushed;
      process.stderr.write(`redis loss: schedule back ${took} ms after FLUSHALL (target under 5,000 ms)\n`);
    } finally {
      client.disconnect();
    }
  }, 180_000);
});
