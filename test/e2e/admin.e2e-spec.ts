import { agencyId } from './support/fixtures.js';
import { expectClean, expectError } from './support/files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('administration of agencies and accounts', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const stamp = Date.now();

  const login = async (username: string, password: string) => {
    const res = await t.http.post('/api/auth/login').send({ username, password });
    expectClean(res);
    return res;
  };
  const createAgency = async (suffix: string) => {
    const res = await t.http
      .post('/api/admin/agencies')
      .set(admin)
      .send({
        code: `ban-thu-nghiem-${suffix}-${stamp}`,
        name: `Ban Thử nghiệm ${suffix} ${stamp}`,
        kind: 'party_committee_board',
      });
    expectClean(res);
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; name: string; kind: string; active: boolean };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  describe('agencies', () => {
    it('creates, refuses a duplicate code, renames, and disables an agency', async () => {
      const code = `so-thu-nghiem-${stamp}`;
      const created = await t.http
        .post('/api/admin/agencies')
        .set(admin)
        .send({ code, name: 'Sở Thử nghiệm', kind: 'party_committee_board' });
      expectClean(created);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code, name: 'Sở Thử nghiệm', kind: 'party_committee_board', active: true });
      expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const id: string = created.body.id;

      const dup = await t.http.post('/api/admin/agencies').set(admin).send({ code, name: 'Trùng mã' });
      expectError(dup, 409, 'DUPLICATE');
      // Codes are lower-cased before comparing.
      const dupUpper = await t.http
        .post('/api/admin/agencies')
        .set(admin)
        .send({ code: code.toUpperCase(), name: 'Trùng mã' });
      expectError(dupUpper, 409, 'DUPLICATE');
      const n = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agencies WHERE code = $1`, [code]);
      expect(n.rows[0].n).toBe(1);

      const renamed = await t.http
        .patch(`/api/admin/agencies/${id}`)
        .set(admin)
        .send({ name: 'Sở Thử nghiệm (đổi tên)' });
      expectClean(renamed);
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id, code, name: 'Sở Thử nghiệm (đổi tên)', active: true });

      const visible = await t.http.get('/api/agencies').set(await t.as('vanphong'));
      expect(visible.status).toBe(200);
      expect(visible.body.find((a: { id: string }) => a.id === id)).toMatchObject({ name: 'Sở Thử nghiệm (đổi tên)' });

      const disabled = await t.http.patch(`/api/admin/agencies/${id}`).set(admin).send({ active: false });
      expectClean(disabled);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id, active: false });

      for (const who of ['vanphong', 'admin', 'ban-tuyen-giao']) {
        const list = await t.http.get('/api/agencies').set(await t.as(who));
        expect(list.status).toBe(200);
        expect(list.body.map((a: { id: string }) => a.id)).not.toContain(id);
      }
      const adminList = await t.http.get('/api/admin/agencies').set(admin);
      expect(adminList.status).toBe(200);
      expect(adminList.body.find((a: { id: string }) => a.id === id)).toMatchObject({ code, active: false });

      // A disabled agency takes no new accounts.
      const user = await t.http
        .post('/api/admin/users')
        .set(admin)
        .send({
          username: `nv-disabled-${stamp}`,
          fullName: 'Chuyên viên',
          role: 'agency',
          agencyId: id,
          password: 'Kế-hoạch-quý-III-2021',
        });
      expectError(user, 400, 'UNKNOWN_AGENCY');
      const exists = await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [`nv-disabled-${stamp}`]);
      expect(exists.rowCount).toBe(0);
    });

    it('refuses bad agency input', async () => {
      for (const body of [
        { code: 'Có Dấu', name: 'x' },
        { code: `ok-${stamp}`, name: '' },
        { code: `ok-${stamp}`, name: 'x', active: false },
        { name: 'thiếu mã' },
      ]) {
        expectError(await t.http.post('/api/admin/agencies').set(admin).send(body), 400, 'VALIDATION_FAILED');
      }
      const bogus = await t.http
        .patch('/api/admin/agencies/00000000-0000-4000-8000-000000000000')
        .set(admin)
        .send({ name: 'x' });
      expectError(bogus, 404, 'NOT_FOUND');
      const nothing = await t.http
        .patch(`/api/admin/agencies/${await agencyId(t.db, 'ban-dan-van')}`)
        .set(admin)
        .send({});
      expectError(nothing, 400, 'VALIDATION_FAILED');
    });
  });

  describe('accounts', () => {
    it('creates an agency account that can sign in; disabling it ends its sessions and logins; enabling restores them', async () => {
      const agency = await createAgency('a');
      const username = `chuyenvien-${stamp}`;
      const created = await t.http.post('/api/admin/users').set(admin).send({
        username,
        fullName: 'Nguyễn Văn Thử',
        role: 'agency',
        agencyId: agency.id,
        password: 'mat-khau-ban-dau',
      });
      expectClean(created);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username,
        fullName: 'Nguyễn Văn Thử',
        role: 'agency',
        agencyId: agency.id,
        active: true,
      });
      expect(JSON.stringify(created.body)).not.toMatch(/password|hash|mat-khau/i);
      const userId: string = created.body.id;
      const hash = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [
        userId,
      ]);
      expect(hash.rows[0].password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);

      const listed = await t.http.get('/api/admin/users').set(admin);
      expect(listed.status).toBe(200);
      expect(listed.body.find((u: { id: string }) => u.id === userId)).toMatchObject({ username, active: true });

      const first = await login(username, 'mat-khau-ban-dau');
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ id: userId, role: 'agency', agencyId: agency.id });
      const token: string = first.body.accessToken;
      expect((await t.http.get('/api/auth/me').set(bearer(token))).status).toBe(200);
      expect((await t.http.get('/api/tasks').set(bearer(token))).status).toBe(200);

      const disabled = await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ active: false });
      expectClean(disabled);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: userId, active: false });
      expectError(await t.http.get('/api/auth/me').set(bearer(token)), 401, 'UNAUTHENTICATED');
      expectError(await t.http.get('/api/tasks').set(bearer(token)), 401, 'UNAUTHENTICATED');
      const refused = await login(username, 'mat-khau-ban-dau');
      expectError(refused, 401, 'ACCOUNT_DISABLED');
      // A wrong password for a disabled account does not reveal that it exists.
      expectError(await login(username, 'sai-mat-khau-999'), 401, 'INVALID_CREDENTIALS');
      expect(refused.body.accessToken).toBeUndefined();

      const enabled = await t.http.patch(`/api/admin/users/${userId}`).set(admin).send({ active: true });
      expectClean(enabled);
      expect(enabled.status).toBe(200);
      expect(enabled.body.active).toBe(true);
      const again = await login(username, 'mat-khau-ban-dau');
      expect(again.status).toBe(200);
      // Re-enabling does not bring the old session back.
      expectError(await t.http.get('/api/auth/me').set(bearer(token)), 401, 'UNAUTHENTICATED');
      expect((await t.http.get('/api/auth/me').set(bearer(again.body.accessToken))).status).toBe(200);
    });

    it('a password reset: the old password fails, the new one works, the old sessions are dead', async () => {
      const agency = await createAgency('b');
      const username = `canbo-${stamp}`;
      const created = await t.http
        .post('/api/admin/users')
        .set(admin)
        .send({ username, fullName: 'Trần Thị Thử', role: 'agency', agencyId: agency.id, password: 'mat-khau-cu-123' });
      expect(created.status).toBe(201);
      const s1 = (await login(username, 'mat-khau-cu-123')).body.accessToken as string;
      const s2 = (await login(username, 'mat-khau-cu-123')).body.accessToken as string;
      const hashBefore = (await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [created.body.id])).rows[0]
        .password_hash;

      const reset = await t.http
        .post(`/api/admin/users/${created.body.id}/reset-password`)
        .set(admin)
        .send({ password: 'mat-khau-moi-456' });
      expectClean(reset);
      expect(reset.status).toBe(204);
      const hashAfter = (await t.db.query(`SELECT password_hash FROM users WHERE id = $1`, [created.body.id])).rows[0]
        .password_hash;
      expect(hashAfter).not.toBe(hashBefore);
      expect(hashAfter.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);

      expectError(await login(username, 'mat-khau-cu-123'), 401, 'INVALID_CREDENTIALS');
      const fresh = await login(username, 'mat-khau-moi-456');
      expect(fresh.status).toBe(200);
      for (const old of [s1, s2])
        expectError(await t.http.get('/api/auth/me').set(bearer(old)), 401, 'UNAUTHENTICATED');
      expect((await t.http.get('/api/auth/me').set(bearer(fresh.body.accessToken))).status).toBe(200);

      const short = await t.http
        .post(`/api/admin/users/${created.body.id}/reset-password`)
        .set(admin)
        .send({ password: 'ngan' });
      expectError(short, 400, 'VALIDATION_FAILED');
      const ghost = await t.http
        .post('/api/admin/users/00000000-0000-4000-8000-000000000000/reset-password')
        .set(admin)
        .send({ password: 'mat-khau-moi-789' });
      expectError(ghost, 404, 'NOT_FOUND');
    });

    it('moving an account to another agency ends its sessions (its access changed)', async () => {
      const a = await createAgency('c');
      const b = await createAgency('d');
      const username = `luanchuyen-${stamp}`;
      const created = await t.http
        .post('/api/admin/users')
        .set(admin)
        .send({ username, fullName: 'Lê Văn Luân', role: 'agency', agencyId: a.id, password: 'Kế-hoạch-quý-III-2021' });
      expect(created.status).toBe(201);
      const token = (await login(username, 'Kế-hoạch-quý-III-2021')).body.accessToken as string;
      const moved = await t.http.patch(`/api/admin/users/${created.body.id}`).set(admin).send({ agencyId: b.id });
      expectClean(moved);
      expect(moved.status).toBe(200);
      expect(moved.body.agencyId).toBe(b.id);
      expectError(await t.http.get('/api/auth/me').set(bearer(token)), 401, 'UNAUTHENTICATED');
      const fresh = await login(username, 'Kế-hoạch-quý-III-2021');
      expect(fresh.body.user.agencyId).toBe(b.id);
    });

    describe('validation', () => {
      let agency: string;
      beforeAll(async () => {
        agency = (await createAgency('e')).id;
      });
      const userExists = async (username: string) =>
        ((await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).rowCount ?? 0) > 0;

      it('an agency account without agencyId → 400', async () => {
        const username = `khongco-coquan-${stamp}`;
        for (const extra of [{}, { agencyId: null }]) {
          const res = await t.http
            .post('/api/admin/users')
            .set(admin)
            .send({ username, fullName: 'Không cơ quan', role: 'agency', password: 'Kế-hoạch-quý-III-2021', ...extra });
          expectError(res, 400, 'VALIDATION_FAILED');
        }
        expect(await userExists(username)).toBe(false);
      });

      it('an office account with agencyId → 400', async () => {
        const username = `vanphong-co-coquan-${stamp}`;
        const res = await t.http.post('/api/admin/users').set(admin).send({
          username,
          fullName: 'Văn phòng',
          role: 'office',
          agencyId: agency,
          password: 'Kế-hoạch-quý-III-2021',
        });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(await userExists(username)).toBe(false);
      });

      it('a taken username → 409 DUPLICATE (compared lower-cased)', async () => {
        for (const username of ['vanphong', 'VanPhong', ' admin ']) {
          const res = await t.http
            .post('/api/admin/users')
            .set(admin)
            .send({ username, fullName: 'Trùng tên', role: 'office', password: 'Kế-hoạch-quý-III-2021' });
          expectError(res, 409, 'DUPLICATE');
        }
        const n = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM users WHERE lower(username) = 'vanphong'`,
        );
        expect(n.rows[0].n).toBe(1);
        // The demo office account is untouched.
        expect((await login('vanphong', DEMO_PASSWORD)).status).toBe(200);
      });

      it('a password shorter than 8 characters → 400', async () => {
        const username = `matkhau-ngan-${stamp}`;
        const res = await t.http
          .post('/api/admin/users')
          .set(admin)
          .send({ username, fullName: 'Mật khẩu ngắn', role: 'agency', agencyId: agency, password: '1234567' });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toContain('password');
        expect(await userExists(username)).toBe(false);
      });

      it('other bad account input → 400', async () => {
        for (const body of [
          { username: 'Có Dấu', fullName: 'x', role: 'office', password: 'Kế-hoạch-quý-III-2021' },
          { username: `role-${stamp}`, fullName: 'x', role: 'superuser', password: 'Kế-hoạch-quý-III-2021' },
          { username: `role-${stamp}`, fullName: 'x', role: 'office', password: 'Kế-hoạch-quý-III-2021', active: true },
          {
            username: `role-${stamp}`,
            fullName: 'x',
            role: 'agency',
            agencyId: 'ban-dan-van',
            password: 'Kế-hoạch-quý-III-2021',
          },
        ]) {
          expectError(await t.http.post('/api/admin/users').set(admin).send(body), 400, 'VALIDATION_FAILED');
        }
        expect(await userExists(`role-${stamp}`)).toBe(false);
      });

      it('the admin cannot disable or demote itself → 409', async () => {
        const me = await t.http.get('/api/auth/me').set(admin);
        const adminId: string = me.body.id;
        expectError(
          await t.http.patch(`/api/admin/users/${adminId}`).set(admin).send({ active: false }),
          409,
          'CONFLICT',
        );
        expectError(
          await t.http.patch(`/api/admin/users/${adminId}`).set(admin).send({ role: 'office' }),
          409,
          'CONFLICT',
        );
        const row = await t.db.query(`SELECT role, active FROM users WHERE id = $1`, [adminId]);
        expect(row.rows[0]).toEqual({ role: 'admin', active: true });
        expect((await t.http.get('/api/admin/users').set(admin)).status).toBe(200);
      });

      it('an unknown user id → 404', async () => {
        const res = await t.http
          .patch('/api/admin/users/00000000-0000-4000-8000-000000000000')
          .set(admin)
          .send({ active: false });
        expectError(res, 404, 'NOT_FOUND');
      });
    });
  });

  describe('only the administrator', () => {
    let target: { id: string };
    let targetAgency: string;
    const targetName = `muctieu-${stamp}`;

    beforeAll(async () => {
      targetAgency = (await createAgency('f')).id;
      const res = await t.http.post('/api/admin/users').set(admin).send({
        username: targetName,
        fullName: 'Mục tiêu',
        role: 'agency',
        agencyId: targetAgency,
        password: 'mat-khau-goc-1',
      });
      expect(res.status).toBe(201);
      target = res.body;
    });

    it.each(['vanphong', 'thuongvu', 'kiemtra', 'ban-tuyen-giao'])(
      '%s gets 403 on every /api/admin route and changes nothing',
      async (who) => {
        const h = await t.as(who);
        const code = `chiem-quyen-${who}-${stamp}`;
        const routes = [
          t.http.get('/api/admin/users').set(h),
          t.http
            .post('/api/admin/users')
            .set(h)
            .send({
              username: `chiem-${who}-${stamp}`,
              fullName: 'x',
              role: 'admin',
              password: 'Kế-hoạch-quý-III-2021',
            }),
          t.http.patch(`/api/admin/users/${target.id}`).set(h).send({ role: 'admin', agencyId: null }),
          t.http.post(`/api/admin/users/${target.id}/reset-password`).set(h).send({ password: 'bi-chiem-quyen' }),
          t.http.get('/api/admin/agencies').set(h),
          t.http.post('/api/admin/agencies').set(h).send({ code, name: 'Chiếm quyền' }),
          t.http.patch(`/api/admin/agencies/${targetAgency}`).set(h).send({ active: false, name: 'Bị đổi' }),
        ];
        for (const route of routes) {
          const res = await route;
          expectError(res, 403, 'FORBIDDEN');
        }
        const user = await t.db.query(`SELECT role, agency_id, active FROM users WHERE id = $1`, [target.id]);
        expect(user.rows[0]).toEqual({ role: 'agency', agency_id: targetAgency, active: true });
        expect((await login(targetName, 'mat-khau-goc-1')).status).toBe(200);
        expect((await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [`chiem-${who}-${stamp}`])).rowCount).toBe(
          0,
        );
        expect((await t.db.query(`SELECT 1 FROM agencies WHERE code = $1`, [code])).rowCount).toBe(0);
        const agency = await t.db.query(`SELECT active, name FROM agencies WHERE id = $1`, [targetAgency]);
        expect(agency.rows[0].active).toBe(true);
        expect(agency.rows[0].name).not.toBe('Bị đổi');
      },
    );

    it('without a token every /api/admin route is 401', async () => {
      for (const res of [
        await t.http.get('/api/admin/users'),
        await t.http.post('/api/admin/users').send({}),
        await t.http.patch(`/api/admin/users/${target.id}`).send({ active: false }),
        await t.http.post(`/api/admin/users/${target.id}/reset-password`).send({ password: 'Kế-hoạch-quý-III-2021' }),
        await t.http.get('/api/admin/agencies'),
        await t.http.post('/api/admin/agencies').send({}),
        await t.http.patch(`/api/admin/agencies/${targetAgency}`).send({ active: false }),
      ]) {
        expectError(res, 401, 'UNAUTHENTICATED');
      }
    });
  });
});
