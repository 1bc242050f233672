import type { Response, Test } from 'supertest';
import { agencyId, makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The access matrix inside an agency: every route that acts on a task or its parts × the people around it.
 *
 * The lead agency is bcsd-ubnd: its own account is its head, `bcsd-ubnd.cv1` the officer the task is assigned
 * to, `bcsd-ubnd.cv2` an officer it is not assigned to (the agency does not let officers act on all its tasks).
 * ban-dan-van coordinates, ban-noi-chinh has nothing to do with the task. As in access-matrix.e2e-spec.ts, the
 * expectations are written by hand from the rules (issue 15 and DESIGN.md §1-2): deny by default, a task the
 * caller may not see answers 404, a visible task with an action the caller may not take 403, a wrong state 409.
 * An officer sees every task of its agency but works only on those assigned to them; reading and commenting
 * stay open to every member of the agencies of the task. Every row gets a fresh task, and a refused request
 * must leave the task and every part of it (history, comments, files, contributions, milestones, progress,
 * periods, schedule, notifications, outbox) exactly as they were.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

type Actor =
  'office' | 'committee' | 'inspector' | 'admin' | 'head' | 'officer' | 'otherOfficer' | 'coord' | 'unrelated' | 'anon';
const ACTORS: readonly Actor[] = [
  'office',
  'committee',
  'inspector',
  'admin',
  'head',
  'officer',
  'otherOfficer',
  'coord',
  'unrelated',
  'anon',
];

const LEAD = 'bcsd-ubnd';
const OFFICER = 'bcsd-ubnd.cv1';
const OTHER_OFFICER = 'bcsd-ubnd.cv2';
const COORD = 'ban-dan-van';
const UNRELATED = 'ban-noi-chinh';

const ACCOUNT: Record<Exclude<Actor, 'anon'>, string> = {
  office: 'vanphong',
  committee: 'thuongvu', // standing committee, position standing_board
  inspector: 'kiemtra',
  admin: 'admin',
  head: LEAD,
  officer: OFFICER,
  otherOfficer: OTHER_OFFICER,
  coord: COORD,
  unrelated: UNRELATED,
};

type Expected = number | `${number} ${string}`;
type Row = Record<Actor, Expected>;

function row(
  office: Expected,
  committee: Expected,
  inspector: Expected,
  admin: Expected,
  head: Expected,
  officer: Expected,
  otherOfficer: Expected,
  coord: Expected,
  unrelated: Expected,
  anon: Expected,
): Row {
  return { office, committee, inspector, admin, head, officer, otherOfficer, coord, unrelated, anon };
}

const FR = '403 FORBIDDEN_ROLE'; // visible, but this caller may not take this action
const FB = '403 FORBIDDEN'; // the route is not for this role at all (the role guard answers)
// Uploads and comments answer a visible task's refusal with FORBIDDEN (they predate FORBIDDEN_ROLE's use for parts).
const FU = '403 FORBIDDEN';
const IT = '409 INVALID_TRANSITION'; // the caller may act, but not in this state
const NF = '404 NOT_FOUND'; // not visible to the caller: never reveal it exists
const UA = '401 UNAUTHENTICATED';

// prettier-ignore
const MATRIX = {
  //                                                             office committee inspector admin head officer other coord unrelated anon
  'GET /tasks/:id (assigned)':                               row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'POST /tasks/:id/transitions START (assigned)':            row(FR,    FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions START (in_progress)':         row(FR,    FR,       FR,       FB,   IT,  IT,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions SUBMIT (in_progress)':        row(FR,    FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  // Rõ thẩm quyền: the deciding authority named on the task approves (thuongvu sits on the standing board).
  'POST /tasks/:id/transitions APPROVE (submitted)':         row(FR,    200,      FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions APPROVE (office decides)':    row(200,   FR,       FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions RETURN (office decides)':     row(200,   FR,       FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions APPROVE (board decides)':     row(FR,    200,      FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/transitions CANCEL (in_progress)':        row(200,   200,      FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'POST /tasks/:id/submissions (in_progress)':               row(FU,    FU,       FU,       FB,   201, 201,    FU,   FU,   NF,       UA),
  'GET /tasks/:taskId/files/:fileId':                        row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'POST /tasks/:taskId/comments (assigned)':                 row(201,   201,      FU,       FB,   201, 201,    201,  201,  NF,       UA),
  'POST /tasks/:id/extension-requests (in_progress)':        row(FR,    FR,       FR,       FB,   201, 201,    FR,   FR,   NF,       UA),
  'POST /extension-requests/:id/decision (open)':            row(FR,    200,      FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),

  // People: the head names its officer and leader; the Office the monitoring officer, authority and key flag.
  'GET /people':                                             row(200,   200,      200,      FB,   200, 200,    200,  200,  200,      UA),
  'PATCH /tasks/:id/people (officer)':                       row(FR,    FR,       FR,       FB,   200, FR,     FR,   FR,   NF,       UA),
  'PATCH /tasks/:id/people (monitoring, authority, key)':    row(200,   FR,       FR,       FB,   FR,  FR,     FR,   FR,   NF,       UA),
  'GET /agencies/:id/settings':                              row(200,   200,      200,      FB,   200, 200,    200,  NF,   NF,       UA),
  'PATCH /agencies/:id/settings (officersActOnAll)':         row(FR,    FB,       FB,       FB,   200, FR,     FR,   NF,   NF,       UA),

  'GET /tasks/:id/milestones':                               row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'PUT /tasks/:id/milestones':                               row(200,   FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  'POST /milestones/:id/done':                               row(200,   FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),

  'GET /tasks/:id/contributions':                            row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'PUT /tasks/:id/contributions/:agencyId':                  row(200,   FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  'POST /contributions/:id/versions (asked of the coordinator)': row(FR, FR,      FR,       FB,   FR,  FR,     FR,   201,  NF,       UA),
  // The other way round: a task ban-dan-van leads, bcsd-ubnd asked as coordinator (any of its people hands in).
  'POST /contributions/:id/versions (asked of bcsd-ubnd)':   row(FR,    FR,       FR,       FB,   201, 201,    201,  FR,   NF,       UA),
  'POST /contributions/:id/accept':                          row(FR,    FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  'POST /contributions/:id/return':                          row(FR,    FR,       FR,       FB,   200, 200,    FR,   FR,   NF,       UA),
  'GET /contributions/:id/files/:fileId':                    row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),

  'POST /tasks/:id/progress (in_progress)':                  row(FR,    FR,       FR,       FB,   201, 201,    FR,   FR,   NF,       UA),
  'POST /tasks/:id/progress (for a period)':                 row(FR,    FR,       FR,       FB,   201, 201,    FR,   FR,   NF,       UA),
  'GET /tasks/:id/progress':                                 row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'GET /progress-reports/:id/files/:fileId':                 row(200,   200,      200,      FB,   200, 200,    200,  200,  NF,       UA),
  'GET /reporting-periods/:id':                              row(200,   200,      200,      FB,   200, 200,    200,  NF,   NF,       UA),
  'POST /reporting-periods/:id/remind':                      row(200,   FB,       FB,       FB,   FB,  FB,     FB,   FB,   FB,       UA),
  'POST /reporting-periods/:id/close':                       row(200,   FB,       FB,       FB,   FB,  FB,     FB,   FB,   FB,       UA),
} satisfies Record<string, Row>;

type Endpoint = keyof typeof MATRIX;
type Headers = Record<string, string>;
type TaskState = 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
type TaskRef = { id: string; version: number };

interface Scenario<S> {
  prepare: (t: TestApp) => Promise<S>;
  send: (t: TestApp, s: S, auth: Headers) => Test;
  snapshot: (t: TestApp, s: S) => Promise<unknown>;
  /** Whether a successful answer must have changed the snapshot (false: a read, which changes nothing). */
  writes: boolean;
  ok?: (res: Response, s: S, t: TestApp, actor: Actor) => Promise<void> | void;
}
const scenario = <S>(s: Scenario<S>) => s as unknown as Scenario<{ task?: TaskRef }>;

/** Every row of a task and of its parts. */
const PART_TABLES: readonly (readonly [table: string, where: string, order: string])[] = [
  ['task_events', 'x.task_id = $1', 'x.id'],
  ['comments', 'x.task_id = $1', 'x.id'],
  ['submissions', 'x.task_id = $1', 'x.id'],
  ['attachments', 'x.task_id = $1', 'x.id'],
  ['outbox', 'x.task_id = $1', 'x.id'],
  ['notifications', 'x.task_id = $1', 'x.id'],
  ['scheduled_actions', 'x.task_id = $1', 'x.id'],
  ['extension_requests', 'x.task_id = $1', 'x.id'],
  ['contributions', 'x.task_id = $1', 'x.id'],
  ['contribution_versions', 'x.contribution_id IN (SELECT c.id FROM contributions c WHERE c.task_id = $1)', 'x.id'],
  ['milestones', 'x.task_id = $1', 'x.id'],
  ['progress_reports', 'x.task_id = $1', 'x.id'],
  ['part_files', 'x.task_id = $1', 'x.id'],
  ['reporting_period_tasks', 'x.task_id = $1', 'x.period_id'],
];

async function partsSnapshot(t: TestApp, taskId: string) {
  const parts = PART_TABLES.map(
    ([table, where, order]) =>
      `(SELECT coalesce(json_agg(x ORDER BY ${order}), '[]'::json) FROM ${table} x WHERE ${where}) AS ${table}`,
  );
  const r = await t.db.query(
    `SELECT (SELECT row_to_json(x) FROM tasks x WHERE x.id = $1) AS task, ${parts.join(', ')}`,
    [taskId],
  );
  return r.rows[0];
}

async function userId(t: TestApp, username: string): Promise<string> {
  const r = await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
  return r.rows[0].id;
}

async function versionOf(t: TestApp, id: string): Promise<number> {
  return (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [id])).rows[0].version;
}

/**
 * A fresh task bcsd-ubnd leads, ban-dan-van coordinates, assigned to the officer cv1 (named with SQL, as the
 * head's PATCH /people would), with the parts `setup` gives it.
 */
async function freshTask(
  t: TestApp,
  state: TaskState,
  opts: { authority?: 'office' | 'standing_board'; withPendingSubmission?: boolean } = {},
): Promise<TaskRef> {
  const task = await makeTask(t.db, {
    state,
    lead: LEAD,
    coordinating: [COORD],
    withPendingSubmission: opts.withPendingSubmission,
  });
  await t.db.query(
    `UPDATE tasks SET assignee_user_id = (SELECT id FROM users WHERE username = $2),
                      deciding_authority = coalesce($3, deciding_authority)
      WHERE id = $1`,
    [task.id, OFFICER, opts.authority ?? null],
  );
  return task;
}

function onTask<X = object>(
  state: TaskState,
  send: (t: TestApp, task: TaskRef, x: X, auth: Headers) => Test,
  opts: {
    setup?: (t: TestApp, task: TaskRef) => Promise<X>;
    authority?: 'office' | 'standing_board';
    withPendingSubmission?: boolean;
    writes?: boolean;
    /** Rows outside the task that the request may change (a period, the agency's settings). */
    more?: (t: TestApp, x: X) => Promise<unknown>;
    ok?: (res: Response, task: TaskRef, x: X, actor: Actor) => Promise<void> | void;
  } = {},
) {
  return scenario<{ task: TaskRef; x: X }>({
    prepare: async (t) => {
      const made = await freshTask(t, state, opts);
      const x = opts.setup ? await opts.setup(t, made) : ({} as X);
      return { task: { id: made.id, version: await versionOf(t, made.id) }, x };
    },
    send: (t, s, auth) => send(t, s.task, s.x, auth),
    snapshot: async (t, s) => ({
      parts: await partsSnapshot(t, s.task.id),
      more: opts.more ? await opts.more(t, s.x) : null,
    }),
    writes: opts.writes ?? true,
    ok: opts.ok ? (res, s, _t, actor) => opts.ok!(res, s.task, s.x, actor) : undefined,
  });
}

type Event = 'START' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'CANCEL';
const NEXT: Record<Event, TaskState> = {
  START: 'in_progress',
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  RETURN: 'in_progress',
  CANCEL: 'cancelled',
};

function transition(event: Event, state: TaskState, authority?: 'office' | 'standing_board') {
  return onTask(
    state,
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(auth)
        .send({ event, expectedVersion: task.version, comment: `Ý kiến cho ${event}` }),
    {
      authority,
      withPendingSubmission: state === 'in_progress' && event === 'SUBMIT' ? true : undefined,
      ok: (res, task) => expect(res.body).toMatchObject({ id: task.id, state: NEXT[event], version: task.version + 1 }),
    },
  );
}

async function askContribution(t: TestApp, taskId: string, lead: string, coordinator: string): Promise<string> {
  const res = await t.http
    .put(`/api/tasks/${taskId}/contributions/${await agencyId(t.db, coordinator)}`)
    .set(await t.as(lead))
    .send({ request: 'Đề nghị cung cấp số liệu về kết quả thực hiện.' })
    .expect(200);
  return res.body.id as string;
}

async function handIn(t: TestApp, contributionId: string, coordinator: string): Promise<string> {
  const res = await t.http
    .post(`/api/contributions/${contributionId}/versions`)
    .set(await t.as(coordinator))
    .field('note', 'Số liệu phối hợp')
    .attach('files', PDF, 'Số liệu.pdf')
    .expect(201);
  return res.body.versions.at(-1).files[0].id as string;
}

const contributionVersion = (t: TestApp, id: string, auth: Headers) =>
  t.http
    .post(`/api/contributions/${id}/versions`)
    .set(auth)
    .field('note', 'Số liệu phối hợp')
    .attach('files', PDF, 'Số liệu.pdf');

/** The coordinator's contribution, handed in when `submitted`. */
function onContribution(
  submitted: boolean,
  send: (t: TestApp, id: string, auth: Headers) => Test,
  ok?: (res: Response, id: string) => void,
) {
  return onTask<{ id: string }>('in_progress', (t, _task, x, auth) => send(t, x.id, auth), {
    setup: async (t, task) => {
      // Asked by the head, so the officers' rows do not depend on their own rights.
      const id = await askContribution(t, task.id, LEAD, COORD);
      if (submitted) await handIn(t, id, COORD);
      return { id };
    },
    ok: ok ? (res, _task, x) => ok(res, x.id) : undefined,
  });
}

async function addPeriod(t: TestApp, taskIds: string[]): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `WITH d AS (SELECT coalesce(max(starts_on) + 1, date '2060-01-01') AS s
                  FROM reporting_periods WHERE kind = 'custom' AND starts_on >= date '2060-01-01')
     INSERT INTO reporting_periods (kind, label, starts_on, ends_on, due_date, opened_by)
     SELECT 'custom', 'Kỳ thử ma trận cơ quan', d.s, d.s + 29, d.s + 29, u.id FROM d, users u WHERE u.username = 'vanphong'
     RETURNING id`,
  );
  const id = r.rows[0].id;
  await t.db.query(
    `INSERT INTO reporting_period_tasks (period_id, task_id, agency_id)
     SELECT $1, t.id, t.lead_agency_id FROM tasks t WHERE t.id = ANY($2::uuid[])`,
    [id, taskIds],
  );
  return id;
}

const periodRow = async (t: TestApp, id: string) =>
  (await t.db.query(`SELECT row_to_json(p) AS p FROM reporting_periods p WHERE p.id = $1`, [id])).rows[0];

function onPeriod(
  send: (t: TestApp, periodId: string, auth: Headers) => Test,
  opts: { writes?: boolean; ok?: (res: Response, periodId: string) => void } = {},
) {
  return onTask<{ periodId: string }>('in_progress', (t, _task, x, auth) => send(t, x.periodId, auth), {
    writes: opts.writes ?? true,
    setup: async (t, task) => ({ periodId: await addPeriod(t, [task.id]) }),
    more: (t, x) => periodRow(t, x.periodId),
    ok: opts.ok ? (res, _task, x) => opts.ok!(res, x.periodId) : undefined,
  });
}

async function reportProgress(t: TestApp, taskId: string): Promise<{ id: string; fileId: string }> {
  const res = await t.http
    .post(`/api/tasks/${taskId}/progress`)
    .set(await t.as(OFFICER))
    .field('percent', '30')
    .field('narrative', 'Đã xây dựng đề cương.')
    .attach('files', PDF, 'Tiến độ.pdf')
    .expect(201);
  return { id: res.body.id, fileId: res.body.files[0].id };
}

const SCENARIOS: Record<Endpoint, Scenario<{ task?: TaskRef }>> = {
  'GET /tasks/:id (assigned)': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}`).set(auth),
    {
      writes: false,
      ok: (res, task) => expect(res.body).toMatchObject({ id: task.id, state: 'assigned' }),
    },
  ),
  'POST /tasks/:id/transitions START (assigned)': transition('START', 'assigned'),
  'POST /tasks/:id/transitions START (in_progress)': transition('START', 'in_progress'),
  'POST /tasks/:id/transitions SUBMIT (in_progress)': transition('SUBMIT', 'in_progress'),
  'POST /tasks/:id/transitions APPROVE (submitted)': transition('APPROVE', 'submitted'),
  'POST /tasks/:id/transitions APPROVE (office decides)': transition('APPROVE', 'submitted', 'office'),
  'POST /tasks/:id/transitions RETURN (office decides)': transition('RETURN', 'submitted', 'office'),
  'POST /tasks/:id/transitions APPROVE (board decides)': transition('APPROVE', 'submitted', 'standing_board'),
  'POST /tasks/:id/transitions CANCEL (in_progress)': transition('CANCEL', 'in_progress'),
  'POST /tasks/:id/submissions (in_progress)': onTask(
    'in_progress',
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/submissions`)
        .set(auth)
        .field('note', 'Dự thảo kế hoạch')
        .attach('files', PDF, 'Dự thảo.pdf'),
    { ok: (res) => expect(res.body.files).toHaveLength(1) },
  ),
  'GET /tasks/:taskId/files/:fileId': onTask<{ fileId: string }>(
    'in_progress',
    (t, task, x, auth) => t.http.get(`/api/tasks/${task.id}/files/${x.fileId}`).set(auth).buffer(true),
    {
      writes: false,
      setup: async (t, task) => {
        const up = await t.http
          .post(`/api/tasks/${task.id}/submissions`)
          .set(await t.as(OFFICER))
          .attach('files', PDF, 'Báo cáo.pdf')
          .expect(201);
        return { fileId: up.body.files[0].id as string };
      },
      ok: (res) => expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0),
    },
  ),
  'POST /tasks/:taskId/comments (assigned)': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.post(`/api/tasks/${task.id}/comments`).set(auth).send({ body: 'Đề nghị đẩy nhanh.' }),
    { ok: (res) => expect(res.body).toMatchObject({ body: 'Đề nghị đẩy nhanh.' }) },
  ),
  'POST /tasks/:id/extension-requests (in_progress)': onTask(
    'in_progress',
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/extension-requests`)
        .set(auth)
        .send({ requestedDueDate: '2031-06-30', reason: 'Cần thêm thời gian lấy ý kiến các sở, ngành.' }),
    { ok: (res, task) => expect(res.body).toMatchObject({ taskId: task.id, status: 'open' }) },
  ),
  'POST /extension-requests/:id/decision (open)': onTask<{ id: string }>(
    'in_progress',
    (t, _task, x, auth) =>
      t.http.post(`/api/extension-requests/${x.id}/decision`).set(auth).send({ decision: 'grant', comment: 'Đồng ý.' }),
    {
      setup: async (t, task) => ({
        id: (
          await t.http
            .post(`/api/tasks/${task.id}/extension-requests`)
            .set(await t.as(OFFICER))
            .send({ requestedDueDate: '2031-06-30', reason: 'Cần thêm thời gian.' })
            .expect(201)
        ).body.id as string,
      }),
      ok: (res, _task, x) => expect(res.body.request).toMatchObject({ id: x.id, status: 'granted' }),
    },
  ),

  'GET /people': scenario<object>({
    prepare: () => Promise.resolve({}),
    send: (t, _s, auth) => t.http.get('/api/people').set(auth),
    snapshot: () => Promise.resolve(null),
    writes: false,
    ok: async (res, _s, t, actor) => {
      const agencies = [...new Set(res.body.items.map((p: { agencyId: string | null }) => p.agencyId))];
      const names = res.body.items.map((p: { id: string }) => p.id);
      if (actor === 'head' || actor === 'officer' || actor === 'otherOfficer') {
        // An agency's people pick among their own: the head and both officers.
        expect(agencies).toEqual([await agencyId(t.db, LEAD)]);
        expect(names).toEqual(
          expect.arrayContaining([await userId(t, LEAD), await userId(t, OFFICER), await userId(t, OTHER_OFFICER)]),
        );
      } else if (actor === 'coord' || actor === 'unrelated') {
        expect(agencies).toEqual([await agencyId(t.db, ACCOUNT[actor])]);
      } else expect(names).toContain(await userId(t, OFFICER));
    },
  }),
  'PATCH /tasks/:id/people (officer)': onTask<{ body: Record<string, string> }>(
    'assigned',
    (t, task, x, auth) => t.http.patch(`/api/tasks/${task.id}/people`).set(auth).send(x.body),
    {
      // The task moves from cv1 to cv2, with the head as responsible leader.
      setup: async (t) => ({
        body: { assigneeUserId: await userId(t, OTHER_OFFICER), responsibleLeaderUserId: await userId(t, LEAD) },
      }),
      ok: (res, task, x) => expect(res.body).toMatchObject({ id: task.id, ...x.body }),
    },
  ),
  'PATCH /tasks/:id/people (monitoring, authority, key)': onTask<{ body: Record<string, unknown> }>(
    'assigned',
    (t, task, x, auth) => t.http.patch(`/api/tasks/${task.id}/people`).set(auth).send(x.body),
    {
      setup: async (t) => ({
        body: { monitoringUserId: await userId(t, 'vanphong'), decidingAuthority: 'office', isKey: true },
      }),
      ok: (res, task, x) => expect(res.body).toMatchObject({ id: task.id, ...x.body }),
    },
  ),
  'GET /agencies/:id/settings': scenario<{ id: string }>({
    prepare: async (t) => ({ id: await agencyId(t.db, LEAD) }),
    send: (t, s, auth) => t.http.get(`/api/agencies/${s.id}/settings`).set(auth),
    snapshot: () => Promise.resolve(null),
    writes: false,
    ok: (res, s) => expect(res.body).toMatchObject({ agencyId: s.id, officersActOnAll: false }),
  }),
  // Sent with the value it has (false), so the other rows keep their meaning: a success only bumps updated_at.
  'PATCH /agencies/:id/settings (officersActOnAll)': scenario<{ id: string }>({
    prepare: async (t) => ({ id: await agencyId(t.db, LEAD) }),
    send: (t, s, auth) => t.http.patch(`/api/agencies/${s.id}/settings`).set(auth).send({ officersActOnAll: false }),
    snapshot: async (t, s) =>
      (
        await t.db.query(`SELECT officers_act_on_all, monitoring_user_id, updated_at FROM agencies WHERE id = $1`, [
          s.id,
        ])
      ).rows[0],
    writes: true,
    ok: (res, s) => expect(res.body).toMatchObject({ agencyId: s.id, officersActOnAll: false }),
  }),

  'GET /tasks/:id/milestones': onTask<{ id: string }>(
    'assigned',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/milestones`).set(auth),
    {
      writes: false,
      setup: async (t, task) => ({
        id: (
          await t.db.query<{ id: string }>(
            `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, 'Quý I', '2030-03-31') RETURNING id`,
            [task.id],
          )
        ).rows[0].id,
      }),
      ok: (res, _task, x) => expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([x.id]),
    },
  ),
  'PUT /tasks/:id/milestones': onTask(
    'assigned',
    (t, task, _x, auth) =>
      t.http
        .put(`/api/tasks/${task.id}/milestones`)
        .set(auth)
        .send({ milestones: [{ label: 'Quý I: hoàn thành khảo sát', dueDate: '2030-03-31' }] }),
    { ok: (res) => expect(res.body.items).toEqual([expect.objectContaining({ dueDate: '2030-03-31' })]) },
  ),
  'POST /milestones/:id/done': onTask<{ id: string }>(
    'in_progress',
    (t, _task, x, auth) => t.http.post(`/api/milestones/${x.id}/done`).set(auth).send({ note: 'Đã hoàn thành.' }),
    {
      setup: async (t, task) => ({
        id: (
          await t.db.query<{ id: string }>(
            `INSERT INTO milestones (task_id, label, due_date) VALUES ($1, 'Quý I', '2030-03-31') RETURNING id`,
            [task.id],
          )
        ).rows[0].id,
      }),
      ok: (res, _task, x) =>
        expect(res.body.items).toEqual([expect.objectContaining({ id: x.id, doneAt: expect.any(String) })]),
    },
  ),

  'GET /tasks/:id/contributions': onTask<{ id: string }>(
    'assigned',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/contributions`).set(auth),
    {
      writes: false,
      setup: async (t, task) => ({ id: await askContribution(t, task.id, LEAD, COORD) }),
      ok: (res, _task, x) => expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([x.id]),
    },
  ),
  'PUT /tasks/:id/contributions/:agencyId': onTask<{ agencyId: string }>(
    'assigned',
    (t, task, x, auth) =>
      t.http
        .put(`/api/tasks/${task.id}/contributions/${x.agencyId}`)
        .set(auth)
        .send({ request: 'Đề nghị cung cấp số liệu.' }),
    {
      setup: async (t) => ({ agencyId: await agencyId(t.db, COORD) }),
      ok: (res, _task, x) => expect(res.body).toMatchObject({ agencyId: x.agencyId, status: 'requested' }),
    },
  ),
  'POST /contributions/:id/versions (asked of the coordinator)': onContribution(false, contributionVersion, (res, id) =>
    expect(res.body).toMatchObject({ id, status: 'submitted' }),
  ),
  'POST /contributions/:id/versions (asked of bcsd-ubnd)': scenario<{ task: TaskRef; id: string }>({
    prepare: async (t) => {
      const made = await makeTask(t.db, { state: 'in_progress', lead: COORD, coordinating: [LEAD] });
      const id = await askContribution(t, made.id, COORD, LEAD);
      return { task: { id: made.id, version: await versionOf(t, made.id) }, id };
    },
    send: (t, s, auth) => contributionVersion(t, s.id, auth),
    snapshot: (t, s) => partsSnapshot(t, s.task.id),
    writes: true,
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, status: 'submitted' }),
  }),
  'POST /contributions/:id/accept': onContribution(
    true,
    (t, id, auth) => t.http.post(`/api/contributions/${id}/accept`).set(auth).send({ comment: 'Tiếp thu.' }),
    (res, id) => expect(res.body).toMatchObject({ id, status: 'accepted' }),
  ),
  'POST /contributions/:id/return': onContribution(
    true,
    (t, id, auth) => t.http.post(`/api/contributions/${id}/return`).set(auth).send({ comment: 'Đề nghị bổ sung.' }),
    (res, id) => expect(res.body).toMatchObject({ id, status: 'returned' }),
  ),
  'GET /contributions/:id/files/:fileId': onTask<{ id: string; fileId: string }>(
    'in_progress',
    (t, _task, x, auth) => t.http.get(`/api/contributions/${x.id}/files/${x.fileId}`).set(auth).buffer(true),
    {
      writes: false,
      setup: async (t, task) => {
        const id = await askContribution(t, task.id, LEAD, COORD);
        return { id, fileId: await handIn(t, id, COORD) };
      },
      ok: (res) => expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0),
    },
  ),

  'POST /tasks/:id/progress (in_progress)': onTask(
    'in_progress',
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/progress`)
        .set(auth)
        .field('percent', '40')
        .field('narrative', 'Đang tổng hợp.'),
    { ok: (res, task) => expect(res.body).toMatchObject({ taskId: task.id, percent: 40, periodId: null }) },
  ),
  'POST /tasks/:id/progress (for a period)': onTask<{ periodId: string }>(
    'in_progress',
    (t, task, x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/progress`)
        .set(auth)
        .field('percent', '50')
        .field('narrative', 'Báo cáo theo kỳ.')
        .field('periodId', x.periodId),
    {
      setup: async (t, task) => ({ periodId: await addPeriod(t, [task.id]) }),
      more: (t, x) => periodRow(t, x.periodId),
      ok: (res, _task, x) => expect(res.body).toMatchObject({ percent: 50, periodId: x.periodId }),
    },
  ),
  'GET /tasks/:id/progress': onTask<{ id: string }>(
    'in_progress',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/progress`).set(auth),
    {
      writes: false,
      setup: (t, task) => reportProgress(t, task.id),
      ok: (res, _task, x) => expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([x.id]),
    },
  ),
  'GET /progress-reports/:id/files/:fileId': onTask<{ id: string; fileId: string }>(
    'in_progress',
    (t, _task, x, auth) => t.http.get(`/api/progress-reports/${x.id}/files/${x.fileId}`).set(auth).buffer(true),
    {
      writes: false,
      setup: (t, task) => reportProgress(t, task.id),
      ok: (res) => expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0),
    },
  ),
  'GET /reporting-periods/:id': onPeriod((t, id, auth) => t.http.get(`/api/reporting-periods/${id}`).set(auth), {
    writes: false,
    ok: (res, id) => expect(res.body).toMatchObject({ id, tasks: [expect.objectContaining({ report: null })] }),
  }),
  'POST /reporting-periods/:id/remind': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/remind`).set(auth),
    { ok: (res) => expect(res.body).toEqual({ reminded: 1, alreadyToday: 0 }) },
  ),
  'POST /reporting-periods/:id/close': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/close`).set(auth),
    {
      ok: (res, id) => expect(res.body).toMatchObject({ id, closedAt: expect.any(String) }),
    },
  ),
};

