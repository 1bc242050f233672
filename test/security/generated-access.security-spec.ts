import { randomUUID } from 'node:crypto';
import { agencyId, directiveId, makeTask } from '../e2e/support/fixtures.js';
import { expectClean } from '../e2e/support/files.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { example, PDF, readRoutes, routeName, send, type BodyContext, type Route } from './support/openapi.js';

/**
 * The access matrix generated from the route table (GET /api/docs/openapi.json), so that a new endpoint
 * cannot escape it: every documented route × every kind of caller, each time on objects of *another*
 * agency (a task led by ban-noi-chinh, its file and extension request, ban-noi-chinh's notification, an
 * incident, a snapshot...), with a syntactically valid request. Where the rules say deny, no 2xx:
 *
 * - anonymous → 401 everywhere except the public routes (health, docs, login; /metrics is outside /api);
 * - an agency on another agency's task (or its file, comments, extension request) → 404;
 * - agencies read no reports or incidents, create no tasks or directives, edit nothing, decide nothing;
 * - the inspector never writes; the administrator only administers (/admin), nothing else;
 * - only the administrator reaches /admin; nobody marks someone else's notification.
 *
 * And every answer an agency gets (lists, a directive's page, exports, its inbox) is free of the other
 * agency's task. The hand-written matrix (test/e2e/access-matrix.e2e-spec.ts) gives exact answers for
 * each scenario; this one makes sure no route is missing from the rules.
 */

type Caller = 'anon' | 'office' | 'committee' | 'inspector' | 'admin' | 'otherAgency' | 'ownAgency';
const CALLERS: readonly Caller[] = ['anon', 'office', 'committee', 'inspector', 'admin', 'otherAgency', 'ownAgency'];
const ACCOUNT: Record<Exclude<Caller, 'anon'>, string> = {
  office: 'vanphong',
  committee: 'thuongvu',
  inspector: 'kiemtra',
  admin: 'admin',
  otherAgency: 'ban-tuyen-giao',
  // Leads the target task: its own object, but still never an administrator, a decider or a reporter.
  ownAgency: 'ban-noi-chinh',
};
const OWNER = 'ban-noi-chinh';

interface Deny {
  /** The exact status the rule implies, when it implies one. */
  status?: number;
  why: string;
}

