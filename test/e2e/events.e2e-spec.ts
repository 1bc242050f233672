import type { AddressInfo } from 'node:net';
import { ModulesContainer } from '@nestjs/core';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { deadlineInstant, localDate } from '@dondoc/workflow';
import { expectError } from './support/files.js';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SseClient } from './support/sse-client.js';
import { sleep, until } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

// Seconds instead of days, so the worker's escalations fire during the test (as in escalation.e2e-spec.ts).
const POLICY = {
  ESCALATION_REMIND_BEFORE: 'PT4S,PT2S',
  ESCALATION_ESCALATE_AFTER: 'PT2S',
  ESCALATION_REVIEW_AFTER: 'PT2S',
};

describe('live events over SSE (two API instances, a worker, their own redis-server)', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: TestApp;
  let worker: RunningWorker;
  let portA: number;
  let portB: number;
  const clients: SseClient[] = [];
  const today = localDate(new Date());

  const listen = async (t: TestApp) => {
    await t.app.listen(0, '127.0.0.1');
    return (t.app.getHttpServer().address() as AddressInfo).port;
  };

  /** A single-use stream ticket of `username`'s session, asked of instance `t`. */
  const ticketOf = async (t: TestApp, username: string): Promise<string> =>
    (
      await t.http
        .post('/api/events/tickets')
        .set(await t.as(username))
        .expect(201)
    ).body.ticket as string;

  /** A stream on instance `port`, signed in as `username` by header (or, as a browser does, by ticket). */
  const stream = async (t: TestApp, port: number, username: string, via: 'header' | 'ticket' = 'header') => {
    const token = await t.token(username);
    const opened =
      via === 'header'
        ? await SseClient.open(port, '/api/events', { Authorization: `Bearer ${token}` })
        : await SseClient.open(port, `/api/events?ticket=${encodeURIComponent(await ticketOf(t, username))}`);
    expect(opened.status).toBe(200);
    expect(opened.contentType).toMatch(/^text\/event-stream/);
    clients.push(opened.client!);
    await opened.client!.ready();
    return opened.client!;
  };

  const userId = async (username: string) =>
    (await a.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id;

  beforeAll(async () => {
    redis = await TestRedis.start();
    // One deployment: the APIs and the worker share the prefix of the bus channels.
    a = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `ev${process.pid}`, ...POLICY });
    b = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `ev${process.pid}`, ...POLICY });
    portA = await listen(a);
    portB = await listen(b);
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `ev${process.pid}`,
        // Ten seconds past the end of today: tasks due today have every escalation due at once.
        CLOCK_OFFSET_MS: String(deadlineInstant(today).getTime() + 10_000 - Date.now()),
        RELAY_INTERVAL_MS: '100',
        LOG_LEVEL: 'silent',
      }),
    );
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });

  afterAll(async () => {
    await worker?.close();
    await a?.close();
    await b?.close();
    await redis?.down();
  });

  it('tells the agencies that may see a task, on another instance than the change, and no one else', async () => {
    const lead = await stream(b, portB, 'ban-tuyen-giao');
    // The ticket comes from instance A and opens the stream on instance B: any instance redeems it.
    const leadByQuery = await stream(a, portB, 'ban-tuyen-giao', 'ticket');
    const coord = await stream(b, portB, 'ban-dan-van');
    const unrelated = await stream(b, portB, 'ban-noi-chinh');
    const admin = await stream(b, portB, 'admin');
    const office = await stream(a, portA, 'vanphong');

    const task = await makeTask(a.db, { state: 'drafted', lead: 'ban-tuyen-giao', coordinating: ['ban-dan-van'] });
    const requestId = `ev-${Date.now().toString(36)}`;
    await a.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await a.as('vanphong'))
      .set('X-Request-Id', requestId)
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);

    const seen = await until('task.changed on the lead agency stream', () => lead.of('task.changed', task.id)[0]);
    expect(seen.data).toMatchObject({ type: 'task.changed', taskId: task.id, requestId });
    expect(seen.data.kinds).toEqual(['ASSIGN']);
    await until('task.changed by ?ticket=', () => leadByQuery.of('task.changed', task.id)[0]);
    await until('task.changed for the coordinating agency', () => coord.of('task.changed', task.id)[0]);
    await until('task.changed for the Office on instance A', () => office.of('task.changed', task.id)[0]);
    // The ASSIGN notification the transition wrote reaches its recipients, found by the relay.
    const note = await until('the notification event', () => lead.of('notification', task.id)[0]);
    expect(note.data).toMatchObject({ type: 'notification', taskId: task.id });
    await until('the coordinating agency notification', () => coord.of('notification', task.id)[0]);

    // Time for anything wrongly sent to arrive.
    await sleep(700);
    expect(unrelated.of('task.changed', task.id)).toEqual([]);
    expect(unrelated.of('notification', task.id)).toEqual([]);
    expect(admin.of('task.changed')).toEqual([]);
    expect(admin.of('notification', task.id)).toEqual([]);
    // One event per transition, not one per outbox row.
    expect(lead.of('task.changed', task.id)).toHaveLength(1);
    // The Office is not a recipient of ASSIGN.
    expect(office.of('notification', task.id)).toEqual([]);
  });

  it('publishes the notifications the worker writes (escalations)', async () => {
    const lead = await stream(b, portB, 'ban-to-chuc');
    const leadUser = await userId('ban-to-chuc');
    const task = await makeTask(a.db, { state: 'drafted', lead: 'ban-to-chuc', dueDate: today });
    await a.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await a.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);
    const count = async () =>
      (
        await a.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE task_id = $1 AND user_id = $2`,
          [task.id, leadUser],
        )
      ).rows[0].n;
    // ASSIGN, two reminders, overdue and escalation: five notifications written in five transactions.
    const end = Date.now() + 20_000;
    while ((await count()) < 5 && Date.now() < end) await sleep(100);
    expect(await count()).toBe(5);
    await until('one notification event per notification', () => lead.of('notification', task.id).length === 5, 5000);
  });

  it('answers 401 without a valid token or ticket, before any stream starts', async () => {
    const token = await b.token('ban-tuyen-giao');
    const used = await ticketOf(b, 'ban-tuyen-giao');
    const first = await SseClient.open(portB, `/api/events?ticket=${used}`);
    expect(first.status).toBe(200);
    first.client!.close();
    const expired = await ticketOf(b, 'ban-tuyen-giao');
    await b.db.query(`UPDATE stream_tickets SET expires_at = now() - interval '1 second'`);
    const cases: [string, Record<string, string>][] = [
      ['/api/events', {}],
      // A long-lived token is no credential in a URL, however spelled.
      [`/api/events?access_token=${token}`, {}],
      [`/api/events?access%5Ftoken=${token}`, {}],
      [`/api/events?token=${token}`, {}],
      ['/api/events?ticket=not-a-ticket', {}],
      ['/api/events?ticket=', {}],
      // A ticket opens one stream, within its minute.
      [`/api/events?ticket=${used}`, {}],
      [`/api/events?ticket=${expired}`, {}],
      ['/api/events', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
      // A malformed header is not rescued by a good ticket.
      [`/api/events?ticket=${await ticketOf(b, 'ban-tuyen-giao')}`, { Authorization: 'Token abc' }],
    ];
    for (const [path, headers] of cases) {
      const res = await SseClient.open(portB, path, headers);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect(res.contentType).toMatch(/application\/json/);
      expectError({ status: res.status, body: res.body }, 401, 'UNAUTHENTICATED');
    }
    // A logged-out session cannot open a stream either.
    const login = await b.http.post('/api/auth/login').send({ username: 'kiemtra', password: 'demo12345' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const ticket = (await b.http.post('/api/events/tickets').set(auth).expect(201)).body.ticket as string;
    await b.http.post('/api/auth/logout').set(auth).expect(204);
    expect((await SseClient.open(portB, '/api/events', auth)).status).toBe(401);
    // Nor a ticket of the session that ended, nor a new ticket.
    expect((await SseClient.open(portB, `/api/events?ticket=${ticket}`)).status).toBe(401);
    await b.http.post('/api/events/tickets').set(auth).expect(401);
  });

  it('forgets a client that hangs up', async () => {
    // The instance's hub, found by name: the API package exports only what production needs.
    const wrapper = [...b.app.get(ModulesContainer).values()]
      .flatMap((m) => [...m.providers.values()])
      .find((p) => p.name === 'EventHub');
    const hub = wrapper!.instance as { size: number };
    const before = hub.size;
    const c = await stream(b, portB, 'ban-dan-van');
    expect(hub.size).toBe(before + 1);
    c.close();
    await until('the hub to drop the client', () => hub.size === before);
  });
});
