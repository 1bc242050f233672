import { randomUUID } from 'node:crypto';
import { ROOT_ORGANISATION_ID } from '@dondoc/persistence';
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
const FB = '403 FORBIDDEN'; // the route is not for this role at all (the role guard answers)
const MD = '409 MILESTONE_ALREADY_DONE';
const CS = '409 CONTRIBUTION_STATUS_CONFLICT';
const PC = '409 PERIOD_CLOSED';

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
  // The organisation tree from the caller's own organisation down (issue 20): structure, like the agency registry.
  'GET /organisations':                                 row(200,   200,      200,      200,  200, 200,  200,      UA),
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
  // A task's sub-tasks and figures rolled up from them (issue 20): who reads the task reads its breakdown.
  'GET /tasks/:id/sub-tasks (assigned)':                row(200,   200,      200,      403,  200, 200,  NF,       UA),
  'GET /tasks/:id/sub-tasks (drafted)':                 row(200,   200,      200,      403,  NF,  NF,   NF,       UA),
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
  // Classified tasks (issue 17): only the Office sets a level or a list; the Standing Committee and the inspector
  // read a list; agencies never do. On an unclassified task there is no list to set (409 NOT_CLASSIFIED).
  'PUT /tasks/:id/classification (assigned)':           row(200,   FB,       FB,       403,  FB,  FB,   NF,       UA),
  'GET /tasks/:id/access (assigned)':                   row(200,   200,      200,      403,  FB,  FB,   NF,       UA),
  'PUT /tasks/:id/access (assigned)':                   row('409 NOT_CLASSIFIED', FB, FB, 403, FB, FB, NF,       UA),
  'PUT /tasks/:id/access (secret)':                     row(200,   FB,       NF,       403,  FB,  NF,   NF,       UA),
  // Role alone is not enough: a tối mật task whose list names the Office clerk and the lead's head.
  'GET /tasks/:id (secret, listed: office and lead)':   row(200,   NF,       NF,       403,  200, NF,   NF,       UA),
  'PUT /directives/:id/classification':                 row(200,   FB,       FB,       403,  FB,  FB,   FB,       UA),
  'GET /directives/:id/access':                         row(200,   200,      200,      403,  FB,  FB,   FB,       UA),
  'PUT /directives/:id/access':                         row('409 NOT_CLASSIFIED', FB, FB, 403, FB, FB, FB,       UA),
  'GET /incidents':                                     row(200,   200,      200,      403,  403, 403,  403,      UA),
  'POST /incidents/:id/resolve':                        row(204,   403,      403,      403,  403, 403,  403,      UA),
  // The record of access to classified items (issue 17): the Inspection Committee and the administrator read and
  // export it; nobody else, not even the Office that keeps the access lists.
  'GET /access-log':                                    row(FB,    FB,       200,      200,  FB,  FB,   FB,       UA),
  'GET /access-log.xlsx':                               row(FB,    FB,       200,      200,  FB,  FB,   FB,       UA),

  'GET /admin/users':                                   row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/users':                                  row(403,   403,      403,      201,  403, 403,  403,      UA),
  'PATCH /admin/users/:id':                             row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/users/:id/reset-password':               row(403,   403,      403,      204,  403, 403,  403,      UA),
  'GET /admin/agencies':                                row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/agencies':                               row(403,   403,      403,      201,  403, 403,  403,      UA),
  'PATCH /admin/agencies/:id':                          row(403,   403,      403,      200,  403, 403,  403,      UA),
  'PUT /admin/agencies/order':                          row(403,   403,      403,      200,  403, 403,  403,      UA),
  'POST /admin/organisations':                          row(403,   403,      403,      201,  403, 403,  403,      UA),
  'PATCH /admin/organisations/:id':                     row(403,   403,      403,      200,  403, 403,  403,      UA),

  // Reports compare agencies with one another: the Office, the Standing Committee and the inspector read
  // them; agencies follow their own work on the board (403), the administrator has no tasks. Freezing a
  // report is a write, so the inspector may not.
  'GET /reports/summary':                               row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-agency':                             row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/by-organisation':                       row(200,   200,      200,      403,  403, 403,  403,      UA),
  'GET /reports/roll-up':                               row(200,   200,      200,      403,  403, 403,  403,      UA),
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
  // Issue 15's figures and the documents of one reporting period: read like the other reports.
  // By person (handling or monitoring officer): agencies read it too, over the tasks they see.
  'GET /reports/by-person':                             row(200,   200,      200,      FB,   200, 200,  200,      UA),
  'GET /reports/coordination':                          row(200,   200,      200,      FB,   FB,  FB,   FB,       UA),
  'GET /reports/milestones':                            row(200,   200,      200,      FB,   FB,  FB,   FB,       UA),
  'GET /reports/tasks.xlsx (period)':                   row(200,   200,      200,      FB,   FB,  FB,   FB,       UA),
  'GET /reports/periodic.docx (period)':                row(200,   200,      200,      FB,   FB,  FB,   FB,       UA),

  // The people of a task (6 rõ): the lead agency's head names its officer; the Office the monitoring officer,
  // authority and key flag. Role before state; a task the caller cannot see is not found.
  'GET /people':                                        row(200,   200,      200,      FB,   200, 200,  200,      UA),
  'PATCH /tasks/:id/people (officer, assigned)':        row(FR,    FR,       FR,       FB,   200, FR,   NF,       UA),
  'PATCH /tasks/:id/people (officer, approved)':        row(FR,    FR,       FR,       FB,   IT,  FR,   NF,       UA),
  'PATCH /tasks/:id/people (monitoring, assigned)':     row(200,   FR,       FR,       FB,   FR,  FR,   NF,       UA),
  'PATCH /tasks/:id/people (monitoring, drafted)':      row(200,   FR,       FR,       FB,   NF,  NF,   NF,       UA),
  // An agency's settings (the lead's here): its own people read them; another agency's are not found.
  'GET /agencies/:id/settings':                         row(200,   200,      200,      FB,   200, NF,   NF,       UA),
  'PATCH /agencies/:id/settings (officersActOnAll)':    row(FR,    FB,       FB,       FB,   200, NF,   NF,       UA),
  'PATCH /agencies/:id/settings (monitoring)':          row(200,   FB,       FB,       FB,   FR,  NF,   NF,       UA),

  // Milestones: set by the Office (drafts too) or the lead's workers once the task is theirs; reached likewise.
  'GET /tasks/:id/milestones (assigned)':               row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  'GET /tasks/:id/milestones (drafted)':                row(200,   200,      200,      FB,   NF,  NF,   NF,       UA),
  'PUT /tasks/:id/milestones (assigned)':               row(200,   FR,       FR,       FB,   200, FR,   NF,       UA),
  'PUT /tasks/:id/milestones (drafted)':                row(200,   FR,       FR,       FB,   NF,  NF,   NF,       UA),
  'PUT /tasks/:id/milestones (approved)':               row(IT,    FR,       FR,       FB,   IT,  FR,   NF,       UA),
  'POST /milestones/:id/done (in_progress)':            row(200,   FR,       FR,       FB,   200, FR,   NF,       UA),
  'POST /milestones/:id/done (approved)':               row(IT,    FR,       FR,       FB,   IT,  FR,   NF,       UA),
  'POST /milestones/:id/done (reached)':                row(MD,    FR,       FR,       FB,   MD,  FR,   NF,       UA),

  // Contributions: the lead (or the Office) asks, the coordinator asked hands in, the lead accepts or returns.
  // A coordinator sees its own contribution only; other agencies see nothing.
  'GET /contributions':                                 row(200,   200,      200,      FB,   200, 200,  200,      UA),
  'GET /tasks/:id/contributions (assigned)':            row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  'PUT /tasks/:id/contributions/:agencyId (assigned)':  row(200,   FR,       FR,       FB,   200, FR,   NF,       UA),
  'PUT /tasks/:id/contributions/:agencyId (drafted)':   row(IT,    FR,       FR,       FB,   NF,  NF,   NF,       UA),
  'PUT /tasks/:id/contributions/:agencyId (approved)':  row(IT,    FR,       FR,       FB,   IT,  FR,   NF,       UA),
  'POST /contributions/:id/versions (requested)':       row(FR,    FR,       FR,       FB,   FR,  201,  NF,       UA),
  'POST /contributions/:id/versions (accepted)':        row(FR,    FR,       FR,       FB,   FR,  CS,   NF,       UA),
  'POST /contributions/:id/versions (task approved)':   row(FR,    FR,       FR,       FB,   FR,  IT,   NF,       UA),
  'POST /contributions/:id/accept (submitted)':         row(FR,    FR,       FR,       FB,   200, FR,   NF,       UA),
  'POST /contributions/:id/accept (requested)':         row(FR,    FR,       FR,       FB,   CS,  FR,   NF,       UA),
  'POST /contributions/:id/return (submitted)':         row(FR,    FR,       FR,       FB,   200, FR,   NF,       UA),
  'GET /contributions/:id/files/:fileId (own)':         row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  "GET /contributions/:id/files/:fileId (another coordinator's)": row(200, 200, 200, FB, 200, NF, NF, UA),

  // Progress: the lead's workers report while the task is under way; whoever sees the task reads it.
  'POST /tasks/:id/progress (in_progress)':             row(FR,    FR,       FR,       FB,   201, FR,   NF,       UA),
  'POST /tasks/:id/progress (approved)':                row(FR,    FR,       FR,       FB,   IT,  FR,   NF,       UA),
  'POST /tasks/:id/progress (drafted)':                 row(FR,    FR,       FR,       FB,   NF,  NF,   NF,       UA),
  'GET /tasks/:id/progress (assigned)':                 row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  'GET /progress-reports/:id/files/:fileId':            row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  // Reporting periods: the Office opens, closes and urges; an agency sees a period only where it is asked.
  'POST /reporting-periods':                            row(201,   FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'GET /reporting-periods':                             row(200,   200,      200,      FB,   200, 200,  200,      UA),
  'GET /reporting-periods/:id':                         row(200,   200,      200,      FB,   200, NF,   NF,       UA),
  'POST /reporting-periods/:id/close (open)':           row(200,   FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'POST /reporting-periods/:id/close (closed)':         row(PC,    FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'POST /reporting-periods/:id/remind (open)':          row(200,   FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'POST /reporting-periods/:id/remind (closed)':        row(PC,    FB,       FB,       FB,   FB,  FB,   FB,       UA),

  // Recurring work and the monthly program carried forward: the Office's; readers see the series they are in.
  'POST /directives/:id/series':                        row(201,   FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'GET /directives/:id/series':                         row(200,   200,      200,      FB,   200, 200,  200,      UA),
  'PATCH /series/:id':                                  row(200,   FB,       FB,       FB,   FB,  FB,   FB,       UA),
  'GET /series/:id/instances':                          row(200,   200,      200,      FB,   200, 200,  NF,       UA),
  'POST /directives/:id/carry-forward':                 row(201,   FB,       FB,       FB,   FB,  FB,   FB,       UA),

  // The working calendar: everyone signed in reads it and counts on it; the Office (and the administrator) enter
  // a year's official schedule or withdraw it.
  'GET /calendar':                                      row(200,   200,      200,      200,  200, 200,  200,      UA),
  'GET /calendar/span':                                 row(200,   200,      200,      200,  200, 200,  200,      UA),
  'PUT /calendar/years/:year':                          row(200,   FB,       FB,       200,  FB,  FB,   FB,       UA),
  'DELETE /calendar/years/:year':                       row(200,   FB,       FB,       200,  FB,  FB,   FB,       UA),
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
  send: (t: TestApp, task: TaskRef, extra: X, auth: Headers) => Test | Promise<Response>,
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

function readSubTasks(state: TaskState) {
  return onTask(state, (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/sub-tasks`).set(auth), {
    writes: false,
    ok: (res, task) => expect(res.body).toMatchObject({ taskId: task.id, items: [], rollUp: { total: 0 } }),
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

/** Every row of a task and of its parts: a refused write must leave all of them exactly as they were. */
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

/** A milestone of the task, as the Office's PUT would store it (reached already when `done`). */
async function addMilestone(t: TestApp, taskId: string, done = false): Promise<string> {
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO milestones (task_id, label, due_date, done_at, done_by)
     SELECT $1, 'Hoàn thành dự thảo', '2030-06-30', CASE WHEN $2 THEN now() END, CASE WHEN $2 THEN u.id END
       FROM users u WHERE u.username = 'vanphong'
     RETURNING id`,
    [taskId, done],
  );
  return r.rows[0].id;
}

/** The lead asks a coordinator for its contribution, through the API. */
async function askContribution(t: TestApp, taskId: string, lead: string, coordinator: string): Promise<string> {
  const res = await t.http
    .put(`/api/tasks/${taskId}/contributions/${await agencyId(t.db, coordinator)}`)
    .set(await t.as(lead))
    .send({ request: 'Đề nghị cung cấp số liệu về kết quả thực hiện.' })
    .expect(200);
  return res.body.id as string;
}

/** The coordinator hands its contribution in (with a file): the file's id. */
async function handIn(t: TestApp, contributionId: string, coordinator: string): Promise<string> {
  const res = await t.http
    .post(`/api/contributions/${contributionId}/versions`)
    .set(await t.as(coordinator))
    .field('note', 'Số liệu phối hợp')
    .attach('files', PDF, 'Số liệu.pdf')
    .expect(201);
  return res.body.versions.at(-1).files[0].id as string;
}

/** The lead's progress report with a file, through the API: the report and file ids. */
async function reportProgress(t: TestApp, taskId: string, lead: string): Promise<{ id: string; fileId: string }> {
  const res = await t.http
    .post(`/api/tasks/${taskId}/progress`)
    .set(await t.as(lead))
    .field('percent', '30')
    .field('narrative', 'Đã xây dựng đề cương.')
    .attach('files', PDF, 'Tiến độ.pdf')
    .expect(201);
  return { id: res.body.id, fileId: res.body.files[0].id };
}

/** Dates of a custom reporting period no other one has (kind, start and end are unique together). */
async function freePeriodDates(t: TestApp): Promise<{ startsOn: string; endsOn: string }> {
  const r = await t.db.query<{ s: string; e: string }>(
    `SELECT (d)::text AS s, (d + 29)::text AS e
       FROM (SELECT coalesce(max(starts_on) + 1, date '2060-01-01') AS d
               FROM reporting_periods WHERE kind = 'custom' AND starts_on >= date '2060-01-01') x`,
  );
  return { startsOn: r.rows[0].s, endsOn: r.rows[0].e };
}

/** A reporting period of our own that asks for these tasks only (closed already when `closed`). */
async function addPeriod(t: TestApp, taskIds: string[], closed = false): Promise<string> {
  const { startsOn, endsOn } = await freePeriodDates(t);
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO reporting_periods (kind, label, starts_on, ends_on, due_date, opened_by, closed_at)
     SELECT 'custom', 'Kỳ thử ma trận', $1::date, $2::date, $2::date, u.id, CASE WHEN $3 THEN now() END
       FROM users u WHERE u.username = 'vanphong'
     RETURNING id`,
    [startsOn, endsOn, closed],
  );
  const id = r.rows[0].id;
  await t.db.query(
    `INSERT INTO reporting_period_tasks (period_id, task_id, agency_id)
     SELECT $1, t.id, t.lead_agency_id FROM tasks t WHERE t.id = ANY($2::uuid[])`,
    [id, taskIds],
  );
  return id;
}

async function periodRow(t: TestApp, id: string) {
  return (await t.db.query(`SELECT row_to_json(p) AS p FROM reporting_periods p WHERE p.id = $1`, [id])).rows[0];
}

/** A yearly series of the lead's (coordinated by COORD-like agencies), with one instance task. */
async function addSeries(
  t: TestApp,
  lead: string,
  coordinating: string[],
): Promise<{ id: string; instanceId: string }> {
  const leadId = await agencyId(t.db, lead);
  const coordIds = await Promise.all(coordinating.map((c) => agencyId(t.db, c)));
  const r = await t.db.query<{ id: string }>(
    `INSERT INTO task_series (directive_id, code, template, frequency, due_day, starts_on)
     VALUES ($1, $2, $3::jsonb, 'year', 31, '2030-01-01') RETURNING id`,
    [
      await directiveId(t.db),
      `MX-SERIES-${uniq()}`,
      JSON.stringify({
        title: 'Báo cáo định kỳ hằng năm',
        description: '',
        deliverableType: 'bao_cao',
        field: 'economy',
        leadAgencyId: leadId,
        coordinatingAgencyIds: coordIds,
      }),
    ],
  );
  const instance = await makeTask(t.db, { state: 'assigned', lead, coordinating });
  await t.db.query(`UPDATE tasks SET series_id = $2, period_key = '2030' WHERE id = $1`, [instance.id, r.rows[0].id]);
  return { id: r.rows[0].id, instanceId: instance.id };
}

/**
 * A row on a fresh task of its own, with the parts `setup` gives it (through the API where it can): a refused
 * request leaves the task and every part of it exactly as they were, a read leaves them too.
 */
function onParts<X = object>(
  state: TaskState,
  send: (t: TestApp, task: TaskRef, x: X, auth: Headers) => Test,
  opts: {
    setup?: (t: TestApp, task: TaskRef) => Promise<X>;
    /** After the setup: plain SQL that moves the task on (a contribution asked, then the task approved). */
    then?: (t: TestApp, task: TaskRef) => Promise<void>;
    coordinating?: string[];
    writes?: boolean;
    /** Rows outside the task that the request may change (a period, an agency's settings). */
    more?: (t: TestApp, task: TaskRef, x: X) => Promise<unknown>;
    ok?: (res: Response, task: TaskRef, x: X, t: TestApp, actor: Actor) => Promise<void> | void;
  } = {},
) {
  return scenario<{ task: TaskRef; x: X }>({
    prepare: async (t) => {
      const made = await makeTask(t.db, { state, lead: LEAD, coordinating: opts.coordinating ?? [COORD] });
      const x = opts.setup ? await opts.setup(t, made) : ({} as X);
      await opts.then?.(t, made);
      return { task: { id: made.id, version: await versionOf(t, made.id) }, x };
    },
    send: (t, s, auth) => send(t, s.task, s.x, auth),
    snapshot: async (t, s) => ({
      parts: await partsSnapshot(t, s.task.id),
      more: opts.more ? await opts.more(t, s.task, s.x) : null,
    }),
    writes: opts.writes ?? true,
    ok: opts.ok ? (res, s, t, actor) => opts.ok!(res, s.task, s.x, t, actor) : undefined,
  });
}

const approve = (t: TestApp, task: TaskRef) =>
  t.db.query(`UPDATE tasks SET state = 'approved' WHERE id = $1`, [task.id]).then(() => undefined);

function setPeople(state: TaskState, which: 'officer' | 'monitoring') {
  return onParts<{ body: Record<string, unknown> }>(
    state,
    (t, task, x, auth) => t.http.patch(`/api/tasks/${task.id}/people`).set(auth).send(x.body),
    {
      setup: async (t) => ({
        body:
          which === 'officer'
            ? { assigneeUserId: await userId(t, LEAD), responsibleLeaderUserId: await userId(t, LEAD) }
            : { monitoringUserId: await userId(t, 'vanphong'), isKey: true },
      }),
      ok: (res, task, x) => expect(res.body).toMatchObject({ id: task.id, ...x.body }),
    },
  );
}

/** The lead's settings, sent with the values they have: a success leaves only its `updated_at`. */
function agencySettings(which: 'officersActOnAll' | 'monitoring') {
  return scenario<{ id: string; body: Record<string, unknown> }>({
    writes: true,
    prepare: async (t) => {
      const id = await agencyId(t.db, LEAD);
      const r = await t.db.query<{ officers_act_on_all: boolean; monitoring_user_id: string | null }>(
        `SELECT officers_act_on_all, monitoring_user_id FROM agencies WHERE id = $1`,
        [id],
      );
      const now = r.rows[0];
      return {
        id,
        body:
          which === 'officersActOnAll'
            ? { officersActOnAll: now.officers_act_on_all }
            : { monitoringUserId: now.monitoring_user_id },
      };
    },
    send: (t, s, auth) => t.http.patch(`/api/agencies/${s.id}/settings`).set(auth).send(s.body),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT officers_act_on_all, monitoring_user_id, updated_at FROM agencies WHERE id = $1`,
          [s.id],
        )
      ).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ agencyId: s.id, ...s.body }),
  });
}

