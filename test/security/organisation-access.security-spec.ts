import { ROOT_ORGANISATION_ID, SCOPED_ROLE } from '@dondoc/persistence';
import { taskScope } from '@dondoc/api';
import { canRead, type Actor, type Role } from '@dondoc/workflow';
import { expectClean } from '../e2e/support/files.js';
import { addAccount, addAgency, addCommittee } from '../e2e/support/fixtures.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import {
  bodyFor,
  example,
  PDF,
  readRoutes,
  routeName,
  send,
  urlOf,
  type BodyContext,
  type Route,
  type Targets,
} from './support/openapi.js';

/**
 * The access matrix across committees (issue 20), generated from the route table like the one across agencies
 * (generated-access.security-spec): every documented route × the people of four committees around a district's
 * task — the district itself (its Office, Standing Committee, inspector, agency), the province above it, a
 * grassroots committee below it and a sibling district — on the district's objects: its directive, its task and
 * every part of it, its series, its agency's settings, its reporting period, its frozen report, its incident.
 *
 * - a sibling district and a committee below never get a 2xx on the district's objects, and no answer of theirs
 *   (lists, exports, reports, the event stream) holds the district's task;
 * - the province above reads everything but acts on nothing of the district's (it comments: it follows and urges);
 * - the district's own people keep exactly the rights the agency matrix gives them.
 *
 * And the same cases straight in SQL: `taskScope` for each committee's people against `canRead`.
 */

type Level = 'own' | 'parent' | 'child' | 'sibling';
type Kind = 'office' | 'committee' | 'inspector' | 'agency';
interface Caller {
  level: Level;
  kind: Kind;
  username: string;
}
const LEVELS: readonly Level[] = ['own', 'parent', 'child', 'sibling'];
const KINDS: readonly Kind[] = ['office', 'committee', 'inspector', 'agency'];
const ROLE: Record<Kind, Role> = {
  office: 'office',
  committee: 'standing_committee',
  inspector: 'inspector',
  agency: 'agency',
};
const PROVINCE_ACCOUNTS: Record<Kind, string> = {
  office: 'vanphong',
  committee: 'thuongvu',
  inspector: 'kiemtra',
  agency: 'ban-tuyen-giao',
};

const PUBLIC = /^\/api\/(health(\/live|\/ready)?|docs(\/.*)?|auth\/login)$/;
/** What only reads, though sent as POST (a selection too long for a query string). */
const READING_POSTS = new Set(['POST /api/reports/urging-letters.zip', 'POST /api/tasks/export.xlsx']);
/** Writes on the caller's own things, not the district's: a stream ticket, their inbox, their own registrations. */
const OWN_WRITES = new Set([
  'POST /api/events/tickets',
  'POST /api/notifications/read-all',
  'POST /api/directives',
  'POST /api/directives/import',
  'POST /api/directives/import/confirm',
  'POST /api/reports/snapshots',
  'POST /api/reporting-periods',
]);
/** The committee above follows and urges: it may comment on a task below it. */
const FOLLOWING = new Set(['POST /api/tasks/{taskId}/comments']);

