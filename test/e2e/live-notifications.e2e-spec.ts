import type { AddressInfo } from 'node:net';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { localDate } from '@dondoc/workflow';
import { pdf } from './support/files.js';
import { agencyId, makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SseClient } from './support/sse-client.js';
import { sleep, until } from './support/wait.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';

/**
 * The live-notification matrix: for every kind of change, each person the recipient rule names gets the
 * notification over the event stream within 2 s, without reloading, and their unread count goes up; nobody
 * else gets it; the author never does. Real PostgreSQL, Redis (its own redis-server) and worker.
 */
const USERS = {
  office: 'vanphong',
  sc: 'thuongvu',
  inspector: 'kiemtra',
  admin: 'admin',
  lead: 'ban-tuyen-giao',
  coord: 'ban-dan-van',
  other: 'ban-noi-chinh',
  newLead: 'ban-to-chuc',
} as const;
type Who = keyof typeof USERS;
const EVERYONE = Object.keys(USERS) as Who[];
/** The target for "live" (issue 12); measured and printed, not asserted: these machines are noisy. */
const LIVE_TARGET_MS = 2000;
/** How long an event may take before the test gives up on it. */
const GIVE_UP_MS = 15_000;
/** Time for a wrongly sent event to arrive before saying none came. */
const QUIET_MS = 600;
const latencies: { kind: string; who: string; ms: number }[] = [];

