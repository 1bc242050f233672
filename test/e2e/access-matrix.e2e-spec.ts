import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { agencyId, directiveId, makeTask } from './support/fixtures.js';
import { untilFirstEvent } from './support/sse-client.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { withAgencyOrderLock } from './support/agency-order-lock.js';

/**
 * The access matrix: every endpoint × every kind of caller → exactly one HTTP status.
 *
 * The expectations below are written by hand from the rules (DESIGN.md §1-2 and the access brief), not
 * computed from the application's code: deny by default, a task the caller may not see answers 404,
 * a visible task with an event the role may not send answers 403 FORBIDDEN_ROLE, a wrong state 409.
 * Every row that writes gets a task (or user, agency) of its own, and a refused write must leave it
 * exactly as it was.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

type Actor = 'office' | 'committee' | 'inspector' | 'admin' | 'lead' | 'coord' | 'unrelated' | 'anon';
const ACTORS: readonly Actor[] = ['office', 'committee', 'inspector', 'admin', 'lead', 'coord', 'unrelated', 'anon'];

/** The account behind each kind of caller. The tasks of this suite are led by ban-tuyen-giao with ban-dan-van coordinating. */
const ACCOUNT: Record<Exclude<Actor, 'anon'>, string> = {
  office: 'vanphong',
  committee: 'thuongvu',
  inspector: 'kiemtra',
  admin: 'admin',
  lead: 'ban-tuyen-giao',
  coord: 'ban-dan-van',
  unrelated: 'ban-noi-chinh',
};
const LEAD = 'ban-tuyen-giao';
const COORD = 'ban-dan-van';
const REASSIGN_TO = 'ban-to-chuc';

/** A status, or a status and the error `code` the body must carry. */
type Expected = number | `${number} ${string}`;
type Row = Record<Actor, Expected>;

function row(
  office: Expected,
  committee: Expected,
  inspector: Expected,
  admin: Expected,
  lead: Expected,
  coord: Expected,
  unrelated: Expected,
  anon: Expected,
): Row {
  return { office, committee, inspector, admin, lead, coord, unrelated, anon };
}

const FR = '403 FORBIDDEN_ROLE'; // the task is visible but this role may not send this event
const IT = '409 INVALID_TRANSITION'; // the role may send the event, but not in this state
const NF = '404 NOT_FOUND'; // the task is not visible to the caller: never reveal it exists
const UA = '401 UNAUTHENTICATED'; // no token

