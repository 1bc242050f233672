// Report timing (issue target: < 500 ms per report endpoint with 100,000 tasks, live and for a past day).
// Prints figures; never fails on a number. The load average is printed with them: on a shared machine
// the same query varies several-fold with it. KEEP_DB=1 leaves the database for EXPLAIN ANALYZE.
// Usage: npm run build && node test/bench/reports-timing.mjs [--tasks 100000] [--runs 10]
import { loadavg } from 'node:os';
import { URLSearchParams } from 'node:url';
import pg from 'pg';
import { buildConfig, createApp, parseEnv, runMigrations, seedDemoProvince } from '@dondoc/api';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const TASKS = arg('tasks', 100_000);
const RUNS = arg('runs', 10);
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
 * TASKS tasks over 20 directives of their own and every agency, assigned from 2023 to 2025 with due
 * dates two to eight months later; by g % 10: 0-4 approved (some late), 5 submitted, 6-7 in progress
 * (one in three of them extended), 8 assigned, 9 cancelled. About four history rows per task, written
 * exactly as the API writes them (ASSIGN with its lead and deadline, EXTENSION_GRANTED with from/to).
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
         base AS (
           SELECT g, gen_random_uuid() AS id, dirs.ids[1 + g % 20] AS directive_id,
                  ags.ids[1 + g % array_length(ags.ids, 1)] AS lead,
                  (ARRAY['party_building','economy','culture_society','defense_security'])[1 + g % 4] AS field,
                  (ARRAY['de_an','chuong_trinh','ke_hoach','quy_dinh','danh_muc','nghi_quyet','so_ket','tong_ket','bao_cao','khac'])[1 + (g / 10) % 10] AS dtype,
                  TIMESTAMPTZ '2023-01-01 08:00:00+07' + (g % 1000) * INTERVAL '1 day' AS assigned_at,
                  CASE WHEN g % 10 <= 4 THEN 'approved' WHEN g % 10 = 5 THEN 'submitted' WHEN g % 10 <= 7 THEN 'in_progress'
                       WHEN g % 10 = 8 THEN 'assigned' ELSE 'cancelled' END AS outcome
             FROM generate_series(1, ${TASKS}) g, dirs, ags)
    SELECT b.*, (b.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 60 + (b.g % 180) AS first_due,
           b.assigned_at + INTERVAL '3 days' AS started_at,
           b.assigned_at + (30 + (b.g * 7) % 250) * INTERVAL '1 day' AS submitted_at,
           b.assigned_at + (30 + (b.g * 7) % 250 + b.g % 15) * INTERVAL '1 day' AS decided_at,
           (b.outcome = 'in_progress' AND b.g % 3 = 0) AS extended
      FROM base b`);
  await db.query(`
    INSERT INTO tasks (id, directive_id, code, title, deliverable_type, field, lead_agency_id, due_date, original_due_date,
                       state, version, completed_at, search_text, created_at)
    SELECT id, directive_id, 'BENCH-' || g, 'Nhiệm vụ thử tải ' || g, dtype, field, lead,
           CASE WHEN extended THEN first_due + 60 ELSE first_due END, CASE WHEN extended THEN first_due END,
           outcome, 5, CASE WHEN outcome = 'approved' THEN submitted_at END, 'bench ' || g, assigned_at - INTERVAL '2 days'
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
      FROM bench_plan WHERE extended`);
  await db.query(`
    INSERT INTO submissions (task_id, seq, revision, submitted_by, submitted_at, decision, decided_at)
    SELECT p.id, 1, 0, u.id, p.submitted_at, CASE WHEN p.outcome = 'approved' THEN 'approved' END,
           CASE WHEN p.outcome = 'approved' THEN p.decided_at END
      FROM bench_plan p, (SELECT id FROM users WHERE username = 'vanphong') u
     WHERE p.outcome IN ('approved','submitted')`);
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

  const time = async (path, query, runs) => {
    const qs = new URLSearchParams(query).toString();
    const ms = [];
    let bytes = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/reports/${path}${qs ? `?${qs}` : ''}`, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${path}?${qs}: ${res.status} ${body.toString().slice(0, 300)}`);
      // The first run warms the connection pool and the plan cache.
      if (i > 0) ms.push(performance.now() - t0);
      bytes = body.length;
    }
    ms.sort((a, b) => a - b);
    return { p50ms: Math.round(pct(ms, 0.5)), p95ms: Math.round(pct(ms, 0.95)), bytes, load1: loadavg()[0].toFixed(1) };
  };

  const views = [
    'summary',
    'by-agency',
    'by-directive',
    'by-field',
    'by-deliverable-type',
    'escalations',
    'review-queue',
    'averages',
  ];
  for (const [label, query] of [
    ['live', {}],
    [`asOf ${PAST}`, { asOf: PAST }],
  ]) {
    for (const view of views) {
      console.log(
        JSON.stringify({
          bench: 'report',
          view,
          when: label,
          scope: 'province',
          ...(await time(view, query, RUNS)),
          target: '< 500 ms',
        }),
      );
    }
  }
  // The documents for one directive (about 1/20 of the tasks), and the province-wide ones that stay small.
  for (const [view, query] of [
    ['by-agency.xlsx', {}],
    ['by-agency.xlsx', { asOf: PAST }],
    ['tasks.xlsx', { directiveId: oneDirective }],
    ['tasks.xlsx', { directiveId: oneDirective, asOf: PAST }],
    ['periodic.docx', { directiveId: oneDirective }],
    ['periodic.docx', { directiveId: oneDirective, asOf: PAST }],
  ]) {
    const scope = query.directiveId ? 'one directive' : 'province';
    const when = query.asOf ? `asOf ${PAST}` : 'live';
    console.log(
      JSON.stringify({ bench: 'document', view, when, scope, ...(await time(view, query, Math.min(RUNS, 5))) }),
    );
  }
} finally {
  await app?.close();
  await db.end();
  if (process.env.KEEP_DB) console.log(`kept ${dbName}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
