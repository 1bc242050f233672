import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { agencyId, makeTask } from '../e2e/support/fixtures.js';
import { expectClean } from '../e2e/support/files.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { example, PDF, readRoutes, routeName, send, type BodyContext, type Route } from './support/openapi.js';

/**
 * The generated access matrix for classified tasks (issue 17): every documented route × every kind of caller ×
 * each level (mật, tối mật, tuyệt mật) × on or off the task's access list. Role alone clears nobody:
 *
 * - a caller off the list never gets a 2xx on a route that names the task or one of its parts (its files, comments,
 *   extension request, contribution, progress report, milestones), whatever their role;
 * - no answer any caller off the list gets — lists, searches, the directive's page, reports, exports (unzipped),
 *   the inbox, the live stream's first event — carries the task's title, code or id;
 * - nothing is written for them: the task is as it was, and no notification names its title to anyone.
 *
 * Two lists per level: a narrow one (the Office clerk who set it and the lead agency), where the Standing Committee,
 * the inspector and the coordinating agency are off the list, and a wide one naming them too, where a second Office
 * clerk and another agency stay off. Its own database: the classified tasks vanish from the views of other suites.
 */

type Caller = 'office' | 'clerk' | 'committee' | 'inspector' | 'admin' | 'lead' | 'coordinator' | 'other';
const ACCOUNT: Record<Caller, string> = {
  office: 'vanphong',
  clerk: '', // made in beforeAll
  committee: 'thuongvu',
  inspector: 'kiemtra',
  admin: 'admin',
  lead: 'ban-noi-chinh',
  coordinator: 'ban-to-chuc',
  other: 'ban-tuyen-giao',
};
const CALLERS = Object.keys(ACCOUNT) as Caller[];
const LISTS: Record<'narrow' | 'wide', Caller[]> = {
  narrow: ['office', 'lead'],
  wide: ['office', 'lead', 'committee', 'inspector', 'coordinator'],
};
const LEVELS = ['confidential', 'secret', 'top_secret'] as const;

