import { ROOT_ORGANISATION_ID } from '@dondoc/persistence';
import { agencyId, directiveId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'Rung-tram-xanh-Kien-Giang-2026';

/**
 * An administrator builds the tree (issue 20): makes a district and a grassroots committee below it, registers
 * the district's agency and files its Office, its administrator and the agency's head in it, all through the API;
 * the district's people then sign in and work in their committee. A district's administrator manages its own
 * subtree and nothing above or beside it. Its own database: it adds committees and accounts.
 */
describe("an administrator's committees and accounts", () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let district: { id: string; agencyId: string };
  let districtAgency: string;

  const signIn = async (username: string) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };
  const account = (body: Record<string, unknown>, who = admin) =>
    t.http
      .post('/api/admin/users')
      .set(who)
      .send({ password: PASSWORD, ...body });

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  it('makes a district under the province, with the agency that stands for it among the province’s', async () => {
    const res = await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'huyen-uy-an-minh', name: 'Huyện ủy An Minh', kind: 'district', parentId: ROOT_ORGANISATION_ID })
      .expect(201);
    expect(res.body).toMatchObject({
      code: 'huyen-uy-an-minh',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      path: ['tinh-uy', 'huyen-uy-an-minh'],
      sortOrder: null,
    });
    district = res.body;
    const standing = await t.db.query(`SELECT code, name, kind, organisation_id FROM agencies WHERE id = $1`, [
      district.agencyId,
    ]);
    expect(standing.rows).toEqual([
      {
        code: 'huyen-uy-an-minh',
        name: 'Huyện ủy An Minh',
        kind: 'district_committee',
        organisation_id: ROOT_ORGANISATION_ID,
      },
    ]);
    // The province's Office can give it work at once: its agency is in the province's pickers.
    const agencies = await t.http
      .get('/api/agencies')
      .set(await t.as('vanphong'))
      .expect(200);
    expect(agencies.body.map((a: { id: string }) => a.id)).toContain(district.agencyId);
  });

  it('refuses a taken code, a parent not under the administrator, the province kind, and changes nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM organisations`);
    const dup = await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'huyen-uy-an-minh', name: 'Trùng', kind: 'district', parentId: ROOT_ORGANISATION_ID })
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
    // An agency's code is taken too: the committee's agency would carry it.
    await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'ban-tuyen-giao', name: 'Trùng', kind: 'district', parentId: ROOT_ORGANISATION_ID })
      .expect(409);
    const unknown = await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'huyen-uy-moi', name: 'Mới', kind: 'district', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_ORGANISATION');
    const province = await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'tinh-uy-hai', name: 'Hai', kind: 'province', parentId: ROOT_ORGANISATION_ID })
      .expect(400);
    expect(province.body.code).toBe('VALIDATION_FAILED');
    // The Party's shape: a district right under the province, nothing under a grassroots organisation.
    const districtUnderDistrict = await t.http
      .post('/api/admin/organisations')
      .set(admin)
      .send({ code: 'huyen-uy-long', name: 'Lồng', kind: 'district', parentId: district.id })
      .expect(400);
    expect(districtUnderDistrict.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'parentId' }] });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM organisations`)).rows).toEqual(before.rows);
  });

  it("files the district's agency and accounts in it; an agency account follows its agency", async () => {
    const agency = await t.http
      .post('/api/admin/agencies')
      .set(admin)
      .send({ code: 'ban-to-chuc-huyen-uy-an-minh', name: 'Ban Tổ chức Huyện ủy An Minh', organisationId: district.id })
      .expect(201);
    expect(agency.body.organisationId).toBe(district.id);
    districtAgency = agency.body.id;

    const office = await account({
      username: 'vp-an-minh',
      fullName: 'Văn phòng Huyện ủy An Minh',
      role: 'office',
      organisationId: district.id,
    }).expect(201);
    expect(office.body).toMatchObject({ role: 'office', organisationId: district.id, agencyId: null });
    const head = await account({
      username: 'btc-an-minh',
      fullName: 'Trưởng Ban Tổ chức',
      role: 'agency',
      agencyId: districtAgency,
    }).expect(201);
    expect(head.body).toMatchObject({ organisationId: district.id, position: 'head' });
    const districtAdmin = await account({
      username: 'qt-an-minh',
      fullName: 'Quản trị An Minh',
      role: 'admin',
      organisationId: district.id,
    }).expect(201);
    expect(districtAdmin.body.organisationId).toBe(district.id);

    // An agency account in another committee than its agency's: refused, nothing written.
    const wrong = await account({
      username: 'sai-cap',
      fullName: 'Sai cấp',
      role: 'agency',
      agencyId: districtAgency,
      organisationId: ROOT_ORGANISATION_ID,
    }).expect(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'organisationId' }] });
    expect((await t.db.query(`SELECT 1 FROM users WHERE username = 'sai-cap'`)).rowCount).toBe(0);
    // With no committee named, an account lands in the administrator's own.
    const provincial = await account({
      username: 'vp-tinh-moi',
      fullName: 'Chuyên viên Văn phòng',
      role: 'office',
    }).expect(201);
    expect(provincial.body.organisationId).toBe(ROOT_ORGANISATION_ID);
  });

  it("the district's people sign in and work in their committee: the task given to it, their own agency", async () => {
    const province = await t.as('vanphong');
    const created = await t.http
      .post('/api/tasks')
      .set(province)
      .send({
        directiveId: await directiveId(t.db),
        title: 'Triển khai tại huyện An Minh',
        deliverableType: 'ke_hoach',
        field: 'party_building',
        leadAgencyId: district.agencyId,
        dueDate: '2031-06-30',
      })
      .expect(201);
    await t.http
      .post(`/api/tasks/${created.body.id}/transitions`)
      .set(province)
      .send({ event: 'ASSIGN', expectedVersion: created.body.version })
      .expect(200);
    const office = await signIn('vp-an-minh');
    const me = await t.http.get('/api/auth/me').set(office).expect(200);
    expect(me.body.organisationId).toBe(district.id);
    const committees = await t.http.get('/api/organisations').set(office).expect(200);
    expect(committees.body.map((o: { code: string }) => o.code)).toEqual(['huyen-uy-an-minh']);
    const board = await t.http.get('/api/tasks').set(office).expect(200);
    expect(board.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const pickers = await t.http.get('/api/agencies').set(office).expect(200);
    expect(pickers.body.map((a: { id: string }) => a.id)).toContain(districtAgency);
    // The agency's head sees none of it: the task is the committee's, not the agency's.
    const head = await signIn('btc-an-minh');
    expect((await t.http.get('/api/tasks').set(head).expect(200)).body.items).toEqual([]);
  });

  it("a district's administrator manages its subtree only", async () => {
    const own = await signIn('qt-an-minh');
    const users = await t.http.get('/api/admin/users').set(own).expect(200);
    expect(users.body.map((u: { username: string }) => u.username).sort()).toEqual([
      'btc-an-minh',
      'qt-an-minh',
      'vp-an-minh',
    ]);
    const agencies = await t.http.get('/api/admin/agencies').set(own).expect(200);
    expect(agencies.body.map((a: { code: string }) => a.code)).toEqual(['ban-to-chuc-huyen-uy-an-minh']);

    const ward = await t.http
      .post('/api/admin/organisations')
      .set(own)
      .send({ code: 'dang-uy-xa-thuan-hoa', name: 'Đảng ủy xã Thuận Hòa', kind: 'grassroots', parentId: district.id })
      .expect(201);
    expect(ward.body.path).toEqual(['tinh-uy', 'huyen-uy-an-minh', 'dang-uy-xa-thuan-hoa']);
    const wardAgency = await t.db.query(`SELECT organisation_id FROM agencies WHERE id = $1`, [ward.body.agencyId]);
    expect(wardAgency.rows[0].organisation_id).toBe(district.id);
    await t.http
      .post('/api/admin/organisations')
      .set(own)
      .send({ code: 'chi-bo-ap-1', name: 'Chi bộ ấp 1', kind: 'grassroots', parentId: ward.body.id })
      .expect(400);

    // Above or beside it: the province, its people and agencies are not theirs.
    const province = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`);
    const before = await t.db.query(`SELECT full_name, password_hash FROM users WHERE username = 'vanphong'`);
    for (const res of [
      await t.http
        .post('/api/admin/organisations')
        .set(own)
        .send({ code: 'huyen-uy-khac', name: 'Khác', kind: 'district', parentId: ROOT_ORGANISATION_ID }),
      await t.http.patch(`/api/admin/organisations/${ROOT_ORGANISATION_ID}`).set(own).send({ name: 'Đổi tên tỉnh' }),
      await t.http
        .post('/api/admin/agencies')
        .set(own)
        .send({ code: 'co-quan-tinh', name: 'Của tỉnh', organisationId: ROOT_ORGANISATION_ID }),
      await account(
        { username: 'vp-tinh-2', fullName: 'Của tỉnh', role: 'office', organisationId: ROOT_ORGANISATION_ID },
        own,
      ),
    ]) {
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'UNKNOWN_ORGANISATION' });
    }
    await t.http.patch(`/api/admin/users/${province.rows[0].id}`).set(own).send({ fullName: 'Đổi' }).expect(404);
    await t.http
      .post(`/api/admin/users/${province.rows[0].id}/reset-password`)
      .set(own)
      .send({ password: PASSWORD })
      .expect(404);
    const provinceAgency = await agencyId(t.db, 'ban-tuyen-giao');
    await t.http.patch(`/api/admin/agencies/${provinceAgency}`).set(own).send({ name: 'Đổi' }).expect(404);
    const withProvince = await t.http
      .put('/api/admin/agencies/order')
      .set(own)
      .send({ agencyIds: [districtAgency, provinceAgency] })
      .expect(400);
    expect(withProvince.body.code).toBe('UNKNOWN_AGENCY');
    // An account for a province agency is refused as an unknown agency.
    const other = await account(
      { username: 'btg-tinh-2', fullName: 'Của tỉnh', role: 'agency', agencyId: provinceAgency },
      own,
    ).expect(400);
    expect(other.body.code).toBe('UNKNOWN_AGENCY');
    expect((await t.db.query(`SELECT full_name, password_hash FROM users WHERE username = 'vanphong'`)).rows).toEqual(
      before.rows,
    );
    expect((await t.db.query(`SELECT 1 FROM organisations WHERE code = 'huyen-uy-khac'`)).rowCount).toBe(0);
    // Its own order: every agency of its subtree, the ward's standing agency too.
    const order = await t.http
      .put('/api/admin/agencies/order')
      .set(own)
      .send({ agencyIds: [ward.body.agencyId, districtAgency] })
      .expect(200);
    expect(order.body.map((a: { id: string }) => a.id)).toEqual([ward.body.agencyId, districtAgency]);
  });

  it('renames a committee with its agency, keeps its code, and moving an account ends its sessions', async () => {
    const renamed = await t.http
      .patch(`/api/admin/organisations/${district.id}`)
      .set(admin)
      .send({ name: 'Huyện ủy An Minh (mới)', sortOrder: 3 })
      .expect(200);
    expect(renamed.body).toMatchObject({ code: 'huyen-uy-an-minh', name: 'Huyện ủy An Minh (mới)', sortOrder: 3 });
    const standing = await t.db.query(`SELECT name FROM agencies WHERE id = $1`, [district.agencyId]);
    expect(standing.rows[0].name).toBe('Huyện ủy An Minh (mới)');
    await t.http.patch(`/api/admin/organisations/${district.id}`).set(admin).send({ code: 'doi-ma' }).expect(400);

    const office = await signIn('vp-an-minh');
    const id = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vp-an-minh'`)).rows[0].id;
    const moved = await t.http
      .patch(`/api/admin/users/${id}`)
      .set(admin)
      .send({ organisationId: ROOT_ORGANISATION_ID })
      .expect(200);
    expect(moved.body.organisationId).toBe(ROOT_ORGANISATION_ID);
    await t.http.get('/api/auth/me').set(office).expect(401);
  });
});
