// Report timing (issue target: p50 < 300 ms for every report as of a past date with 100,000 tasks and
// 400,000 history rows; live too). Times every report endpoint that takes an as-of date: the JSON reports
// and the documents. Prints figures; never fails on a number (only on an answer that is not 200). The load
// average is printed with them: on a shared machine the same query varies several-fold with it.
// KEEP_DB=1 leaves the database for EXPLAIN ANALYZE. One JSON line per endpoint and mode,
// {"bench":"reports","endpoint",...,"asOf",...,"p50ms",...}, for the suite's runner.
// Usage: npm run build && node test/bench/reports-timing.mjs [--quick] [--tasks 100000] [--runs 10]
import { loadavg } from 'node:os';
import { URLSearchParams } from 'node:url';
import pg from 'pg';
import { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince } from '@dondoc/api';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const QUICK = process.argv.includes('--quick');
const TASKS = arg('tasks', QUICK ? 20_000 : 100_000);
const RUNS = arg('runs', QUICK ? 5 : 10);
const PAST = '2024-06-30';
const PASSWORD = 'bench-password';
const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `dondoc_bench_reports_${process.pid}`;

const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(server);
url.pathname = `/${dbName}`;
const dbUrl = url.toString();
const db = new pg.Pool({ connectionString: dbUrl, max: 4 });
const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
let app;

/**
 * TASKS tasks over 20 directives of their own (each with every outcome) and every agency, assigned from 2023 to 2025 with due
 * dates two to eight months later; by g % 10: 0-4 approved (some late), 5 submitted, 6-7 in progress
 * (one in three of them extended), 8 assigned, 9 cancelled. About four and a half history rows per task,
 * written exactly as the API and the worker write them (ASSIGN with its lead and deadline, EXTENSION_GRANTED
 * with from/to, REASSIGN with the previous lead, PEOPLE_SET with the keys that changed, REMINDED/ESCALATED
 * with their level): one task in ten gets a handling officer (one in twenty becomes a key task), one in a
 * hundred is moved to another agency, one in ten is reminded before its deadline and one in twenty of the
 * unfinished ones escalated after it. One started task in twenty has two milestones (the first reached), and
 * one in twenty asks a coordinating agency for a contribution (submitted, half of them accepted), with their
 * rows in milestones, contributions and contribution_versions for the live reports.
 */