function readMilestones(state: TaskState) {
  return onParts<{ id: string }>(state, (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/milestones`).set(auth), {
    writes: false,
    setup: async (t, task) => ({ id: await addMilestone(t, task.id) }),
    ok: (res, _task, x) => expect(res.body.items.map((m: { id: string }) => m.id)).toEqual([x.id]),
  });
}

function putMilestones(state: TaskState) {
  return onParts(
    state,
    (t, task, _x, auth) =>
      t.http
        .put(`/api/tasks/${task.id}/milestones`)
        .set(auth)
        .send({ milestones: [{ label: 'Quý I: hoàn thành khảo sát', dueDate: '2030-03-31' }] }),
    { ok: (res) => expect(res.body.items).toEqual([expect.objectContaining({ dueDate: '2030-03-31' })]) },
  );
}

function milestoneDone(state: TaskState, reached = false) {
  return onParts<{ id: string }>(
    state,
    (t, _task, x, auth) => t.http.post(`/api/milestones/${x.id}/done`).set(auth).send({ note: 'Đã hoàn thành.' }),
    {
      setup: async (t, task) => ({ id: await addMilestone(t, task.id, reached) }),
      ok: (res, _task, x) =>
        expect(res.body.items).toEqual([expect.objectContaining({ id: x.id, doneAt: expect.any(String) })]),
    },
  );
}

/** A task with two coordinators, each asked for its contribution: COORD's and REASSIGN_TO's. */
function withTwoContributions(send: (t: TestApp, task: TaskRef, auth: Headers) => Test) {
  return onParts<{ own: string; other: string }>('assigned', (t, task, _x, auth) => send(t, task, auth), {
    coordinating: [COORD, REASSIGN_TO],
    writes: false,
    setup: async (t, task) => ({
      own: await askContribution(t, task.id, LEAD, COORD),
      other: await askContribution(t, task.id, LEAD, REASSIGN_TO),
    }),
    ok: (res, _task, x, _t, actor) => {
      const ids = res.body.items.map((c: { id: string }) => c.id);
      // A coordinator sees its own contribution only; other agencies see none; the rest see both.
      if (actor === 'coord') {
        expect(ids).toContain(x.own);
        expect(ids).not.toContain(x.other);
      } else if (actor === 'unrelated') {
        expect(ids).not.toContain(x.own);
        expect(ids).not.toContain(x.other);
      } else expect(ids).toEqual(expect.arrayContaining([x.own, x.other]));
    },
  });
}

function askRow(state: TaskState) {
  return onParts<{ agencyId: string }>(
    state,
    (t, task, x, auth) =>
      t.http
        .put(`/api/tasks/${task.id}/contributions/${x.agencyId}`)
        .set(auth)
        .send({ request: 'Đề nghị cung cấp số liệu về kết quả thực hiện.' }),
    {
      setup: async (t) => ({ agencyId: await agencyId(t.db, COORD) }),
      ok: (res, task, x) => expect(res.body).toMatchObject({ taskId: task.id, agencyId: x.agencyId, status: 'requested' }),
    },
  );
}

/** COORD's contribution on a fresh task, taken to `status` (and the task to approved when `taskApproved`). */
function onContribution(
  status: 'requested' | 'submitted' | 'accepted',
  send: (t: TestApp, id: string, auth: Headers) => Test,
  opts: { taskApproved?: boolean; ok?: (res: Response, id: string) => void } = {},
) {
  return onParts<{ id: string }>('in_progress', (t, _task, x, auth) => send(t, x.id, auth), {
    setup: async (t, task) => {
      const id = await askContribution(t, task.id, LEAD, COORD);
      if (status !== 'requested') await handIn(t, id, COORD);
      if (status === 'accepted') {
        await t.http
          .post(`/api/contributions/${id}/accept`)
          .set(await t.as(LEAD))
          .send({})
          .expect(200);
      }
      return { id };
    },
    then: opts.taskApproved ? approve : undefined,
    ok: opts.ok ? (res, _task, x) => opts.ok!(res, x.id) : undefined,
  });
}

const contributionVersion = (t: TestApp, id: string, auth: Headers) =>
  t.http
    .post(`/api/contributions/${id}/versions`)
    .set(auth)
    .field('note', 'Số liệu phối hợp')
    .attach('files', PDF, 'Số liệu.pdf');

function contributionFile(owner: string) {
  return onParts<{ id: string; fileId: string }>(
    'in_progress',
    (t, _task, x, auth) => t.http.get(`/api/contributions/${x.id}/files/${x.fileId}`).set(auth).buffer(true),
    {
      coordinating: [COORD, REASSIGN_TO],
      writes: false,
      setup: async (t, task) => {
        const id = await askContribution(t, task.id, LEAD, owner);
        return { id, fileId: await handIn(t, id, owner) };
      },
      ok: (res) => {
        expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
        expect(res.headers['content-disposition']).toContain('attachment');
      },
    },
  );
}

function postProgress(state: TaskState) {
  return onParts(
    state,
    (t, task, _x, auth) =>
      t.http
        .post(`/api/tasks/${task.id}/progress`)
        .set(auth)
        .field('percent', '40')
        .field('narrative', 'Đã hoàn thành khảo sát, đang tổng hợp.'),
    { ok: (res, task) => expect(res.body).toMatchObject({ taskId: task.id, percent: 40 }) },
  );
}

/** A period of our own asking for a fresh task of the lead's; `closed` already when asked. */
function onPeriod(
  send: (t: TestApp, periodId: string, auth: Headers) => Test,
  opts: { closed?: boolean; writes?: boolean; ok?: (res: Response, periodId: string, actor: Actor) => void } = {},
) {
  return onParts<{ periodId: string }>('in_progress', (t, _task, x, auth) => send(t, x.periodId, auth), {
    writes: opts.writes ?? true,
    setup: async (t, task) => ({ periodId: await addPeriod(t, [task.id], opts.closed) }),
    more: (t, _task, x) => periodRow(t, x.periodId),
    ok: opts.ok ? (res, _task, x, _t, actor) => opts.ok!(res, x.periodId, actor) : undefined,
  });
}

/** A report document for one period of our own. */
function periodDocument(path: string, type: RegExp) {
  return scenario<{ periodId: string }>({
    prepare: async (t) => {
      const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
      return { periodId: await addPeriod(t, [task.id]) };
    },
    send: (t, s, auth) => t.http.get(`/api/reports/${path}`).query({ periodId: s.periodId }).set(auth).buffer(true),
    snapshot: snapshotCount,
    ok: (res) => expect(res.headers['content-type']).toMatch(type),
  });
}

function onSeries(
  send: (t: TestApp, s: { id: string; instanceId: string; directiveId: string }, auth: Headers) => Test,
  opts: {
    writes?: boolean;
    ok?: (res: Response, s: { id: string; instanceId: string }, actor: Actor) => void;
  } = {},
) {
  return scenario<{ id: string; instanceId: string; directiveId: string }>({
    writes: opts.writes ?? false,
    prepare: async (t) => ({ ...(await addSeries(t, LEAD, [COORD])), directiveId: await directiveId(t.db) }),
    send,
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT row_to_json(x) AS series, (SELECT count(*)::int FROM tasks WHERE series_id = x.id) AS instances
             FROM task_series x WHERE x.id = $1`,
          [s.id],
        )
      ).rows[0],
    ok: opts.ok ? (res, s, _t, actor) => opts.ok!(res, s, actor) : undefined,
  });
}

