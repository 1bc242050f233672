import { notificationHeadline, notificationTitle } from '@dondoc/contracts';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { CLASSIFIED_TITLE } from '@dondoc/workflow';
import { expectClean, expectError } from './support/files.js';
import { makeTask } from './support/fixtures.js';
import { TestRedis } from './support/redis-server.js';
import { SmtpSink } from './support/smtp-sink.js';
import { startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';
import { sleep, until } from './support/wait.js';

const PUBLIC_URL = 'https://dondoc.tinhuy.test';
// Long enough to be folded over several encoded words, with letters that take two and three bytes in
// UTF-8, typographic quotes and dashes: a split in the middle of a character would show here.
const LONG_TITLE =
  'Xây dựng Đề án “Phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi tỉnh ' +
  'giai đoạn 2021–2025, định hướng đến năm 2030”; rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ quản lý';

describe('notification e-mail (real PostgreSQL, its own redis-server and SMTP sink, two workers)', () => {
  let redis: TestRedis;
  let sink: SmtpSink;
  let t: TestApp;
  const workers: RunningWorker[] = [];
  const stamp = Date.now().toString(36);
  const agencyCode = `mail-a-${stamp}`;
  // Not the agency's code: suites that sign in as "the account named after its agency" must not find it.
  const username = `mail-u-${stamp}`;
  const address = `thu.nguyen.${stamp}@tinhuy.test`;
  let userId: string;

  /** A drafted task of the suite's own agency, assigned through the API by the Office. */
  const assign = async (title?: string) => {
    const task = await makeTask(t.db, { state: 'drafted', lead: agencyCode });
    if (title) await t.db.query(`UPDATE tasks SET title = $2 WHERE id = $1`, [task.id, title]);
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version });
    expect(res.status).toBe(200);
    const row = await t.db.query<{ code: string; title: string }>(`SELECT code, title FROM tasks WHERE id = $1`, [
      task.id,
    ]);
    return { id: task.id, expectedSubject: notificationTitle('ASSIGN', row.rows[0]) };
  };

  beforeAll(async () => {
    redis = await TestRedis.start();
    sink = await SmtpSink.start({ user: 'dondoc', pass: 'mật-khẩu thử' });
    t = await startTestApp({ REDIS_URL: redis.url, QUEUE_PREFIX: `mail${process.pid}` });
    const admin = await t.as('admin');

    // An agency and an account of the suite's own, so no other suite's notification is mailed here.
    const agency = await t.http
      .post('/api/admin/agencies')
      .set(admin)
      .send({ code: agencyCode, name: `Ban Thử nghiệm thư ${stamp}` });
    expect(agency.status).toBe(201);
    const user = await t.http.post('/api/admin/users').set(admin).send({
      username,
      fullName: 'Nguyễn Thị Thư',
      role: 'agency',
      agencyId: agency.body.id,
      password: 'mat-khau-tam-thoi-1',
    });
    expectClean(user);
    expect(user.status).toBe(201);
    expect(user.body.email).toBeNull();
    userId = user.body.id;

    for (let i = 0; i < 2; i++) {
      workers.push(
        await startWorker(
          workerConfigFromEnv({
            WORKING_CALENDAR: 'off',
            DATABASE_URL: testDatabaseUrl(),
            REDIS_URL: redis.url,
            QUEUE_PREFIX: `mail${process.pid}`,
            RELAY_INTERVAL_MS: '100',
            MAIL_INTERVAL_MS: '100',
            SMTP_URL: sink.url,
            MAIL_FROM: 'Văn phòng Tỉnh ủy <vanphong@tinhuy.test>',
            PUBLIC_URL: `${PUBLIC_URL}/`,
            LOG_LEVEL: 'silent',
          }),
        ),
      );
    }
  });

  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close()));
    // Tasks and their immutable history keep the agency; switching both off keeps them out of other suites' lists.
    if (userId) await t.db.query(`UPDATE users SET active = false, email = NULL WHERE id = $1`, [userId]);
    await t?.db.query(`UPDATE agencies SET active = false WHERE code = $1`, [agencyCode]);
    await t?.close();
    await redis?.down();
    await sink?.close();
  });

  it('lets the administrator set, change and clear an address, and refuses one of a bad shape', async () => {
    const admin = await t.as('admin');
    for (const bad of [
      'khong-phai-thu',
      'a@b',
      'hai@@tinhuy.vn',
      'có dấu cách@tinhuy.vn',
      `${'x'.repeat(250)}@tinhuy.vn`,
    ]) {
      const res = await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ email: bad });
      expectError(res, 400);
    }
    const set = await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ email: 'tam@tinhuy.test' });
    expectClean(set);
    expect(set.body).toMatchObject({ id: userId, email: 'tam@tinhuy.test' });
    const cleared = await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ email: null });
    expect(cleared.body).toMatchObject({ id: userId, email: null });
    // Trimmed, as a pasted address often carries a space.
    const final = await t.http
      .patch(`/api/admin/users/${userId}`)
      .set(admin)
      .send({ email: ` ${address} ` });
    expect(final.body).toMatchObject({ id: userId, email: address });
    const list = await t.http.get('/api/admin/users').set(admin).expect(200);
    expect(list.body.find((u: { id: string }) => u.id === userId)).toMatchObject({ email: address });
    // The database refuses a bad shape too, whoever writes it.
    await expect(t.db.query(`UPDATE users SET email = 'khong co a cong' WHERE id = $1`, [userId])).rejects.toThrow(
      /users_email_shape/,
    );
    // Signing in does not hand the address around: it is the administrator's to see.
    const login = await t.http.post('/api/auth/login').send({ username, password: 'mat-khau-tam-thoi-1' }).expect(200);
    expect(login.body.user).not.toHaveProperty('email');
    const me = await t.http
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    expect(me.body).not.toHaveProperty('email');
  });

  it('mails one message per notification, with the Vietnamese title as its subject, even with two workers', async () => {
    const task = await assign(LONG_TITLE);
    const mails = await until('the mail', () => Promise.resolve(sink.to(address).length > 0 && sink.to(address)));
    // Both workers poll every 100 ms: give a duplicate time to show up.
    await sleep(1500);
    expect(sink.to(address)).toHaveLength(1);
    const mail = mails[0];
    expect(mail.user).toBe('dondoc');
    expect(mail.envelope.from).toBe('vanphong@tinhuy.test');
    expect(mail.parsed.from?.value).toEqual([{ address: 'vanphong@tinhuy.test', name: 'Văn phòng Tỉnh ủy' }]);
    expect(mail.parsed.to).toMatchObject({ value: [{ address, name: 'Nguyễn Thị Thư' }] });
    // Byte for byte, not merely "looks the same" (NFC/NFD or a replacement character would differ).
    expect(Buffer.from(mail.parsed.subject ?? '', 'utf8').equals(Buffer.from(task.expectedSubject, 'utf8'))).toBe(true);
    expect(mail.parsed.subject).toBe(task.expectedSubject);
    // The subject went out encoded (RFC 2047), never as raw 8-bit header bytes.
    const rawHeaders = mail.raw.subarray(0, mail.raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(rawHeaders).toMatch(/^Subject: =\?UTF-8\?/im);
    expect(rawHeaders).toMatch(/^Auto-Submitted: auto-generated/im);
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/tasks/${task.id}`);
    expect(mail.parsed.text).toContain('Kính gửi Nguyễn Thị Thư,');

    const row = await t.db.query<{ emailed_at: Date | null }>(
      `SELECT emailed_at FROM notifications WHERE task_id = $1 AND user_id = $2`,
      [task.id, userId],
    );
    expect(row.rows).toHaveLength(1);
    expect(row.rows[0].emailed_at).toBeInstanceOf(Date);
  });

  it('gives a refused message back and sends it later, still once', async () => {
    sink.refuse(1);
    const before = sink.to(address).length;
    const task = await assign();
    const mail = await until('the retried mail', () => {
      const mine = sink.to(address).filter((m) => m.parsed.text?.includes(task.id));
      return Promise.resolve(mine.length > 0 && mine);
    });
    await sleep(1500);
    expect(sink.refused).toBe(1);
    expect(sink.to(address)).toHaveLength(before + 1);
    expect(mail[0].parsed.subject).toBe(task.expectedSubject);
  });

  it('mails nobody without an address, and nothing for old notifications', async () => {
    const admin = await t.as('admin');
    await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ email: null }).expect(200);
    const before = sink.messages.length;
    const task = await assign();
    await until('the notification', async () => {
      const r = await t.db.query(`SELECT 1 FROM notifications WHERE task_id = $1 AND user_id = $2`, [task.id, userId]);
      return r.rows.length > 0;
    });
    // A notification from two days ago stays unmailed when the address comes back.
    await t.db.query(`UPDATE notifications SET created_at = now() - interval '2 days' WHERE task_id = $1`, [task.id]);
    await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ email: address }).expect(200);
    await sleep(1500);
    expect(sink.messages.length).toBe(before);
    const row = await t.db.query<{ emailed_at: Date | null }>(
      `SELECT emailed_at FROM notifications WHERE task_id = $1 AND user_id = $2`,
      [task.id, userId],
    );
    expect(row.rows[0].emailed_at).toBeNull();
  });

  it('mails a classified task by its code only, never its title or what was said, and only to those on its list', async () => {
    const secret = `TUYỆT-BÍ-MẬT-${stamp}`;
    const said = `Ý-KIẾN-MẬT-${stamp}`;
    const task = await makeTask(t.db, { state: 'drafted', lead: agencyCode });
    const { code } = (
      await t.db.query<{ code: string }>(
        `UPDATE tasks SET title = $2, classification = 'secret' WHERE id = $1 RETURNING code`,
        [task.id, secret],
      )
    ).rows[0];
    await t.db.query(
      `INSERT INTO classified_access (task_id, user_id) SELECT $1, id FROM users WHERE username IN ('vanphong', $2)`,
      [task.id, username],
    );
    const masked = `${notificationHeadline('ASSIGN')} — ${code}: ${CLASSIFIED_TITLE.vi}`;
    const mailOf = (id: string) => sink.to(address).find((m) => m.parsed.headers.get('x-dondoc-notification') === id);
    const expectMasked = (mail: { parsed: { subject?: string; text?: string; html?: string | false } }) => {
      expect(mail.parsed.subject).toBe(masked);
      for (const part of [mail.parsed.subject, mail.parsed.text, mail.parsed.html || '']) {
        expect(part).not.toContain(secret);
        expect(part).not.toContain(said);
      }
      expect(mail.parsed.text).toContain(`${PUBLIC_URL}/tasks/${task.id}`);
    };

    // Told by the writer: the assignment with its comment.
    const res = await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version, comment: said });
    expect(res.status).toBe(200);
    const note = await until('the notification', async () => {
      const r = await t.db.query<{ id: string }>(`SELECT id FROM notifications WHERE task_id = $1 AND user_id = $2`, [
        task.id,
        userId,
      ]);
      return r.rows[0]?.id;
    });
    expectMasked(await until('the mail', () => Promise.resolve(mailOf(note))));

    // A notification written before the task was raised holds its title and the comment: mailed without them.
    const written = async (key: string) =>
      (
        await t.db.query<{ id: string }>(
          `INSERT INTO notifications (user_id, task_id, kind, title, body, dedupe_key) VALUES ($1, $2, 'ASSIGN', $3, $4, $5)
           RETURNING id`,
          [userId, task.id, notificationTitle('ASSIGN', { code, title: secret }), said, `${key}-${stamp}`],
        )
      ).rows[0].id;
    const before = await written('before-raised');
    expectMasked(await until('the older notification mailed', () => Promise.resolve(mailOf(before))));

    // Taken off the list, the account is mailed nothing more of it: the claim is made and nothing sent.
    await t.db.query(`DELETE FROM classified_access WHERE task_id = $1 AND user_id = $2`, [task.id, userId]);
    const off = await written('off-the-list');
    await until('the claim', async () => {
      const r = await t.db.query<{ emailed_at: Date | null }>(`SELECT emailed_at FROM notifications WHERE id = $1`, [
        off,
      ]);
      return r.rows[0].emailed_at;
    });
    await sleep(500);
    expect(mailOf(off)).toBeUndefined();
    expect(sink.messages.some((m) => m.parsed.subject?.includes(secret) || m.parsed.text?.includes(said))).toBe(false);
  });
});