function parse(expected: Expected): { status: number; code?: string } {
  if (typeof expected === 'number') return { status: expected };
  const [status, code] = expected.split(' ');
  return { status: Number(status), code };
}

const ROWS = (Object.keys(MATRIX) as Endpoint[]).flatMap((endpoint) =>
  ACTORS.map((actor) => ({ endpoint, actor, expected: MATRIX[endpoint][actor] })),
);

describe('access matrix inside an agency: head, assigned officer, other officer, coordinator, others', () => {
  let t: TestApp;
  const unexpectedAllows: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a scenario for every row and the accounts the columns name', async () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const r of Object.values(MATRIX)) expect(Object.keys(r).sort()).toEqual([...ACTORS].sort());
    const people = await t.db.query<{ username: string; position: string; code: string; all: boolean }>(
      `SELECT u.username, u.position, a.code, a.officers_act_on_all AS all
         FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = ANY($1) ORDER BY u.username`,
      [[LEAD, OFFICER, OTHER_OFFICER]],
    );
    // The columns mean what they say only while bcsd-ubnd keeps its officers to the tasks assigned to them.
    expect(people.rows).toEqual([
      { username: LEAD, position: 'head', code: LEAD, all: false },
      { username: OFFICER, position: 'officer', code: LEAD, all: false },
      { username: OTHER_OFFICER, position: 'officer', code: LEAD, all: false },
    ]);
  });

  it.each(ROWS)('$endpoint as $actor → $expected', async ({ endpoint, actor, expected }) => {
    const sc = SCENARIOS[endpoint];
    const want = parse(expected);
    const auth: Headers = actor === 'anon' ? {} : await t.as(ACCOUNT[actor]);
    const s = await sc.prepare(t);
    const before = await sc.snapshot(t, s);

    const res = await sc.send(t, s, auth);
    if (res.status < 300 && want.status >= 300) unexpectedAllows.push(`${endpoint} as ${actor}: ${res.status}`);

    const got = { status: res.status, code: res.body?.code, message: res.body?.message };
    expect(got).toEqual({ ...got, status: want.status, ...(want.code ? { code: want.code } : {}) });
    const after = await sc.snapshot(t, s);
    if (want.status >= 400) {
      // Refused: the task and every part of it exactly as they were.
      expect(typeof res.body.code).toBe('string');
      if (s.task) expect(await versionOf(t, s.task.id)).toBe(s.task.version);
      expect(after).toEqual(before);
    } else {
      if (sc.writes) expect(after).not.toEqual(before);
      else expect(after).toEqual(before);
      await sc.ok?.(res, s, t, actor);
    }
  });

  it('allowed nothing the table denies', () => {
    const denials = ROWS.filter((r) => parse(r.expected).status >= 300).length;
    process.stderr.write(
      `access matrix (people): ${JSON.stringify({ rows: ROWS.length, denials, unexpectedAllows: unexpectedAllows.length })}\n`,
    );
    expect(unexpectedAllows).toEqual([]);
  });
});