async function userIdOf(t: TestApp, username: string): Promise<string> {
  return (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id;
}

/**
 * Makes the task tối mật with this access list, by SQL before the request (the level is the Office's to set, which
 * its own row tests): the row is then about who may act on a classified task.
 */
async function classify(t: TestApp, taskId: string, usernames: string[]): Promise<void> {
  await t.db.query(`UPDATE tasks SET classification = 'secret' WHERE id = $1`, [taskId]);
  await t.db.query(
    `INSERT INTO classified_access (task_id, user_id) SELECT $1, id FROM users WHERE username = ANY($2::text[])`,
    [taskId, usernames],
  );
}

/** A fresh unclassified directive of the row's own; `writes`: a successful answer changes its level or list. */
function onDirective(send: (t: TestApp, id: string, auth: Headers) => Test, writes: boolean) {
  return scenario<{ id: string }>({
    writes,
    prepare: async (t) => ({
      id: (
        await t.db.query<{ id: string }>(
          `INSERT INTO directives (number, kind, title) VALUES ($1, 'conclusion', 'Kết luận thử') RETURNING id`,
          [`KL-MX-${uniq()}`],
        )
      ).rows[0].id,
    }),
    send: (t, s, auth) => send(t, s.id, auth),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT d.classification, (SELECT count(*)::int FROM classified_access c WHERE c.directive_id = d.id) AS listed
             FROM directives d WHERE d.id = $1`,
          [s.id],
        )
      ).rows[0],
  });
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
  'GET /organisations': scenario({
    send: (t, _s, auth) => t.http.get('/api/organisations').set(auth),
    ok: (res) => expect(res.body.map((o: { code: string }) => o.code)).toEqual(['tinh-uy']),
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
  'GET /tasks/:id/sub-tasks (assigned)': readSubTasks('assigned'),
  'GET /tasks/:id/sub-tasks (drafted)': readSubTasks('drafted'),
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

  'PUT /tasks/:id/classification (assigned)': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.put(`/api/tasks/${task.id}/classification`).set(auth).send({ classification: 'confidential' }),
    { ok: (res) => expect(res.body.classification).toBe('confidential') },
  ),
  'GET /tasks/:id/access (assigned)': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/access`).set(auth),
    { writes: false, ok: (res) => expect(res.body).toEqual({ classification: 'normal', users: [] }) },
  ),
  'PUT /tasks/:id/access (assigned)': onTask('assigned', (t, task, _x, auth) =>
    t.http.put(`/api/tasks/${task.id}/access`).set(auth).send({ userIds: [] }),
  ),
  'PUT /tasks/:id/access (secret)': onTask<{ office: string; committee: string }>(
    'assigned',
    async (t, task, x, auth) => {
      await classify(t, task.id, ['vanphong', 'thuongvu', ACCOUNT.lead]);
      return t.http.put(`/api/tasks/${task.id}/access`).set(auth).send({ userIds: [x.office, x.committee] });
    },
    {
      extra: async (t) => ({ office: await userIdOf(t, 'vanphong'), committee: await userIdOf(t, 'thuongvu') }),
      ok: (res) => expect(res.body.users).toHaveLength(2),
    },
  ),
  'GET /tasks/:id (secret, listed: office and lead)': onTask(
    'assigned',
    async (t, task, _x, auth) => {
      await classify(t, task.id, ['vanphong', ACCOUNT.lead]);
      return t.http.get(`/api/tasks/${task.id}`).set(auth);
    },
    { writes: false, ok: (res) => expect(res.body.classification).toBe('secret') },
  ),
  'PUT /directives/:id/classification': onDirective((t, id, auth) =>
    t.http.put(`/api/directives/${id}/classification`).set(auth).send({ classification: 'confidential' }),
  true),
  'GET /directives/:id/access': onDirective((t, id, auth) => t.http.get(`/api/directives/${id}/access`).set(auth), false),
  'PUT /directives/:id/access': onDirective(
    (t, id, auth) => t.http.put(`/api/directives/${id}/access`).set(auth).send({ userIds: [] }),
    true,
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
  'GET /access-log': scenario({
    send: (t, _s, auth) => t.http.get('/api/access-log').query({ limit: 5 }).set(auth),
    ok: (res) => {
      expect(Array.isArray(res.body.rows)).toBe(true);
      expect(typeof res.body.total).toBe('number');
    },
  }),
  'GET /access-log.xlsx': scenario({
    send: (t, _s, auth) => t.http.get('/api/access-log.xlsx').query({ from: '2099-01-01' }).set(auth),
    ok: (res) => expect(res.headers['content-type']).toMatch(/spreadsheetml/),
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

  // A grassroots committee of the province's: it adds no task, so the suites' figures do not move.
  'POST /admin/organisations': scenario<{ code: string }>({
    writes: true,
    prepare: () => Promise.resolve({ code: `matrix-o-${uniq()}` }),
    send: (t, s, auth) =>
      t.http
        .post('/api/admin/organisations')
        .set(auth)
        .send({ code: s.code, name: 'Đảng ủy thử ma trận', kind: 'grassroots', parentId: ROOT_ORGANISATION_ID }),
    snapshot: async (t, s) =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM organisations WHERE code = $1) AS committees,
                  (SELECT count(*)::int FROM agencies WHERE code = $1) AS agencies`,
          [s.code],
        )
      ).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ code: s.code, path: ['tinh-uy', s.code], kind: 'grassroots' }),
  }),
  'PATCH /admin/organisations/:id': scenario<{ id: string }>({
    writes: true,
    prepare: async (t) => ({
      id: (
        await t.db.query<{ id: string }>(
          `INSERT INTO organisations (code, name, kind, parent_id) VALUES ($1, 'Đảng ủy thử', 'grassroots', $2) RETURNING id`,
          [`matrix-o-${uniq()}`, ROOT_ORGANISATION_ID],
        )
      ).rows[0].id,
    }),
    send: (t, s, auth) => t.http.patch(`/api/admin/organisations/${s.id}`).set(auth).send({ name: 'Tên đã đổi' }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT name, sort_order, updated_at FROM organisations WHERE id = $1`, [s.id])).rows[0],
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, name: 'Tên đã đổi' }),
  }),

  'GET /reports/summary': reportRead('summary', (res) => expect(typeof res.body.figures.total).toBe('number')),
  'GET /reports/by-agency': reportRead('by-agency', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/roll-up': onTask(
    'assigned',
    (t, task, _x, auth) => t.http.get('/api/reports/roll-up').query({ parentTaskId: task.id }).set(auth),
    { writes: false, ok: (res, task) => expect(res.body).toMatchObject({ taskId: task.id, rollUp: { total: 0 } }) },
  ),
  'GET /reports/by-organisation': reportRead('by-organisation', (res) =>
    expect(res.body.rows[0]).toMatchObject({ code: 'tinh-uy', own: true }),
  ),
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
  'GET /reports/by-person': onParts<{ officer: string }>(
    'assigned',
    (t, _task, _x, auth) => t.http.get('/api/reports/by-person').query({ by: 'assignee' }).set(auth),
    {
      writes: false,
      // A task of the lead's assigned to its head: an agency with no part in it never sees that person's row.
      setup: async (t, task) => {
        const officer = await userId(t, LEAD);
        await t.db.query(`UPDATE tasks SET assignee_user_id = $2 WHERE id = $1`, [task.id, officer]);
        return { officer };
      },
      ok: (res, _task, x, _t, actor) => {
        const people = res.body.rows.map((r: { userId: string | null }) => r.userId);
        if (actor === 'unrelated') expect(people).not.toContain(x.officer);
        else expect(people).toContain(x.officer);
      },
    },
  ),
  'GET /reports/coordination': reportRead('coordination', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/milestones': reportRead('milestones', (res) => expect(Array.isArray(res.body.rows)).toBe(true)),
  'GET /reports/tasks.xlsx (period)': periodDocument('tasks.xlsx', /spreadsheetml/),
  'GET /reports/periodic.docx (period)': periodDocument('periodic.docx', /wordprocessingml/),

  'GET /calendar': scenario({
    send: (t, _s, auth) => t.http.get('/api/calendar?from=2026&to=2027').set(auth),
    ok: (res) => {
      expect(res.body.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
      expect(res.body.years[0].computed.length).toBeGreaterThan(8);
    },
  }),
  'GET /calendar/span': scenario({
    send: (t, _s, auth) => t.http.get('/api/calendar/span?from=2026-02-13&to=2026-03-06').set(auth),
    ok: (res) => expect(res.body.calendarDays).toBe(21),
  }),
  // Far-off years, so the entries the matrix leaves in the shared database move nothing of other suites.
  'PUT /calendar/years/:year': scenario({
    writes: true,
    send: (t, _s, auth) =>
      t.http
        .put('/api/calendar/years/2099')
        .set(auth)
        .send({ days: [{ date: '2099-01-02', kind: 'off', name: 'Nghỉ thử' }], source: 'Thông báo thử nghiệm' }),
    snapshot: async (t) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM calendar_entries WHERE year = 2099`)).rows[0],
    ok: (res) => expect(res.body.year.official.source).toBe('Thông báo thử nghiệm'),
  }),
  'DELETE /calendar/years/:year': scenario({
    writes: true,
    prepare: async (t) => {
      await t.db.query(
        `INSERT INTO calendar_entries (year, days, source) VALUES (2098, '[]'::jsonb, 'Thông báo thử nghiệm')`,
      );
      return {};
    },
    send: (t, _s, auth) => t.http.delete('/api/calendar/years/2098').set(auth),
    snapshot: async (t) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM calendar_entries WHERE year = 2098`)).rows[0],
    ok: (res) => expect(res.body.year.official).toBeNull(),
  }),
  'GET /people': scenario({
    send: (t, _s, auth) => t.http.get('/api/people').set(auth),
    ok: async (res, _s, t, actor) => {
      const agencies = new Set(res.body.items.map((p: { agencyId: string | null }) => p.agencyId));
      // An agency's user picks among its own agency's people only.
      if (actor === 'lead' || actor === 'coord' || actor === 'unrelated') {
        expect([...agencies]).toEqual([await agencyId(t.db, ACCOUNT[actor])]);
      } else expect(agencies.size).toBeGreaterThan(2);
    },
  }),
  'PATCH /tasks/:id/people (officer, assigned)': setPeople('assigned', 'officer'),
  'PATCH /tasks/:id/people (officer, approved)': setPeople('approved', 'officer'),
  'PATCH /tasks/:id/people (monitoring, assigned)': setPeople('assigned', 'monitoring'),
  'PATCH /tasks/:id/people (monitoring, drafted)': setPeople('drafted', 'monitoring'),
  'GET /agencies/:id/settings': scenario<{ id: string }>({
    prepare: async (t) => ({ id: await agencyId(t.db, LEAD) }),
    send: (t, s, auth) => t.http.get(`/api/agencies/${s.id}/settings`).set(auth),
    ok: (res, s) => expect(res.body).toMatchObject({ agencyId: s.id, officersActOnAll: false }),
  }),
  'PATCH /agencies/:id/settings (officersActOnAll)': agencySettings('officersActOnAll'),
  'PATCH /agencies/:id/settings (monitoring)': agencySettings('monitoring'),

  'GET /tasks/:id/milestones (assigned)': readMilestones('assigned'),
  'GET /tasks/:id/milestones (drafted)': readMilestones('drafted'),
  'PUT /tasks/:id/milestones (assigned)': putMilestones('assigned'),
  'PUT /tasks/:id/milestones (drafted)': putMilestones('drafted'),
  'PUT /tasks/:id/milestones (approved)': putMilestones('approved'),
  'POST /milestones/:id/done (in_progress)': milestoneDone('in_progress'),
  'POST /milestones/:id/done (approved)': milestoneDone('approved'),
  'POST /milestones/:id/done (reached)': milestoneDone('in_progress', true),

  'GET /contributions': withTwoContributions((t, _task, auth) => t.http.get('/api/contributions').set(auth)),
  'GET /tasks/:id/contributions (assigned)': withTwoContributions((t, task, auth) =>
    t.http.get(`/api/tasks/${task.id}/contributions`).set(auth),
  ),
  'PUT /tasks/:id/contributions/:agencyId (assigned)': askRow('assigned'),
  'PUT /tasks/:id/contributions/:agencyId (drafted)': askRow('drafted'),
  'PUT /tasks/:id/contributions/:agencyId (approved)': askRow('approved'),
  'POST /contributions/:id/versions (requested)': onContribution('requested', contributionVersion, {
    ok: (res, id) => expect(res.body).toMatchObject({ id, status: 'submitted', versions: [{ seq: 1 }] }),
  }),
  'POST /contributions/:id/versions (accepted)': onContribution('accepted', contributionVersion),
  'POST /contributions/:id/versions (task approved)': onContribution('requested', contributionVersion, {
    taskApproved: true,
  }),
  'POST /contributions/:id/accept (submitted)': onContribution(
    'submitted',
    (t, id, auth) => t.http.post(`/api/contributions/${id}/accept`).set(auth).send({ comment: 'Tiếp thu.' }),
    { ok: (res, id) => expect(res.body).toMatchObject({ id, status: 'accepted' }) },
  ),
  'POST /contributions/:id/accept (requested)': onContribution('requested', (t, id, auth) =>
    t.http.post(`/api/contributions/${id}/accept`).set(auth).send({}),
  ),
  'POST /contributions/:id/return (submitted)': onContribution(
    'submitted',
    (t, id, auth) =>
      t.http.post(`/api/contributions/${id}/return`).set(auth).send({ comment: 'Đề nghị bổ sung số liệu quý II.' }),
    { ok: (res, id) => expect(res.body).toMatchObject({ id, status: 'returned' }) },
  ),
  'GET /contributions/:id/files/:fileId (own)': contributionFile(COORD),
  "GET /contributions/:id/files/:fileId (another coordinator's)": contributionFile(REASSIGN_TO),

  'POST /tasks/:id/progress (in_progress)': postProgress('in_progress'),
  'POST /tasks/:id/progress (approved)': postProgress('approved'),
  'POST /tasks/:id/progress (drafted)': postProgress('drafted'),
  'GET /tasks/:id/progress (assigned)': onParts<{ id: string }>(
    'assigned',
    (t, task, _x, auth) => t.http.get(`/api/tasks/${task.id}/progress`).set(auth),
    {
      writes: false,
      setup: async (t, task) => reportProgress(t, task.id, LEAD),
      ok: (res, _task, x) => expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([x.id]),
    },
  ),
  'GET /progress-reports/:id/files/:fileId': onParts<{ id: string; fileId: string }>(
    'in_progress',
    (t, _task, x, auth) => t.http.get(`/api/progress-reports/${x.id}/files/${x.fileId}`).set(auth).buffer(true),
    {
      writes: false,
      setup: (t, task) => reportProgress(t, task.id, LEAD),
      ok: (res) => expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0),
    },
  ),

  // Opening asks every open task of the province: the one period the Office opens is closed again at once.
  'POST /reporting-periods': scenario<{ startsOn: string; endsOn: string }>({
    writes: true,
    prepare: (t) => freePeriodDates(t),
    send: (t, s, auth) =>
      t.http
        .post('/api/reporting-periods')
        .set(auth)
        .send({ kind: 'custom', startsOn: s.startsOn, endsOn: s.endsOn, label: 'Kỳ thử ma trận' }),
    snapshot: async (t, s) =>
      (
        await t.db.query(`SELECT count(*)::int AS n FROM reporting_periods WHERE kind = 'custom' AND starts_on = $1`, [
          s.startsOn,
        ])
      ).rows[0],
    ok: async (res, s, t) => {
      expect(res.body).toMatchObject({ startsOn: s.startsOn, endsOn: s.endsOn });
      await t.http
        .post(`/api/reporting-periods/${res.body.id}/close`)
        .set(await t.as('vanphong'))
        .expect(200);
    },
  }),
  'GET /reporting-periods': onPeriod((t, _id, auth) => t.http.get('/api/reporting-periods').set(auth), {
    writes: false,
    ok: (res, id, actor) => {
      const ids = res.body.items.map((p: { id: string }) => p.id);
      // An agency sees the periods that ask something of it.
      if (actor === 'coord' || actor === 'unrelated') expect(ids).not.toContain(id);
      else expect(ids).toContain(id);
    },
  }),
  'GET /reporting-periods/:id': onPeriod((t, id, auth) => t.http.get(`/api/reporting-periods/${id}`).set(auth), {
    writes: false,
    ok: (res, id) => expect(res.body).toMatchObject({ id, tasks: [expect.objectContaining({ report: null })] }),
  }),
  'POST /reporting-periods/:id/close (open)': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/close`).set(auth),
    { ok: (res, id) => expect(res.body).toMatchObject({ id, closedAt: expect.any(String) }) },
  ),
  'POST /reporting-periods/:id/close (closed)': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/close`).set(auth),
    { closed: true },
  ),
  'POST /reporting-periods/:id/remind (open)': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/remind`).set(auth),
    { ok: (res) => expect(res.body).toEqual({ reminded: 1, alreadyToday: 0 }) },
  ),
  'POST /reporting-periods/:id/remind (closed)': onPeriod(
    (t, id, auth) => t.http.post(`/api/reporting-periods/${id}/remind`).set(auth),
    { closed: true },
  ),

  // Starts in 2090: no period is open yet, so no instance is made now.
  'POST /directives/:id/series': scenario<{ directiveId: string; title: string; lead: string }>({
    writes: true,
    prepare: async (t) => ({
      directiveId: await directiveId(t.db),
      title: `Báo cáo định kỳ thử ma trận ${uniq()}`,
      lead: await agencyId(t.db, LEAD),
    }),
    send: (t, s, auth) =>
      t.http.post(`/api/directives/${s.directiveId}/series`).set(auth).send({
        title: s.title,
        deliverableType: 'bao_cao',
        field: 'economy',
        leadAgencyId: s.lead,
        frequency: 'year',
        dueDay: 31,
        startsOn: '2090-01-01',
      }),
    snapshot: async (t, s) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM task_series WHERE template->>'title' = $1`, [s.title])).rows[0],
    ok: (res) => expect(res.body).toMatchObject({ frequency: 'year', active: true }),
  }),
  'GET /directives/:id/series': onSeries((t, s, auth) => t.http.get(`/api/directives/${s.directiveId}/series`).set(auth), {
    ok: (res, s, actor) => {
      const ids = res.body.map((x: { id: string }) => x.id);
      if (actor === 'unrelated') expect(ids).not.toContain(s.id);
      else expect(ids).toContain(s.id);
    },
  }),
  'PATCH /series/:id': onSeries((t, s, auth) => t.http.patch(`/api/series/${s.id}`).set(auth).send({ active: false }), {
    writes: true,
    ok: (res, s) => expect(res.body).toMatchObject({ id: s.id, active: false }),
  }),
  'GET /series/:id/instances': onSeries((t, s, auth) => t.http.get(`/api/series/${s.id}/instances`).set(auth), {
    ok: (res, s) => expect(res.body.instances.map((i: { task: { id: string } }) => i.task.id)).toEqual([s.instanceId]),
  }),
  // A monthly program of our own with one unfinished item.
  'POST /directives/:id/carry-forward': scenario<{ from: string; task: TaskRef; number: string }>({
    writes: true,
    prepare: async (t) => {
      const number = `${uniq()}-CTrT/TU`;
      const from = (
        await t.db.query<{ id: string }>(
          `INSERT INTO directives (number, kind, title, issued_on) VALUES ($1, 'monthly_program', 'Chương trình tháng thử ma trận', '2030-01-05') RETURNING id`,
          [number],
        )
      ).rows[0].id;
      const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD], directive: number });
      return { from, task, number: `${uniq()}-CTrT/TU` };
    },
    send: (t, s, auth) =>
      t.http
        .post(`/api/directives/${s.from}/carry-forward`)
        .set(auth)
        .send({ number: s.number, title: 'Chương trình tháng sau', issuedOn: '2030-02-05' }),
    snapshot: async (t, s) => ({
      parts: await partsSnapshot(t, s.task.id),
      directives: (await t.db.query(`SELECT count(*)::int AS n FROM directives WHERE number = $1`, [s.number])).rows[0],
    }),
    ok: (res, s) =>
      expect(res.body).toMatchObject({
        directive: { number: s.number, kind: 'monthly_program' },
        tasks: [{ fromTaskId: s.task.id, task: { state: 'drafted' } }],
      }),
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