// prettier-ignore
const MATRIX = {
  //                                                        office committee inspector admin lead coord unrelated anon
  'GET /health':                                        row(200,   200,      200,      200,  200, 200,  200,      200),
  'GET /health/live':                                   row(200,   200,      200,      200,  200, 200,  200,      200),
  'GET /health/ready':                                  row(200,   200,      200,      200,  200, 200,  200,      200),
  // Scraped by Prometheus; keep it off the public proxy (docs/deployment.md).
  'GET /metrics (root)':                                row(200,   200,      200,      200,  200, 200,  200,      200),
  'GET /docs':                                          row(200,   200,      200,      200,  200, 200,  200,      200),
  'GET /docs/openapi.json':                             row(200,   200,      200,      200,  200, 200,  200,      200),
  'POST /auth/login':                                   row(200,   200,      200,      200,  200, 200,  200,      200),
  'POST /auth/logout':                                  row(204,   204,      204,      204,  204, 204,  204,      UA),
  'GET /auth/me':                                       row(200,   200,      200,      200,  200, 200,  200,      UA),
  'GET /agencies':                                      row(200,   200,      200,      200,  200, 200,  200,      UA),
  // Every signed-in role may open the stream (the admin receives only its own notifications).
  'GET /events':                                        row(200,   200,      200,      200,  200, 200,  200,      UA),
  // A browser's way into the stream: a single-use ticket of the caller's own session.
  'POST /events/tickets':                               row(201,   201,      201,      201,  201, 201,  201,      UA),

  'GET /directives':                                    row(200,   200,      200,      403,  200, 200,  200,      UA),
  'GET /directives/:id':                                row(200,   200,      200,      403,  200, 200,  200,      UA),
  'POST /directives':                                   row(201,   403,      403,      403,  403, 403,  403,      UA),
  // Nhập văn bản: only the Office imports; the proposal writes nothing, the confirm creates the directive and drafts.
  'POST /directives/import':                            row(200,   403,      403,      403,  403, 403,  403,      UA),
  'POST /directives/import/confirm':                    row(201,   403,      403,      403,  403, 403,  403,      UA),

  'GET /tasks':                                         row(200,   200,      200,      403,  200, 200,  200,      UA),
  'POST /tasks':                                        row(201,   403,      403,      403,  403, 403,  403,      UA),
  // The list's bulk actions are the Office's; its export is a read, in the caller's scope.
  'POST /tasks/bulk':                                   row(200,   403,      403,      403,  403, 403,  403,      UA),
  'POST /tasks/export.xlsx':                            row(200,   200,      200,      403,  200, 200,  NF,       UA),
  'GET /tasks/:id (drafted)':                           row(200,   200,      200,      403,  NF,  NF,   NF,       UA),
  'GET /tasks/:id (assigned)':                          row(200,   200,      200,      403,  200, 200,  NF,       UA),
  'GET /tasks/:id (approved)':                          row(200,   200,      200,      403,  200, 200,  NF,       UA),
  'PATCH /tasks/:id (drafted)':                         row(200,   403,      403,      403,  NF,  NF,   NF,       UA),
  // Role before state: only the Office edits tasks, so for anyone else the answer is 403 whatever the state.
  'PATCH /tasks/:id (assigned)':                        row('409 TASK_NOT_EDITABLE', 403, 403, 403, 403, 403, NF, UA),

  'POST /tasks/:id/transitions ASSIGN (drafted)':       row(200,   FR,       FR,       403,  NF,  NF,   NF,       UA),
  'POST /tasks/:id/transitions REASSIGN (assigned)':    row(200,   FR,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions START (assigned)':       row(FR,    FR,       FR,       403,  200, FR,   NF,       UA),
  'POST /tasks/:id/transitions SUBMIT (in_progress)':   row(FR,    FR,       FR,       403,  200, FR,   NF,       UA),
  'POST /tasks/:id/transitions APPROVE (submitted)':    row(FR,    200,      FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions RETURN (submitted)':     row(FR,    200,      FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions CANCEL (drafted)':       row(200,   200,      FR,       403,  NF,  NF,   NF,       UA),
  'POST /tasks/:id/transitions CANCEL (in_progress)':   row(200,   200,      FR,       403,  FR,  FR,   NF,       UA),
  // Wrong state: 409 for the roles that may send the event, still 403 for the others (role is checked first).
  'POST /tasks/:id/transitions ASSIGN (in_progress)':   row(IT,    FR,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions REASSIGN (submitted)':   row(IT,    FR,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions START (in_progress)':    row(FR,    FR,       FR,       403,  IT,  FR,   NF,       UA),
  'POST /tasks/:id/transitions SUBMIT (assigned)':      row(FR,    FR,       FR,       403,  IT,  FR,   NF,       UA),
  'POST /tasks/:id/transitions APPROVE (in_progress)':  row(FR,    IT,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions RETURN (approved)':      row(FR,    IT,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions CANCEL (submitted)':     row(IT,    IT,       FR,       403,  FR,  FR,   NF,       UA),
  'POST /tasks/:id/transitions CANCEL (approved)':      row(IT,    IT,       FR,       403,  FR,  FR,   NF,       UA),

  'POST /tasks/:id/submissions (in_progress)':          row(403,   403,      403,      403,  201, 403,  NF,       UA),
  'POST /tasks/:id/submissions (assigned)':             row(403,   403,      403,      403,  409, 403,  NF,       UA),
  'POST /tasks/:id/submissions (drafted)':              row(403,   403,      403,      403,  NF,  NF,   NF,       UA),
  'GET /tasks/:taskId/files/:fileId':                   row(200,   200,      200,      403,  200, 200,  NF,       UA),
  'POST /tasks/:taskId/comments (assigned)':            row(201,   201,      403,      403,  201, 201,  NF,       UA),
  'POST /tasks/:taskId/comments (drafted)':             row(201,   201,      403,      403,  NF,  NF,   NF,       UA),

  // Xin gia hạn: only the lead agency asks, only the Standing Committee decides (the Office too when
  // EXTENSIONS_OFFICE_MAY_DECIDE=true, which this suite leaves off). Role before state, as for transitions.
  'POST /tasks/:id/extension-requests (in_progress)':   row(FR,    FR,       FR,       403,  201, FR,   NF,       UA),
  'POST /tasks/:id/extension-requests (submitted)':     row(FR,    FR,       FR,       403,  IT,  FR,   NF,       UA),
  'POST /extension-requests/:id/decision (open)':       row(FR,    200,      FR,       403,  FR,  FR,   NF,       UA),
  'POST /extension-requests/:id/decision (decided)':    row(FR,    '409 EXTENSION_ALREADY_DECIDED', FR, 403, FR, FR, NF, UA),
  // The deciders' queue: every task reader, each seeing the requests of the tasks it sees (checked in `ok`).
  'GET /extension-requests':                            row(200,   200,      200,      403,  200, 200,  200,      UA),

  // Each caller's own inbox; someone else's notification is not found, whoever asks.
  'GET /notifications':                                 row(200,   200,      200,      200,  200, 200,  200,      UA),
  'POST /notifications/:id/read (the lead\'s)':          row(NF,    NF,       NF,       NF,   204, NF,   NF,       UA),
  // Failed escalation steps: read by those who watch deadlines, closed by the Office.
  'GET /incidents':                                     row(200,   200,      200,      403,  403, 403,  403,      UA),
  'POST /incidents/:id/resolve':                        row(204,   403,      403,      403,  403, 403,  403,      UA),

  'GET /admin/users':                                   row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/users':                                  row(403,   403,      403,      201,  403, 403,  403,      UA),
  'PATCH /admin/users/:id':                             row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/users/:id/reset-password':               row(403,   403,      403,      204,  403, 403,  403,      UA),
  'GET /admin/agencies':                                row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/agencies':                               row(403,   403,      403,      201,  403, 403,  403,      UA),
  'PATCH /admin/agencies/:id':                          row(403,   403,      403,      200,  403, 403,  403,      UA),
  'PUT /admin/agencies/order':                          row(403,   403,      403,      200,  403, 403,  403,      UA),

  // Reports compare agencies with one another: the Office, the Standing Committee and the inspector read
  // them; agencies follow their own work on the board (403), the administrator has no tasks. Freezing a
  // report is a write, so the inspector may not.
  'GET /reports/summary':                               row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-agency':                             row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-directive':                          row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-field':                              row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-deliverable-type':                   row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/escalations':                           row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/review-queue':                          row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/averages':                              row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-agency.xlsx':                        row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/tasks.xlsx':                            row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/periodic.docx':                         row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/urging-letter.docx':                    row(200,   200,      200,      403,  403, 403,  403,      UA),
  // Every urging letter at once (by filters) or for a list selection: read like the single letter.
  'GET /reports/urging-letters.zip':                    row(200,   200,      200,      403,  403, 403,  403,      UA),
  'POST /reports/urging-letters.zip':                   row(200,   200,      200,      403,  403, 403,  403,      UA),
  'POST /reports/snapshots':                            row(201,   201,      403,      403,  403, 403,  403,      UA),
  'GET /reports/snapshots':                             row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/snapshots/:id':                         row(200,   200,      200,      403,  403, 403,  403,      UA),
} satisfies Record<string, Row>;

type Endpoint = keyof typeof MATRIX;
type Headers = Record<string, string>;

/** How to exercise one endpoint. */
interface Scenario<S> {
  /** Fresh data for the row (a task, a user...). */
  prepare?: (t: TestApp, actor: Actor) => Promise<S>;
  send: (t: TestApp, s: S, auth: Headers, actor: Actor) => Test | Promise<Response>;
  /** What a refused request (or any read) must leave untouched and a successful write must change. */
  snapshot?: (t: TestApp, s: S) => Promise<unknown>;
  /** Whether a successful answer must have changed the snapshot. */
  writes?: boolean;
  /** Extra checks on a 2xx answer. */
  ok?: (res: Response, s: S, t: TestApp, actor: Actor) => Promise<void> | void;
}

const scenario = <S>(s: Scenario<S>) => s as unknown as Scenario<unknown>;

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

type TaskState = 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
type TaskRef = { id: string; version: number };

async function taskSnapshot(t: TestApp, id: string) {
  const r = await t.db.query(
    `SELECT t.state, t.version, t.revision, t.lead_agency_id, t.title, t.due_date::text, t.updated_at,
            (SELECT count(*)::int FROM task_events e WHERE e.task_id = t.id) AS events,
            (SELECT count(*)::int FROM comments c WHERE c.task_id = t.id) AS comments,
            (SELECT count(*)::int FROM submissions s WHERE s.task_id = t.id) AS submissions,
            (SELECT count(*)::int FROM attachments a WHERE a.task_id = t.id) AS attachments,
            (SELECT count(*)::int FROM outbox o WHERE o.task_id = t.id) AS outbox
       FROM tasks t WHERE t.id = $1`,
    [id],
  );
  return r.rows[0];
}

async function versionOf(t: TestApp, id: string): Promise<number> {
  const r = await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].version;
}

/** A row on a fresh task of its own; `task` is also what the version check looks at. */
function onTask<X = object>(
  state: TaskState,
  send: (t: TestApp, task: TaskRef, extra: X, auth: Headers) => Test,
  opts: {
    withPendingSubmission?: boolean;
    /** false for a read: then even a successful answer must change nothing. */
    writes?: boolean;
    extra?: (t: TestApp) => Promise<X>;
    ok?: (res: Response, task: TaskRef, t: TestApp) => Promise<void> | void;
  } = {},
) {
  return scenario<{ task: TaskRef; extra: X }>({
    prepare: async (t) => ({
      task: await makeTask(t.db, {
        state,
        lead: LEAD,
        coordinating: [COORD],
        withPendingSubmission: opts.withPendingSubmission,
      }),
      extra: opts.extra ? await opts.extra(t) : ({} as X),
    }),
    send: (t, s, auth) => send(t, s.task, s.extra, auth),
    snapshot: (t, s) => taskSnapshot(t, s.task.id),
    writes: opts.writes ?? true,
    ok: opts.ok ? (res, s, t) => opts.ok!(res, s.task, t) : undefined,
  });
}

type Event = 'ASSIGN' | 'REASSIGN' | 'START' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'CANCEL';
const NEXT: Record<Event, TaskState | null> = {
  ASSIGN: 'assigned',
  REASSIGN: 'assigned',
  START: 'in_progress',
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  RETURN: 'in_progress',
  CANCEL: 'cancelled',
};

/** A transition with a complete, valid body, so that only role, visibility and state decide the answer. */
function transition(event: Event, state: TaskState) {
  return onTask<{ leadAgencyId?: string }>(
    state,
    (t, task, extra, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(auth)
        .send({ event, expectedVersion: task.version, comment: `Ý kiến cho ${event}`, ...extra }),
    {
      // SUBMIT needs a deliverable; APPROVE/RETURN find one because makeTask adds it to submitted tasks.
      withPendingSubmission: state === 'in_progress' && event === 'SUBMIT' ? true : undefined,
      extra: async (t) => (event === 'REASSIGN' ? { leadAgencyId: await agencyId(t.db, REASSIGN_TO) } : {}),
      ok: (res, task) => {
        expect(res.body).toMatchObject({ id: task.id, state: NEXT[event], version: task.version + 1 });
      },
    },
  );
}

function upload(state: TaskState) {
  return onTask(
    state,
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/submissions`)
        .set(auth)
        .field('note', 'Dự thảo kế hoạch')
        .attach('files', PDF, 'Dự thảo.pdf'),
    {
      ok: (res) => {
        expect(res.body.files).toHaveLength(1);
        expect(res.body.files[0]).toMatchObject({ fileName: 'Dự thảo.pdf', sizeBytes: PDF.length });
      },
    },
  );
}

function comment(state: TaskState) {
  return onTask(
    state,
    (t, task, _x, auth) =>
      t.http.post(`/api/tasks/${task.id}/comments`).set(auth).send({ body: 'Đề nghị đẩy nhanh tiến độ.' }),
    { ok: (res) => expect(res.body).toMatchObject({ body: 'Đề nghị đẩy nhanh tiến độ.' }) },
  );
}

function readTask(state: TaskState) {
  return onTask(state, (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}`).set(auth), {
    writes: false,
    ok: (res, task) => expect(res.body).toMatchObject({ id: task.id, state }),
  });
}

/** The task as `taskSnapshot` sees it, plus its extension requests: a refused ask or decision changes neither. */
async function extensionSnapshot(t: TestApp, s: { task: TaskRef }) {
  const requests = await t.db.query(
    `SELECT id, status, decided_by, decided_at, decision_comment FROM extension_requests WHERE task_id = $1 ORDER BY id`,
    [s.task.id],
  );
  return { task: await taskSnapshot(t, s.task.id), requests: requests.rows };
}

/** The lead agency's ask, with a complete, valid body (the task is due 2030-12-31, see makeTask). */
function askExtension(state: TaskState) {
  return scenario<{ task: TaskRef }>({
    prepare: async (t) => ({ task: await makeTask(t.db, { state, lead: LEAD, coordinating: [COORD] }) }),
    send: (t, s, auth) =>
      t.http
        .post(`/api/tasks/${s.task.id}/extension-requests`)
        .set(auth)
        .send({ requestedDueDate: '2031-06-30', reason: 'Cần thêm thời gian lấy ý kiến các huyện ủy.' }),
    snapshot: extensionSnapshot,
    writes: true,
    ok: (res, s) =>
      expect(res.body).toMatchObject({
        taskId: s.task.id,
        status: 'open',
        currentDueDate: '2030-12-31',
        requestedDueDate: '2031-06-30',
      }),
  });
}

/** A grant of a request on an in-progress task; `decided`: the request was refused already. */
function decideExtension(decided: boolean) {
  return scenario<{ task: TaskRef; requestId: string }>({
    prepare: async (t) => {
      const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
      const r = await t.db.query<{ id: string }>(
        `INSERT INTO extension_requests (task_id, requested_by, current_due_date, requested_due_date, reason,
                                         status, decided_at, decision_comment)
         SELECT $1, u.id, '2030-12-31', '2031-06-30', 'Cần thêm thời gian lấy ý kiến các huyện ủy.',
                $2, CASE WHEN $2 = 'open' THEN NULL ELSE now() END, CASE WHEN $2 = 'open' THEN NULL ELSE 'Không đồng ý.' END
           FROM users u WHERE u.username = $3
         RETURNING id`,
        [task.id, decided ? 'refused' : 'open', LEAD],
      );
      return { task, requestId: r.rows[0].id };
    },
    send: (t, s, auth) =>
      t.http
        .post(`/api/extension-requests/${s.requestId}/decision`)
        .set(auth)
        .send({ decision: 'grant', comment: 'Đồng ý gia hạn.' }),
    snapshot: extensionSnapshot,
    writes: true,
    ok: (res, s) => {
      expect(res.body.request).toMatchObject({ id: s.requestId, status: 'granted' });
      expect(res.body.task).toMatchObject({ id: s.task.id, dueDate: '2031-06-30', version: s.task.version + 1 });
    },
  });
}

async function login(t: TestApp, username: string): Promise<string> {
  const res = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** A throwaway account for the admin rows (never logs in; removed after the suite). */
async function throwawayUser(t: TestApp): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO users (username, full_name, role, password_hash) VALUES ($1, 'Tài khoản thử ma trận', 'inspector', 'not-a-hash') RETURNING id`,
    [`matrix-u-${uniq()}`],
  );
  return r.rows[0].id;
}

async function throwawayAgency(t: TestApp): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO agencies (code, name) VALUES ($1, 'Cơ quan thử ma trận') RETURNING id`,
    [`matrix-a-${uniq()}`],
  );
  return r.rows[0].id;
}

/** An unread notification for one account, as the worker would write it. */
async function notify(t: TestApp, username: string): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO notifications (user_id, kind, title, dedupe_key)
     SELECT id, 'remind_before', 'Nhắc hạn: nhiệm vụ sắp đến hạn', $2 FROM users WHERE username = $1
     RETURNING id`,
    [username, `matrix-${uniq()}`],
  );
  return r.rows[0].id;
}

/** An open incident: an escalation step of a task of our own that failed for good. */
async function incident(t: TestApp): Promise<string> {
  const task = await makeTask(t.db, { state: 'assigned', lead: LEAD, coordinating: [COORD] });
  const r = await t.db.query<{ id: string }>(
    `WITH a AS (
       INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at, status, attempts, last_error)
       VALUES ($1, 'overdue', 'PT0S', 1, 1, '{lead_agency,office}', $2, now(), 'failed', 5, 'disk full (simulated)')
       RETURNING id, task_id)
     INSERT INTO incidents (action_id, task_id, message) SELECT id, task_id, 'disk full (simulated)' FROM a RETURNING id`,
    [task.id, `matrix-${uniq()}`],
  );
  return r.rows[0].id;
}


/** Reading a report writes nothing: not even a snapshot. */
async function snapshotCount(t: TestApp) {
  return (await t.db.query(`SELECT count(*)::int AS n FROM report_snapshots`)).rows[0];
}

/** A report read with no filters (the whole province, live). */
function reportRead(path: string, ok: (res: Response) => void) {
  return scenario({
    send: (t, _s, auth) => t.http.get(`/api/reports/${path}`).set(auth),
    snapshot: snapshotCount,
    ok,
  });
}

/** The file every reader of its task may download: uploaded once, in beforeAll, by the lead agency. */
let shared: { taskId: string; fileId: string } | undefined;

/** A short directive text with two tasks, for the import rows. */
const IMPORT_TEXT =
  'CHƯƠNG TRÌNH CÔNG TÁC\n' +
  '1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì xây dựng Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng, hoàn thành trong quý II-2021.\n' +
  '2. Ban Tổ chức Tỉnh ủy chủ trì tham mưu Đề án sắp xếp tổ chức bộ máy, hoàn thành trong quý III-2021.\n';

async function importCounts(t: TestApp) {
  return (
    await t.db.query(
      `SELECT (SELECT count(*)::int FROM directives) AS directives, (SELECT count(*)::int FROM tasks) AS tasks`,
    )
  ).rows[0];
}

const SCENARIOS: Record<Endpoint, Scenario<unknown>> = {
  'GET /health': scenario({
    send: (t, _s, auth) => t.http.get('/api/health').set(auth),
    ok: (res) => expect(res.body.status).toBe('ok'),
  }),
  'GET /health/live': scenario({
    send: (t, _s, auth) => t.http.get('/api/health/live').set(auth),
    ok: (res) => expect(res.body.status).toBe('ok'),
  }),
  'GET /health/ready': scenario({
    send: (t, _s, auth) => t.http.get('/api/health/ready').set(auth),
    ok: (res) => {
      expect(res.body.status).toBe('ok');
      expect(res.body.details.migrations).toMatchObject({ status: 'up' });
    },
  }),
  'GET /metrics (root)': scenario({
    send: (t, _s, auth) => t.http.get('/metrics').set(auth),
    ok: (res) => expect(res.text).toContain('dondoc_http_request_duration_seconds'),
  }),
  'GET /docs': scenario({
    send: (t, _s, auth) => t.http.get('/api/docs').set(auth),
    ok: (res) => expect(res.text).toMatch(/swagger/i),
  }),
  'GET /docs/openapi.json': scenario({
    send: (t, _s, auth) => t.http.get('/api/docs/openapi.json').set(auth),
    ok: (res) => expect(res.body.paths).toHaveProperty('/api/tasks/{id}/transitions'),
  }),
  'POST /auth/login': scenario({
    // Anyone may sign in; the anonymous caller uses the Office's credentials without any token.
    send: (t, _s, _auth, actor) =>
      t.http
        .post('/api/auth/login')
        .send({ username: actor === 'anon' ? 'vanphong' : ACCOUNT[actor], password: DEMO_PASSWORD }),
    ok: (res, _s, _t, actor) => {
      expect(typeof res.body.accessToken).toBe('string');
      expect(res.body.user.username).toBe(actor === 'anon' ? 'vanphong' : ACCOUNT[actor]);
      expect(res.body.user).not.toHaveProperty('passwordHash');
    },
  }),
  'POST /auth/logout': scenario<{ auth: Headers }>({
    // A session of its own, so the cached tokens the other rows use stay alive.
    prepare: async (t, actor): Promise<{ auth: Headers }> => ({
      auth: actor === 'anon' ? {} : { Authorization: `Bearer ${await login(t, ACCOUNT[actor])}` },
    }),
    send: (t, s) => t.http.post('/api/auth/logout').set(s.auth),
    ok: async (_res, s, t) => {
      await t.http.get('/api/auth/me').set(s.auth).expect(401);
    },
  }),
  'GET /auth/me': scenario({
    send: (t, _s, auth) => t.http.get('/api/auth/me').set(auth),
    ok: (res, _s, _t, actor) => expect(res.body.username).toBe(ACCOUNT[actor as Exclude<Actor, 'anon'>]),
  }),
  'GET /agencies': scenario({
    send: (t, _s, auth) => t.http.get('/api/agencies').set(auth),
    ok: (res) => expect(res.body.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining([LEAD, COORD])),
  }),
  'POST /events/tickets': scenario({
    send: (t, _s, auth) => t.http.post('/api/events/tickets').set(auth),
    ok: (res) => {
      expect(res.body.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    },
  }),
  'GET /events': scenario({
    send: (t, _s, auth) => t.http.get('/api/events').set(auth).buffer(true).parse(untilFirstEvent),
    ok: (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(res.body).toMatch(/^event: ready$/m);
    },
  }),

  'GET /directives': scenario({
    send: (t, _s, auth) => t.http.get('/api/directives').set(auth),
    ok: (res) => expect(res.body.map((d: { number: string }) => d.number)).toContain('07-CTr/TU'),
  }),
  'GET /directives/:id': scenario<{ id: string }>({
    prepare: async (t) => ({ id: await directiveId(t.db) }),
    send: (t, s, auth) => t.http.get(`/api/directives/${s.id}`).set(auth),
    ok: (res, s) => {
      expect(res.body).toMatchObject({ id: s.id, number: '07-CTr/TU' });
      expect(Array.isArray(res.body.tasks)).toBe(true);
    },
  }),
  'POST /directives': scenario<{ number: string }>({
    writes: true,
    prepare: () => Promise.resolve({ number: `${uniq()}-MX/TU` }),
    send: (t, s, auth) =>
      t.http
        .post('/api/directives')
        .set(auth)
        .send({ number: s.number, kind: 'plan', title: 'Kế hoạch thử ma trận quyền' }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM directives WHERE number = $1`, [s.number])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ number: s.number, kind: 'plan' }),
  }),
  'POST /directives/import': scenario({
    send: (t, _s, auth) => t.http.post('/api/directives/import').set(auth).send({ text: IMPORT_TEXT }),
    snapshot: importCounts,
    ok: (res) => expect(res.body.tasks).toHaveLength(2),
  }),
  'POST /directives/import/confirm': scenario<{ number: string }>({
    writes: true,
    prepare: () => Promise.resolve({ number: `${uniq()}-NV/TU` }),
    send: (t, s, auth) =>
      t.http
        .post('/api/directives/import/confirm')
        .set(auth)
        .send({
          directive: { number: s.number, kind: 'plan', title: 'Chương trình nhập thử ma trận quyền' },
          tasks: [{ title: 'Kế hoạch tuyên truyền', deliverableType: 'ke_hoach', field: 'party_building' }],
        }),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM directives WHERE number = $1) AS directives,
                  (SELECT count(*)::int FROM tasks WHERE code = $1 || '-01') AS tasks`,
          [s.number],
        )
      ).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ directive: { number: s.number }, tasks: [{ code: `${s.number}-01` }] }),
  }),

  'GET /tasks': scenario({
    send: (t, _s, auth) => t.http.get('/api/tasks').set(auth),
    ok: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  }),
  'POST /tasks': scenario<{ directiveId: string; code: string }>({
    writes: true,
    prepare: async (t) => ({ directiveId: await directiveId(t.db), code: `MX-${uniq()}` }),
    send: (t, s, auth) =>
      t.http
        .post('/api/tasks')
        .set(auth)
        .send({
          directiveId: s.directiveId,
          code: s.code,
          title: 'Kế hoạch thử ma trận quyền',
          deliverableType: 'ke_hoach',
          field: 'economy',
        }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tasks WHERE code = $1`, [s.code])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ code: s.code, state: 'drafted', version: 1 }),
  }),
  'GET /tasks/:id (drafted)': readTask('drafted'),
  'GET /tasks/:id (assigned)': readTask('assigned'),
  'GET /tasks/:id (approved)': readTask('approved'),
  'PATCH /tasks/:id (drafted)': onTask(
    'drafted',
    (t, task, _x, auth) =>
      t.http
        .patch(`/api/tasks/${task.id}`)
        .set(auth)
        .send({ expectedVersion: task.version, title: 'Tiêu đề đã chỉnh sửa' }),
    { ok: (res, task) => expect(res.body).toMatchObject({ title: 'Tiêu đề đã chỉnh sửa', version: task.version + 1 }) },
  ),
  'PATCH /tasks/:id (assigned)': onTask('assigned', (t, task, _x, auth) =>
    t.http
      .patch(`/api/tasks/${task.id}`)
      .set(auth)
      .send({ expectedVersion: task.version, title: 'Tiêu đề đã chỉnh sửa' }),
  ),

  'POST /tasks/:id/transitions ASSIGN (drafted)': transition('ASSIGN', 'drafted'),
  'POST /tasks/:id/transitions REASSIGN (assigned)': transition('REASSIGN', 'assigned'),
  'POST /tasks/:id/transitions START (assigned)': transition('START', 'assigned'),
  'POST /tasks/:id/transitions SUBMIT (in_progress)': transition('SUBMIT', 'in_progress'),
  'POST /tasks/:id/transitions APPROVE (submitted)': transition('APPROVE', 'submitted'),
  'POST /tasks/:id/transitions RETURN (submitted)': transition('RETURN', 'submitted'),
  'POST /tasks/:id/transitions CANCEL (drafted)': transition('CANCEL', 'drafted'),
  'POST /tasks/bulk': onTask(
    'drafted',
    (t, task, _x, auth) =>
      t.http
        .post('/api/tasks/bulk')
        .set(auth)
        .send({
          action: 'cancel',
          items: [{ taskId: task.id, expectedVersion: task.version }],
          comment: 'Hủy theo danh sách',
        }),
    { ok: (res, task) => expect(res.body.tasks).toEqual([expect.objectContaining({ id: task.id, state: 'cancelled' })]) },
  ),
  'POST /tasks/export.xlsx': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.post('/api/tasks/export.xlsx').set(auth).send({ taskIds: [task.id] }),
    { writes: false, ok: (res) => expect(res.headers['content-type']).toMatch(/spreadsheetml/) },
  ),
  'POST /tasks/:id/transitions CANCEL (in_progress)': transition('CANCEL', 'in_progress'),
  'POST /tasks/:id/transitions ASSIGN (in_progress)': transition('ASSIGN', 'in_progress'),
  'POST /tasks/:id/transitions REASSIGN (submitted)': transition('REASSIGN', 'submitted'),
  'POST /tasks/:id/transitions START (in_progress)': transition('START', 'in_progress'),
  'POST /tasks/:id/transitions SUBMIT (assigned)': transition('SUBMIT', 'assigned'),
  'POST /tasks/:id/transitions APPROVE (in_progress)': transition('APPROVE', 'in_progress'),
  'POST /tasks/:id/transitions RETURN (approved)': transition('RETURN', 'approved'),
  'POST /tasks/:id/transitions CANCEL (submitted)': transition('CANCEL', 'submitted'),
  'POST /tasks/:id/transitions CANCEL (approved)': transition('CANCEL', 'approved'),

  'POST /tasks/:id/submissions (in_progress)': upload('in_progress'),
  'POST /tasks/:id/submissions (assigned)': upload('assigned'),
  'POST /tasks/:id/submissions (drafted)': upload('drafted'),
  'GET /tasks/:taskId/files/:fileId': scenario({
    send: (t, _s, auth) => t.http.get(`/api/tasks/${shared!.taskId}/files/${shared!.fileId}`).set(auth).buffer(true),
    ok: (res) => {
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
      expect(res.headers['content-disposition']).toContain('attachment');
    },
  }),
  'POST /tasks/:taskId/comments (assigned)': comment('assigned'),
  'POST /tasks/:taskId/comments (drafted)': comment('drafted'),

  'POST /tasks/:id/extension-requests (in_progress)': askExtension('in_progress'),
  'POST /tasks/:id/extension-requests (submitted)': askExtension('submitted'),
  'POST /extension-requests/:id/decision (open)': decideExtension(false),
  'POST /extension-requests/:id/decision (decided)': decideExtension(true),
  'GET /extension-requests': scenario<{ requestId: string }>({
    prepare: async (t) => {
      const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
      const r = await t.db.query<{ id: string }>(
        `INSERT INTO extension_requests (task_id, requested_by, current_due_date, requested_due_date, reason)
         SELECT $1, u.id, '2030-12-31', '2031-06-30', 'Cần thêm thời gian.' FROM users u WHERE u.username = $2
         RETURNING id`,
        [task.id, LEAD],
      );
      return { requestId: r.rows[0].id };
    },
    send: (t, _s, auth) => t.http.get('/api/extension-requests?limit=500').set(auth),
    ok: (res, s, _t, actor) => {
      const ids = res.body.items.map((i: { id: string }) => i.id);
      if (actor === 'unrelated') expect(ids).not.toContain(s.requestId);
      else expect(ids).toContain(s.requestId);
    },
  }),

  'GET /notifications': scenario<{ id: string }>({
    prepare: async (t, actor) => ({ id: actor === 'anon' ? '' : await notify(t, ACCOUNT[actor]) }),
    send: (t, _s, auth) => t.http.get('/api/notifications').set(auth),
    ok: (res, s) => {
      expect(res.body.items.map((n: { id: string }) => n.id)).toContain(s.id);
      expect(res.body.unread).toBeGreaterThan(0);
    },
  }),
  "POST /notifications/:id/read (the lead's)": scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({ id: await notify(t, LEAD) }),
    send: (t, s, auth) => t.http.post(`/api/notifications/${s.id}/read`).set(auth),
    snapshot: async (t, s) => (await t.db.query(`SELECT read_at FROM notifications WHERE id = $1`, [s.id])).rows[0],
  }),
  'GET /incidents': scenario<{ id: string }>({
    prepare: async (t) => ({ id: await incident(t) }),
    send: (t, _s, auth) => t.http.get('/api/incidents').set(auth),
    ok: (res, s) => expect(res.body.map((i: { id: string }) => i.id)).toContain(s.id),
  }),
  'POST /incidents/:id/resolve': scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({ id: await incident(t) }),
    send: (t, s, auth) => t.http.post(`/api/incidents/${s.id}/resolve`).set(auth),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT resolved_at, resolved_by FROM incidents WHERE id = $1`, [s.id])).rows[0],
  }),

  'GET /admin/users': scenario({
    send: (t, _s, auth) => t.http.get('/api/admin/users').set(auth),
    ok: (res) => {
      expect(res.body.map((u: { username: string }) => u.username)).toContain('vanphong');
      for (const u of res.body) expect(Object.keys(u).join(',')).not.toMatch(/password/i);
    },
  }),
  'POST /admin/users': scenario<{ username: string }>({
    writes: true,
    prepare: () => Promise.resolve({ username: `matrix-u-${uniq()}` }),
    send: (t, s, auth) =>
      t.http
        .post('/api/admin/users')
        .set(auth)
        .send({
          username: s.username,
          fullName: 'Tài khoản thử ma trận',
          role: 'inspector',
          password: 'mat-khau-tam-thoi-1',
        }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username = $1`, [s.username])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ username: s.username, role: 'inspector' }),
  }),
  'PATCH /admin/users/:id': scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({ id: await throwawayUser(t) }),
    send: (t, s, auth) => t.http.patch(`/api/admin/users/${s.id}`).set(auth).send({ fullName: 'Tên đã đổi' }),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT full_name, role, agency_id, active, password_hash, updated_at FROM users WHERE id = $1`,
          [s.id],
        )
      ).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, fullName: 'Tên đã đổi' }),
  }),
  'POST /admin/users/:id/reset-password': scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({ id: await throwawayUser(t) }),
    send: (t, s, auth) =>
      t.http.post(`/api/admin/users/${s.id}/reset-password`).set(auth).send({ password: 'mat-khau-moi-12345' }),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT full_name, role, agency_id, active, password_hash, updated_at FROM users WHERE id = $1`,
          [s.id],
        )
      ).rows[0],
  }),
  'GET /admin/agencies': scenario({
    send: (t, _s, auth) => t.http.get('/api/admin/agencies').set(auth),
    ok: (res) => expect(res.body.map((a: { code: string }) => a.code)).toContain(LEAD),
  }),
  'POST /admin/agencies': scenario<{ code: string }>({
    writes: true,
    prepare: () => Promise.resolve({ code: `matrix-a-${uniq()}` }),
    send: (t, s, auth) =>
      t.http.post('/api/admin/agencies').set(auth).send({ code: s.code, name: 'Cơ quan thử ma trận' }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM agencies WHERE code = $1`, [s.code])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ code: s.code, active: true }),
  }),
  'PATCH /admin/agencies/:id': scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({ id: await throwawayAgency(t) }),
    send: (t, s, auth) => t.http.patch(`/api/admin/agencies/${s.id}`).set(auth).send({ name: 'Tên cơ quan đã đổi' }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT name, kind, active, updated_at FROM agencies WHERE id = $1`, [s.id])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, name: 'Tên cơ quan đã đổi' }),
  }),
  // The official order is one setting for the whole database: set under the lock the suites that read lists in
  // order take (agency-order, vietnamese-order), then put back (no place anywhere) before letting go.
  'PUT /admin/agencies/order': scenario<{ placed: { n: number } }>({
    writes: true,
    prepare: () => Promise.resolve({ placed: { n: 0 } }),
    send: (t, s, auth) =>
      withAgencyOrderLock(t.db, 'set', async () => {
        try {
          let res: Response;
          // Another suite may register an agency between the read and the write: then read and send again.
          for (let attempt = 1; ; attempt++) {
            const ids = (await t.db.query<{ id: string }>(`SELECT id FROM agencies ORDER BY name, code`)).rows;
            res = await t.http
              .put('/api/admin/agencies/order')
              .set(auth)
              .send({ agencyIds: ids.map((a) => a.id) });
            if (res.status !== 400 || attempt === 5) break;
          }
          s.placed = (
            await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM agencies WHERE sort_order IS NOT NULL`)
          ).rows[0];
          return res;
        } finally {
          await t.db.query(`UPDATE agencies SET sort_order = NULL WHERE sort_order IS NOT NULL`);
        }
      }),
    // How many agencies had a place right after the request (the scenario puts them back at once).
    snapshot: (_t, s) => Promise.resolve({ ...s.placed }),
    ok: (res) => expect(res.body.length).toBeGreaterThan(10),
  }),

  'GET /reports/summary': reportRead('summary', (res) => expect(typeof res.body.figures.total).toBe('number')),
  'GET /reports/by-agency': reportRead('by-agency', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/by-directive': reportRead('by-directive', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/by-field': reportRead('by-field', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/by-deliverable-type': reportRead('by-deliverable-type', (res) =>
    expect(Array.isArray(res.body.rows)).toBe(true),
  ),
  'GET /reports/escalations': reportRead('escalations', (res) => expect(Array.isArray(res.body.items)).toBe(true)),
  'GET /reports/review-queue': reportRead('review-queue', (res) => expect(Array.isArray(res.body.items)).toBe(true)),
  'GET /reports/averages': reportRead('averages', (res) => expect(res.body).toHaveProperty('returns')),
  'GET /reports/by-agency.xlsx': reportRead('by-agency.xlsx', (res) =>
    expect(res.headers['content-type']).toMatch(/spreadsheetml/),
  ),
  'GET /reports/tasks.xlsx': reportRead('tasks.xlsx', (res) => expect(res.headers['content-type']).toMatch(/spreadsheetml/)),
  'GET /reports/periodic.docx': reportRead('periodic.docx', (res) =>
    expect(res.headers['content-type']).toMatch(/wordprocessingml/),
  ),
  'GET /reports/urging-letter.docx': scenario<{ agencyId: string }>({
    prepare: async (t) => ({ agencyId: await agencyId(t.db, LEAD) }),
    send: (t, s, auth) => t.http.get('/api/reports/urging-letter.docx').query({ agencyId: s.agencyId }).set(auth),
    snapshot: snapshotCount,
    ok: (res) => expect(res.headers['content-type']).toMatch(/wordprocessingml/),
  }),
  // An overdue task of the lead's of its own, so there is always a letter to make.
  'GET /reports/urging-letters.zip': scenario<{ task: TaskRef; agencyId: string }>({
    prepare: async (t) => ({
      task: await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD], dueDate: '2021-01-15' }),
      agencyId: await agencyId(t.db, LEAD),
    }),
    send: (t, s, auth) => t.http.get('/api/reports/urging-letters.zip').query({ agencyId: s.agencyId }).set(auth),
    snapshot: snapshotCount,
    ok: (res) => expect(res.headers['content-type']).toBe('application/zip'),
  }),
  'POST /reports/urging-letters.zip': scenario<{ task: TaskRef }>({
    prepare: async (t) => ({
      task: await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD], dueDate: '2021-01-15' }),
    }),
    send: (t, s, auth) => t.http.post('/api/reports/urging-letters.zip').set(auth).send({ taskIds: [s.task.id] }),
    snapshot: snapshotCount,
    ok: (res) => expect(res.headers['content-type']).toBe('application/zip'),
  }),
  'POST /reports/snapshots': scenario<{ title: string }>({
    writes: true,
    prepare: () => Promise.resolve({ title: `Báo cáo thử ma trận ${uniq()}` }),
    send: (t, s, auth) => t.http.post('/api/reports/snapshots').set(auth).send({ title: s.title, asOf: '2021-06-30' }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM report_snapshots WHERE title = $1`, [s.title])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ title: s.title, asOf: '2021-06-30', live: false }),
  }),
  'GET /reports/snapshots': reportRead('snapshots', (res) => expect(Array.isArray(res.body.items)).toBe(true)),
  'GET /reports/snapshots/:id': scenario<{ id: string }>({
    // Frozen through the API, so the stored figures are what the API writes (the document is checked).
    prepare: async (t) => ({
      id: (
        await t.http
          .post('/api/reports/snapshots')
          .set(await t.as('vanphong'))
          .send({ title: 'Báo cáo thử ma trận', asOf: '2021-06-30' })
          .expect(201)
      ).body.id,
    }),
    send: (t, s, auth) => t.http.get(`/api/reports/snapshots/${s.id}`).set(auth),
    snapshot: snapshotCount,
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, title: 'Báo cáo thử ma trận' }),
  }),
};