describe('live notifications: every change kind reaches exactly its recipients, live', () => {
  let redis: TestRedis;
  let t: TestApp;
  let worker: RunningWorker;
  let port: number;
  const streams = new Map<Who, SseClient>();
  const prefix = `ln${process.pid}`;
  let quickDirective: string;

  const unread = async (who: Who): Promise<number> => {
    const res = await t.http
      .get('/api/notifications?limit=1')
      .set(await t.as(USERS[who]))
      .expect(200);
    return res.body.unread as number;
  };

  const notificationsOf = (who: Who, taskId: string, kind: string) =>
    streams
      .get(who)!
      .of('notification', taskId)
      .filter((e) => e.data.kind === undefined || e.data.kind === kind);

  /**
   * Runs `act` and checks the notification of `kind` on `taskId`: each of `expected` gets it live and one
   * more unread; everyone else gets nothing and the same unread count. Returns the rows written.
   */
  async function expectTold(
    kind: string,
    expected: Who[],
    act: () => Promise<string>,
    alsoUnread: Partial<Record<Who, number>> = {},
  ): Promise<{ user: string; body: string; title: string }[]> {
    const before = new Map<Who, number>();
    for (const w of EVERYONE) before.set(w, await unread(w));
    const started = Date.now();
    const taskId = await act();
    for (const w of expected) {
      await until(
        `${kind}: the notification on ${USERS[w]}'s stream`,
        () => notificationsOf(w, taskId, kind)[0],
        GIVE_UP_MS,
        20,
      );
      latencies.push({ kind, who: USERS[w], ms: Date.now() - started });
    }
    await sleep(QUIET_MS);
    for (const w of EVERYONE) {
      const told = expected.includes(w);
      expect({ who: USERS[w], kind, events: notificationsOf(w, taskId, kind).length }).toEqual({
        who: USERS[w],
        kind,
        events: told ? 1 : 0,
      });
      expect({ who: USERS[w], kind, unread: await unread(w) }).toEqual({
        who: USERS[w],
        kind,
        unread: before.get(w)! + (told ? 1 : 0) + (alsoUnread[w] ?? 0),
      });
    }
    const rows = await t.db.query<{ username: string; body: string; title: string }>(
      // The demo's accounts (made in one seed transaction, so with one created_at): other suites add
      // accounts to the same agencies while this one runs, and those are theirs to check.
      `SELECT u.username, n.body, n.title FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.task_id = $1 AND n.kind = $2
          AND u.created_at = (SELECT created_at FROM users WHERE username = 'vanphong')
        ORDER BY u.username`,
      [taskId, kind],
    );
    expect(rows.rows.map((r) => r.username).sort()).toEqual(expected.map((w) => USERS[w]).sort());
    return rows.rows.map((r) => ({ user: r.username, body: r.body, title: r.title }));
  }

  const transition = async (who: Who, taskId: string, body: Record<string, unknown>) => {
    const version = (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [taskId])).rows[0]
      .version;
    await t.http
      .post(`/api/tasks/${taskId}/transitions`)
      .set(await t.as(USERS[who]))
      .send({ expectedVersion: version, ...body })
      .expect(200);
    return taskId;
  };

  beforeAll(async () => {
    redis = await TestRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        RELAY_INTERVAL_MS: '1000',
        LOG_LEVEL: 'silent',
      }),
    );
    // A directive whose submissions wait one second for a decision before the Standing Committee is reminded.
    const office = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`);
    quickDirective = `LN-${process.pid}/TU`;
    await t.db.query(
      `INSERT INTO directives (number, kind, title, created_by, escalation_policy)
       VALUES ($1, 'conclusion', 'Kết luận thử nhắc nhanh', $2, '{"reviewReminderAfter": "PT1S"}'::jsonb)`,
      [quickDirective, office.rows[0].id],
    );
    for (const w of EVERYONE) {
      const opened = await SseClient.open(port, '/api/events', await t.as(USERS[w]));
      expect(opened.status).toBe(200);
      await opened.client!.ready();
      streams.set(w, opened.client!);
    }
  });

  afterAll(async () => {
    if (latencies.length) {
      const ms = latencies.map((l) => l.ms).sort((x, y) => x - y);
      const over = latencies.filter((l) => l.ms > LIVE_TARGET_MS);
      process.stderr.write(
        `live notifications: ${ms.length} deliveries, p50 ${ms[Math.floor(ms.length / 2)]} ms, ` +
          `max ${ms[ms.length - 1]} ms (target ${LIVE_TARGET_MS} ms; over it: ${over.length}` +
          `${over.length ? ` — ${over.map((l) => `${l.kind}/${l.who} ${l.ms} ms`).join(', ')}` : ''})\n`,
      );
    }
    for (const s of streams.values()) s.close();
    await worker?.close();
    await t?.close();
    await redis?.down();
  });

  it('ASSIGN tells the lead and coordinating agencies', async () => {
    const task = await makeTask(t.db, { state: 'drafted' });
    await expectTold('ASSIGN', ['lead', 'coord'], () => transition('office', task.id, { event: 'ASSIGN' }));
  });

  it('REASSIGN tells the new lead, the agency that lost the task, and the coordinators', async () => {
    const task = await makeTask(t.db, { state: 'assigned' });
    const to = await agencyId(t.db, USERS.newLead);
    await expectTold('REASSIGN', ['newLead', 'lead', 'coord'], () =>
      transition('office', task.id, { event: 'REASSIGN', leadAgencyId: to, comment: 'Giao lại cho Ban Tổ chức' }),
    );
  });

  it('START tells the Office', async () => {
    const task = await makeTask(t.db, { state: 'assigned' });
    await expectTold('START', ['office'], () => transition('lead', task.id, { event: 'START' }));
  });

  it('SUBMIT tells the Standing Committee and the Office', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', withPendingSubmission: true });
    await expectTold('SUBMIT', ['sc', 'office'], () => transition('lead', task.id, { event: 'SUBMIT' }));
  });

  it('APPROVE tells the lead, the coordinators and the Office', async () => {
    const task = await makeTask(t.db, { state: 'submitted' });
    await expectTold('APPROVE', ['lead', 'coord', 'office'], () =>
      transition('sc', task.id, { event: 'APPROVE', comment: 'Đạt yêu cầu' }),
    );
  });

  it('RETURN tells the lead and the Office, and carries the Standing Committee’s comment', async () => {
    const task = await makeTask(t.db, { state: 'submitted' });
    const comment = 'Bổ sung số liệu quý III và ý kiến của Sở Tài chính';
    const rows = await expectTold('RETURN', ['lead', 'office'], () =>
      transition('sc', task.id, { event: 'RETURN', comment }),
    );
    for (const r of rows) expect(r.body).toBe(comment);
    const inbox = await t.http
      .get('/api/notifications?limit=5')
      .set(await t.as(USERS.lead))
      .expect(200);
    expect(inbox.body.items.find((n: { taskId: string }) => n.taskId === task.id)).toMatchObject({
      kind: 'RETURN',
      body: comment,
    });
  });

  it('CANCEL tells the lead, the coordinators and the Standing Committee (the Office cancelled it)', async () => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    await expectTold('CANCEL', ['lead', 'coord', 'sc'], () =>
      transition('office', task.id, { event: 'CANCEL', comment: 'Không còn phù hợp' }),
    );
  });

  it('a cancelled draft tells no agency: it never reached them', async () => {
    const task = await makeTask(t.db, { state: 'drafted' });
    await expectTold('CANCEL', ['sc'], () => transition('office', task.id, { event: 'CANCEL', comment: 'Trùng lặp' }));
  });

  it('an extension request tells the Standing Committee and the Office; grant and refusal tell the agencies', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', dueDate: '2030-06-30' });
    let requestId = '';
    await expectTold('EXTENSION_REQUESTED', ['sc', 'office'], async () => {
      const res = await t.http
        .post(`/api/tasks/${task.id}/extension-requests`)
        .set(await t.as(USERS.lead))
        .send({ requestedDueDate: '2030-09-30', reason: 'Chờ số liệu của Tổng cục Thống kê' })
        .expect(201);
      requestId = res.body.id;
      return task.id;
    });
    await expectTold('EXTENSION_GRANTED', ['lead', 'coord', 'office'], async () => {
      await t.http
        .post(`/api/extension-requests/${requestId}/decision`)
        .set(await t.as(USERS.sc))
        .send({ decision: 'grant', comment: 'Đồng ý đến 30/9' })
        .expect(200);
      return task.id;
    });
  });

  it('an extension refusal tells the lead and the Office', async () => {
    const task = await makeTask(t.db, { state: 'assigned', dueDate: '2030-06-30' });
    const res = await t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(await t.as(USERS.lead))
      .send({ requestedDueDate: '2030-08-31', reason: 'Thiếu nhân lực' })
      .expect(201);
    await sleep(QUIET_MS);
    await expectTold('EXTENSION_REFUSED', ['lead', 'office'], async () => {
      await t.http
        .post(`/api/extension-requests/${res.body.id}/decision`)
        .set(await t.as(USERS.sc))
        .send({ decision: 'refuse', comment: 'Đề nghị hoàn thành đúng hạn' })
        .expect(200);
      return task.id;
    });
  });

  it('an Office comment reaches the lead and the coordinators; an agency comment reaches the others and the Office', async () => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    const said = 'Đề nghị Ban Tuyên giáo gửi dự thảo trước ngày 15';
    const rows = await expectTold('COMMENT', ['lead', 'coord'], async () => {
      await t.http
        .post(`/api/tasks/${task.id}/comments`)
        .set(await t.as(USERS.office))
        .send({ body: said })
        .expect(201);
      return task.id;
    });
    for (const r of rows) expect(r.body).toBe(said);
    const second = await makeTask(t.db, { state: 'in_progress' });
    await expectTold('COMMENT', ['coord', 'office'], async () => {
      await t.http
        .post(`/api/tasks/${second.id}/comments`)
        .set(await t.as(USERS.lead))
        .send({ body: 'Đã gửi dự thảo lần 1' })
        .expect(201);
      return second.id;
    });
  });

  it('an uploaded deliverable tells the Office (the lead agency uploaded it)', async () => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    await expectTold('DELIVERABLE_UPLOADED', ['office'], async () => {
      await t.http
        .post(`/api/tasks/${task.id}/submissions`)
        .set(await t.as(USERS.lead))
        .field('note', 'Dự thảo lần 1')
        .attach('files', pdf(), 'du-thao.pdf')
        .expect(201);
      return task.id;
    });
  });

  it('a submission undecided past the policy reminds the Standing Committee', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', withPendingSubmission: true, directive: quickDirective });
    // The reminder is due a second after the submission, which itself tells the Committee and the Office.
    await expectTold('review_reminder', ['sc'], () => transition('lead', task.id, { event: 'SUBMIT' }), {
      sc: 1,
      office: 1,
    });
  });

  it('reminders, overdue and escalation reach their rungs’ recipients', async () => {
    // Assigned with a deadline long past: every rung of the ladder is due at once.
    const task = await makeTask(t.db, { state: 'drafted', dueDate: localDate(new Date(Date.now() - 30 * 86_400_000)) });
    const started = Date.now();
    await transition('office', task.id, { event: 'ASSIGN' });
    const rungs: [string, Who[]][] = [
      ['remind_before', ['lead']],
      ['overdue', ['lead', 'office']],
      ['escalate', ['sc', 'office', 'lead']],
    ];
    for (const [kind, expected] of rungs) {
      for (const w of expected) {
        await until(`${kind} on ${USERS[w]}'s stream`, () => notificationsOf(w, task.id, kind)[0], GIVE_UP_MS, 20);
        latencies.push({ kind, who: USERS[w], ms: Date.now() - started });
      }
    }
    await sleep(QUIET_MS);
    const rows = await t.db.query<{ username: string; kind: string; n: number }>(
      `SELECT u.username, n.kind, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.task_id = $1 AND n.kind <> 'ASSIGN'
          AND u.created_at = (SELECT created_at FROM users WHERE username = 'vanphong')
        GROUP BY 1, 2 ORDER BY 2, 1`,
      [task.id],
    );
    expect(rows.rows).toEqual([
      { username: USERS.lead, kind: 'escalate', n: 1 },
      { username: USERS.sc, kind: 'escalate', n: 1 },
      { username: USERS.office, kind: 'escalate', n: 1 },
      { username: USERS.lead, kind: 'overdue', n: 1 },
      { username: USERS.office, kind: 'overdue', n: 1 },
      // Two reminders (14 and 3 days before), each once.
      { username: USERS.lead, kind: 'remind_before', n: 2 },
    ]);
    for (const w of ['coord', 'other', 'inspector', 'admin', 'newLead'] as Who[]) {
      expect(
        streams
          .get(w)!
          .of('notification', task.id)
          .filter((e) => e.data.kind !== 'ASSIGN'),
      ).toEqual([]);
    }
  });
});
