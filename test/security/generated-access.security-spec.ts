import { randomUUID } from 'node:crypto';
import { agencyId, directiveId, makeTask } from '../e2e/support/fixtures.js';
import { expectClean } from '../e2e/support/files.js';
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
 * The access matrix generated from the route table (GET /api/docs/openapi.json), so that a new endpoint
 * cannot escape it: every documented route × every kind of caller, each time on objects of *another*
 * agency (a task led by ban-noi-chinh, its file and extension request, ban-noi-chinh's notification, an
 * incident, a snapshot...), with a syntactically valid request. Where the rules say deny, no 2xx:
 *
 * - anonymous → 401 everywhere except the public routes (health, docs, login; /metrics is outside /api);
 * - an agency on another agency's task (or its file, comments, extension request) → 404;
 * - agencies read no reports or incidents, create no tasks or directives, edit nothing, decide nothing;
 * - the inspector never writes; the administrator only administers (/admin), nothing else;
 * - only the administrator reaches /admin; nobody marks someone else's notification;
 * - only the inspector and the administrator read the record of access (/access-log);
 * - everyone signed in reads the working calendar; the Office and the administrator alone enter a year's schedule.
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
const TASK_SCOPED = /^\/api\/(tasks\/\{|extension-requests\/|milestones\/|contributions\/\{|progress-reports\/)/;
/** Objects of the other agency that are not tasks: its settings, a reporting period and a series asking only it. */
const AGENCY_SCOPED = /^\/api\/(agencies\/\{id\}\/settings|reporting-periods\/\{id\}$|series\/\{id\}\/instances)/;
/** The Office's alone (issue 15): reporting periods, recurring series and the monthly program carried forward. */
const OFFICE_ONLY = new Set([
  'POST /api/reporting-periods',
  'POST /api/reporting-periods/{id}/close',
  'POST /api/reporting-periods/{id}/remind',
  'POST /api/directives/{id}/series',
  'PATCH /api/series/{id}',
  'POST /api/directives/{id}/carry-forward',
  // The official calendar of a year: the Office enters it (and the administrator, below).
  'PUT /api/calendar/years/{year}',
  'DELETE /api/calendar/years/{year}',
]);
/** The working calendar: every signed-in caller reads it; the Office and the administrator enter a year. */
const CALENDAR = /^\/api\/calendar(\/|$)/;
/** Only the coordinating agency asked hands in its contribution; only the lead's workers report progress. */
const AGENCY_PART_WRITES = new Set(['POST /api/contributions/{id}/versions', 'POST /api/tasks/{id}/progress']);
/** Only the lead agency's workers judge a contribution. */
const LEAD_DECIDES = new Set(['POST /api/contributions/{id}/accept', 'POST /api/contributions/{id}/return']);
/** The lead's workers or the Office plan the task: milestones, contributions asked (the Committee does not). */
const PLANNING = new Set([
  'PUT /api/tasks/{id}/milestones',
  'POST /api/milestones/{id}/done',
  'PUT /api/tasks/{id}/contributions/{agencyId}',
]);
/** The record of access to classified items (issue 17): the Inspection Committee's and the administrator's. */
const ACCESS_LOG = /^\/api\/access-log(\.xlsx)?$/;
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
  if (ACCESS_LOG.test(p)) {
    return caller === 'inspector' || caller === 'admin'
      ? null
      : { status: 403, why: 'only the inspector and the administrator read the record of access' };
  }
  if (caller === 'admin') {
    if (p.startsWith('/api/admin/')) return null;
    if (CALENDAR.test(p)) return null;
    if (
      [
        'GET /api/agencies',
        'GET /api/organisations',
        'GET /api/notifications',
        'GET /api/events',
        'POST /api/events/tickets',
      ].includes(name)
    ) {
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
    if (OFFICE_ONLY.has(name)) return { status: 403, why: 'only the Office' };
    if (caller === 'otherAgency' && TASK_SCOPED.test(p)) return { status: 404, why: "another agency's task" };
    if (caller === 'otherAgency' && AGENCY_SCOPED.test(p)) return { status: 404, why: "another agency's object" };
    // The lead (its head) may not hand in a coordinator's contribution; the monitoring officer is the Office's.
    if (name === 'POST /api/contributions/{id}/versions') return { status: 403, why: 'only the coordinator asked' };
    if (name === 'PATCH /api/tasks/{id}/people') return { status: 403, why: 'the Office names the monitoring officer' };
    // Its own head sets officersActOnAll (the body sent): allowed, so not called.
    if (name === 'PATCH /api/agencies/{id}/settings') return null;
    if (caller === 'otherAgency' && name === SELECTION_EXPORT) return { status: 404, why: "another agency's task" };
    // The one report an agency reads: by person, over the tasks it sees (its head follows its officers there).
    if (name === 'GET /api/reports/by-person') return null;
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
    if (OFFICE_ONLY.has(name) || name === 'PATCH /api/tasks/{id}/people')
      return { status: 403, why: 'only the Office' };
    if (PLANNING.has(name)) return { status: 403, why: "the Office or the lead's workers" };
    if (AGENCY_PART_WRITES.has(name) || LEAD_DECIDES.has(name)) return { status: 403, why: 'an agency’s part' };
    if (name === 'PATCH /api/agencies/{id}/settings') return { status: 403, why: 'the head or the Office' };
    if (p === '/api/tasks/{id}/transitions') return { status: 403, why: 'ASSIGN is the Office’s' };
    if (p === '/api/incidents/{id}/resolve') return { status: 403, why: 'the Office closes incidents' };
    if (name === 'POST /api/tasks/bulk') return { status: 403, why: 'only the Office acts on many tasks at once' };
    return null;
  }
  if (caller === 'office') {
    if (p === '/api/extension-requests/{id}/decision') return { status: 403, why: 'the Standing Committee decides' };
    if (AGENCY_PART_WRITES.has(name) || LEAD_DECIDES.has(name)) return { status: 403, why: 'an agency’s part' };
    if (name === 'PATCH /api/agencies/{id}/settings') return { status: 403, why: 'officersActOnAll is the head’s' };
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
    // The task's parts (issue 15): a contribution asked of its coordinator and handed in with a file, a milestone,
    // a progress report with a file, a reporting period and a series that concern only the other agency.
    const coordinator = 'ban-to-chuc';
    ids.contributionId = (
      await t.http
        .put(`/api/tasks/${made.id}/contributions/${await agencyId(t.db, coordinator)}`)
        .set(owner)
        .send({ request: 'Số liệu phối hợp' })
        .expect(200)
    ).body.id as string;
    ids.contributionFileId = (
      await t.http
        .post(`/api/contributions/${ids.contributionId}/versions`)
        .set(await t.as(coordinator))
        .field('note', 'Số liệu')
        .attach('files', PDF, 'so-lieu-mat.pdf')
        .expect(201)
    ).body.versions[0].files[0].id as string;
    ids.milestoneId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, 'Quý I', '2030-03-31') RETURNING id`,
        [made.id],
      )
    ).rows[0].id;
    const progress = await t.http
      .post(`/api/tasks/${made.id}/progress`)
      .set(owner)
      .field('percent', '20')
      .field('narrative', 'Tiến độ mật')
      .attach('files', PDF, 'tien-do-mat.pdf')
      .expect(201);
    ids.progressId = progress.body.id;
    ids.progressFileId = progress.body.files[0].id;
    ids.periodId = (
      await t.db.query<{ id: string }>(
        `WITH d AS (SELECT coalesce(max(starts_on) + 1, date '2060-01-01') AS s
                      FROM reporting_periods WHERE kind = 'custom' AND starts_on >= date '2060-01-01'),
              p AS (INSERT INTO reporting_periods (kind, label, starts_on, ends_on, due_date)
                    SELECT 'custom', 'Kỳ thử', s, s + 29, s + 29 FROM d RETURNING id)
         INSERT INTO reporting_period_tasks (period_id, task_id, agency_id)
         SELECT p.id, $1, $2 FROM p RETURNING period_id AS id`,
        [made.id, await agencyId(t.db, OWNER)],
      )
    ).rows[0].id;
    ids.seriesId = (
      await t.db.query<{ id: string }>(
        `INSERT INTO task_series (directive_id, code, template, frequency, due_day, starts_on)
         VALUES ($1, $2, $3::jsonb, 'year', 31, '2090-01-01') RETURNING id`,
        [
          await directiveId(t.db),
          `GEN-SERIES-${randomUUID()}`,
          JSON.stringify({
            title: 'Báo cáo định kỳ',
            description: '',
            deliverableType: 'bao_cao',
            field: 'economy',
            leadAgencyId: await agencyId(t.db, OWNER),
            coordinatingAgencyIds: [],
          }),
        ],
      )
    ).rows[0].id;
    ids.ownerAgencyId = await agencyId(t.db, OWNER);
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

  const targets = (): Targets => ({
    task,
    fileId: ids.fileId,
    coordinatorAgencyId: ctx.agencyId,
    milestoneId: ids.milestoneId,
    contributionId: ids.contributionId,
    contributionFileId: ids.contributionFileId,
    progressId: ids.progressId,
    progressFileId: ids.progressFileId,
    periodId: ids.periodId,
    seriesId: ids.seriesId,
    ownerAgencyId: ids.ownerAgencyId,
    extensionId: ids.extensionId,
    notificationId: ids.notificationId,
    incidentId: ids.incidentId,
    snapshotId: ids.snapshotId,
    directiveId: ids.directiveId,
    adminUserId: ids.userId,
    adminAgencyId: ids.agencyId,
  });

  it('denies, on every route, what the rules deny; leaks nothing of another agency', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const unexpected: string[] = [];
    /** The 2xx answers among them: a request the rules deny that went through. */
    const allows: string[] = [];
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
        const body = bodyFor(routeName(route), task) ?? example(route.body, ctx);
        const query = route.path === '/api/reports/urging-letter.docx' ? { agencyId: ctx.agencyId } : {};
        const res = await send(t, route, urlOf(route, targets()), auth, body, query);
        expectClean(res);
        covered.add(routeName(route));
        const where = `${routeName(route)} as ${caller}`;
        if (rule) {
          denials++;
          if (res.status < 300) allows.push(`${where}: ${res.status} (rule: ${rule.why})`);
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
        unexpectedAllows: allows.length,
        wrongDenials: unexpected.length - allows.length,
        leaks: leaks.length,
      })}\n`,
    );
    expect(allows).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(leaks).toEqual([]);
    // Every documented route was called at least once (anonymous, at the very least).
    expect(routes.map(routeName).filter((r) => !covered.has(r))).toEqual([]);
    // The other agency's task is as it was: no refused write touched it.
    const after = await t.db.query(`SELECT version, state FROM tasks WHERE id = $1`, [task.id]);
    expect(after.rows[0]).toEqual({ version: task.version, state: 'in_progress' });
    const parts = await t.db.query(
      `SELECT (SELECT status FROM contributions WHERE id = $1) AS contribution,
              (SELECT done_at FROM milestones WHERE id = $2) AS milestone,
              (SELECT closed_at FROM reporting_periods WHERE id = $3) AS period,
              (SELECT active FROM task_series WHERE id = $4) AS series,
              (SELECT officers_act_on_all FROM agencies WHERE id = $5) AS "officersActOnAll",
              (SELECT count(*)::int FROM progress_reports WHERE task_id = $6) AS reports`,
      [ids.contributionId, ids.milestoneId, ids.periodId, ids.seriesId, ids.ownerAgencyId, task.id],
    );
    expect(parts.rows[0]).toEqual({
      contribution: 'submitted',
      milestone: null,
      period: null,
      series: true,
      officersActOnAll: false,
      reports: 1,
    });
  }, 300_000);
});