const PUBLIC = /^\/api\/(health(\/live|\/ready)?|docs(\/.*)?|auth\/login)$/;
const CREATES = new Set(['POST /api/tasks', 'POST /api/directives']);
const TASK_SCOPED = /^\/api\/(tasks\/\{|extension-requests\/)/;
/** POSTs that only read (a selection too long for a query string): the inspector may send them. */
const READING_POSTS = new Set(['POST /api/reports/urging-letters.zip', 'POST /api/tasks/export.xlsx']);
/** Sent with the target task's id in the body (a selection), so an agency's answer is about another agency's task. */
const SELECTION_EXPORT = 'POST /api/tasks/export.xlsx';

function deny(route: Route, caller: Caller): Deny | null {
  const name = routeName(route);
  const p = route.path;
  const write = route.method !== 'get' && !READING_POSTS.has(name);
  if (caller === 'anon') return PUBLIC.test(p) ? null : { status: 401, why: 'no token' };
  if (PUBLIC.test(p) || p.startsWith('/api/auth/')) return null;
  if (caller === 'admin') {
    if (p.startsWith('/api/admin/')) return null;
    if (['GET /api/agencies', 'GET /api/notifications', 'GET /api/events', 'POST /api/events/tickets'].includes(name)) {
      return null;
    }
    if (p === '/api/notifications/{id}/read') return { status: 404, why: "someone else's notification" };
    return { why: 'the administrator manages accounts and agencies only' };
  }
  if (p.startsWith('/api/admin/')) return { status: 403, why: 'only the administrator' };
  if (p === '/api/notifications/{id}/read' && caller !== 'ownAgency') {
    return { status: 404, why: "someone else's notification" };
  }
  // A stream ticket changes nothing: every signed-in caller may ask for one.
  if (name === 'POST /api/events/tickets') return null;
  if (caller === 'inspector') return write ? { why: 'the inspector never writes' } : null;
  if (caller === 'otherAgency' || caller === 'ownAgency') {
    if (caller === 'otherAgency' && TASK_SCOPED.test(p)) return { status: 404, why: "another agency's task" };
    if (caller === 'otherAgency' && name === SELECTION_EXPORT) return { status: 404, why: "another agency's task" };
    if (p.startsWith('/api/reports/') || p.startsWith('/api/incidents')) {
      return { status: 403, why: 'agencies read no reports or incidents' };
    }
    if (CREATES.has(name)) return { status: 403, why: 'only the Office creates tasks and directives' };
    if (name === 'PATCH /api/tasks/{id}') return { status: 403, why: 'only the Office edits tasks' };
    // The generated body sends the first event of the enum, ASSIGN: the Office's alone.
    if (p === '/api/tasks/{id}/transitions') return { status: 403, why: 'ASSIGN is the Office’s' };
    if (p === '/api/extension-requests/{id}/decision') return { status: 403, why: 'the Standing Committee decides' };
    // Deny by default: an agency writes only on tasks (transitions, files, comments, extensions) and its inbox.
    if (write && !TASK_SCOPED.test(p) && !p.startsWith('/api/notifications/')) {
      return { status: 403, why: 'agencies write only on their tasks' };
    }
    return null;
  }
  if (caller === 'committee') {
    if (CREATES.has(name) || name === 'PATCH /api/tasks/{id}') return { status: 403, why: 'only the Office' };
    if (p === '/api/tasks/{id}/transitions') return { status: 403, why: 'ASSIGN is the Office’s' };
    if (p === '/api/incidents/{id}/resolve') return { status: 403, why: 'the Office closes incidents' };
    if (name === 'POST /api/tasks/bulk') return { status: 403, why: 'only the Office acts on many tasks at once' };
    return null;
  }
  if (caller === 'office') {
    if (p === '/api/extension-requests/{id}/decision') return { status: 403, why: 'the Standing Committee decides' };
    return null;
  }
  return null;
}

describe('generated access matrix: every documented route × every caller, on another agency’s objects', () => {
  let t: TestApp;
  let routes: Route[];
  const ids: Record<string, string> = {};
  let task: { id: string; version: number; code: string };
  let ctx: BodyContext;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    routes = await readRoutes(t);
    const made = await makeTask(t.db, { state: 'in_progress', lead: OWNER, coordinating: ['ban-to-chuc'] });
    const owner = await t.as(OWNER);
    const up = await t.http
      .post(`/api/tasks/${made.id}/submissions`)
      .set(owner)
      .field('note', 'Tệp của cơ quan khác')
      .attach('files', PDF, 'bao-cao-mat.pdf')
      .expect(201);
    const ext = await t.http
      .post(`/api/tasks/${made.id}/extension-requests`)
      .set(owner)
      .send({ requestedDueDate: '2031-06-30', reason: 'Cần thêm thời gian.' })
      .expect(201);
    const row = await t.db.query<{ version: number; code: string }>(`SELECT version, code FROM tasks WHERE id = $1`, [
      made.id,
    ]);
    task = { id: made.id, ...row.rows[0] };
    ids.fileId = up.body.files[0].id;
    ids.extensionId = ext.body.id;
    ids.directiveId = await directiveId(t.db);
    ids.notificationId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO notifications (user_id, task_id, kind, title, dedupe_key)
         SELECT id, $2, 'remind_before', 'Nhắc hạn', $3 FROM users WHERE username = $1 RETURNING id`,
        [OWNER, task.id, `gen-matrix-${randomUUID()}`],
      )
    ).rows[0].id;
    ids.incidentId = (
      await t.db.query<{ id: string }>(
        `WITH a AS (
           INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, status, attempts, last_error)
           VALUES ($1, 'overdue', 'PT0S', 1, 1, '{lead_agency,office}', $2, now(), 'failed', 5, 'simulated')
           RETURNING id, task_id)
         INSERT INTO incidents (action_id, task_id, message) SELECT id, task_id, 'simulated' FROM a RETURNING id`,
        [task.id, `gen-matrix-${randomUUID()}`],
      )
    ).rows[0].id;
    // Frozen through the API: the stored figures are what the API writes (every answer is checked).
    ids.snapshotId = (
      await t.http
        .post('/api/reports/snapshots')
        .set(await t.as('vanphong'))
        .send({ title: 'Báo cáo thử', asOf: '2021-06-30' })
        .expect(201)
    ).body.id as string;
    ids.userId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO users (username, full_name, role, password_hash) VALUES ($1, 'Tài khoản thử', 'inspector', 'x') RETURNING id`,
        [`gen-matrix-u-${Date.now().toString(36)}`],
      )
    ).rows[0].id;
    ids.agencyId = (
      await t.db.query<{ id: string }>(`INSERT INTO agencies (code, name) VALUES ($1, 'Cơ quan thử') RETURNING id`, [
        `gen-matrix-a-${Date.now().toString(36)}`,
      ])
    ).rows[0].id;
    ctx = {
      agencyId: await agencyId(t.db, 'ban-to-chuc'),
      directiveId: ids.directiveId,
      expectedVersion: task.version,
    };
  });
  afterAll(async () => {
    if (!t) return;
    await t.db.query(
      `DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username LIKE 'gen-matrix-u-%')`,
    );
    await t.db.query(`DELETE FROM users WHERE username LIKE 'gen-matrix-u-%'`);
    await t.db.query(`DELETE FROM agencies WHERE code LIKE 'gen-matrix-a-%'`);
    await t.close();
  });

  /** The object of another agency a path parameter names. */
  const target = (route: Route, param: string): string => {
    const p = route.path;
    if (p.startsWith('/api/tasks/')) return param === 'fileId' ? ids.fileId : task.id;
    if (p.startsWith('/api/extension-requests/')) return ids.extensionId;
    if (p.startsWith('/api/notifications/')) return ids.notificationId;
    if (p.startsWith('/api/incidents/')) return ids.incidentId;
    if (p.startsWith('/api/reports/snapshots/')) return ids.snapshotId;
    if (p.startsWith('/api/directives/')) return ids.directiveId;
    if (p.startsWith('/api/admin/users/')) return ids.userId;
    if (p.startsWith('/api/admin/agencies/')) return ids.agencyId;
    // A route this table does not know yet still gets every check, on an id nobody owns.
    return randomUUID();
  };
  /** Bodies the generator cannot build (a union), or that must name the target task to mean anything. */
  const bodyFor = (name: string): unknown => {
    if (name === SELECTION_EXPORT) return { taskIds: [task.id] };
    if (name === 'POST /api/tasks/bulk') {
      return { action: 'cancel', items: [{ taskId: task.id, expectedVersion: task.version }], comment: 'Hủy thử' };
    }
    return undefined;
  };
  const urlOf = (route: Route) => route.path.replace(/\{([^}]+)\}/g, (_, name: string) => target(route, name));

  it('denies, on every route, what the rules deny; leaks nothing of another agency', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const unexpected: string[] = [];
    const leaks: string[] = [];
    let denials = 0;
    let reads = 0;
    const covered = new Set<string>();
    for (const route of routes) {
      for (const caller of CALLERS) {
        const rule = deny(route, caller);
        const leakCheck = caller === 'otherAgency' && route.method === 'get';
        // Anonymous callers try every route, the public ones included (clean answers, no 5xx).
        if (!rule && !leakCheck && caller !== 'anon') continue;
        const auth = caller === 'anon' ? {} : await t.as(ACCOUNT[caller]);
        const body = bodyFor(routeName(route)) ?? example(route.body, ctx);
        const query = route.path === '/api/reports/urging-letter.docx' ? { agencyId: ctx.agencyId } : {};
        const res = await send(t, route, urlOf(route), auth, body, query);
        expectClean(res);
        covered.add(routeName(route));
        const where = `${routeName(route)} as ${caller}`;
        if (rule) {
          denials++;
          if (res.status < 300 || (rule.status !== undefined && res.status !== rule.status)) {
            unexpected.push(
              `${where}: ${res.status} ${res.body?.code ?? ''} (rule: ${rule.why}, want ${rule.status ?? 'no 2xx'})`,
            );
          }
        } else if (leakCheck) {
          reads++;
          const text = Buffer.isBuffer(res.body) ? res.body.toString('latin1') : (res.text ?? JSON.stringify(res.body));
          // Exports are zipped: a 2xx spreadsheet for an agency is a leak in itself (reports are 403 for them).
          if (res.status < 300 && (text.includes(task.id) || text.includes(task.code) || /^PK/.test(text))) {
            leaks.push(`${where}: the answer contains ${OWNER}'s task ${task.code}`);
          }
        }
      }
    }
    // A list as large as it goes, and filtered by the other agency, are still free of its task.
    const other = await t.as('ban-tuyen-giao');
    for (const q of [{ limit: 10000 }, { agencyId: await agencyId(t.db, OWNER), limit: 10000 }, { q: task.code }]) {
      const res = await t.http.get('/api/tasks').query(q).set(other).expect(200);
      if (JSON.stringify(res.body).includes(task.id)) leaks.push(`GET /api/tasks?${JSON.stringify(q)} lists it`);
    }
    // The deciders' queue, every open request at once: the other agency's request stays out of it.
    const queue = await t.http.get('/api/extension-requests').query({ limit: 500 }).set(other).expect(200);
    if (JSON.stringify(queue.body).includes(task.id)) leaks.push('GET /api/extension-requests lists its request');
    process.stderr.write(
      `security generated-access: ${JSON.stringify({
        routes: routes.length,
        covered: covered.size,
        callers: CALLERS.length,
        denialsChecked: denials,
        leakReads: reads,
        unexpectedAllows: unexpected.length,
        leaks: leaks.length,
      })}\n`,
    );
    expect(unexpected).toEqual([]);
    expect(leaks).toEqual([]);
    // Every documented route was called at least once (anonymous, at the very least).
    expect(routes.map(routeName).filter((r) => !covered.has(r))).toEqual([]);
    // The other agency's task is as it was: no refused write touched it.
    const after = await t.db.query(`SELECT version, state FROM tasks WHERE id = $1`, [task.id]);
    expect(after.rows[0]).toEqual({ version: task.version, state: 'in_progress' });
  }, 300_000);
});
