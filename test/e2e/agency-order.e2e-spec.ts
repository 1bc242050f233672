import { compareVietnamese } from '@dondoc/contracts';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { makeTask } from './support/fixtures.js';
import { expectError } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { withAgencyOrderLock } from './support/agency-order-lock.js';

/**
 * The official order of agencies (thứ tự chính thức): set by the administrator with PUT /api/admin/agencies/order,
 * followed by the pickers' list, the admin list and the reports by agency; agencies without a place come after
 * the placed ones, in Vietnamese order.
 *
 * The order is one setting for the whole database, and other suites run at the same time: a PostgreSQL advisory
 * lock (the same key in vietnamese-order and access-matrix) keeps them from reading lists while an order is set.
 * Each test sets the order, checks it and puts it back (sort_order NULL everywhere) while holding the lock.
 */

const FIRST = ['van-phong', 'ubkt'];
/** Agencies with a task of this suite's directive: what its report by agency lists. */
const REPORTED = ['bcsd-ubnd', 'ban-to-chuc', 'ubkt', 'van-phong'];

interface Agency {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

describe('the official order of agencies', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let directiveId: string;
  const prefix = `thu-tu-${process.pid}-${Date.now().toString(36)}`;

  const adminList = async () => {
    const res = await t.http.get('/api/admin/agencies').set(admin);
    expect(res.status).toBe(200);
    return res.body as Agency[];
  };
  const sortOrders = async () =>
    (await t.db.query<{ id: string; sort_order: number | null }>(`SELECT id, sort_order FROM agencies ORDER BY id`))
      .rows;
  const reset = () => t.db.query(`UPDATE agencies SET sort_order = NULL WHERE sort_order IS NOT NULL`);
  const cleanUp = async () => {
    await reset();
    await t.db.query(`DELETE FROM agencies WHERE code LIKE $1`, [`${prefix}-%`]);
  };
  /**
   * Sends the order made of the current list by `arrange`: another suite may register an agency between the
   * read and the write (the answer is then 400, naming it as missing), so it reads and tries again.
   */
  const putOrder = async (arrange: (list: Agency[]) => string[]) => {
    for (let attempt = 1; ; attempt++) {
      const res = await t.http
        .put('/api/admin/agencies/order')
        .set(admin)
        .send({ agencyIds: arrange(await adminList()) });
      if (res.status !== 400 || attempt === 5) return res;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    const number = `${process.pid}${Date.now().toString(36)}-TT/TU`;
    directiveId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'conclusion', 'Kết luận thử thứ tự chính thức', '2024-02-10')
         RETURNING id`,
        [number],
      )
    ).rows[0].id;
    for (const code of REPORTED) {
      await makeTask(t.db, { state: 'assigned', lead: code, coordinating: [], directive: number });
    }
  });
  afterAll(async () => {
    if (!t) return;
    await withAgencyOrderLock(t.db, 'set', cleanUp);
    await t.close();
  });

  it('the administrator sets an order; the lists and the report by agency follow it, agencies without a place after', async () => {
    await withAgencyOrderLock(t.db, 'set', async () => {
      try {
        // "Văn phòng Tỉnh ủy" and "Ủy ban Kiểm tra Tỉnh ủy" first (last in Vietnamese order), then the rest as they were.
        const put = await putOrder((list) => {
          const first = FIRST.map((code) => list.find((a) => a.code === code)!.id);
          return [...first, ...list.map((a) => a.id).filter((id) => !first.includes(id))];
        });
        expect(put.status).toBe(200);
        const ordered = put.body as Agency[];
        expect(ordered.slice(0, 2).map((a) => a.code)).toEqual(FIRST);
        const placed = ordered.map((a) => a.id);
        expect(new Set(placed).size).toBe(placed.length);

        // Registered after the order was set: no place, so after every placed agency, in Vietnamese order.
        for (const [suffix, name] of [
          ['u', `Ủy ban Thử thứ tự ${prefix}`],
          ['b', `Ban Thử thứ tự ${prefix}`],
        ]) {
          const res = await t.http
            .post('/api/admin/agencies')
            .set(admin)
            .send({ code: `${prefix}-${suffix}`, name });
          expect(res.status).toBe(201);
        }

        const follows = (list: Agency[]) => {
          const isPlaced = (a: Agency) => placed.includes(a.id);
          const lastPlaced = list.map(isPlaced).lastIndexOf(true);
          const firstUnplaced = list.findIndex((a) => !isPlaced(a));
          if (firstUnplaced >= 0) expect(lastPlaced).toBeLessThan(firstUnplaced);
          expect(list.filter(isPlaced).map((a) => a.id)).toEqual(placed.filter((id) => list.some((a) => a.id === id)));
          const rest = list.filter((a) => !isPlaced(a)).map((a) => a.name);
          expect(rest).toEqual([...rest].sort(compareVietnamese));
          expect(rest.filter((n) => n.endsWith(prefix))).toEqual([
            `Ban Thử thứ tự ${prefix}`,
            `Ủy ban Thử thứ tự ${prefix}`,
          ]);
        };

        const picker = await t.http.get('/api/agencies').set(await t.as('ban-tuyen-giao'));
        expect(picker.status).toBe(200);
        expect((picker.body as Agency[]).slice(0, 2).map((a) => a.code)).toEqual(FIRST);
        follows(picker.body as Agency[]);

        const all = await adminList();
        expect(all.slice(0, 2).map((a) => a.code)).toEqual(FIRST);
        follows(all);

        const report = await t.http
          .get('/api/reports/by-agency')
          .query({ directiveId })
          .set(await t.as('vanphong'));
        expect(report.status).toBe(200);
        expect((report.body as { rows: { agencyCode: string }[] }).rows.map((r) => r.agencyCode)).toEqual([
          'van-phong',
          'ubkt',
          'bcsd-ubnd',
          'ban-to-chuc',
        ]);
      } finally {
        await cleanUp();
      }
    });
  });

  it('refuses an order that leaves an agency out, names one twice or names no agency, and a caller other than the administrator', async () => {
    await withAgencyOrderLock(t.db, 'set', async () => {
      try {
        const before = await sortOrders();
        const ids = (await adminList()).map((a) => a.id);
        const send = (agencyIds: string[], who = admin): Test =>
          t.http.put('/api/admin/agencies/order').set(who).send({ agencyIds });

        const missing = await send(ids.slice(1));
        expectError(missing, 400, 'VALIDATION_FAILED');
        expect(missing.body.message).toMatch(/missing/);
        const twice = await send([...ids, ids[0]]);
        expectError(twice, 400, 'VALIDATION_FAILED');
        expect(twice.body.message).toMatch(/twice/);
        const swapped = await send([ids[0], ...ids.slice(2), ids[0]]);
        expectError(swapped, 400, 'VALIDATION_FAILED');
        expectError(await send([randomUUID(), ...ids]), 400, 'UNKNOWN_AGENCY');
        expectError(await send([]), 400, 'VALIDATION_FAILED');
        expectError(
          await t.http
            .put('/api/admin/agencies/order')
            .set(admin)
            .send({ agencyIds: ['not-a-uuid'] }),
          400,
          'VALIDATION_FAILED',
        );
        for (const who of ['vanphong', 'thuongvu', 'ban-tuyen-giao']) {
          expectError(await send(ids, await t.as(who)), 403);
        }
        expect(await sortOrders()).toEqual(before);
      } finally {
        await cleanUp();
      }
    });
  });
});