/** Every error leaves as `{code, message}` and never with a stack. */
function expectErrorBody(res: Response): void {
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(typeof res.body.code).toBe('string');
  expect(typeof res.body.message).toBe('string');
  expect(res.body).not.toHaveProperty('stack');
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
}

function parse(expected: Expected): { status: number; code?: string } {
  if (typeof expected === 'number') return { status: expected };
  const [status, code] = expected.split(' ');
  return { status: Number(status), code };
}

const ROWS = (Object.keys(MATRIX) as Endpoint[]).flatMap((endpoint) =>
  ACTORS.map((actor) => ({ endpoint, actor, expected: MATRIX[endpoint][actor] })),
);

describe('access matrix: every endpoint × every kind of caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Every row and the list checks sign in: lift the per-address login limit for this suite only.
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    const up = await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(await t.as(LEAD))
      .field('note', 'Tệp dùng chung cho ma trận')
      .attach('files', PDF, 'Báo cáo.pdf')
      .expect(201);
    shared = { taskId: task.id, fileId: up.body.files[0].id };
  });
  afterAll(async () => {
    if (!t) return;
    // The accounts and agencies this suite made must not show up in other suites' lists.
    await t.db.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username LIKE 'matrix-u-%')`);
    await t.db.query(`DELETE FROM users WHERE username LIKE 'matrix-u-%'`);
    await t.db.query(`DELETE FROM agencies WHERE code LIKE 'matrix-a-%'`);
    await t.close();
  });

  it('has a scenario for every endpoint of the table and a column for every kind of caller', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const r of Object.values(MATRIX)) expect(Object.keys(r).sort()).toEqual([...ACTORS].sort());
  });

  it('has a row for every route the API serves', async () => {
    const doc = await t.http.get('/api/docs/openapi.json').expect(200);
    const served = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, ':')}`),
    );
    const covered = new Set(
      Object.keys(MATRIX).map((k) => k.replace(/ (\(|[A-Z]+ \().*$/, '').replace(/:[A-Za-z]+/g, ':')),
    );
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(ROWS)('$endpoint as $actor → $expected', async ({ endpoint, actor, expected }) => {
    const sc = SCENARIOS[endpoint];
    const want = parse(expected);
    const auth: Headers = actor === 'anon' ? {} : await t.as(ACCOUNT[actor]);
    const s = sc.prepare ? await sc.prepare(t, actor) : undefined;
    const before = sc.snapshot ? await sc.snapshot(t, s) : undefined;
    const task = (s as { task?: TaskRef } | undefined)?.task;

    const res = await sc.send(t, s, auth, actor);

    // The answer's code and message ride along so that a wrong status shows why.
    const got = { status: res.status, code: res.body?.code, message: res.body?.message };
    expect(got).toEqual({ ...got, status: want.status, ...(want.code ? { code: want.code } : {}) });
    if (want.status === 401) expect(res.body.code).toBe('UNAUTHENTICATED');
    if (want.status >= 400) {
      expectErrorBody(res);
      // A refused request changes nothing: same version, same history, same comments and files.
      if (task) expect(await versionOf(t, task.id)).toBe(task.version);
      if (sc.snapshot) expect(await sc.snapshot(t, s)).toEqual(before);
    } else if (sc.snapshot) {
      // A successful write leaves a trace; a successful read leaves none.
      if (sc.writes) expect(await sc.snapshot(t, s)).not.toEqual(before);
      else expect(await sc.snapshot(t, s)).toEqual(before);
    }
    if (want.status < 400) {
      await sc.ok?.(res, s, t, actor);
    }
  });
});