describe('access across committees: every documented route × the people of four committees', () => {
  let t: TestApp;
  let routes: Route[];
  const org: Record<'district' | 'sibling' | 'ward', string> = { district: '', sibling: '', ward: '' };
  const agency: Record<'district' | 'coordinator' | 'sibling' | 'ward', string> = {
    district: '',
    coordinator: '',
    sibling: '',
    ward: '',
  };
  const ids: Record<string, string> = {};
  let task: { id: string; code: string; version: number };
  let directive: { id: string; number: string };
  let ctx: BodyContext;
  const callers: Caller[] = [];

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await t.db.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' }, { ownDatabase: true });
    routes = await readRoutes(t);
    org.district = await addCommittee(t.db, {
      code: 'thanh-uy-rach-gia',
      name: 'Thành ủy Rạch Giá',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      standsFor: 'thanh-uy-rach-gia',
    });
    org.sibling = await addCommittee(t.db, {
      code: 'thanh-uy-phu-quoc',
      name: 'Thành ủy Phú Quốc',
      kind: 'district',
      parentId: ROOT_ORGANISATION_ID,
      standsFor: 'thanh-uy-phu-quoc',
    });
    // The ward stands for no agency of the district's: the district's task does not name it.
    org.ward = await addCommittee(t.db, {
      code: 'dang-uy-phuong-vinh-thanh-van',
      name: 'Đảng ủy phường Vĩnh Thanh Vân',
      kind: 'grassroots',
      parentId: org.district,
    });
    agency.district = await addAgency(
      t.db,
      'ban-tuyen-giao-thanh-uy-rach-gia',
      'Ban Tuyên giáo Thành ủy Rạch Giá',
      org.district,
    );
    agency.coordinator = await addAgency(
      t.db,
      'ban-dan-van-thanh-uy-rach-gia',
      'Ban Dân vận Thành ủy Rạch Giá',
      org.district,
    );
    agency.sibling = await addAgency(
      t.db,
      'ban-tuyen-giao-thanh-uy-phu-quoc',
      'Ban Tuyên giáo Thành ủy Phú Quốc',
      org.sibling,
    );
    agency.ward = await addAgency(
      t.db,
      'van-phong-dang-uy-vinh-thanh-van',
      'Văn phòng Đảng ủy phường Vĩnh Thanh Vân',
      org.ward,
    );
    const people = async (level: Level, prefix: string, organisation: string, agencyId: string) => {
      for (const kind of KINDS) {
        const username = await addAccount(t.db, `${prefix}-${kind}`, ROLE[kind], organisation, {
          agencyId: kind === 'agency' ? agencyId : null,
        });
        callers.push({ level, kind, username });
      }
    };
    await people('own', 'rg', org.district, agency.district);
    await people('child', 'vtv', org.ward, agency.ward);
    await people('sibling', 'pq', org.sibling, agency.sibling);
    for (const kind of KINDS) callers.push({ level: 'parent', kind, username: PROVINCE_ACCOUNTS[kind] });
    await addAccount(t.db, 'rg-coordinator', 'agency', org.district, { agencyId: agency.coordinator });

    // The district's directive and task, made through the API by its own people.
    const office = await t.as('rg-office');
    const lead = await t.as('rg-agency');
    directive = (
      await t.http
        .post('/api/directives')
        .set(office)
        .send({ number: '15-CTr/TU', kind: 'action_program', title: 'Chương trình hành động của Thành ủy Rạch Giá' })
        .expect(201)
    ).body;
    const created = await t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: directive.id,
        title: 'Tổ chức hội nghị quán triệt tại thành phố',
        deliverableType: 'ke_hoach',
        field: 'party_building',
        leadAgencyId: agency.district,
        coordinatingAgencyIds: [agency.coordinator],
        dueDate: '2031-06-30',
      })
      .expect(201);
    const move = async (who: Record<string, string>, body: Record<string, unknown>) =>
      (await t.http.post(`/api/tasks/${created.body.id}/transitions`).set(who).send(body).expect(200)).body as {
        version: number;
      };
    const v = await move(office, { event: 'ASSIGN', expectedVersion: created.body.version });
    await move(lead, { event: 'START', expectedVersion: v.version });
    const up = await t.http
      .post(`/api/tasks/${created.body.id}/submissions`)
      .set(lead)
      .field('note', 'Dự thảo kế hoạch')
      .attach('files', PDF, 'ke-hoach.pdf')
      .expect(201);
    ids.fileId = up.body.files[0].id;
    ids.extensionId = (
      await t.http
        .post(`/api/tasks/${created.body.id}/extension-requests`)
        .set(lead)
        .send({ requestedDueDate: '2031-09-30', reason: 'Chờ ý kiến các phường.' })
        .expect(201)
    ).body.id;
    ids.contributionId = (
      await t.http
        .put(`/api/tasks/${created.body.id}/contributions/${agency.coordinator}`)
        .set(lead)
        .send({ request: 'Số liệu phối hợp' })
        .expect(200)
    ).body.id;
    ids.contributionFileId = (
      await t.http
        .post(`/api/contributions/${ids.contributionId}/versions`)
        .set(await t.as('rg-coordinator'))
        .field('note', 'Số liệu')
        .attach('files', PDF, 'so-lieu.pdf')
        .expect(201)
    ).body.versions[0].files[0].id;
    const progress = await t.http
      .post(`/api/tasks/${created.body.id}/progress`)
      .set(lead)
      .field('percent', '30')
      .field('narrative', 'Đã xong dự thảo')
      .attach('files', PDF, 'tien-do.pdf')
      .expect(201);
    ids.progressId = progress.body.id;
    ids.progressFileId = progress.body.files[0].id;
    ids.milestoneId = (
      await one<{ id: string }>(
        `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, 'Quý I', '2031-03-31') RETURNING id`,
        [created.body.id],
      )
    ).id;
    ids.periodId = (
      await t.http
        .post('/api/reporting-periods')
        .set(office)
        .send({
          kind: 'custom',
          label: 'Kỳ của Thành ủy',
          startsOn: '2031-01-01',
          endsOn: '2031-01-31',
          dueDate: '2031-02-05',
        })
        .expect(201)
    ).body.id;
    ids.seriesId = (
      await one<{ id: string }>(
        `INSERT INTO task_series (directive_id, code, template, frequency, due_day, starts_on)
         VALUES ($1, 'RG-SERIES', $2::jsonb, 'year', 31, '2090-01-01') RETURNING id`,
        [
          directive.id,
          JSON.stringify({
            title: 'Báo cáo năm của Thành ủy',
            description: '',
            deliverableType: 'bao_cao',
            field: 'economy',
            leadAgencyId: agency.district,
            coordinatingAgencyIds: [],
          }),
        ],
      )
    ).id;
    ids.snapshotId = (
      await t.http
        .post('/api/reports/snapshots')
        .set(office)
        .send({ title: 'Báo cáo của Thành ủy', asOf: '2026-11-30' })
        .expect(201)
    ).body.id;
    ids.notificationId = (
      await one<{ id: string }>(
        `INSERT INTO notifications (user_id, task_id, kind, title, dedupe_key)
         SELECT id, $1, 'remind_before', 'Nhắc hạn', 'org-matrix' FROM users WHERE username = 'rg-agency' RETURNING id`,
        [created.body.id],
      )
    ).id;
    ids.incidentId = (
      await one<{ id: string }>(
        `WITH a AS (
           INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, status, attempts, last_error)
           VALUES ($1, 'overdue', 'PT0S', 1, 1, '{lead_agency,office}', 'org-matrix-incident', now(), 'failed', 5, 'simulated')
           RETURNING id, task_id)
         INSERT INTO incidents (action_id, task_id, message) SELECT id, task_id, 'simulated' FROM a RETURNING id::text AS id`,
        [created.body.id],
      )
    ).id;
    const row = await one<{ version: number; code: string }>(`SELECT version, code FROM tasks WHERE id = $1`, [
      created.body.id,
    ]);
    task = { id: created.body.id, ...row };
    ctx = { agencyId: agency.coordinator, directiveId: directive.id, expectedVersion: task.version };
  }, 120_000);
  afterAll(() => t?.close());

  const targets = (): Targets => ({
    task,
    fileId: ids.fileId,
    coordinatorAgencyId: agency.coordinator,
    milestoneId: ids.milestoneId,
    contributionId: ids.contributionId,
    contributionFileId: ids.contributionFileId,
    progressId: ids.progressId,
    progressFileId: ids.progressFileId,
    periodId: ids.periodId,
    seriesId: ids.seriesId,
    ownerAgencyId: agency.district,
    extensionId: ids.extensionId,
    notificationId: ids.notificationId,
    incidentId: ids.incidentId,
    snapshotId: ids.snapshotId,
    directiveId: directive.id,
  });

  it('gives a sibling and a committee below nothing of the district’s, and the committee above no act on it', async () => {
    const allows: string[] = [];
    const leaks: string[] = [];
    let writes = 0;
    let reads = 0;
    for (const route of routes) {
      const name = routeName(route);
      if (PUBLIC.test(route.path) || route.path.startsWith('/api/auth/') || route.path.startsWith('/api/admin/'))
        continue;
      const write = route.method !== 'get' && !READING_POSTS.has(name);
      for (const caller of callers) {
        if (caller.level === 'own') continue;
        // The committee above reads everything below it: only its writes are checked.
        if (caller.level === 'parent' && !write) continue;
        if (write && caller.level === 'parent' && FOLLOWING.has(name) && caller.kind !== 'agency') continue;
        const auth = await t.as(caller.username);
        const body = bodyFor(name, task) ?? example(route.body, ctx);
        const query = route.path === '/api/reports/urging-letter.docx' ? { agencyId: agency.district } : {};
        const res = await send(t, route, urlOf(route, targets()), auth, body, query);
        expectClean(res);
        const where = `${name} as ${caller.level} ${caller.kind} (${caller.username}): ${res.status} ${res.body?.code ?? ''}`;
        if (write && !OWN_WRITES.has(name)) {
          writes++;
          if (res.status < 300) allows.push(where);
          continue;
        }
        reads++;
        const text = Buffer.isBuffer(res.body) ? res.body.toString('latin1') : (res.text ?? JSON.stringify(res.body));
        if (res.status < 300 && (text.includes(task.id) || text.includes(task.code)))
          leaks.push(`${where}: holds ${task.code}`);
      }
    }
    process.stderr.write(
      `security organisation-access: ${JSON.stringify({ routes: routes.length, callers: callers.length, writesChecked: writes, readsChecked: reads, unexpectedAllows: allows.length, leaks: leaks.length })}\n`,
    );
    expect(allows).toEqual([]);
    expect(leaks).toEqual([]);
    const after = await one(`SELECT version, state FROM tasks WHERE id = $1`, [task.id]);
    expect(after).toEqual({ version: task.version, state: 'in_progress' });
  }, 600_000);

  it('lets the committee above read the district’s task, its list and its directive', async () => {
    for (const kind of ['office', 'committee', 'inspector'] as const) {
      const auth = await t.as(PROVINCE_ACCOUNTS[kind]);
      await t.http.get(`/api/tasks/${task.id}`).set(auth).expect(200);
      const list = await t.http.get('/api/tasks').query({ q: task.code }).set(auth).expect(200);
      expect(JSON.stringify(list.body)).toContain(task.id);
      await t.http.get(`/api/directives/${directive.id}`).set(auth).expect(200);
    }
    // It follows and urges: a comment goes through; an act does not.
    await t.http
      .post(`/api/tasks/${task.id}/comments`)
      .set(await t.as('vanphong'))
      .send({ body: 'Đề nghị Thành ủy đẩy nhanh tiến độ.' })
      .expect(201);
  });

  it('keeps the district’s own rights: its Office, its Standing Committee and its agency act on its task', async () => {
    const own = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('rg-office'))
      .expect(200);
    expect(own.body.allowedEvents).toEqual(expect.arrayContaining(['CANCEL']));
    const lead = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('rg-agency'))
      .expect(200);
    expect(lead.body.allowedEvents).toEqual(expect.arrayContaining(['SUBMIT']));
    const above = await t.http
      .get(`/api/tasks/${task.id}`)
      .set(await t.as('vanphong'))
      .expect(200);
    expect(above.body.allowedEvents).toEqual([]);
    // The agencies a committee picks from: its own line, never a sibling's.
    const agencies = await t.http
      .get('/api/agencies')
      .set(await t.as('rg-office'))
      .expect(200);
    const codes = (agencies.body as { code: string }[]).map((a) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'ban-tuyen-giao-thanh-uy-rach-gia',
        'van-phong-dang-uy-vinh-thanh-van',
        'ban-tuyen-giao',
      ]),
    );
    expect(codes).not.toContain('ban-tuyen-giao-thanh-uy-phu-quoc');
  });

  it('holds the same line in PostgreSQL: row-level security under each committee’s setting', async () => {
    const committees = await t.db.query<{ code: string; path: string; agency_id: string | null }>(
      `SELECT code, path::text AS path, agency_id FROM organisations ORDER BY path`,
    );
    /** What the committee's session sees of the district's task and directive, and what an update of the task touches. */
    const underPolicy = async (path: string | null, agencyId: string | null) => {
      const c = await t.db.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SET LOCAL ROLE ${SCOPED_ROLE}`);
        if (path !== null) await c.query(`SELECT set_config('dondoc.org_path', $1, true)`, [path]);
        if (agencyId !== null) await c.query(`SELECT set_config('dondoc.org_agency', $1, true)`, [agencyId]);
        const seen = await c.query(`SELECT id FROM tasks WHERE id = $1`, [task.id]);
        const directives = await c.query(`SELECT id FROM directives WHERE id = $1`, [directive.id]);
        const all = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks`);
        const touched = await c.query(`UPDATE tasks SET title = title WHERE id = $1`, [task.id]);
        return {
          task: seen.rows.length === 1,
          directive: directives.rows.length === 1,
          any: all.rows[0].n > 0,
          updates: touched.rowCount === 1,
        };
      } finally {
        await c.query('ROLLBACK');
        c.release();
      }
    };
    const expected: Record<string, { task: boolean; directive: boolean }> = {
      'tinh-uy': { task: true, directive: true },
      'thanh-uy-rach-gia': { task: true, directive: true },
      // Below the district: the district's directive is above it (its line), its task is not given to it.
      'dang-uy-phuong-vinh-thanh-van': { task: false, directive: true },
      'thanh-uy-phu-quoc': { task: false, directive: false },
    };
    for (const c of committees.rows) {
      const got = await underPolicy(c.path, c.agency_id);
      expect({ code: c.code, task: got.task, directive: got.directive, updates: got.updates }).toEqual({
        code: c.code,
        ...expected[c.code],
        updates: expected[c.code].task,
      });
    }
    // No setting, no rows: deny by default.
    expect(await underPolicy(null, null)).toEqual({ task: false, directive: false, any: false, updates: false });
    // The province sees its own demo work; a sibling district sees none of it.
    expect((await underPolicy('tinh_uy', null)).any).toBe(true);
  });

  it('agrees in SQL: taskScope for each committee’s people admits what canRead admits', async () => {
    const paths = await t.db.query<{ id: string; path: string; agency_id: string | null }>(
      `SELECT id, path::text AS path, agency_id FROM organisations`,
    );
    const byId = new Map(paths.rows.map((r) => [r.id, r]));
    const facts = await one<{
      organisation_id: string;
      state: 'in_progress';
      lead_agency_id: string;
      coordinating_agency_ids: string[];
    }>(`SELECT organisation_id, state, lead_agency_id, coordinating_agency_ids FROM tasks WHERE id = $1`, [task.id]);
    const checked: string[] = [];
    for (const caller of callers) {
      const u = await one<{ id: string; role: Role; agency_id: string | null; organisation_id: string }>(
        `SELECT id, role, agency_id, organisation_id FROM users WHERE username = $1`,
        [caller.username],
      );
      const o = byId.get(u.organisation_id)!;
      const actor: Actor = {
        userId: u.id,
        role: u.role,
        agencyId: u.agency_id,
        organisationId: u.organisation_id,
        organisationPath: o.path,
        organisationAgencyId: o.agency_id,
      };
      const scope = taskScope(actor, 2);
      const sees =
        (await t.db.query(`SELECT 1 FROM tasks t WHERE t.id = $1 AND ${scope.sql}`, [task.id, ...scope.params])).rows
          .length === 1;
      const rule = canRead(
        {
          state: facts.state,
          leadAgencyId: facts.lead_agency_id,
          coordinatingAgencyIds: facts.coordinating_agency_ids,
          classification: 'normal',
          organisationPath: byId.get(facts.organisation_id)!.path,
        },
        actor,
      );
      expect({ caller: caller.username, sees }).toEqual({ caller: caller.username, sees: rule });
      const expected =
        caller.level === 'own'
          ? caller.kind !== 'agency' || caller.username === 'rg-agency'
          : caller.level === 'parent' && caller.kind !== 'agency';
      expect({ caller: caller.username, sees }).toEqual({ caller: caller.username, sees: expected });
      checked.push(caller.username);
    }
    expect(checked).toHaveLength(LEVELS.length * KINDS.length);
  });
});
