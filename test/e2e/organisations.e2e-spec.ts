import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_ORGANISATION_ID } from '@dondoc/persistence';
import { addAccount, addCommittee, agencyId, directiveId } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Organisations as a tree (issue 20, first part): the top organisation every existing row belongs to, the paths
 * the database keeps, a directive filed under its registering Office's committee and its tasks under their
 * directive's, and numbers unique within one committee. Its own database: it adds committees and accounts.
 */
describe('organisations', () => {
  let t: TestApp;
  let district: string;
  let ward: string;
  const districtOffice = 'vp-thanh-uy-rach-gia';

  const pgError = async (sql: string, params: unknown[] = []): Promise<string | undefined> => {
    try {
      await t.db.query(sql, params);
      return undefined;
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    district = await addCommittee(t.db, {
      code: 'thanh-uy-rach-gia',
      name: 'Thành ủy Rạch Giá',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      standsFor: 'thanh-uy-rach-gia',
    });
    ward = await addCommittee(t.db, {
      code: 'dang-uy-phuong-vinh-thanh-van',
      name: 'Đảng ủy phường Vĩnh Thanh Vân',
      kind: 'grassroots',
      parentId: district,
    });
    // The district's Office clerk, with the demo password so the suite's login helper signs them in.
    await addAccount(t.db, districtOffice, 'office', district);
  });
  afterAll(() => t.close());

  it('files every row made before organisations under the top one, which the demo names', async () => {
    const top = await t.db.query<{ name: string; path: string }>(
      `SELECT name, path::text AS path FROM organisations WHERE id = $1`,
      [ROOT_ORGANISATION_ID],
    );
    expect(top.rows).toEqual([{ name: 'Tỉnh ủy Kiên Giang', path: 'tinh_uy' }]);
    for (const table of ['agencies', 'directives', 'tasks']) {
      const r = await t.db.query<{ elsewhere: number; n: number }>(
        `SELECT count(*) FILTER (WHERE organisation_id <> $1)::int AS elsewhere, count(*)::int AS n FROM ${table}`,
        [ROOT_ORGANISATION_ID],
      );
      expect({ table, ...r.rows[0], n: r.rows[0].n > 0 }).toEqual({ table, elsewhere: 0, n: true });
    }
  });

  it('keeps each path from the top, and refuses moving, renaming the code or a second top', async () => {
    const r = await t.db.query<{ code: string; path: string }>(
      `SELECT code, path::text AS path FROM organisations ORDER BY nlevel(path)`,
    );
    expect(r.rows).toEqual([
      { code: 'tinh-uy', path: 'tinh_uy' },
      { code: 'thanh-uy-rach-gia', path: 'tinh_uy.thanh_uy_rach_gia' },
      { code: 'dang-uy-phuong-vinh-thanh-van', path: 'tinh_uy.thanh_uy_rach_gia.dang_uy_phuong_vinh_thanh_van' },
    ]);
    expect(await pgError(`UPDATE organisations SET parent_id = $1 WHERE id = $2`, [ROOT_ORGANISATION_ID, ward])).toBe(
      '23514',
    );
    expect(await pgError(`UPDATE organisations SET code = 'khac' WHERE id = $1`, [district])).toBe('23514');
    expect(
      await pgError(`INSERT INTO organisations (code, name, kind) VALUES ('tinh-khac', 'Tỉnh khác', 'province')`),
    ).toBe('23505');
    // Only the province has no parent.
    expect(
      await pgError(`INSERT INTO organisations (code, name, kind) VALUES ('mo-coi', 'Không cấp trên', 'district')`),
    ).toBe('23514');
    // A name may change; the path stays.
    await t.db.query(`UPDATE organisations SET name = 'Thành ủy Rạch Giá (mới)' WHERE id = $1`, [district]);
    const after = await t.db.query<{ path: string }>(`SELECT path::text AS path FROM organisations WHERE id = $1`, [
      ward,
    ]);
    expect(after.rows[0].path).toBe('tinh_uy.thanh_uy_rach_gia.dang_uy_phuong_vinh_thanh_van');
    await t.db.query(`UPDATE organisations SET name = 'Thành ủy Rạch Giá' WHERE id = $1`, [district]);
  });

  it('answers each caller its own organisation and those below it, parents first', async () => {
    const province = await t.http.get('/api/organisations').set(await t.as('vanphong'));
    expect(province.status).toBe(200);
    expect(province.body.map((o: { code: string; path: string[] }) => [o.code, o.path])).toEqual([
      ['tinh-uy', ['tinh-uy']],
      ['thanh-uy-rach-gia', ['tinh-uy', 'thanh-uy-rach-gia']],
      ['dang-uy-phuong-vinh-thanh-van', ['tinh-uy', 'thanh-uy-rach-gia', 'dang-uy-phuong-vinh-thanh-van']],
    ]);
    expect(province.body[1]).toEqual({
      id: district,
      code: 'thanh-uy-rach-gia',
      name: 'Thành ủy Rạch Giá',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      path: ['tinh-uy', 'thanh-uy-rach-gia'],
      agencyId: await agencyId(t.db, 'thanh-uy-rach-gia'),
      sortOrder: null,
    });
    const below = await t.http.get('/api/organisations').set(await t.as(districtOffice));
    expect(below.status).toBe(200);
    expect(below.body.map((o: { id: string }) => o.id)).toEqual([district, ward]);
    // An agency of the province reads the tree from the top too; nobody signed out reads it.
    const agency = await t.http.get('/api/organisations').set(await t.as('ban-tuyen-giao'));
    expect(agency.body.map((o: { id: string }) => o.id)).toEqual([ROOT_ORGANISATION_ID, district, ward]);
    expect((await t.http.get('/api/organisations')).status).toBe(401);
  });

  it("files a directive under its Office's committee, with numbers unique within a committee only", async () => {
    const body = {
      number: '15-CTr/HU',
      kind: 'plan',
      title: 'Chương trình hành động thực hiện Chương trình 07-CTr/TU',
    };
    const mine = await t.http
      .post('/api/directives')
      .set(await t.as(districtOffice))
      .send(body);
    expect(mine.status).toBe(201);
    const again = await t.http
      .post('/api/directives')
      .set(await t.as(districtOffice))
      .send(body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
    // The province may use the same number for a document of its own.
    const province = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send(body);
    expect(province.status).toBe(201);
    const orgs = await t.db.query<{ id: string; organisation_id: string }>(
      `SELECT id, organisation_id FROM directives WHERE id = ANY($1::uuid[])`,
      [[mine.body.id, province.body.id]],
    );
    expect(Object.fromEntries(orgs.rows.map((r) => [r.id, r.organisation_id]))).toEqual({
      [mine.body.id]: district,
      [province.body.id]: ROOT_ORGANISATION_ID,
    });

    // A task is its directive's committee's, whatever a statement says, and stays so.
    const task = await t.http
      .post('/api/tasks')
      .set(await t.as(districtOffice))
      .send({
        directiveId: mine.body.id,
        title: 'Xây dựng kế hoạch của Thành ủy',
        deliverableType: 'ke_hoach',
        field: 'party_building',
        deadlineText: 'quý IV-2030',
        dueDate: '2030-12-31',
      });
    expect(task.status).toBe(201);
    const of = async () =>
      (await t.db.query<{ o: string }>(`SELECT organisation_id AS o FROM tasks WHERE id = $1`, [task.body.id])).rows[0]
        .o;
    expect(await of()).toBe(district);
    await t.db.query(`UPDATE tasks SET organisation_id = $1 WHERE id = $2`, [ROOT_ORGANISATION_ID, task.body.id]);
    expect(await of()).toBe(district);
    // Nor does the directive move to another committee once work is filed under it.
    expect(
      await pgError(`UPDATE directives SET organisation_id = $1 WHERE id = $2`, [ROOT_ORGANISATION_ID, mine.body.id]),
    ).toBe('23514');
  });
  it("tells an import of a number already registered only within the importer's committee", async () => {
    const text = readFileSync(
      join(__dirname, '../../libs/directive-parser/fixtures/kien-giang-07-CTr-TU-action-program-2021.txt'),
      'utf8',
    );
    const propose = async (who: string) =>
      (
        await t.http
          .post('/api/directives/import')
          .set(await t.as(who))
          .send({ text })
      ).body as {
        directive: { number: string };
        existingDirectiveId: string | null;
      };
    const province = await propose('vanphong');
    expect(province.directive.number).toBe('07-CTr/TU');
    expect(province.existingDirectiveId).toBe(await directiveId(t.db, '07-CTr/TU'));
    // The province's 07-CTr/TU is not the district's: the district may register a document of that number.
    expect((await propose(districtOffice)).existingDirectiveId).toBeNull();
  });
});
