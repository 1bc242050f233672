import { ROOT_ORGANISATION_ID } from '@dondoc/persistence';
import { decodeJwt, expectClean, expectError, signJwt } from './support/files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('signing in and out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await t.http.post('/api/auth/login').send({ username, password });
    expectClean(res);
    return res;
  };

  it('answers a good login with a token, its expiry and the user', async () => {
    const before = Date.now();
    const res = await login('vanphong');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresAt', 'user']);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(Object.keys(res.body.user).sort()).toEqual([
      'agencyId',
      'fullName',
      'id',
      'organisationId',
      'position',
      'role',
      'username',
    ]);
    // The committee the person works in (issue 20): the province's own people are the top one's.
    expect(res.body.user.organisationId).toBe(ROOT_ORGANISATION_ID);
    expect(res.body.user).toMatchObject({ username: 'vanphong', role: 'office', agencyId: null, position: null });
    expect(res.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.user.fullName).toContain('Văn phòng Tỉnh ủy');
    const expires = Date.parse(res.body.expiresAt);
    expect(new Date(expires).toISOString()).toBe(res.body.expiresAt);
    expect(expires).toBeGreaterThan(before + (t.config.tokenTtlMinutes - 1) * 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + t.config.tokenTtlMinutes * 60_000);
    const claims = decodeJwt(res.body.accessToken);
    expect(claims.sub).toBe(res.body.user.id);
    expect(typeof claims.exp).toBe('number');
    // Not in the token: a random signature once read "…NOhashSZ…".
    expect(JSON.stringify({ ...res.body, accessToken: undefined })).not.toMatch(/password|hash/i);
  });

  it('gives an agency account its agency', async () => {
    const res = await login('ban-tuyen-giao');
    expect(res.status).toBe(200);
    const agency = await t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'`);
    expect(res.body.user).toMatchObject({ username: 'ban-tuyen-giao', role: 'agency', agencyId: agency.rows[0].id });
  });

  it('treats the username case-insensitively and around spaces', async () => {
    const res = await login('  ThuongVu ');
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('thuongvu');
  });

  it('refuses a wrong password and an unknown user alike: 401 INVALID_CREDENTIALS, same message', async () => {
    const wrong = await login('kiemtra', 'not-the-password');
    const unknown = await login(`nobody-${Date.now()}`, DEMO_PASSWORD);
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.body.accessToken).toBeUndefined();
  });

  it('GET /api/auth/me tells who the token belongs to, and needs one', async () => {
    const res = await login('kiemtra');
    const me = await t.http.get('/api/auth/me').set(bearer(res.body.accessToken));
    expectClean(me);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);

    expectError(await t.http.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.http.get('/api/auth/me').set('Authorization', 'Basic dmFucGhvbmc6ZGVtbzEyMzQ1'),
      401,
      'UNAUTHENTICATED',
    );
    expectError(await t.http.get('/api/auth/me').set('Authorization', 'Bearer '), 401, 'UNAUTHENTICATED');
    expectError(await t.http.get('/api/auth/me').set('Authorization', 'Bearer not-a-jwt'), 401, 'UNAUTHENTICATED');
  });

  it('logout (204) ends that session at once, and only that one', async () => {
    const a = (await login('thuongvu')).body.accessToken as string;
    const b = (await login('thuongvu')).body.accessToken as string;
    expect((await t.http.get('/api/auth/me').set(bearer(a))).status).toBe(200);
    const out = await t.http.post('/api/auth/logout').set(bearer(a));
    expect(out.status).toBe(204);
    expect(out.text ?? '').toBe('');
    expectError(await t.http.get('/api/auth/me').set(bearer(a)), 401, 'UNAUTHENTICATED');
    expectError(await t.http.get('/api/tasks').set(bearer(a)), 401, 'UNAUTHENTICATED');
    expectError(await t.http.post('/api/auth/logout').set(bearer(a)), 401, 'UNAUTHENTICATED');
    // The other session of the same user is untouched.
    expect((await t.http.get('/api/auth/me').set(bearer(b))).status).toBe(200);
  });

  describe('forged and stale tokens → 401', () => {
    let token: string;
    let claims: Record<string, unknown>;
    beforeAll(async () => {
      token = (await login('vanphong')).body.accessToken;
      claims = decodeJwt(token);
    });

    it('a token signed here by hand with the right secret works (so the cases below test what they say)', async () => {
      const own = signJwt(
        {
          sub: claims.sub,
          sid: claims.sid,
          iat: Math.floor(Date.now() / 1000),
          exp: Math.floor(Date.now() / 1000) + 600,
        },
        t.config.jwtSecret,
      );
      const me = await t.http.get('/api/auth/me').set(bearer(own));
      expect(me.status).toBe(200);
      expect(me.body.username).toBe('vanphong');
    });

    it('a tampered payload (claims of another user) with the old signature', async () => {
      const admin = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
      const [h, , s] = token.split('.');
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: admin.rows[0].id })).toString('base64url')}.${s}`;
      expectError(await t.http.get('/api/auth/me').set(bearer(forged)), 401, 'UNAUTHENTICATED');
    });

    it('a tampered signature', async () => {
      const [h, p, s] = token.split('.');
      const flipped = s.slice(0, 10) + (s[10] === 'A' ? 'B' : 'A') + s.slice(11);
      expectError(await t.http.get('/api/auth/me').set(bearer(`${h}.${p}.${flipped}`)), 401, 'UNAUTHENTICATED');
      expectError(await t.http.get('/api/auth/me').set(bearer(`${h}.${p}.`)), 401, 'UNAUTHENTICATED');
    });

    it('a token signed with another secret', async () => {
      const other = signJwt({ ...claims }, 'another-secret-that-is-long-enough-9876543210');
      expectError(await t.http.get('/api/auth/me').set(bearer(other)), 401, 'UNAUTHENTICATED');
    });

    it('an unsigned token (alg none)', async () => {
      const h = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
      expectError(await t.http.get('/api/auth/me').set(bearer(`${h}.${p}.`)), 401, 'UNAUTHENTICATED');
    });

    it('an expired token for a live session', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = signJwt({ sub: claims.sub, sid: claims.sid, iat: now - 3600, exp: now - 60 }, t.config.jwtSecret);
      expectError(await t.http.get('/api/auth/me').set(bearer(expired)), 401, 'UNAUTHENTICATED');
    });

    it('a well-signed token for a session that does not exist', async () => {
      const now = Math.floor(Date.now() / 1000);
      const ghost = signJwt(
        { sub: claims.sub, sid: '00000000-0000-4000-8000-000000000000', iat: now, exp: now + 600 },
        t.config.jwtSecret,
      );
      expectError(await t.http.get('/api/auth/me').set(bearer(ghost)), 401, 'UNAUTHENTICATED');
    });
  });

  it('stores passwords as argon2id, m=19456, t=2, p=1', async () => {
    const rows = await t.db.query<{ username: string; password_hash: string }>(
      `SELECT username, password_hash FROM users WHERE username IN ('vanphong', 'thuongvu', 'kiemtra', 'admin', 'ban-tuyen-giao')`,
    );
    expect(rows.rows).toHaveLength(5);
    for (const r of rows.rows) {
      expect(r.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(r.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });

  describe('security headers and CORS', () => {
    it('sends helmet headers and no x-powered-by, on success and on error', async () => {
      for (const res of [await t.http.get('/api/health'), await t.http.get('/api/tasks')]) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['x-frame-options']).toBeDefined();
      }
    });

    it('lets an allowed origin read responses, and not a foreign one', async () => {
      const allowed = await t.http.get('/api/health').set('Origin', 'http://localhost:5173');
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const foreign = await t.http.get('/api/health').set('Origin', 'https://evil.example');
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers preflights the same way', async () => {
      const ask = (origin: string) =>
        t.http
          .options('/api/auth/login')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'content-type,authorization');
      const allowed = await ask('http://localhost:5173');
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(allowed.headers['access-control-allow-methods']).toContain('POST');
      const foreign = await ask('https://evil.example');
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(foreign.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('API documentation', () => {
    it('serves the OpenAPI UI at /api/docs', async () => {
      const res = await t.http.get('/api/docs').redirects(2);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(/swagger/i);
    });

    it('lists the transitions path in /api/docs/openapi.json', async () => {
      const res = await t.http.get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(Object.keys(res.body.paths)).toContain('/api/tasks/{id}/transitions');
      expect(res.body.paths['/api/tasks/{id}/transitions'].post).toBeDefined();
    });
  });
});

describe('login throttling per account', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A long first wait (the default is 2 s), so a slow machine cannot let it lapse before the 4th attempt.
    t = await startTestApp({ LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_BACKOFF_BASE_SECONDS: '60' });
  });
  afterAll(() => t.close());

  it('refuses the 4th attempt for one account within the window (429 RATE_LIMITED), even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: 'kiemtra', password: `wrong-${i}` });
      expectError(res, 401, 'INVALID_CREDENTIALS');
    }
    const fourth = await t.http.post('/api/auth/login').send({ username: 'kiemtra', password: DEMO_PASSWORD });
    expectError(fourth, 429, 'RATE_LIMITED');
    expect(fourth.body.accessToken).toBeUndefined();
    // Spelled differently, still the same account.
    const again = await t.http.post('/api/auth/login').send({ username: ' KIEMTRA', password: DEMO_PASSWORD });
    expectError(again, 429, 'RATE_LIMITED');
  });

  it('still lets another account sign in from the same address', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'thuongvu', password: DEMO_PASSWORD });
    expectClean(res);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toBeDefined();
  });
});

describe('login throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_LIMIT_PER_ADDRESS: '5',
      LOGIN_LIMIT_PER_ACCOUNT: '100',
      LOGIN_BACKOFF_BASE_SECONDS: '60',
    });
  });
  afterAll(() => t.close());

  it('refuses the 6th attempt from one address, whatever the usernames', async () => {
    const stamp = Date.now();
    for (let i = 0; i < 5; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: `guess-${stamp}-${i}`, password: 'password1' });
      expectError(res, 401, 'INVALID_CREDENTIALS');
    }
    const sixth = await t.http.post('/api/auth/login').send({ username: `guess-${stamp}-6`, password: 'password1' });
    expectError(sixth, 429, 'RATE_LIMITED');
    const real = await t.http.post('/api/auth/login').send({ username: 'vanphong', password: DEMO_PASSWORD });
    expectError(real, 429, 'RATE_LIMITED');
  });
});