describe('what agencies see', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    // Drafts and cross-agency tasks of our own, so there is something that must stay hidden.
    await makeTask(t.db, { state: 'drafted', lead: LEAD, coordinating: [COORD] });
    await makeTask(t.db, { state: 'drafted', lead: 'ban-noi-chinh', coordinating: [LEAD] });
    await makeTask(t.db, { state: 'assigned', lead: REASSIGN_TO, coordinating: ['ban-noi-chinh', COORD] });
    await makeTask(t.db, { state: 'in_progress', lead: COORD, coordinating: [] });
    await makeTask(t.db, { state: 'submitted', lead: 'ban-noi-chinh', coordinating: [REASSIGN_TO] });
  });
  afterAll(() => t.close());

  type Item = { id: string; state: string; leadAgencyId: string | null; coordinatingAgencyIds: string[] };
  const involves = (item: Item, agency: string) =>
    item.leadAgencyId === agency || item.coordinatingAgencyIds.includes(agency);

  it("lists never contain another agency's tasks, nor drafts, whatever the filters", async () => {
    // Every agency that has an account to sign in with (the demo accounts are named after their agency).
    // Lists are read at the API's largest page: the suites before this one give an agency over a thousand tasks.
    const agencies = (
      await t.db.query<{ code: string; id: string }>(
        `SELECT a.code, a.id FROM agencies a
           JOIN users u ON u.username = a.code AND u.agency_id = a.id AND u.role = 'agency' AND u.active
          WHERE a.active ORDER BY a.code`,
      )
    ).rows;
    expect(agencies.length).toBeGreaterThanOrEqual(10);
    const all = (await t.db.query<{ code: string; id: string }>(`SELECT code, id FROM agencies`)).rows;
    const directives = (
      await t.http
        .get('/api/directives')
        .set(await t.as('vanphong'))
        .expect(200)
    ).body as { id: string }[];
    expect(directives.length).toBeGreaterThan(0);

    for (const { code, id } of agencies) {
      const auth = await t.as(code);
      const list = await t.http.get('/api/tasks').query({ limit: 10_000 }).set(auth).expect(200);
      const items = list.body.items as Item[];
      for (const item of items) {
        expect({ agency: code, task: item.id, involved: involves(item, id), state: item.state }).toEqual(
          expect.objectContaining({ involved: true, state: expect.not.stringMatching(/^drafted$/) }),
        );
      }
      // ... and every task it leads or coordinates once out of the drafts, no more, no fewer.
      const truth = await t.db.query<{ id: string }>(
        `SELECT id FROM tasks WHERE state <> 'drafted' AND (lead_agency_id = $1 OR $1 = ANY(coordinating_agency_ids))`,
        [id],
      );
      expect(list.body.total).toBe(truth.rows.length);
      expect(items.map((i) => i.id).sort()).toEqual(truth.rows.map((r) => r.id).sort());
      const mine = new Set(items.map((i) => i.id));

      // Filters narrow, never widen.
      const drafts = await t.http.get('/api/tasks').query({ state: 'drafted', limit: 10_000 }).set(auth).expect(200);
      expect({ agency: code, drafts: drafts.body.total }).toEqual({ agency: code, drafts: 0 });
      const everyState = await t.http
        .get('/api/tasks')
        .query({ state: 'drafted,assigned,in_progress,submitted,approved,cancelled', limit: 10_000 })
        .set(auth)
        .expect(200);
      expect(everyState.body.total).toBe(list.body.total);
      const filtered = await Promise.all(
        all
          .filter((other) => other.id !== id)
          .map(async (other) => ({
            other,
            res: await t.http.get('/api/tasks').query({ agencyId: other.id, limit: 10_000 }).set(auth),
          })),
      );
      for (const { other, res } of filtered) {
        expect({ agency: code, filter: other.code, status: res.status }).toEqual({
          agency: code,
          filter: other.code,
          status: 200,
        });
        for (const item of res.body.items as Item[]) {
          expect({
            agency: code,
            filter: other.code,
            task: item.id,
            visible: mine.has(item.id),
            involved: involves(item, id),
          }).toEqual({
            agency: code,
            filter: other.code,
            task: item.id,
            visible: true,
            involved: true,
          });
          expect(item.state).not.toBe('drafted');
        }
      }

      // A directive's page shows the same slice.
      for (const d of directives) {
        const res = await t.http.get(`/api/directives/${d.id}`).set(auth).expect(200);
        for (const item of res.body.tasks as Item[]) {
          expect({
            agency: code,
            directive: d.id,
            task: item.id,
            involved: involves(item, id),
            state: item.state,
          }).toEqual(expect.objectContaining({ involved: true, state: expect.not.stringMatching(/^drafted$/) }));
          expect(mine.has(item.id)).toBe(true);
        }
        expect(res.body.progress.total).toBe(res.body.tasks.length);
      }
    }
  }, 300_000);
});

