import { agencyId } from './support/fixtures.js';
import { expectClean, expectError } from './support/files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

// Issue 13, item 7: weak passwords were accepted by the administration (OWASP ASVS 5.0 V6).
describe('password policy of the administration routes', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const stamp = Date.now();

  const userExists = async (username: string) =>
    ((await t.db.query(`SELECT 1 FROM users WHERE username = $1`, [username])).rowCount ?? 0) > 0;
  const hashOf = async (id: string) =>
    (await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [id])).rows[0]
      .password_hash;
  const login = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('POST /api/admin/users refuses weak passwords with 400 WEAK_PASSWORD and creates nothing, then takes a good one', async () => {
    const agency = await agencyId(t.db, 'ban-dan-van');
    const username = `hoang.thu-${stamp}`;
    const body = { username, fullName: 'Hoàng Thị Thuỷ', role: 'agency', agencyId: agency };
    const weak: [string, string][] = [
      ['12345678', 'phổ biến'],
      ['password', 'common password'],
      ['        ', 'dấu cách'],
      [username, 'tên đăng nhập'],
      [username.toUpperCase(), 'username'],
      [`Hoàng.Thư-${stamp}`, 'username'],
      ['Thuỷ-Tiên-Trong-Mưa-1999', "person's name"],
      ['aaaaaaaaaaaa', 'dễ đoán'],
    ];
    for (const [password, says] of weak) {
      const res = await t.http
        .post('/api/admin/users')
        .set(admin)
        .send({ ...body, password });
      const b = expectError(res, 400, 'WEAK_PASSWORD');
      // Vietnamese first, then English, naming what is wrong.
      expect(b.message).toMatch(/^Mật khẩu chưa đạt: .+ \/ The password is too weak: .+/);
      expect(b.message).toContain(says);
      expect(Array.isArray(b.details) && (b.details as { path: string }[]).every((d) => d.path === 'password')).toBe(
        true,
      );
      expect(await userExists(username)).toBe(false);
    }

    const good = 'Kế-hoạch-quý-III-2021';
    const created = await t.http
      .post('/api/admin/users')
      .set(admin)
      .send({ ...body, password: good });
    expectClean(created);
    expect(created.status).toBe(201);
    expect(await userExists(username)).toBe(true);
    expect((await login(username, good)).status).toBe(200);
  });

  it('POST /api/admin/users/:id/reset-password refuses weak passwords and keeps the hash, then takes a good one', async () => {
    const username = `le.van.luan-${stamp}`;
    const first = 'Sông-Hậu-mùa-nước-nổi-2019';
    const created = await t.http
      .post('/api/admin/users')
      .set(admin)
      .send({ username, fullName: 'Lê Văn Luân', role: 'inspector', password: first });
    expectClean(created);
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const hashBefore = await hashOf(id);

    for (const password of [
      '12345678',
      'password',
      '        ',
      username,
      `LÊ.VĂN.LUÂN-${stamp}`,
      'Luân-đi-học-về-muộn',
      'qwertyuiop',
    ]) {
      const res = await t.http.post(`/api/admin/users/${id}/reset-password`).set(admin).send({ password });
      expectError(res, 400, 'WEAK_PASSWORD');
      expect(await hashOf(id)).toBe(hashBefore);
    }
    expect((await login(username, first)).status).toBe(200);

    const random = 'q7Rv!Lw2@Zp9';
    const reset = await t.http.post(`/api/admin/users/${id}/reset-password`).set(admin).send({ password: random });
    expectClean(reset);
    expect(reset.status).toBeLessThan(300);
    expect(await hashOf(id)).not.toBe(hashBefore);
    expect((await login(username, random)).status).toBe(200);
    expect((await login(username, first)).status).toBe(401);
  });

  it('leaves the seeded demo accounts and their password alone', async () => {
    expect((await login('vanphong', DEMO_PASSWORD)).status).toBe(200);
  });
});
