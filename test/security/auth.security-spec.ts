import { createHmac } from 'node:crypto';
import { decodeJwt, expectError, signJwt } from '../e2e/support/files.js';
import { sessionInReadRoutes } from '@dondoc/api';
import { agencyId, makeTask } from '../e2e/support/fixtures.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../e2e/support/test-app.js';

/**
 * What test/e2e/auth.e2e-spec.ts and admin.e2e-spec.ts do not cover yet: every kind of bad token on
 * every way a token arrives (the header, and the event stream's ticket asked for with it) and on routes of
 * every kind (read, write, admin); a user disabled or a session expired in the database itself; the
 * login limit under a burst of parallel attempts; argon2id parameters read back from every stored hash.
 */

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('authentication: bad tokens everywhere', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
  });
  afterAll(() => t.close());

  const login = async (username: string) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };

  /** Every way in: reads, a write, an admin route, the event stream by header, and a ticket for it. */
  async function expectRefusedEverywhere(token: string, what: string) {
    const bearer = { Authorization: `Bearer ${token}` };
    const attempts = [
      await t.http.get('/api/auth/me').set(bearer),
      await t.http.get('/api/tasks').set(bearer),
      await t.http
        .post('/api/directives')
        .set(bearer)
        .send({ number: `X-${Date.now()}`, kind: 'plan', title: 'x' }),
      await t.http.get('/api/admin/users').set(bearer),
      await t.http.get('/api/events').set(bearer),
      await t.http.post('/api/events/tickets').set(bearer),
    ];
    for (const res of attempts) {
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
      expectError(res, 401, 'UNAUTHENTICATED');
    }
  }

  it('alg none, in every spelling, with or without the original signature', async () => {
    const token = await login('vanphong');
    const [, payload, signature] = token.split('.');
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const header = b64({ alg, typ: 'JWT' });
      await expectRefusedEverywhere(`${header}.${payload}.`, `alg ${alg}`);
      await expectRefusedEverywhere(`${header}.${payload}.${signature}`, `alg ${alg} + signature`);
    }
  });

  it('another algorithm in the header (RS256, ES256) over an HMAC signature made with the secret', async () => {
    const token = await login('vanphong');
    const claims = decodeJwt(token);
    const sign = (alg: string, hash: string) => {
      const h = b64({ alg, typ: 'JWT' });
      const p = b64(claims);
      return `${h}.${p}.${createHmac(hash, t.config.jwtSecret).update(`${h}.${p}`).digest('base64url')}`;
    };
    await expectRefusedEverywhere(sign('RS256', 'sha256'), 'RS256 header, HMAC signature');
    await expectRefusedEverywhere(sign('ES256', 'sha256'), 'ES256 header, HMAC signature');
  });

  it('a bad signature, another secret, an expired token, a logged-out session', async () => {
    const token = await login('thuongvu');
    const claims = decodeJwt(token);
    const [h, p, s] = token.split('.');
    await expectRefusedEverywhere(`${h}.${p}.${s.slice(0, -4)}AAAA`, 'bad signature');
    await expectRefusedEverywhere(signJwt(claims, 'another-secret-that-is-long-enough-000000'), 'other secret');
    const now = Math.floor(Date.now() / 1000);
    await expectRefusedEverywhere(signJwt({ ...claims, iat: now - 7200, exp: now - 1 }, t.config.jwtSecret), 'expired');
    await t.http
      .post('/api/auth/logout')
      .set({ Authorization: `Bearer ${token}` })
      .expect(204);
    await expectRefusedEverywhere(token, 'after logout');
  });

  it('a user disabled in the database itself (no session revoked) and a session expired there', async () => {
    const name = `sec-auth-${Date.now().toString(36)}`;
    const admin = { Authorization: `Bearer ${await login('admin')}` };
    const created = await t.http
      .post('/api/admin/users')
      .set(admin)
      .send({ username: name, fullName: 'Cán bộ thử', role: 'inspector', password: 'mat-khau-thu-123' })
      .expect(201);
    const signIn = async () =>
      (await t.http.post('/api/auth/login').send({ username: name, password: 'mat-khau-thu-123' }).expect(200)).body
        .accessToken as string;
    try {
      const token = await signIn();
      await t.http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [created.body.id]);
      await expectRefusedEverywhere(token, 'user disabled in the database');
      await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [created.body.id]);

      const second = await signIn();
      await t.http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${second}` })
        .expect(200);
      await t.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        decodeJwt(second).sid,
      ]);
      await expectRefusedEverywhere(second, 'session expired in the database');
    } finally {
      await t.db.query(`DELETE FROM sessions WHERE user_id = $1`, [created.body.id]);
      await t.db.query(`DELETE FROM users WHERE id = $1`, [created.body.id]);
    }
  });

  // A transition takes a session this process already confirmed from memory and confirms it in its own read
  // (one statement fewer per request). Memory is a hint only: whatever ended the session in the database, the
  // next transition is refused with 401 and changes nothing; a user changed in the database acts as who they
  // are now, exactly as without memory.
  it('the routes that check the session in their own read are exactly the transition', () => {
    expect(sessionInReadRoutes(t.app)).toEqual(['POST /api/tasks/:id/transitions']);
  });

  it('a transition on a remembered session follows the database: an ended session is refused, a changed user acts as now', async () => {
    const admin = { Authorization: `Bearer ${await login('admin')}` };
    const lead = await agencyId(t.db, 'ban-tuyen-giao');
    const other = await agencyId(t.db, 'ban-to-chuc'); // neither lead nor coordinator of makeTask's tasks
    const name = `sec-fold-${Date.now().toString(36)}`;
    const created = await t.http
      .post('/api/admin/users')
      .set(admin)
      .send({
        username: name,
        fullName: 'Chuyên viên thử',
        role: 'agency',
        agencyId: lead,
        position: 'head',
        password: 'mat-khau-thu-123',
      })
      .expect(201);
    const userId = created.body.id as string;
    // [what, change in the database, undo, expected status and code; 200 means the START applied]
    const cases: [string, string, string, number, string][] = [
      ['session revoked', `UPDATE sessions SET revoked_at = now() WHERE id = $1`, '', 401, 'UNAUTHENTICATED'],
      [
        'session expired',
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
        '',
        401,
        'UNAUTHENTICATED',
      ],
      [
        'user disabled',
        `UPDATE users SET active = false WHERE id = $2`,
        `UPDATE users SET active = true WHERE id = $2`,
        401,
        'UNAUTHENTICATED',
      ],
      [
        'role changed to inspector',
        `UPDATE users SET role = 'inspector', agency_id = NULL, position = NULL WHERE id = $2`,
        `UPDATE users SET role = 'agency', agency_id = '${lead}', position = 'head' WHERE id = $2`,
        403,
        'FORBIDDEN_ROLE',
      ],
      [
        'moved to another agency',
        `UPDATE users SET agency_id = '${other}' WHERE id = $2`,
        `UPDATE users SET agency_id = '${lead}' WHERE id = $2`,
        404,
        'NOT_FOUND',
      ],
      [
        'the agency now lets officers act on every task',
        `UPDATE agencies SET officers_act_on_all = true WHERE id = '${lead}'`,
        `UPDATE agencies SET officers_act_on_all = false WHERE id = '${lead}'`,
        200,
        '',
      ],
    ];
    try {
      for (const [what, change, undo, status, code] of cases) {
        const token = (
          await t.http.post('/api/auth/login').send({ username: name, password: 'mat-khau-thu-123' }).expect(200)
        ).body.accessToken as string;
        const bearer = { Authorization: `Bearer ${token}` };
        const [warm, target] = [
          await makeTask(t.db, { state: 'assigned' }),
          await makeTask(t.db, { state: 'assigned' }),
        ];
        // Twice: the first confirms the session with the database, the second is answered from memory.
        await t.http
          .post(`/api/tasks/${warm.id}/transitions`)
          .set(bearer)
          .send({ event: 'START', expectedVersion: 1 })
          .expect(200);
        await t.http
          .post(`/api/tasks/${warm.id}/transitions`)
          .set(bearer)
          .send({ event: 'START', expectedVersion: 2 })
          .expect(409);
        const params = change.includes('$2') ? [userId] : change.includes('$1') ? [decodeJwt(token).sid] : [];
        await t.db.query(change.replace('$2', '$1'), params);
        try {
          const res = await t.http
            .post(`/api/tasks/${target.id}/transitions`)
            .set(bearer)
            .send({ event: 'START', expectedVersion: 1 });
          expect({ what, status: res.status }).toEqual({ what, status });
          if (code) expectError(res, status, code);
          const row = await t.db.query(`SELECT state, version FROM tasks WHERE id = $1`, [target.id]);
          const history = await t.db.query(`SELECT count(*)::int AS n FROM task_events WHERE task_id = $1`, [
            target.id,
          ]);
          const applied = status === 200;
          expect({ what, ...row.rows[0], history: history.rows[0].n }).toEqual({
            what,
            state: applied ? 'in_progress' : 'assigned',
            version: applied ? 2 : 1,
            history: applied ? 1 : 0,
          });
        } finally {
          if (undo) await t.db.query(undo.replace('$2', '$1'), undo.includes('$2') ? [userId] : []);
        }
      }
    } finally {
      await t.db.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [userId]);
    }
  });

  it('argon2id parameters read back from every stored hash meet OWASP’s minimum (m ≥ 19456 KiB, t ≥ 2, p ≥ 1)', async () => {
    // One hash made through the admin API and one through a password reset, besides the seeded ones.
    const admin = { Authorization: `Bearer ${await login('admin')}` };
    const name = `sec-argon-${Date.now().toString(36)}`;
    const created = await t.http
      .post('/api/admin/users')
      .set(admin)
      .send({ username: name, fullName: 'Cán bộ thử', role: 'inspector', password: 'mat-khau-thu-123' })
      .expect(201);
    try {
      await t.http
        .post(`/api/admin/users/${created.body.id}/reset-password`)
        .set(admin)
        .send({ password: 'mat-khau-moi-456' })
        .expect(204);
      const rows = await t.db.query<{ username: string; password_hash: string }>(
        `SELECT username, password_hash FROM users WHERE password_hash LIKE '$argon2%' OR username = $1`,
        [name],
      );
      expect(rows.rows.length).toBeGreaterThan(10);
      const weak: string[] = [];
      for (const { username, password_hash: hash } of rows.rows) {
        // $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>, base64 without padding.
        const m = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
          hash,
        );
        if (!m) {
          weak.push(`${username}: not a PHC argon2 string`);
          continue;
        }
        const [, alg, v, mem, time, par, salt, digest] = m;
        const saltBytes = Buffer.from(salt, 'base64').length;
        const hashBytes = Buffer.from(digest, 'base64').length;
        if (alg !== 'argon2id' || Number(v) < 19 || Number(mem) < 19456 || Number(time) < 2 || Number(par) < 1) {
          weak.push(`${username}: ${alg} v=${v} m=${mem} t=${time} p=${par}`);
        }
        if (saltBytes < 16 || hashBytes < 32) weak.push(`${username}: salt ${saltBytes} B, hash ${hashBytes} B`);
      }
      process.stderr.write(`security argon2: ${JSON.stringify({ hashes: rows.rows.length, weak: weak.length })}\n`);
      expect(weak).toEqual([]);
    } finally {
      await t.db.query(`DELETE FROM sessions WHERE user_id = $1`, [created.body.id]);
      await t.db.query(`DELETE FROM users WHERE id = $1`, [created.body.id]);
    }
  });
});

describe('the login limit under a burst of parallel attempts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_ADDRESS: '10000',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('lets at most 3 of 20 simultaneous guesses through to the password check; the right password then waits too', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http.post('/api/auth/login').send({ username: 'ban-dan-van', password: `doan-sai-${i}` }),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const right = await t.http.post('/api/auth/login').send({ username: 'ban-dan-van', password: DEMO_PASSWORD });
    expectError(right, 429, 'RATE_LIMITED');
    process.stderr.write(
      `security login-burst: ${JSON.stringify({ attempts: 20, checked: statuses.filter((s) => s === 401).length, limited: statuses.filter((s) => s === 429).length })}\n`,
    );
  });
});
