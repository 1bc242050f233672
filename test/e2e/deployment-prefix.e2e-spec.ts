import type { AddressInfo } from 'node:net';
import { busChannels } from '@dondoc/contracts';
import {
  BusPublisher,
  EscalationProcessor,
  RelayService,
  startWorker,
  workerConfigFromEnv,
  type RunningWorker,
} from '@dondoc/worker';
import type { Redis } from 'ioredis';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SseClient } from './support/sse-client.js';
import { sleep, until } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

/** Time for anything wrongly delivered to arrive. */
const QUIET_MS = 1000;

/**
 * Two deployments (an API and a worker each, prefixes A and B) on one Redis server, as when two provinces
 * share one. They share the test database too, which real deployments do not: so the workers' relays run
 * only when nudged (a one-minute timer), and their clocks stand years back so that no leftover action of
 * another suite fires, kicks a relay and publishes a change on the wrong deployment's channel.
 */
describe('two deployments with different prefixes on one Redis server', () => {
  const prefixes = { a: `depa${process.pid}`, b: `depb${process.pid}` } as const;
  type Side = keyof typeof prefixes;
  let redis: TestRedis;
  let spy: Redis;
  const heard: { channel: string; message: string }[] = [];
  const api = {} as Record<Side, { app: TestApp; port: number }>;
  const worker = {} as Record<Side, RunningWorker>;
  const clients: SseClient[] = [];

  const stream = async (side: Side, username: string) => {
    const { app, port } = api[side];
    const opened = await SseClient.open(port, '/api/events', { Authorization: `Bearer ${await app.token(username)}` });
    expect(opened.status).toBe(200);
    clients.push(opened.client!);
    await opened.client!.ready();
    return opened.client!;
  };

  /** Relay passes started in each worker while `run` runs. */
  const relayKicks = async (run: () => Promise<void>): Promise<Record<Side, number>> => {
    const spies = {
      a: jest.spyOn(worker.a.app.get(RelayService), 'kick'),
      b: jest.spyOn(worker.b.app.get(RelayService), 'kick'),
    };
    try {
      await run();
      return { a: spies.a.mock.calls.length, b: spies.b.mock.calls.length };
    } finally {
      spies.a.mockRestore();
      spies.b.mockRestore();
    }
  };

  const assign = async (side: Side, lead: string) => {
    const { app } = api[side];
    const task = await makeTask(app.db, { state: 'drafted', lead, coordinating: [] });
    await app.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await app.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);
    return task.id;
  };

  beforeAll(async () => {
    redis = await TestRedis.start();
    // Every message published on the server, whatever its channel.
    spy = redis.client();
    await spy.psubscribe('*');
    spy.on('pmessage', (_pattern: string, channel: string, message: string) => heard.push({ channel, message }));
    for (const side of ['a', 'b'] as const) {
      const app = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: prefixes[side] });
      await app.app.listen(0, '127.0.0.1');
      api[side] = { app, port: (app.app.getHttpServer().address() as AddressInfo).port };
      worker[side] = await startWorker(
        workerConfigFromEnv({
          WORKING_CALENDAR: 'off',
          DATABASE_URL: testDatabaseUrl(),
          REDIS_URL: redis.url,
          QUEUE_PREFIX: prefixes[side],
          RELAY_INTERVAL_MS: '60000',
          RECONCILE_INTERVAL_SECONDS: '86400',
          CLOCK_OFFSET_MS: String(-10 * 365 * 86_400_000),
          LOG_LEVEL: 'silent',
          // Deployment a tunes its BullMQ worker; b keeps the defaults.
          ...(side === 'a'
            ? { WORKER_CONCURRENCY: '3', WORKER_LOCK_MS: '4000', WORKER_STALLED_INTERVAL_MS: '2000' }
            : {}),
        }),
      );
    }
    // Each worker's first relay pass (at start) is over before the tests begin.
    await sleep(500);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });

  afterAll(async () => {
    spy?.disconnect();
    for (const side of ['a', 'b'] as const) {
      await worker[side]?.close();
      await api[side]?.app.close();
    }
    await redis?.down();
  });

  it.each([
    ['a', 'b'],
    ['b', 'a'],
  ] as const)(
    'a change in deployment %s wakes only its own relay and reaches only its own browsers',
    async (own, other) => {
      const lead = { own: await stream(own, 'ban-tuyen-giao'), other: await stream(other, 'ban-tuyen-giao') };
      const office = { own: await stream(own, 'vanphong'), other: await stream(other, 'vanphong') };
      heard.length = 0;

      let taskId = '';
      const kicks = await relayKicks(async () => {
        taskId = await assign(own, 'ban-tuyen-giao');
        // The relay timer is a minute: only the API's nudge on its own channel delivers this in time.
        const changed = await until(
          'task.changed on the own deployment',
          () => office.own.of('task.changed', taskId)[0],
          5000,
        );
        expect(changed.data).toMatchObject({ type: 'task.changed', taskId, kinds: ['ASSIGN'] });
        const note = await until(
          'the notification on the own deployment',
          () => lead.own.of('notification', taskId)[0],
          5000,
        );
        expect(note.data).toEqual({ type: 'notification', taskId, kind: 'ASSIGN' });
        await sleep(QUIET_MS);
      });

      expect(kicks[own]).toBeGreaterThanOrEqual(1);
      expect(kicks[other]).toBe(0);
      for (const c of [lead.other, office.other]) {
        expect(c.of('task.changed')).toEqual([]);
        expect(c.of('notification')).toEqual([]);
      }
      // On the wire: the nudge and the events, all on the own deployment's channels.
      const channels = busChannels(prefixes[own]);
      expect(new Set(heard.map((h) => h.channel))).toEqual(new Set([channels.schedule, channels.events]));
    },
  );

  it('a worker publishes on its own events channel only', async () => {
    const office = { a: await stream('a', 'vanphong'), b: await stream('b', 'vanphong') };
    const taskId = await assign('a', 'ban-to-chuc');
    await until('the change through the relay', () => office.a.of('task.changed', taskId)[0], 5000);
    const officeId = (await api.a.app.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`))
      .rows[0].id;

    await worker.b.app.get(BusPublisher).notification({ userIds: [officeId], taskId, kind: 'COMMENT' });
    await until('the notification on deployment b', () => office.b.of('notification', taskId)[0], 5000);
    await sleep(QUIET_MS);
    expect(office.a.of('notification', taskId)).toEqual([]);
    expect(office.b.of('notification', taskId)).toEqual([
      { event: 'notification', data: { type: 'notification', taskId, kind: 'COMMENT' } },
    ]);
  });

  it('runs each worker with the BullMQ settings of its own validated configuration', () => {
    const settings = (side: Side) => {
      const w = worker[side].app.get(EscalationProcessor).worker;
      return { concurrency: w.concurrency, lockDuration: w.opts.lockDuration, stalledInterval: w.opts.stalledInterval };
    };
    expect(settings('a')).toEqual({ concurrency: 3, lockDuration: 4000, stalledInterval: 2000 });
    expect(settings('b')).toEqual({ concurrency: 20, lockDuration: 30_000, stalledInterval: 30_000 });
  });
});