/** Routes that name the task or one of its parts. */
const TASK_SCOPED = /^\/api\/(tasks\/\{|extension-requests\/|milestones\/|contributions\/\{|progress-reports\/)/;

interface Target {
  level: (typeof LEVELS)[number];
  list: keyof typeof LISTS;
  id: string;
  code: string;
  marker: string;
  version: number;
  ids: Record<string, string>;
}

async function textOf(res: { body: unknown; text?: string }): Promise<string> {
  if (Buffer.isBuffer(res.body)) {
    const raw = res.body;
    if (raw.subarray(0, 2).toString('latin1') !== 'PK') return raw.toString('utf8');
    // An export: every part of the archive, unzipped (xlsx and docx are zips of XML).
    const zip = await JSZip.loadAsync(raw);
    const parts = await Promise.all(
      Object.values(zip.files).map((f) => (f.dir ? Promise.resolve('') : f.async('string'))),
    );
    return parts.join('\n');
  }
  return res.text ?? JSON.stringify(res.body);
}

describe('generated access matrix × classification: every route × caller × level × on/off the access list', () => {
  let t: TestApp;
  let routes: Route[];
  const users: Partial<Record<Caller, string>> = {};
  const targets: Target[] = [];
  let ctx: BodyContext;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '100000' }, { ownDatabase: true });
    routes = await readRoutes(t);
    ACCOUNT.clerk = `vp-cls-${Date.now().toString(36)}`;
    await t.db.query(
      `INSERT INTO users (username, full_name, role, password_hash)
       SELECT $1, 'Chuyên viên Văn phòng (không có tên trong danh sách)', 'office', password_hash FROM users WHERE username = 'vanphong'`,
      [ACCOUNT.clerk],
    );
    for (const c of CALLERS) {
      users[c] = (
        await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [ACCOUNT[c]])
      ).rows[0].id;
    }
    const owner = await t.as(ACCOUNT.lead);
    for (const level of LEVELS) {
      for (const list of ['narrow', 'wide'] as const) {
        // The task's parts are made while it is unclassified (tuyệt mật would refuse them), then it is classified.
        const made = await makeTask(t.db, {
          state: 'in_progress',
          lead: ACCOUNT.lead,
          coordinating: [ACCOUNT.coordinator],
        });
        const ids: Record<string, string> = {};
        const up = await t.http
          .post(`/api/tasks/${made.id}/submissions`)
          .set(owner)
          .field('note', 'Tệp')
          .attach('files', PDF, 'bao-cao.pdf')
          .expect(201);
        ids.fileId = up.body.files[0].id;
        ids.extensionId = (
          await t.http
            .post(`/api/tasks/${made.id}/extension-requests`)
            .set(owner)
            .send({ requestedDueDate: '2031-06-30', reason: 'Cần thêm thời gian.' })
            .expect(201)
        ).body.id;
        ids.contributionId = (
          await t.http
            .put(`/api/tasks/${made.id}/contributions/${await agencyId(t.db, ACCOUNT.coordinator)}`)
            .set(owner)
            .send({ request: 'Số liệu phối hợp' })
            .expect(200)
        ).body.id;
        ids.contributionFileId = (
          await t.http
            .post(`/api/contributions/${ids.contributionId}/versions`)
            .set(await t.as(ACCOUNT.coordinator))
            .field('note', 'Số liệu')
            .attach('files', PDF, 'so-lieu.pdf')
            .expect(201)
        ).body.versions[0].files[0].id;
        const progress = await t.http
          .post(`/api/tasks/${made.id}/progress`)
          .set(owner)
          .field('percent', '20')
          .field('narrative', 'Tiến độ')
          .attach('files', PDF, 'tien-do.pdf')
          .expect(201);
        ids.progressId = progress.body.id;
        ids.progressFileId = progress.body.files[0].id;
        ids.milestoneId = (
          await t.db.query<{ id: string }>(
            `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, 'Quý I', '2030-03-31') RETURNING id`,
            [made.id],
          )
        ).rows[0].id;
        const marker = `MAT-${level}-${list}-${randomUUID().slice(0, 8)}`;
        await t.db.query(`INSERT INTO comments (task_id, author_id, author_role, body) VALUES ($1, $2, 'office', $3)`, [
          made.id,
          users.office,
          `Ý kiến ${marker}`,
        ]);
        await t.db.query(
          `UPDATE tasks SET classification = $2, title = $3, description = $3, search_text = lower($3) WHERE id = $1`,
          [made.id, level, marker],
        );
        await t.db.query(`INSERT INTO classified_access (task_id, user_id) SELECT $1, unnest($2::uuid[])`, [
          made.id,
          LISTS[list].map((c) => users[c]),
        ]);
        const row = (
          await t.db.query<{ version: number; code: string }>(`SELECT version, code FROM tasks WHERE id = $1`, [
            made.id,
          ])
        ).rows[0];
        targets.push({ level, list, id: made.id, code: row.code, marker, version: row.version, ids });
      }
    }
    ctx = {
      agencyId: await agencyId(t.db, ACCOUNT.coordinator),
      directiveId: (
        await t.db.query<{ id: string }>(`SELECT directive_id AS id FROM tasks WHERE id = $1`, [targets[0].id])
      ).rows[0].id,
      expectedVersion: targets[0].version,
    };
  }, 300_000);
  afterAll(() => t?.close());

  const urlOf = (route: Route, target: Target) =>
    route.path.replace(/\{([^}]+)\}/g, (_, param: string) => {
      const p = route.path;
      const x = target.ids;
      if (p.startsWith('/api/tasks/')) {
        if (param === 'agencyId') return ctx.agencyId;
        return param === 'fileId' ? x.fileId : target.id;
      }
      if (p.startsWith('/api/milestones/')) return x.milestoneId;
      if (p.startsWith('/api/contributions/')) return param === 'fileId' ? x.contributionFileId : x.contributionId;
      if (p.startsWith('/api/progress-reports/')) return param === 'fileId' ? x.progressFileId : x.progressId;
      if (p.startsWith('/api/extension-requests/')) return x.extensionId;
      if (p.startsWith('/api/directives/')) return ctx.directiveId;
      // Objects that are not the task's (accounts, agencies, snapshots...): an id nobody owns.
      return randomUUID();
    });

  it('denies every caller off the list on every route, and no answer of theirs carries the task', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const allows: string[] = [];
    const leaks: string[] = [];
    const unseen: string[] = [];
    let calls = 0;
    for (const target of targets) {
      const cleared = new Set(LISTS[target.list]);
      // The cleared still see it (role rules apart): the list is what decides, both ways.
      for (const c of cleared) {
        if (c === 'admin') continue;
        const res = await t.http.get(`/api/tasks/${target.id}`).set(await t.as(ACCOUNT[c]));
        if (res.status !== 200) unseen.push(`${target.level}/${target.list}: ${c} on the list gets ${res.status}`);
      }
      for (const caller of CALLERS.filter((c) => !cleared.has(c))) {
        const auth = await t.as(ACCOUNT[caller]);
        for (const route of routes) {
          const name = routeName(route);
          const scoped = TASK_SCOPED.test(route.path);
          if (!scoped && route.method !== 'get' && name !== 'POST /api/tasks/export.xlsx') continue;
          if (/\/api\/(health|docs|auth)/.test(route.path)) continue;
          const body = name === 'POST /api/tasks/export.xlsx' ? { taskIds: [target.id] } : example(route.body, ctx);
          const res = await send(t, route, urlOf(route, target), auth, body, { q: target.code, limit: 500 });
          calls++;
          expectClean(res);
          const where = `${name} as ${caller} (${target.level}, ${target.list} list): ${res.status}`;
          if (scoped && res.status < 300) allows.push(where);
          if (res.status < 300) {
            const text = await textOf(res);
            for (const secret of [target.marker, target.code, target.id]) {
              if (text.includes(secret)) leaks.push(`${where} carries ${secret === target.id ? 'its id' : secret}`);
            }
          }
        }
      }
    }
    // Nothing changed, and no notification carries a classified title (the writer names the code only).
    const after = await t.db.query<{ id: string; version: number; state: string }>(
      `SELECT id, version, state FROM tasks WHERE id = ANY($1::uuid[])`,
      [targets.map((x) => x.id)],
    );
    const changed = after.rows.filter((r) => r.version !== targets.find((x) => x.id === r.id)?.version);
    const titled = await t.db.query(
      `SELECT n.id FROM notifications n WHERE ${targets.map((_, i) => `n.title LIKE '%' || $${i + 1} || '%' OR n.body LIKE '%' || $${i + 1} || '%'`).join(' OR ')}`,
      targets.map((x) => x.marker),
    );
    const metrics = await t.http.get('/metrics');
    const metricLeaks = targets.filter((x) => metrics.text?.includes(x.marker) || metrics.text?.includes(x.code));
    process.stderr.write(
      `security classified-access: ${JSON.stringify({
        routes: routes.length,
        levels: LEVELS.length,
        lists: Object.keys(LISTS).length,
        tasks: targets.length,
        callsOffTheList: calls,
        unexpectedAllows: allows.length,
        leaks: leaks.length,
      })}\n`,
    );
    expect(unseen).toEqual([]);
    expect(allows).toEqual([]);
    expect(leaks).toEqual([]);
    expect(changed).toEqual([]);
    expect(titled.rows).toEqual([]);
    expect(metricLeaks.map((x) => x.code)).toEqual([]);
  }, 900_000);
});