async function bulkInsert() {
  const t0 = Date.now();
  await db.query(`
    INSERT INTO directives (number, kind, title, issued_on)
    SELECT 'BENCH-' || d || '/TU', 'action_program', 'Chương trình thử tải ' || d, DATE '2022-12-01'
      FROM generate_series(1, 20) d`);
  await db.query(`
    CREATE TABLE bench_plan AS
    WITH dirs AS (SELECT array_agg(id ORDER BY number) AS ids FROM directives WHERE number LIKE 'BENCH-%'),
         ags AS (SELECT array_agg(id ORDER BY code) AS ids FROM agencies),
         officers AS (SELECT array_agg(id ORDER BY username) AS ids FROM users WHERE role = 'agency'),
         base AS (
           SELECT g, gen_random_uuid() AS id, dirs.ids[1 + (g + g / 10) % 20] AS directive_id,
                  ags.ids[1 + g % array_length(ags.ids, 1)] AS lead,
                  ags.ids[1 + (g + 1) % array_length(ags.ids, 1)] AS new_lead,
                  officers.ids[1 + g % array_length(officers.ids, 1)] AS officer,
                  (ARRAY['party_building','economy','culture_society','defense_security'])[1 + g % 4] AS field,
                  (ARRAY['de_an','chuong_trinh','ke_hoach','quy_dinh','danh_muc','nghi_quyet','so_ket','tong_ket','bao_cao','khac'])[1 + (g / 10) % 10] AS dtype,
                  TIMESTAMPTZ '2023-01-01 08:00:00+07' + (g % 1000) * INTERVAL '1 day' AS assigned_at,
                  CASE WHEN g % 10 <= 4 THEN 'approved' WHEN g % 10 = 5 THEN 'submitted' WHEN g % 10 <= 7 THEN 'in_progress'
                       WHEN g % 10 = 8 THEN 'assigned' ELSE 'cancelled' END AS outcome
             FROM generate_series(1, ${TASKS}) g, dirs, ags, officers)
    SELECT b.*, (b.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 60 + (b.g % 180) AS first_due,
           b.assigned_at + INTERVAL '3 days' AS started_at,
           b.assigned_at + (30 + (b.g * 7) % 250) * INTERVAL '1 day' AS submitted_at,
           b.assigned_at + (30 + (b.g * 7) % 250 + b.g % 15) * INTERVAL '1 day' AS decided_at,
           (b.outcome = 'in_progress' AND b.g % 3 = 0) AS extended,
           (b.outcome = 'assigned' AND b.g % 100 = 8) AS reassigned,
           b.g % 10 = 1 AS people_set, b.g % 20 = 1 AS is_key,
           b.g % 10 IN (6, 7) AND b.g % 20 < 10 AS reminded,
           b.g % 10 IN (6, 8) AND b.g % 40 < 20 AS escalated,
           b.g % 20 = 2 AS milestoned, b.g % 20 = 7 AS contributed,
           gen_random_uuid() AS m1, gen_random_uuid() AS m2, gen_random_uuid() AS cid
      FROM base b`);
  await db.query(`
    INSERT INTO tasks (id, directive_id, code, title, deliverable_type, field, lead_agency_id, due_date, original_due_date,
                       state, version, completed_at, search_text, created_at, assignee_user_id, is_key)
    SELECT id, directive_id, 'BENCH-' || g, 'Nhiệm vụ thử tải ' || g, dtype, field,
           CASE WHEN reassigned THEN new_lead ELSE lead END,
           CASE WHEN extended THEN first_due + 60 ELSE first_due END, CASE WHEN extended THEN first_due END,
           outcome, 5, CASE WHEN outcome = 'approved' THEN submitted_at END, 'bench ' || g, assigned_at - INTERVAL '2 days',
           CASE WHEN people_set AND NOT reassigned THEN officer END, is_key
      FROM bench_plan`);
  await db.query(`
    INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, data, task_version, at)
    SELECT id, 'CREATE', NULL, 'drafted', 'office', '{}', 1, assigned_at - INTERVAL '2 days' FROM bench_plan
    UNION ALL
    SELECT id, 'ASSIGN', 'drafted', 'assigned', 'office',
           jsonb_build_object('leadAgencyId', lead, 'dueDate', first_due::text, 'previousLeadAgencyId', NULL), 2, assigned_at
      FROM bench_plan
    UNION ALL
    SELECT id, 'START', 'assigned', 'in_progress', 'agency', '{}', 3, started_at FROM bench_plan WHERE outcome <> 'assigned'
    UNION ALL
    SELECT id, 'SUBMIT', 'in_progress', 'submitted', 'agency', '{}', 4, submitted_at FROM bench_plan
     WHERE outcome IN ('approved','submitted')
    UNION ALL
    SELECT id, 'APPROVE', 'submitted', 'approved', 'standing_committee', '{}', 5, decided_at FROM bench_plan
     WHERE outcome = 'approved'
    UNION ALL
    SELECT id, 'CANCEL', 'in_progress', 'cancelled', 'office', '{}', 4, started_at + INTERVAL '10 days' FROM bench_plan
     WHERE outcome = 'cancelled'
    UNION ALL
    SELECT id, 'EXTENSION_GRANTED', 'in_progress', 'in_progress', 'standing_committee',
           jsonb_build_object('from', first_due::text, 'to', (first_due + 60)::text, 'deadlineVersion', 1), 4,
           (first_due - 5)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
      FROM bench_plan WHERE extended
    UNION ALL
    SELECT id, 'PEOPLE_SET', 'assigned', 'assigned', 'agency',
           jsonb_build_object('assigneeUserId', officer) || CASE WHEN is_key THEN '{"isKey": true}' ELSE '{}' END::jsonb, 3,
           assigned_at + INTERVAL '1 day'
      FROM bench_plan WHERE people_set
    UNION ALL
    SELECT id, 'REASSIGN', 'assigned', 'assigned', 'office',
           jsonb_build_object('leadAgencyId', new_lead, 'dueDate', first_due::text, 'previousLeadAgencyId', lead), 4,
           assigned_at + INTERVAL '2 days'
      FROM bench_plan WHERE reassigned
    UNION ALL
    SELECT id, 'REMINDED', 'in_progress', 'in_progress', 'system',
           '{"rung": "remind_before", "level": 0, "offset": "P3D", "latenessMs": 0}', 4,
           (first_due - 3)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + INTERVAL '8 hours'
      FROM bench_plan WHERE reminded
    UNION ALL
    SELECT id, 'ESCALATED', s, s, 'system', '{"rung": "overdue", "level": 1, "offset": "PT0S", "latenessMs": 0}', 5,
           (due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' + INTERVAL '8 hours'
      FROM (SELECT id, CASE WHEN outcome = 'assigned' THEN 'assigned' ELSE 'in_progress' END AS s,
                   CASE WHEN extended THEN first_due + 60 ELSE first_due END AS due
              FROM bench_plan WHERE escalated) x
     WHERE (due + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' < now()`);
  await db.query(`
    INSERT INTO submissions (task_id, seq, revision, submitted_by, submitted_at, decision, decided_at)
    SELECT p.id, 1, 0, u.id, p.submitted_at, CASE WHEN p.outcome = 'approved' THEN 'approved' END,
           CASE WHEN p.outcome = 'approved' THEN p.decided_at END
      FROM bench_plan p, (SELECT id FROM users WHERE username = 'vanphong') u
     WHERE p.outcome IN ('approved','submitted')`);
  await db.query(`
    INSERT INTO milestones (id, task_id, label, due_date, done_at, created_at)
    SELECT m1, id, 'Mốc 1', first_due - 30, started_at + INTERVAL '20 days', started_at + INTERVAL '1 day'
      FROM bench_plan WHERE milestoned
    UNION ALL
    SELECT m2, id, 'Mốc 2', first_due - 10, NULL, started_at + INTERVAL '1 day' FROM bench_plan WHERE milestoned`);
  await db.query(`
    INSERT INTO contributions (id, task_id, agency_id, request, due_date, status, created_at, updated_at)
    SELECT cid, id, new_lead, 'Phối hợp', first_due - 20, CASE WHEN g % 40 < 20 THEN 'accepted' ELSE 'submitted' END,
           started_at + INTERVAL '1 day', started_at + INTERVAL '12 days'
      FROM bench_plan WHERE contributed`);
  await db.query(`
    INSERT INTO contribution_versions (contribution_id, seq, submitted_by, submitted_at, decision, decided_at)
    SELECT cid, 1, officer, started_at + INTERVAL '10 days', CASE WHEN g % 40 < 20 THEN 'accepted' END,
           CASE WHEN g % 40 < 20 THEN started_at + INTERVAL '12 days' END
      FROM bench_plan WHERE contributed`);
  await db.query(`UPDATE tasks t SET coordinating_agency_ids = ARRAY[p.new_lead] FROM bench_plan p
                   WHERE p.contributed AND t.id = p.id`);
  await db.query(`
    INSERT INTO task_events (task_id, event, from_state, to_state, actor_role, data, task_version, at)
    SELECT id, 'MILESTONES_SET', 'in_progress', 'in_progress', 'agency',
           jsonb_build_object('milestones', jsonb_build_array(
             jsonb_build_object('id', m1, 'label', 'Mốc 1', 'dueDate', (first_due - 30)::text),
             jsonb_build_object('id', m2, 'label', 'Mốc 2', 'dueDate', (first_due - 10)::text))), 4,
           started_at + INTERVAL '1 day'
      FROM bench_plan WHERE milestoned
    UNION ALL
    SELECT id, 'MILESTONE_DONE', 'in_progress', 'in_progress', 'agency',
           jsonb_build_object('milestoneId', m1, 'label', 'Mốc 1', 'dueDate', (first_due - 30)::text), 5,
           started_at + INTERVAL '20 days'
      FROM bench_plan WHERE milestoned
    UNION ALL
    SELECT id, 'CONTRIBUTION_REQUESTED', 'in_progress', 'in_progress', 'office',
           jsonb_build_object('contributionId', cid, 'agencyId', new_lead, 'dueDate', (first_due - 20)::text,
                              'request', 'Phối hợp'), 4,
           started_at + INTERVAL '1 day'
      FROM bench_plan WHERE contributed
    UNION ALL
    SELECT id, 'CONTRIBUTION_SUBMITTED', 'in_progress', 'in_progress', 'agency',
           jsonb_build_object('contributionId', cid, 'agencyId', new_lead, 'seq', 1), 5, started_at + INTERVAL '10 days'
      FROM bench_plan WHERE contributed
    UNION ALL
    SELECT id, 'CONTRIBUTION_ACCEPTED', 'in_progress', 'in_progress', 'office',
           jsonb_build_object('contributionId', cid, 'agencyId', new_lead, 'seq', 1), 6, started_at + INTERVAL '12 days'
      FROM bench_plan WHERE contributed AND g % 40 < 20`);
  await db.query(`DROP TABLE bench_plan`);
  // What autovacuum does to freshly inserted tables soon after: statistics and the visibility map
  // (without the latter, index-only scans must visit the table).
  await db.query(`VACUUM ANALYZE`);
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM task_events)::int AS events,
              (SELECT count(*) FROM submissions)::int AS submissions`,
    )
  ).rows[0];
  console.log(JSON.stringify({ bench: 'bulk insert', ...counts, ms: Date.now() - t0 }));
  console.log(JSON.stringify({ bench: 'reports-data', tasks: counts.tasks, history: counts.events }));
}

try {
  await runMigrations(dbUrl);
  await seedDemoProvince(dbUrl, { password: PASSWORD, now: new Date() });
  await bulkInsert();

  const config = buildConfig(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
    databaseUrl: dbUrl,
    jwtSecret: 'bench-secret-that-is-long-enough-0123456789',
    embedded: false,
  });
  app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'vanphong', password: PASSWORD }),
  });
  const { accessToken } = await login.json();
  const headers = { Authorization: `Bearer ${accessToken}` };
  const oneDirective = (await db.query(`SELECT id FROM directives WHERE number = 'BENCH-1/TU'`)).rows[0].id;
  // The agency with the most tasks, for its urging letter.
  const oneAgency = (
    await db.query(`SELECT lead_agency_id AS id FROM tasks WHERE lead_agency_id IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)
  ).rows[0].id;
  // Twenty tasks of that directive in progress and overdue both then and now, for the letters of a selection.
  const selected = (
    await db.query(
      `SELECT id FROM tasks WHERE directive_id = $1 AND state = 'in_progress' AND due_date < $2::date
        ORDER BY code LIMIT 20`,
      [oneDirective, PAST],
    )
  ).rows.map((r) => r.id);

  /** Times `runs` requests after one that warms the connection pool and the plan cache. */
  const time = async ({ path, query = {}, body }, runs) => {
    const qs = new URLSearchParams(query).toString();
    const ms = [];
    let bytes = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/reports/${path}${qs ? `?${qs}` : ''}`, {
        method: body ? 'POST' : 'GET',
        headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers,
        body: body ? JSON.stringify(body) : undefined,
      });
      const answer = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 && res.status !== 201) {
        throw new Error(`${path}?${qs}: ${res.status} ${answer.toString().slice(0, 300)}`);
      }
      if (i > 0) ms.push(performance.now() - t0);
      bytes = answer.length;
    }
    ms.sort((a, b) => a - b);
    return {
      p50ms: Math.round(pct(ms, 0.5)),
      p95ms: Math.round(pct(ms, 0.95)),
      maxMs: Math.round(ms[ms.length - 1]),
      runs,
      bytes,
      load1: Number(loadavg()[0].toFixed(2)),
    };
  };

  // Every report endpoint that takes an as-of date, province-wide unless it names a scope.
  const views = [
    'summary',
    'by-agency',
    ['by-person?by=assignee', { path: 'by-person', query: { by: 'assignee' } }],
    ['by-person?by=monitor', { path: 'by-person', query: { by: 'monitor' } }],
    'by-directive',
    'by-field',
    'by-deliverable-type',
    'escalations',
    'review-queue',
    'averages',
    'coordination',
    'milestones',
  ].map((v) => (typeof v === 'string' ? [v, { path: v }] : v));
  // The documents for one directive (about 1/20 of the tasks), and the province-wide ones that stay small.
  const documents = [
    ['by-agency.xlsx', { path: 'by-agency.xlsx' }, 'province'],
    ['tasks.xlsx?directiveId', { path: 'tasks.xlsx', query: { directiveId: oneDirective } }, 'one directive'],
    ['periodic.docx?directiveId', { path: 'periodic.docx', query: { directiveId: oneDirective } }, 'one directive'],
    ['urging-letter.docx?agencyId', { path: 'urging-letter.docx', query: { agencyId: oneAgency } }, 'one agency'],
    [
      'urging-letters.zip?directiveId',
      { path: 'urging-letters.zip', query: { directiveId: oneDirective } },
      'one directive',
    ],
    ['POST urging-letters.zip', { path: 'urging-letters.zip', body: { taskIds: selected } }, '20 tasks'],
    ['POST snapshots', { path: 'snapshots', body: { title: 'Thử tải' } }, 'province'],
  ];
  /** The request as of `asOf` (null: live): in the query string, or in the body of a POST. */
  const at = (req, asOf) =>
    asOf === null
      ? req
      : req.body
        ? { ...req, body: { ...req.body, asOf } }
        : { ...req, query: { ...req.query, asOf } };
  const report = (kind, endpoint, asOf, scope, t) => {
    const when = asOf ? `asOf ${asOf}` : 'live';
    console.log(JSON.stringify({ bench: kind, view: endpoint, when, scope, ...t, target: '< 300 ms' }));
    console.log(
      JSON.stringify({
        bench: 'reports',
        endpoint,
        asOf,
        p50ms: t.p50ms,
        p95ms: t.p95ms,
        maxMs: t.maxMs,
        runs: t.runs,
        load1: t.load1,
      }),
    );
  };
  console.log(JSON.stringify({ bench: 'reports-load', load: loadavg().map((l) => Number(l.toFixed(2))) }));
  /** Times one endpoint; an answer that is not 200 is printed and the others still run (the exit code says so). */
  const measure = async (kind, endpoint, req, asOf, scope, runs) => {
    try {
      report(kind, endpoint, asOf, scope, await time(at(req, asOf), runs));
    } catch (err) {
      console.log(JSON.stringify({ bench: 'reports', endpoint, asOf, error: String(err.message ?? err) }));
      process.exitCode = 1;
    }
  };
  for (const asOf of [null, PAST]) {
    for (const [endpoint, req] of views) await measure('report', endpoint, req, asOf, 'province', RUNS);
    for (const [endpoint, req, scope] of documents) {
      await measure('document', endpoint, req, asOf, scope, Math.min(RUNS, 5));
    }
  }
  console.log(JSON.stringify({ bench: 'reports-load', load: loadavg().map((l) => Number(l.toFixed(2))) }));
} finally {
  await app?.close();
  await db.end();
  if (process.env.KEEP_DB) console.log(`kept ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