describe('ids, sessions and error bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const unknown = randomUUID();
  it.each([
    ['GET', `/api/tasks/${unknown}`],
    ['GET', '/api/tasks/not-a-uuid'],
    ['GET', `/api/tasks/${unknown.toUpperCase()}`],
    ['GET', `/api/directives/${unknown}`],
    ['GET', '/api/directives/not-a-uuid'],
    ['GET', `/api/tasks/${unknown}/files/${randomUUID()}`],
    ['GET', '/api/tasks/not-a-uuid/files/not-a-uuid'],
    ['PATCH', `/api/tasks/${unknown}`],
    ['POST', `/api/tasks/${unknown}/transitions`],
    ['POST', `/api/tasks/${unknown}/comments`],
    ['POST', '/api/tasks/not-a-uuid/comments'],
  ])('%s %s → 404 for the Office', async (method, url) => {
    const office = await t.as('vanphong');
    const bodies: Record<string, Record<string, unknown>> = {
      PATCH: { expectedVersion: 1, title: 'Không tồn tại' },
      POST: url.endsWith('comments')
        ? { body: 'Không tồn tại' }
        : { event: 'CANCEL', expectedVersion: 1, comment: 'Không tồn tại' },
    };
    const req = method === 'GET' ? t.http.get(url) : method === 'PATCH' ? t.http.patch(url) : t.http.post(url);
    const res = method === 'GET' ? await req.set(office) : await req.set(office).send(bodies[method]);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expectErrorBody(res);
  });

  it('answers 404 for an existing file asked for through another task', async () => {
    const a = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    const b = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    const lead = await t.as(LEAD);
    const up = await t.http.post(`/api/tasks/${a.id}/submissions`).set(lead).attach('files', PDF, 'a.pdf').expect(201);
    const res = await t.http.get(`/api/tasks/${b.id}/files/${up.body.files[0].id}`).set(lead);
    expect(res.status).toBe(404);
    expectErrorBody(res);
  });

  it('refuses a token once its session has been logged out', async () => {
    const token = await login(t, 'kiemtra');
    const auth = { Authorization: `Bearer ${token}` };
    await t.http.get('/api/auth/me').set(auth).expect(200);
    await t.http.post('/api/auth/logout').set(auth).expect(204);
    for (const res of [
      await t.http.get('/api/auth/me').set(auth),
      await t.http.get('/api/tasks').set(auth),
      await t.http.post('/api/auth/logout').set(auth),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expectErrorBody(res);
    }
    // Other sessions of the same account are untouched.
    await t.http
      .get('/api/auth/me')
      .set(await t.as('kiemtra'))
      .expect(200);
  });

  it.each([
    ['a malformed header', { Authorization: 'Token abc' }],
    ['a forged token', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwic2lkIjoieSJ9.c2lnbmF0dXJl' }],
    ['an unsigned token', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }],
  ])('answers 401 for %s', async (_what, headers) => {
    const res = await t.http.get('/api/tasks').set(headers);
    expect(res.status).toBe(401);
    expectErrorBody(res);
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password, and 400 for a malformed login', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'ban-dan-van', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expectErrorBody(wrong);
    const malformed = await t.http.post('/api/auth/login').send({ username: 'ban-dan-van' });
    expect(malformed.status).toBe(400);
    expectErrorBody(malformed);
  });

  it('answers a broken JSON body with a clean 400', async () => {
    const res = await t.http
      .post('/api/tasks')
      .set(await t.as('vanphong'))
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(res.status).toBe(400);
    expectErrorBody(res);
  });
});