/** Every 2xx answer where the table says deny, whichever check of the row failed first. */
const unexpectedAllows: string[] = [];

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
    if (res.status < 300 && want.status >= 300) unexpectedAllows.push(`${endpoint} as ${actor}: ${res.status}`);

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

  it('allowed nothing the table denies', () => {
    process.stderr.write(
      `access matrix: ${JSON.stringify({ rows: ROWS.length, denials: ROWS.filter((r) => parse(r.expected).status >= 300).length, unexpectedAllows: unexpectedAllows.length })}\n`,
    );
    expect(unexpectedAllows).toEqual([]);
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
    ).body as { id: string; classification: string }[];
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
      // ... and every task it leads or coordinates once out of the drafts, no more, no fewer; a classified one only
      // when its access list names the account.
      const truth = await t.db.query<{ id: string }>(
        `SELECT t.id FROM tasks t WHERE t.state <> 'drafted' AND (t.lead_agency_id = $1 OR $1 = ANY(t.coordinating_agency_ids))
            AND (t.classification = 'normal' OR EXISTS (SELECT 1 FROM classified_access ca JOIN users u ON u.id = ca.user_id
                                                          WHERE ca.task_id = t.id AND u.username = $2))`,
        [id, code],
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

      // A directive's page shows the same slice (a classified directive not listing this agency is not found).
      for (const d of directives.filter((x) => x.classification === 'normal')) {
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
