// Scale (issue: "with 1,000,000 tasks and 10,000,000 history rows, one agency's board, a filtered list page
// and the dashboard each < 300 ms; the transition figures above hold"). On a throwaway database (migrated,
// demo-seeded) it generates --tasks tasks and about --history history rows set-based in SQL: thousands of
// directives, every agency (a few much bigger than the others), states mixed by age, due dates over six
// years (to eight months ahead), a quarter of the tasks with coordinating agencies, overdue work; each task's history
// written as the API and the worker write it (CREATE, ASSIGN, PEOPLE_SET, START, reminders, comments, progress
// reports, extensions, escalations, uploads, submissions, returns, approval or cancellation, with their
// states, versions, actors and data), with the submissions, contributions and milestones that go with it.
// The province is a whole one (issue 20): 15 district-level committees with 10 grassroots ones each, their
// agencies, plans and about 10,000 accounts (--districts, --grassroots, --users); 40 % of the tasks are filed in
// a district and 20 % in a grassroots committee, the rest are the province's (its agencies and the districts
// standing among them). A district's Office reads its board and its dashboard under row security.
// Like pg_restore, the load fills the tables first and builds the tables' secondary indexes after (the same
// definitions the migrations made, read back from pg_indexes), with triggers off for the load only; then
// VACUUM ANALYZE, as autovacuum would soon after.
// Then, on the built API (node apps/api/dist/main.js, production mode, its own redis), several runs after a
// warm-up of: the board as an agency's user (the requests apps/web's board sends on load: GET /api/tasks for
// the first 100 cards of each column, and /agencies, /directives, /people beside them), for the biggest
// agency and a median one; a filtered list page deep into the results as the Office; the dashboard as the
// Office (its nine report views in parallel, then the completion chart's twelve `summary?asOf=`): the warm-up is
// its computation (`coldMs`), the runs are answered from the report cache; then the dashboard right after a task is
// made (answered from the figures of before, `servedP50ms`) and how long until every view is new again
// (`freshAfterP50ms`). Reference
// beside each: the statements the API sent for it (recorded in-process with the same build), replayed as
// EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON): planning + execution, alternating with the timed runs.
// Transitions: closed-loop POST /api/tasks/:id/transitions START on fresh `assigned` tasks at 1 and 8 in
// flight, on the freshly seeded small database before the load (the reference) and on the big one after.
// Before/after a change: --baseline <dist> (a copy of apps/api/dist built before it) is measured alternately with
// --after <dist> (default apps/api/dist), two phases each, the database as it was before (the migration
// --compare-migration, default 1733800000000, reverted; `none` leaves it) for the baseline and as migrated for the
// other.
// Prints JSON lines ({"bench":"scale-generate"|"scale-read"|"scale-transition"|"scale-compare",...}); never fails
// on a number; drops the database at the end (KEEP_DB=1 keeps it, for EXPLAIN; --reuse <name> measures a kept one
// again; --dump-sql <file> writes the statements recorded for each request).
// Usage: npm run build && node test/bench/scale.mjs [--quick] [--tasks 1000000] [--history 10000000] [--runs 7]
//        [--seconds 5] [--only generate,board,list,dashboard,trend,transition]
//        [--baseline <dist> [--after <dist>] [--compare board,list,dashboard] [--compare-runs 2] [--compare-only]]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { gunzipSync, brotliDecompressSync, inflateSync } from 'node:zlib';
import pg from 'pg';
import { MIGRATIONS, ROOT_ORGANISATION_ID } from '@dondoc/persistence';
import {
  AGENCY,
  arg,
  bulkAssignedTasks,
  closedLoop as runClosedLoop,
  emit,
  freePort,
  instrumentPg,
  nestApp,
  PASSWORD,
  pct,
  POOL_SIZE,
  privateRedis,
  QUICK,
  round,
  SERVER_URL,
  sleep,
  throwawayDb,
} from './lib.mjs';

async function existingDb(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: POOL_SIZE });
  return { name, url: url.toString(), pool, drop: () => pool.end() };
}

const TASKS = Number(arg('tasks', QUICK ? 100_000 : 1_000_000));
const HISTORY = Number(arg('history', QUICK ? 1_000_000 : 10_000_000));
const RUNS = Number(arg('runs', QUICK ? 5 : 7));
const REF_RUNS = Math.min(RUNS, 3);
const SECONDS = Number(arg('seconds', QUICK ? 3 : 5));
const ONLY = new Set(String(arg('only', 'generate,board,list,dashboard,trend,transition')).split(','));
// Enough for the warm-up and two rounds at each level on a fast machine: 6,000 ran out at 8 in flight (400 tx/s).
const SMALL_TASKS = Number(arg('small-tasks', QUICK ? 6_000 : 15_000));
const BASELINE = arg('baseline', null);
const AFTER = arg('after', 'apps/api/dist');
const COMPARE_MIGRATION = arg('compare-migration', 'ScaleIndexes1733800000000');
const COMPARE_SETS = new Set(String(arg('compare', 'board,list,dashboard')).split(','));
const COMPARE_RUNS = Number(arg('compare-runs', Math.max(2, Math.ceil(RUNS / 2))));
// The province of issue 20: 15 district-level committees with 10 grassroots ones each, about 10,000 accounts, and
// the tasks split between the levels (DISTRICT_SHARE / GRASSROOTS_SHARE of them filed below the province).
const DISTRICTS = Number(arg('districts', 15));
const GRASSROOTS_PER_DISTRICT = Number(arg('grassroots', 10));
const USERS = Number(arg('users', 10_000));
const DISTRICT_SHARE = 0.4;
const GRASSROOTS_SHARE = 0.2;
const TARGET_MS = 300;
const TARGET = '< 300 ms';
// What a browser sends; the API compresses (bootstrap.ts), so the wire bytes and the time are a browser's.
const ACCEPT_ENCODING = 'gzip, deflate, br';
const load = () => loadavg().map((l) => round(l));

// --reuse <database>: measure a database kept by an earlier run (KEEP_DB=1) as it is: no load, no small
// reference, nothing dropped.
const REUSE = arg('reuse', null);
const db = REUSE ? await existingDb(REUSE) : await throwawayDb('scale');
const redis = await privateRedis();
const scratch = mkdtempSync(join(tmpdir(), 'bench-scale-'));
let api;

// ---------------------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------------------

/** The non-constraint indexes of a table, as `CREATE INDEX` statements (pg_restore builds these after the data). */
async function secondaryIndexes(client, table) {
  const { rows } = await client.query(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)
      ORDER BY i.indexname`,
    [table],
  );
  return rows;
}

/**
 * The province's tree (issue 20): DISTRICTS district-level committees under the top, GRASSROOTS_PER_DISTRICT grassroots
 * ones under each; each with its Office and Standing Committee accounts, its own agencies (8 in a district, 2 in a
 * grassroots committee) each with a head named by its code, the agency standing for it among its parent's (with a
 * head too, so the province's and the districts' work can be given to it), its own plans (40 and 4), and officers
 * in the committees' agencies until the deployment has USERS accounts. Made through the triggers (paths, filing).
 */
async function province(step) {
  const pw = `(SELECT password_hash FROM users WHERE username = 'vanphong')`;
  await step(
    'committees',
    `WITH d AS (SELECT i, lpad(i::text, 2, '0') AS n FROM generate_series(1, $1::int) i),
          standing AS (
            INSERT INTO agencies (code, name, kind, organisation_id)
            SELECT 'huyen-uy-bench-' || d.n, 'Huyện ủy số ' || d.i, 'district_committee', $2::uuid FROM d RETURNING id, code)
     INSERT INTO organisations (code, name, kind, parent_id, agency_id, sort_order)
     SELECT s.code, 'Huyện ủy số ' || ltrim(right(s.code, 2), '0'), 'district', $2::uuid, s.id, 100 + right(s.code, 2)::int
       FROM standing s`,
    [DISTRICTS, ROOT_ORGANISATION_ID],
  );
  await step(
    'grassroots',
    `WITH g AS (SELECT o.id AS parent, o.code AS parent_code, right(o.code, 2) AS dn, lpad(j::text, 2, '0') AS n, j
                  FROM organisations o, generate_series(1, $1::int) j WHERE o.code LIKE 'huyen-uy-bench-%'),
          standing AS (
            INSERT INTO agencies (code, name, kind, organisation_id)
            SELECT 'dang-uy-xa-bench-' || g.dn || '-' || g.n, 'Đảng ủy xã số ' || g.j || ', huyện số ' || ltrim(g.dn, '0'),
                   'grassroots_committee', g.parent FROM g RETURNING id, code, name, organisation_id)
     INSERT INTO organisations (code, name, kind, parent_id, agency_id)
     SELECT s.code, s.name, 'grassroots', s.organisation_id, s.id FROM standing s`,
    [GRASSROOTS_PER_DISTRICT],
  );
  await step(
    'committee agencies',
    `INSERT INTO agencies (code, name, kind, organisation_id)
     SELECT 'ban-' || k || '-' || o.code, (ARRAY['Ban Tổ chức','Ban Tuyên giáo','Ban Dân vận','Ủy ban Kiểm tra','Văn phòng',
                                                 'Ban Nội chính','Trung tâm Chính trị','Đảng ủy Khối'])[k] || ' ' || o.name,
            'party_board', o.id
       FROM organisations o, generate_series(1, CASE o.kind WHEN 'district' THEN 8 ELSE 2 END) k
      WHERE o.code LIKE '%-bench-%'`,
  );
  // A head for every agency of the tree, the standing ones included (the bench signs them in by code).
  await step(
    'heads',
    `INSERT INTO users (username, full_name, role, agency_id, position, password_hash)
     SELECT a.code, 'Trưởng ' || a.name, 'agency', a.id, 'head', ${pw}
       FROM agencies a WHERE a.code LIKE '%-bench-%' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.username = a.code)`,
  );
  await step(
    'offices',
    `INSERT INTO users (username, full_name, role, organisation_id, position, password_hash)
     SELECT r.prefix || o.code, r.title || ' ' || o.name, r.role, o.id, r.position, ${pw}
       FROM organisations o,
            (VALUES ('vp-', 'Văn phòng', 'office', NULL), ('tv-', 'Thường trực', 'standing_committee', 'standing_board'))
              AS r(prefix, title, role, position)
      WHERE o.code LIKE '%-bench-%'`,
  );
  await step(
    'officers',
    `WITH a AS (SELECT a.id, a.code, row_number() OVER (ORDER BY a.code) AS k, count(*) OVER () AS n
                  FROM agencies a JOIN organisations o ON o.id = a.organisation_id
                 WHERE o.code LIKE '%-bench-%'),
          need AS (SELECT GREATEST(0, $1::int - (SELECT count(*) FROM users))::int AS n)
     INSERT INTO users (username, full_name, role, agency_id, position, password_hash)
     SELECT a.code || '.cv' || i, 'Chuyên viên ' || i || ' ' || a.code, 'agency', a.id, 'officer', ${pw}
       FROM need CROSS JOIN LATERAL generate_series(1, need.n) i JOIN a ON a.k = 1 + (i - 1) % a.n`,
    [USERS],
  );
  await step(
    'committee plans',
    `INSERT INTO directives (number, kind, title, issued_on, issuer, created_by, created_at)
     SELECT 'S' || i || CASE o.kind WHEN 'district' THEN '-KH/HU' ELSE '-KH/ĐU' END, 'plan',
            'Kế hoạch số ' || i || ' của ' || o.name || ' thực hiện chương trình của cấp trên',
            c.today - 2240 + ((i - 1) * 2200 / CASE o.kind WHEN 'district' THEN 40 ELSE 4 END), o.name, u.id,
            (c.today - 2240 + ((i - 1) * 2200 / CASE o.kind WHEN 'district' THEN 40 ELSE 4 END))::timestamp
              AT TIME ZONE 'Asia/Ho_Chi_Minh'
       FROM organisations o JOIN users u ON u.username = 'vp-' || o.code,
            generate_series(1, CASE o.kind WHEN 'district' THEN 40 ELSE 4 END) i,
            (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today) c
      WHERE o.code LIKE '%-bench-%'`,
  );
}

/** The instant `k` (1-based) of a task's sequence in `bench_seq s`: CREATE then evenly from ASSIGN to the last. */
const atSql = (k) =>
  `CASE WHEN ${k} = 1 THEN s.created_at
        ELSE s.assigned_at + (s.end_at - s.assigned_at) * ((${k} - 2)::float8 / GREATEST(s.n - 2, 1)) END`;

async function generate() {
  const client = await db.pool.connect();
  const steps = {};
  const step = async (name, sql, params) => {
    const t0 = performance.now();
    const r = await client.query(sql, params);
    steps[name] = Math.round(performance.now() - t0);
    return r;
  };
  const t0 = performance.now();
  try {
    await client.query(`SET work_mem = '512MB'`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SELECT setseed(0.4242)`);
    const directives = Math.max(20, Math.round(TASKS / 250));

    // The committees below the province, with triggers on (paths, filing): a few hundred rows.
    await province(step);

    // Data first, indexes after (as pg_restore does); triggers (the foreign keys' and history's) off for
    // the load only, as pg_restore --disable-triggers: the rows are consistent by construction.
    const dropped = [];
    for (const table of ['tasks', 'task_events', 'submissions', 'contributions', 'contribution_versions']) {
      for (const ix of await secondaryIndexes(client, table)) {
        dropped.push(ix);
        await client.query(`DROP INDEX ${ix.name}`);
      }
    }
    await client.query(`SET session_replication_role = replica`);

    await step(
      'directives',
      `INSERT INTO directives (number, kind, title, issued_on, issuer, created_by, created_at)
       SELECT 'S' || i || '-CTr/TU',
              (ARRAY['action_program','conclusion','monthly_program','resolution','plan','other'])[1 + i % 6],
              'Chương trình hành động số ' || i || ' thực hiện nghị quyết của Tỉnh ủy',
              today - 2270 + ((i - 1) * 2240 / $1::int), 'Tỉnh ủy',
              (SELECT id FROM users WHERE username = 'vanphong'),
              (today - 2270 + ((i - 1) * 2240 / $1::int))::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
         FROM generate_series(1, $1::int) i,
              (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today) c`,
      [directives],
    );

    // One row per task: who, when, how far it got, and what happened on the way.
    await step(
      'plan',
      `CREATE UNLOGGED TABLE bench_plan AS
       WITH ctx AS (
         SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS today,
                (SELECT array_agg(a.id ORDER BY md5(a.code)) FROM agencies a WHERE a.organisation_id = $2::uuid) AS ags,
                (SELECT array_agg(u.id ORDER BY md5(a.code)) FROM agencies a JOIN users u ON u.username = a.code
                  WHERE a.organisation_id = $2::uuid) AS heads,
                (SELECT array_agg(d.id ORDER BY d.issued_on, d.id) FROM directives d WHERE d.number LIKE 'S%-CTr/TU') AS dirs,
                (SELECT array_agg(d.number ORDER BY d.issued_on, d.id) FROM directives d WHERE d.number LIKE 'S%-CTr/TU') AS dnums,
                (SELECT count(*)::int FROM agencies a WHERE a.organisation_id = $2::uuid) AS na,
                (SELECT count(*)::int FROM directives d WHERE d.number LIKE 'S%-CTr/TU') AS nd,
                (SELECT count(*)::int FROM tasks t WHERE t.code NOT LIKE 'SCALE-%') AS nt),
       r AS (
         SELECT g, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
                random() AS u7, random() AS u8, random() AS u9, random() AS u10, random() AS u11
           FROM generate_series(1, $1::int) g),
       a AS (
         SELECT r.*, c.today, c.na, c.nd, c.nt,
                c.today - 2000 + floor(r.u1 * 2240)::int AS due,
                1 + floor(c.na * power(r.u2, 2.2))::int AS li
           FROM r, ctx c),
       o AS (
         SELECT a.*,
                CASE WHEN a.due < a.today - 60 THEN
                       CASE WHEN a.u3 < 0.88 THEN 'approved' WHEN a.u3 < 0.92 THEN 'cancelled' WHEN a.u3 < 0.97 THEN 'in_progress'
                            WHEN a.u3 < 0.98 THEN 'assigned' ELSE 'submitted' END
                     WHEN a.due < a.today THEN
                       CASE WHEN a.u3 < 0.50 THEN 'approved' WHEN a.u3 < 0.53 THEN 'cancelled' WHEN a.u3 < 0.78 THEN 'in_progress'
                            WHEN a.u3 < 0.85 THEN 'assigned' ELSE 'submitted' END
                     ELSE
                       CASE WHEN a.u3 < 0.10 THEN 'approved' WHEN a.u3 < 0.12 THEN 'cancelled' WHEN a.u3 < 0.57 THEN 'in_progress'
                            WHEN a.u3 < 0.87 THEN 'assigned' WHEN a.u3 < 0.97 THEN 'submitted' ELSE 'drafted' END
                END AS outcome,
                LEAST(a.today - 1, a.due - 60 - floor(a.u4 * 180)::int) AS assigned_day,
                1 + floor(a.u6 * (a.na - 1))::int AS o1
           FROM a),
       p AS (
         SELECT o.*,
                o.outcome IN ('in_progress','submitted','approved') OR (o.outcome = 'cancelled' AND o.g % 2 = 0) AS started,
                o.outcome IN ('submitted','approved') AS reached,
                o.outcome IN ('in_progress','submitted','approved') AND o.u7 < 0.1 AS extended,
                CASE WHEN o.outcome IN ('approved','submitted') THEN
                       CASE WHEN o.u8 < 0.04 THEN 2 WHEN o.u8 < 0.15 THEN 1 ELSE 0 END ELSE 0 END AS r,
                o.outcome <> 'drafted' AND o.u9 < 0.5 AS people_set,
                CASE WHEN o.outcome IN ('assigned','in_progress','submitted') AND o.due < o.today
                     THEN 1 + (o.due < o.today - 30)::int ELSE 0 END AS esc,
                ((o.assigned_day::timestamp + INTERVAL '8 hours' + (o.g % 480) * INTERVAL '1 minute')
                  AT TIME ZONE 'Asia/Ho_Chi_Minh') AS assigned_at,
                ((o.due::timestamp + INTERVAL '17 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh') AS due_at
           FROM o)
       SELECT p.g, gen_random_uuid() AS id, p.outcome, p.due, p.started, p.reached, p.extended, p.r, p.people_set, p.esc,
              p.u10, p.u11,
              CASE WHEN p.extended THEN p.due - 20 - floor(p.u7 * 400)::int END AS first_due,
              c.ags[p.li] AS lead, c.heads[p.li] AS head,
              CASE WHEN p.u5 < 0.08 THEN ARRAY[c.ags[1 + (p.li - 1 + p.o1) % p.na], c.ags[1 + (p.li - 1 + 1 + p.o1 % (p.na - 1)) % p.na]]
                   WHEN p.u5 < 0.25 THEN ARRAY[c.ags[1 + (p.li - 1 + p.o1) % p.na]]
                   ELSE '{}'::uuid[] END AS coordinating,
              GREATEST(1, LEAST(p.nd, 1 + floor((p.assigned_day - (p.today - 2240))::float8 / 2240 * p.nd)::int + p.g % 5 - 2)) AS di,
              1 + (p.g * 13) % p.nt AS ti,
              (ARRAY['party_building','economy','culture_society','defense_security'])[1 + (p.g * 7 + p.li) % 4] AS field,
              (ARRAY['de_an','chuong_trinh','ke_hoach','quy_dinh','danh_muc','nghi_quyet','so_ket','tong_ket','bao_cao','khac'])[1 + (p.g / 3) % 10] AS dtype,
              p.g % 20 = 0 AS is_key,
              CASE WHEN p.g % 500 = 7 THEN 'confidential' ELSE 'normal' END AS classification,
              CASE WHEN p.outcome = 'drafted' THEN LEAST(now() - INTERVAL '1 hour', p.assigned_at)
                   ELSE p.assigned_at - (1 + p.g % 10) * INTERVAL '1 day' END AS created_at,
              p.assigned_at,
              CASE p.outcome
                WHEN 'approved' THEN LEAST(now() - INTERVAL '1 hour',
                       GREATEST(p.assigned_at + INTERVAL '5 days', p.due_at + (floor(p.u10 * 70)::int - 50) * INTERVAL '1 day'))
                WHEN 'cancelled' THEN p.assigned_at + (LEAST(now(), p.due_at) - p.assigned_at) * 0.5
                WHEN 'drafted' THEN LEAST(now() - INTERVAL '1 hour', p.assigned_at)
                ELSE p.assigned_at + (now() - INTERVAL '1 hour' - p.assigned_at) * (0.5 + 0.45 * p.u10)
              END AS end_at,
              1 + (p.outcome <> 'drafted')::int + p.people_set::int + p.started::int + p.extended::int + p.esc
                + CASE WHEN p.reached THEN 2 + 3 * p.r ELSE 0 END
                + (p.outcome IN ('approved','cancelled'))::int AS n_base,
              NULL::uuid AS org, NULL::uuid AS dir, NULL::text AS dnum
         FROM p, ctx c`,
      [TASKS, ROOT_ORGANISATION_ID],
    );
    // Below the province: a share of the tasks filed in a district (of its plans, led by its agencies or the
    // grassroots committees standing among them) and a share in a grassroots committee, spread evenly over them.
    await step(
      'plan below',
      `WITH units AS (
         SELECT o.kind, row_number() OVER (PARTITION BY o.kind ORDER BY o.code) AS ui, o.id AS org,
                (SELECT array_agg(a.id ORDER BY a.code) FROM agencies a WHERE a.organisation_id = o.id) AS ags,
                (SELECT array_agg(u.id ORDER BY a.code) FROM agencies a JOIN users u ON u.username = a.code
                  WHERE a.organisation_id = o.id) AS heads,
                (SELECT array_agg(d.id ORDER BY d.number) FROM directives d WHERE d.organisation_id = o.id) AS dirs,
                (SELECT array_agg(d.number ORDER BY d.number) FROM directives d WHERE d.organisation_id = o.id) AS dnums
           FROM organisations o WHERE o.code LIKE '%-bench-%'),
       pick AS (
         SELECT p.g, CASE WHEN (p.g * 7) % 100 < $1::int THEN 'district' ELSE 'grassroots' END AS kind,
                CASE WHEN (p.g * 7) % 100 < $1::int THEN 1 + (p.g / 7) % $3::int ELSE 1 + (p.g / 7) % $4::int END AS ui
           FROM bench_plan p WHERE (p.g * 7) % 100 < $1::int + $2::int)
       UPDATE bench_plan p
          SET org = u.org, lead = u.ags[1 + (p.g * 31) % cardinality(u.ags)],
              head = u.heads[1 + (p.g * 31) % cardinality(u.ags)], coordinating = '{}',
              dir = u.dirs[1 + (p.g * 17) % cardinality(u.dirs)], dnum = u.dnums[1 + (p.g * 17) % cardinality(u.dirs)]
         FROM pick k JOIN units u ON u.kind = k.kind AND u.ui = k.ui
        WHERE p.g = k.g`,
      [
        Math.round(DISTRICT_SHARE * 100),
        Math.round(GRASSROOTS_SHARE * 100),
        DISTRICTS,
        DISTRICTS * GRASSROOTS_PER_DISTRICT,
      ],
    );
    const base = (
      await client.query(
        `SELECT sum(n_base)::bigint AS n, count(*) FILTER (WHERE outcome <> 'drafted')::int AS fillable FROM bench_plan`,
      )
    ).rows[0];
    // The other events (reminders, comments, progress reports) spread over the tasks past drafting, so that
    // the history comes to about HISTORY rows.
    const fillerMean = Math.max(0, (HISTORY - Number(base.n)) / Math.max(1, base.fillable));

    // Each task's history as parallel arrays: event ('F' = a reminder, comment or progress report), the state
    // after it, and the submission it belongs to.
    await step(
      'sequences',
      `CREATE UNLOGGED TABLE bench_seq AS
       SELECT q.*, cardinality(q.ev) AS n FROM (
         SELECT p.*, ev, st, sq FROM bench_plan p,
         LATERAL (SELECT CASE WHEN p.outcome = 'drafted' THEN 0 ELSE floor(2 * $1::float8 * p.u11 + 0.5)::int END AS f,
                         CASE WHEN p.started THEN 'in_progress' ELSE 'assigned' END AS mid) x,
         LATERAL (SELECT
           ARRAY['CREATE']
             || CASE WHEN p.outcome <> 'drafted' THEN ARRAY['ASSIGN'] ELSE '{}'::text[] END
             || CASE WHEN p.people_set THEN ARRAY['PEOPLE_SET'] ELSE '{}'::text[] END
             || CASE WHEN p.started THEN ARRAY['START'] ELSE '{}'::text[] END
             || array_fill('F'::text, ARRAY[x.f])
             || CASE WHEN p.extended THEN ARRAY['EXTENSION_GRANTED'] ELSE '{}'::text[] END
             || array_fill('ESCALATED'::text, ARRAY[p.esc])
             || CASE WHEN p.reached THEN
                  CASE p.r WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['DELIVERABLE_UPLOADED','SUBMIT','RETURN']
                           ELSE ARRAY['DELIVERABLE_UPLOADED','SUBMIT','RETURN','DELIVERABLE_UPLOADED','SUBMIT','RETURN'] END
                  || ARRAY['DELIVERABLE_UPLOADED','SUBMIT'] ELSE '{}'::text[] END
             || CASE p.outcome WHEN 'approved' THEN ARRAY['APPROVE'] WHEN 'cancelled' THEN ARRAY['CANCEL'] ELSE '{}'::text[] END
           AS ev,
           ARRAY['drafted']
             || CASE WHEN p.outcome <> 'drafted' THEN ARRAY['assigned'] ELSE '{}'::text[] END
             || CASE WHEN p.people_set THEN ARRAY['assigned'] ELSE '{}'::text[] END
             || CASE WHEN p.started THEN ARRAY['in_progress'] ELSE '{}'::text[] END
             || array_fill(x.mid, ARRAY[x.f])
             || CASE WHEN p.extended THEN ARRAY[x.mid] ELSE '{}'::text[] END
             || array_fill(x.mid, ARRAY[p.esc])
             || CASE WHEN p.reached THEN
                  CASE p.r WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['in_progress','submitted','in_progress']
                           ELSE ARRAY['in_progress','submitted','in_progress','in_progress','submitted','in_progress'] END
                  || ARRAY['in_progress','submitted'] ELSE '{}'::text[] END
             || CASE p.outcome WHEN 'approved' THEN ARRAY['approved'] WHEN 'cancelled' THEN ARRAY['cancelled'] ELSE '{}'::text[] END
           AS st,
           array_fill(0, ARRAY[(p.outcome <> 'drafted')::int + p.people_set::int + p.started::int + x.f + p.extended::int + p.esc + 1])
             || CASE WHEN p.reached THEN
                  CASE p.r WHEN 0 THEN '{}'::int[] WHEN 1 THEN ARRAY[1,1,1] ELSE ARRAY[1,1,1,2,2,2] END || ARRAY[p.r + 1, p.r + 1]
                ELSE '{}'::int[] END
             || CASE WHEN p.outcome = 'approved' THEN ARRAY[p.r + 1] WHEN p.outcome = 'cancelled' THEN ARRAY[0] ELSE '{}'::int[] END
           AS sq) y
       ) q`,
      [fillerMean],
    );

    await step(
      'tasks',
      `INSERT INTO tasks (id, directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                          coordinating_agency_ids, due_date, deadline_text, state, version, revision, deadline_version,
                          escalation_level, completed_at, search_text, created_by, created_at, updated_at, original_due_date,
                          assignee_user_id, is_key, progress_percent, progress_at, effective_due_date, classification,
                          organisation_id)
       WITH ctx AS (
         SELECT (SELECT array_agg(d.id ORDER BY d.issued_on, d.id) FROM directives d WHERE d.number LIKE 'S%-CTr/TU') AS dirs,
                (SELECT array_agg(d.number ORDER BY d.issued_on, d.id) FROM directives d WHERE d.number LIKE 'S%-CTr/TU') AS dnums,
                (SELECT array_agg(t.title ORDER BY t.code) FROM tasks t WHERE t.code NOT LIKE 'SCALE-%') AS titles,
                (SELECT array_agg(substr(t.search_text, length(t.code) + 2) ORDER BY t.code) FROM tasks t
                  WHERE t.code NOT LIKE 'SCALE-%') AS folded,
                (SELECT array_agg(t.description ORDER BY t.code) FROM tasks t WHERE t.code NOT LIKE 'SCALE-%') AS descs,
                (SELECT id FROM users WHERE username = 'vanphong') AS office)
       SELECT s.id, COALESCE(s.dir, c.dirs[s.di]), COALESCE(s.dnum, c.dnums[s.di]) || '-' || s.g,
              c.titles[s.ti] || ' năm ' || extract(year FROM s.due),
              c.descs[s.ti], s.dtype, s.field, s.lead, s.coordinating, s.due, 'Hoàn thành trong năm ' || extract(year FROM s.due),
              s.outcome, s.n, s.r, 1 + s.extended::int, LEAST(s.esc, 2),
              CASE WHEN s.outcome = 'approved' THEN s.end_at END,
              lower(COALESCE(s.dnum, c.dnums[s.di]) || '-' || s.g) || ' ' || c.folded[s.ti] || ' nam ' || extract(year FROM s.due),
              c.office, s.created_at, s.end_at, s.first_due,
              CASE WHEN s.people_set THEN s.head END, s.is_key,
              CASE WHEN s.outcome = 'in_progress' THEN GREATEST(0, LEAST(90, 10 * (s.n - 4))) END,
              CASE WHEN s.outcome = 'in_progress' THEN s.end_at END,
              s.due, s.classification, COALESCE(s.org, $1::uuid)
         FROM bench_seq s, ctx c
        ORDER BY s.created_at`,
      [ROOT_ORGANISATION_ID],
    );

    // History in the order it was written (ids and heap follow time, as in a database that grew), as the
    // task-change writer writes it: from/to state, the actor, the data each kind carries, the version after.
    await step(
      'history',
      `INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id,
                                comment, data, task_version, at, dedupe_key)
       WITH ctx AS (SELECT (SELECT id FROM users WHERE username = 'vanphong') AS office,
                           (SELECT id FROM users WHERE username = 'thuongvu') AS sc)
       SELECT e.id, e.ev, e.from_state, e.st,
              CASE WHEN e.ev IN ('CREATE','ASSIGN','CANCEL') OR (e.ev = 'COMMENT' AND e.k % 2 = 0) THEN c.office
                   WHEN e.ev IN ('APPROVE','RETURN','EXTENSION_GRANTED') THEN c.sc
                   WHEN e.ev IN ('REMINDED','ESCALATED') THEN NULL ELSE e.head END,
              CASE WHEN e.ev IN ('CREATE','ASSIGN','CANCEL') OR (e.ev = 'COMMENT' AND e.k % 2 = 0) THEN 'office'
                   WHEN e.ev IN ('APPROVE','RETURN','EXTENSION_GRANTED') THEN 'standing_committee'
                   WHEN e.ev IN ('REMINDED','ESCALATED') THEN 'system' ELSE 'agency' END,
              CASE WHEN e.ev IN ('PEOPLE_SET','START','DELIVERABLE_UPLOADED','SUBMIT','PROGRESS_REPORTED')
                     OR (e.ev = 'COMMENT' AND e.k % 2 = 1) THEN e.lead END,
              CASE e.ev WHEN 'COMMENT' THEN 'Đề nghị cập nhật tiến độ thực hiện nhiệm vụ (lần ' || e.k || ')'
                        WHEN 'PROGRESS_REPORTED' THEN 'Đã hoàn thành dự thảo, đang lấy ý kiến các cơ quan liên quan'
                        WHEN 'ASSIGN' THEN 'Giao thực hiện theo chương trình'
                        WHEN 'DELIVERABLE_UPLOADED' THEN 'Gửi sản phẩm'
                        WHEN 'SUBMIT' THEN 'Trình Thường trực xem xét'
                        WHEN 'RETURN' THEN 'Đề nghị bổ sung, hoàn chỉnh'
                        WHEN 'APPROVE' THEN 'Thống nhất'
                        WHEN 'CANCEL' THEN 'Không tiếp tục thực hiện' END,
              CASE e.ev
                WHEN 'ASSIGN' THEN jsonb_build_object('dueDate', COALESCE(e.first_due, e.due)::text, 'leadAgencyId', e.lead,
                                                      'previousLeadAgencyId', e.lead)
                WHEN 'PEOPLE_SET' THEN jsonb_build_object('assigneeUserId', e.head)
                  || CASE WHEN e.is_key THEN '{"isKey": true}'::jsonb ELSE '{}'::jsonb END
                WHEN 'EXTENSION_GRANTED' THEN jsonb_build_object('from', e.first_due::text, 'to', e.due::text, 'deadlineVersion', 2)
                WHEN 'REMINDED' THEN jsonb_build_object('rung', 'remind_before', 'level', 0, 'offset', 'P' || e.k || 'D',
                                                        'actionId', (e.g::bigint * 64 + e.k)::text, 'latenessMs', 0)
                WHEN 'ESCALATED' THEN jsonb_build_object('rung', 'overdue', 'level', 1, 'offset', 'PT' || e.k || 'S',
                                                         'actionId', (e.g::bigint * 64 + e.k)::text, 'latenessMs', 0)
                WHEN 'COMMENT' THEN jsonb_build_object('commentId', md5(e.id::text || '-c' || e.k)::uuid)
                WHEN 'PROGRESS_REPORTED' THEN jsonb_build_object('reportId', md5(e.id::text || '-p' || e.k)::uuid,
                                                                 'percent', LEAST(90, 10 * e.k), 'periodId', NULL, 'files', 0)
                WHEN 'DELIVERABLE_UPLOADED' THEN jsonb_build_object('seq', e.sq, 'files', 1,
                                                                    'submissionId', md5(e.id::text || '-' || e.sq)::uuid)
                ELSE '{}'::jsonb END,
              e.k, e.at,
              CASE WHEN e.ev = 'REMINDED' THEN 'remind_before-P' || e.k || 'D-' || e.id || '-v1'
                   WHEN e.ev = 'ESCALATED' THEN 'overdue-PT' || e.k || 'S-' || e.id || '-v1' END
         FROM (
           SELECT s.g, s.id, s.lead, s.head, s.due, s.first_due, s.is_key, x.k::int AS k, x.st, x.sq,
                  CASE WHEN x.ev <> 'F' THEN x.ev
                       WHEN NOT s.started OR x.st <> 'in_progress' THEN (ARRAY['REMINDED','COMMENT'])[1 + (s.g + x.k) % 2]
                       ELSE (ARRAY['REMINDED','COMMENT','PROGRESS_REPORTED'])[1 + (s.g + x.k) % 3] END AS ev,
                  s.st[x.k::int - 1] AS from_state, ${atSql('x.k')} AS at
             FROM bench_seq s, unnest(s.ev, s.st, s.sq) WITH ORDINALITY AS x(ev, st, sq, k)
            ORDER BY 13, s.g, x.k) e, ctx c`,
    );

    await step(
      'submissions',
      `INSERT INTO submissions (id, task_id, seq, revision, note, submitted_by, submitted_at, decision, decision_comment,
                                decided_by, decided_at)
       SELECT md5(s.id::text || '-' || x.sq)::uuid, s.id, x.sq, x.sq - 1, 'Báo cáo kết quả thực hiện', s.head, ${atSql('x.k')},
              CASE WHEN x.sq <= s.r THEN 'returned' WHEN s.outcome = 'approved' THEN 'approved' END,
              CASE WHEN x.sq <= s.r THEN 'Đề nghị bổ sung, hoàn chỉnh' END,
              CASE WHEN x.sq <= s.r OR s.outcome = 'approved' THEN (SELECT id FROM users WHERE username = 'thuongvu') END,
              CASE WHEN x.sq <= s.r OR s.outcome = 'approved' THEN ${atSql('x.k + 1')} END
         FROM bench_seq s, unnest(s.ev, s.sq) WITH ORDINALITY AS x(ev, sq, k)
        WHERE x.ev = 'SUBMIT'
        ORDER BY 7`,
    );

    // Coordinating agencies' contributions (the cards' counters, the dashboard's coordination view).
    await step(
      'contributions',
      `INSERT INTO contributions (id, task_id, agency_id, request, due_date, status, created_by, created_at, updated_at)
       SELECT md5(s.id::text || '-k' || c.agency)::uuid, s.id, c.agency, 'Phối hợp xây dựng dự thảo', s.due - 15,
              CASE WHEN s.outcome = 'approved' THEN 'accepted'
                   WHEN s.outcome = 'submitted' OR (s.outcome = 'in_progress' AND s.g % 2 = 0) THEN 'submitted'
                   ELSE 'requested' END,
              (SELECT id FROM users WHERE username = 'vanphong'), s.assigned_at, s.end_at
         FROM bench_seq s, unnest(s.coordinating) AS c(agency)
        WHERE s.outcome NOT IN ('drafted','cancelled')
        ORDER BY s.assigned_at`,
    );
    await step(
      'contribution_versions',
      `INSERT INTO contribution_versions (contribution_id, seq, note, submitted_by, submitted_at, decision, decided_by, decided_at)
       SELECT c.id, 1, 'Ý kiến phối hợp', u.id, c.created_at + (c.updated_at - c.created_at) * 0.6,
              CASE WHEN c.status = 'accepted' THEN 'accepted' END,
              CASE WHEN c.status = 'accepted' THEN (SELECT id FROM users WHERE username = 'vanphong') END,
              CASE WHEN c.status = 'accepted' THEN c.created_at + (c.updated_at - c.created_at) * 0.8 END
         FROM contributions c JOIN users u ON u.agency_id = c.agency_id AND u.position = 'head'
        WHERE c.status IN ('submitted','accepted')`,
    );
    // Milestones on one task in thirty.
    await step(
      'milestones',
      `INSERT INTO milestones (task_id, label, due_date, done_at, done_by, created_at)
       SELECT s.id, 'Mốc ' || m, md, CASE WHEN s.outcome = 'approved' OR md < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 20
                                        THEN (md::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') - INTERVAL '2 days' END,
              CASE WHEN s.outcome = 'approved' OR md < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 20 THEN s.head END,
              s.assigned_at
         FROM bench_seq s, generate_series(1, 3) m,
              LATERAL (SELECT ((s.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                               + ((s.due - (s.assigned_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) * m / 4)) AS md) d
        WHERE s.g % 30 = 0 AND s.outcome NOT IN ('drafted','cancelled')`,
    );
    // Classified tasks: their lead agency's head and the Office on the access list.
    await step(
      'classified_access',
      `INSERT INTO classified_access (task_id, user_id, granted_by)
       SELECT s.id, u, (SELECT id FROM users WHERE username = 'vanphong')
         FROM bench_seq s, unnest(ARRAY[s.head, (SELECT id FROM users WHERE username = 'vanphong')]) u
        WHERE s.classification <> 'normal'`,
    );
    await client.query(`RESET session_replication_role`);
    const indexT0 = performance.now();
    for (const ix of dropped) await client.query(ix.def);
    steps.indexes = Math.round(performance.now() - indexT0);
    await client.query(`DROP TABLE bench_seq`);
    await client.query(`DROP TABLE bench_plan`);
    const vacuumT0 = performance.now();
    await client.query(`VACUUM ANALYZE`);
    steps.vacuumAnalyze = Math.round(performance.now() - vacuumT0);
  } finally {
    await client.query('RESET ALL').catch(() => undefined);
    client.release();
  }
  const totalMs = Math.round(performance.now() - t0);
  const q1 = async (sql) => (await db.pool.query(sql)).rows[0];
  const counts = await q1(
    `SELECT (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM task_events)::int AS history,
            (SELECT count(*) FROM directives)::int AS directives, (SELECT count(*) FROM submissions)::int AS submissions,
            (SELECT count(*) FROM contributions)::int AS contributions, (SELECT count(*) FROM milestones)::int AS milestones,
            (SELECT count(*) FROM organisations)::int AS organisations, (SELECT count(*) FROM users)::int AS users`,
  );
  const byLevel = Object.fromEntries(
    (
      await db.pool.query(
        `SELECT o.kind, count(*)::int AS n FROM tasks t JOIN organisations o ON o.id = t.organisation_id GROUP BY 1`,
      )
    ).rows.map((r) => [r.kind, r.n]),
  );
  const states = Object.fromEntries(
    (await db.pool.query(`SELECT state, count(*)::int AS n FROM tasks GROUP BY 1 ORDER BY 2 DESC`)).rows.map((r) => [
      r.state,
      r.n,
    ]),
  );
  const shape = await q1(
    `SELECT count(*) FILTER (WHERE cardinality(coordinating_agency_ids) > 0)::int AS coordinated,
            count(*) FILTER (WHERE state IN ('assigned','in_progress','submitted')
                             AND due_date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS overdue,
            min(due_date)::text AS first_due, max(due_date)::text AS last_due,
            count(*) FILTER (WHERE classification <> 'normal')::int AS classified
       FROM tasks`,
  );
  const perAgency = (
    await db.pool.query(
      `SELECT a.code, count(t.id)::int AS n FROM agencies a LEFT JOIN tasks t ON t.lead_agency_id = a.id
        WHERE a.organisation_id = '${ROOT_ORGANISATION_ID}' GROUP BY a.code ORDER BY 2 DESC`,
    )
  ).rows;
  const sizes = (
    await db.pool.query(
      `SELECT c.relname AS table, pg_relation_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes,
              pg_total_relation_size(c.oid) AS total
         FROM pg_class c WHERE c.relname IN ('tasks','task_events','submissions','contributions') ORDER BY total DESC`,
    )
  ).rows;
  const indexSizes = (
    await db.pool.query(
      `SELECT i.relname AS index, t.relname AS table, pg_relation_size(i.oid) AS bytes
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname IN ('tasks','task_events') ORDER BY bytes DESC`,
    )
  ).rows;
  const mb = (b) => round(Number(b) / 2 ** 20, 1);
  emit({
    bench: 'scale-generate',
    ...counts,
    tasksByLevel: byLevel,
    states,
    ...shape,
    agencies: {
      count: perAgency.length,
      largest: perAgency[0],
      median: perAgency[Math.floor(perAgency.length / 2)],
      smallest: perAgency.at(-1),
    },
    ms: totalMs,
    stepsMs: steps,
    sizesMB: Object.fromEntries(
      sizes.map((s) => [s.table, { heap: mb(s.heap), indexes: mb(s.indexes), total: mb(s.total) }]),
    ),
    indexSizesMB: Object.fromEntries(indexSizes.map((s) => [s.index, mb(s.bytes)])),
    databaseMB: mb((await q1(`SELECT pg_database_size(current_database()) AS b`)).b),
    load: load(),
  });
  return { perAgency };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request to the API; time to the last byte, wire bytes, and (with `decode`) the parsed body. */
function request(port, method, path, token, body, decode = false) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { 'accept-encoding': ACCEPT_ENCODING, accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers, timeout: 300_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const raw = Buffer.concat(chunks);
        let json;
        if (decode) {
          const enc = res.headers['content-encoding'];
          const text = (
            enc === 'gzip'
              ? gunzipSync(raw)
              : enc === 'br'
                ? brotliDecompressSync(raw)
                : enc === 'deflate'
                  ? inflateSync(raw)
                  : raw
          ).toString();
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
        }
        resolve({ status: res.statusCode, ms, bytes: raw.length, json });
      });
      res.on('error', () => resolve({ status: 0, ms: performance.now() - t0, bytes: 0 }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0, bytes: 0 }));
    req.on('timeout', () => req.destroy());
    req.end(payload);
  });
}

const get = (port, path, token, decode) => request(port, 'GET', path, token, undefined, decode);

async function login(port, username) {
  const r = await request(port, 'POST', '/api/auth/login', null, { username, password: PASSWORD }, true);
  if (r.status !== 200 && r.status !== 201) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.accessToken;
}

/** The built API as a child process (its own migrations first, as in production); `dist` another build to compare. */
async function startApi(dist = 'apps/api/dist') {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', './test/bench/count-queries.mjs', join(dist, 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      FILE_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      FILE_ENCRYPTION_KEY_ID: 'bench',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_LIMIT_PER_ADDRESS: '100000',
      LOGIN_LIMIT_PER_ACCOUNT: '100000',
      WEB_DIR: '',
      REDIS_URL: redis.url,
      STORAGE_DIR: join(scratch, 'files'),
      DB_POOL_SIZE: String(POOL_SIZE),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errText = '';
  let lastCount = null;
  const state = { lastError: null };
  child.stdout.on('data', (d) => {
    for (const line of String(d).split('\n')) {
      if (line.startsWith('{"benchQueries"')) lastCount = JSON.parse(line).benchQueries;
      // The API's own account of a failed request (pino, level 50): what a 500 was.
      else if (line.startsWith('{"level":50')) {
        try {
          const e = JSON.parse(line);
          if (e.err?.type !== 'Error' || !/failed with status code/.test(e.err?.message)) {
            state.lastError = `${e.req?.url ?? ''}: ${e.err?.type ?? ''} ${e.err?.message ?? e.msg}`.slice(0, 300);
          }
        } catch {
          // not JSON
        }
      }
    }
  });
  child.stderr.on('data', (d) => (errText = (errText + d).slice(-4000)));
  // Up to two minutes: a migration creating an index on a big table runs first.
  for (let i = 0; i < 1200; i++) {
    await sleep(100);
    const r = await get(port, '/api/health/live');
    if (r.status === 200) break;
    if (child.exitCode !== null) throw new Error(`api exited: ${errText}`);
  }
  if (child.exitCode !== null) throw new Error(`api exited: ${errText}`);
  return {
    child,
    port,
    state,
    async queries() {
      lastCount = null;
      child.kill('SIGUSR2');
      for (let i = 0; i < 50 && lastCount === null; i++) await sleep(20);
      return lastCount;
    },
    async stop() {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------------------

/** `inFlight` START requests always outstanding for SECONDS, each on a distinct task ({id, version, token}). */
async function closedLoop(items, inFlight) {
  const q0 = await api.queries();
  const { sent, figures } = await runClosedLoop(items, inFlight, SECONDS, async (it) => {
    const r = await request(api.port, 'POST', `/api/tasks/${it.id}/transitions`, it.token, {
      event: 'START',
      expectedVersion: it.version,
    });
    return r.status;
  });
  const q1 = await api.queries();
  return { ...figures, statementsPerRequest: q0 == null || q1 == null || !sent ? null : round((q1 - q0) / sent, 2) };
}

/** Two rounds at 1 in flight, then two at 8; the best round of each, and every round's throughput. */
async function transitions(items) {
  const shuffled = [...items].sort(() => Math.random() - 0.5);
  // Warm-up: JIT, the pool, the process's memory of each session.
  await closedLoop(shuffled, 4).catch(() => undefined);
  const out = {};
  for (const inFlight of [1, 8]) {
    const rounds = [];
    for (let r = 0; r < 2; r++) {
      await sleep(500);
      rounds.push(await closedLoop(shuffled, inFlight));
    }
    const best = rounds.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    out[inFlight] = { ...best, rounds: rounds.map((x) => x.perSecond), load1: round(loadavg()[0]) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Reads and their references
// ---------------------------------------------------------------------------------------------------------

const TX_CONTROL = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET\s|SAVEPOINT|RELEASE)/i;
const WRITES = /^\s*(INSERT|UPDATE|DELETE)\b|^\s*WITH\b[\s\S]*\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;

/**
 * The reference for one request: its recorded statements replayed in order on `client`, each read as
 * EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) (a write inside a savepoint rolled back); transaction control as
 * sent. Returns planning + execution summed, and the slowest statement.
 */
async function replay(client, statements) {
  let sum = 0;
  let slowest = null;
  let inTx = false;
  try {
    for (const { text, params } of statements) {
      if (TX_CONTROL.test(text)) {
        await client.query(text, params);
        if (/^\s*(START TRANSACTION|BEGIN)/i.test(text)) inTx = true;
        if (/^\s*(COMMIT|ROLLBACK)/i.test(text)) inTx = false;
        continue;
      }
      const write = WRITES.test(text);
      if (write) await client.query(inTx ? 'SAVEPOINT bench_ref' : 'BEGIN');
      const explained = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${text}`, params);
      const plan = explained.rows[0]['QUERY PLAN'][0];
      if (write) await client.query(inTx ? 'ROLLBACK TO SAVEPOINT bench_ref' : 'ROLLBACK');
      const ms = plan['Planning Time'] + plan['Execution Time'];
      sum += ms;
      if (!slowest || ms > slowest.ms) slowest = { ms: round(ms, 1), sql: text.replace(/\s+/g, ' ').slice(0, 100) };
    }
  } finally {
    if (inTx) await client.query('ROLLBACK').catch(() => undefined);
  }
  return { ms: sum, slowest };
}

/**
 * A connection for the references, opened now (with the database's settings as the API's connections have
 * them) and warmed like the API's: every recorded statement planned once (EXPLAIN without ANALYZE), so the
 * measured replays do not pay for loading the catalogs.
 */
async function referenceClient(recorded) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  for (const statements of Object.values(recorded)) {
    for (const { text, params } of statements) {
      if (!TX_CONTROL.test(text)) await client.query(`EXPLAIN ${text}`, params).catch(() => undefined);
    }
  }
  return client;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50ms: round(pct(s, 0.5), 1), p95ms: round(pct(s, 0.95), 1), maxMs: round(s.at(-1), 1) };
};

/**
 * A read: `requests` ([{ name, path, token }]) sent together (as the page sends them), timed to the last byte of
 * the last answer, `runs` times after one warm-up; the reference (`recorded`, statements per request) replayed
 * after each of the first REF_RUNS of them. `referenceMs` is all statements one after the other,
 * `referenceCriticalMs` the slowest request's alone (what requests in parallel could at best come to). An answer
 * other than 200 is counted in `statuses` with the API's account of it (`apiError`); the run still counts.
 */
async function timeRead(server, { what, extra, requests, recorded, runs = RUNS }) {
  const wall = [];
  const perRequest = Object.fromEntries(requests.map((r) => [r.name, []]));
  const refSerial = [];
  const refCritical = [];
  let bytes = null;
  let slowest = null;
  const statuses = {};
  let coldMs = null;
  server.state.lastError = null;
  const refClient = recorded ? await referenceClient(recorded) : null;
  const q0 = await server.queries();
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const answers = await Promise.all(requests.map((r) => get(server.port, r.path, r.token)));
    const ms = performance.now() - t0;
    // The warm-up: the first time each view is asked, so with the report cache the time of computing them.
    if (i === 0) {
      coldMs = round(ms, 1);
      continue;
    }
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    wall.push(ms);
    answers.forEach((a, k) => perRequest[requests[k].name].push(a.ms));
    bytes = Object.fromEntries(answers.map((a, k) => [requests[k].name, a.bytes]));
    if (i <= REF_RUNS && recorded) {
      const each = [];
      for (const r of requests) {
        const ref = await replay(refClient, recorded[r.name]);
        each.push(ref.ms);
        if (!slowest || ref.slowest?.ms > slowest.ms) slowest = { request: r.name, ...ref.slowest };
      }
      refSerial.push(each.reduce((a, b) => a + b, 0));
      refCritical.push(Math.max(...each));
    }
  }
  const q1 = await server.queries();
  await refClient?.end();
  const s = stats(wall);
  const refS = stats(refSerial);
  const refC = stats(refCritical);
  const failed = Object.entries(statuses).some(([k]) => k !== '200');
  return {
    bench: 'scale-read',
    what,
    ...extra,
    requests: requests.map((r) => r.path),
    runs,
    ...s,
    perRequestP50ms: Object.fromEntries(Object.entries(perRequest).map(([k, v]) => [k, stats(v).p50ms])),
    coldMs,
    bytes,
    statuses,
    ...(failed ? { apiError: server.state.lastError } : {}),
    statementsPerRun: q0 == null || q1 == null ? null : round((q1 - q0) / (runs + 1), 1),
    ...(recorded
      ? {
          referenceMs: refS.p50ms,
          ...(requests.length > 1 ? { referenceCriticalMs: refC.p50ms } : {}),
          ratio: refS.p50ms ? round(s.p50ms / refS.p50ms) : null,
          slowestStatement: slowest,
        }
      : {}),
    target: TARGET,
    met: !failed && s.p50ms < TARGET_MS,
    load: load(),
  };
}

/**
 * The statements each request sends, recorded from the same build in this process (the guard's session check
 * included when a request makes one), one request at a time after a warm-up of each.
 */
async function recordStatements(sets) {
  const probe = instrumentPg();
  // Without the report cache: the reference is what computing each view sends, not what answering it again does.
  const { app } = await nestApp(db.url, redis.url, { REPORT_CACHE_MAX_AGE_SECONDS: '0' });
  await app.listen(0, '127.0.0.1');
  const port = app.getHttpServer().address().port;
  const out = {};
  try {
    const tokens = {};
    for (const set of sets) {
      for (const r of set.requests) {
        tokens[r.user] ??= await login(port, r.user);
        const warm = await get(port, r.path, tokens[r.user]);
        if (warm.status !== 200) throw new Error(`${r.path} as ${r.user}: ${warm.status}`);
        probe.state.record = [];
        await get(port, r.path, tokens[r.user]);
        out[`${set.key}:${r.name}`] = probe.state.record;
        probe.state.record = null;
      }
    }
  } finally {
    probe.state.record = null;
    probe.restore();
    await app.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

// An agency's kanban columns (agencies never see drafts); apps/web reads a first page of each (COLUMN_PAGE),
// counted up to COLUMN_COUNT_UP_TO.
const BOARD_COLUMNS = ['assigned', 'in_progress', 'submitted', 'approved'];
const COLUMN_PAGE = 100;
const COLUMN_COUNT_UP_TO = 1000;

try {
  emit({ bench: 'scale-start', tasks: TASKS, history: HISTORY, runs: RUNS, quick: QUICK, load: load() });
  let smallRef = null;
  if (ONLY.has('transition') && !REUSE) {
    // The reference: the same loop on the freshly seeded small database, before the load.
    const ids = await bulkAssignedTasks(db.pool, SMALL_TASKS, 'SCALE');
    api = await startApi();
    const token = await login(api.port, AGENCY);
    smallRef = await transitions(ids.map((id) => ({ id, version: 1, token })));
    emit({
      bench: 'scale-transition',
      database: 'small',
      tasks: Number((await db.pool.query('SELECT count(*) AS n FROM tasks')).rows[0].n),
      1: smallRef[1],
      8: smallRef[8],
      load: load(),
    });
    await api.stop();
    api = undefined;
  }

  let perAgency = (
    await db.pool.query(
      `SELECT a.code, count(t.id)::int AS n FROM agencies a LEFT JOIN tasks t ON t.lead_agency_id = a.id
        WHERE a.organisation_id = '${ROOT_ORGANISATION_ID}' GROUP BY a.code ORDER BY 2 DESC`,
    )
  ).rows;
  if (ONLY.has('generate') && !REUSE) ({ perAgency } = await generate());

  api = await startApi();
  // Board users: the biggest agency and a median one (each agency's head has the agency's code as username).
  const boardAgencies = [
    { size: 'largest', ...perAgency[0] },
    { size: 'median', ...perAgency[Math.floor(perAgency.length / 2)] },
  ];

  // The filtered list: unfinished, overdue, one field, a two-word search; a page of 100 at 90 % of the results.
  const listQuery = {
    state: 'assigned,in_progress,submitted',
    field: 'economy',
    q: 'kế hoạch',
    deadlineStatus: 'overdue',
  };
  const listCount = Number(
    (
      await db.pool.query(
        `SELECT count(*) AS n FROM tasks t WHERE t.state = ANY($1::text[]) AND t.field = $2
            AND t.search_text LIKE '%ke%' AND t.search_text LIKE '%hoach%'
            AND t.due_date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
        [listQuery.state.split(','), listQuery.field],
      )
    ).rows[0].n,
  );
  const listOffset = Math.max(0, Math.floor((listCount * 0.9) / 100) * 100);
  const qs = (o) => new URLSearchParams(o).toString();
  const columnReads = (user) =>
    BOARD_COLUMNS.map((state) => ({
      name: `tasks-${state}`,
      path: `/api/tasks?${qs({ state, limit: COLUMN_PAGE, countUpTo: COLUMN_COUNT_UP_TO })}`,
      user,
    }));

  // The dashboard: the nine views of use-dashboard-data.ts and the snapshot list, then the completion chart's
  // summaries at the last eleven month ends and today (use-completion-series.ts).
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const monthEnds = [];
  {
    const [y, m] = today.split('-').map(Number);
    for (let back = 11; back >= 1; back--)
      monthEnds.push(new Date(Date.UTC(y, m - back, 0)).toISOString().slice(0, 10));
    monthEnds.push(today);
  }
  const views = [
    ['summary', ''],
    ['by-agency', ''],
    ['by-directive', ''],
    ['by-field', ''],
    ['escalations', '?limit=50'],
    ['review-queue', '?limit=1'],
    ['averages', ''],
    ['coordination', ''],
    ['milestones', ''],
    // The table by district: apps/web asks it beside the views wherever there is a tree below.
    ['by-organisation', ''],
  ];
  // One district's Office (issue 20): its board (its subtree, read under row security) and its dashboard.
  const DISTRICT = 'huyen-uy-bench-01';
  const districtOffice = `vp-${DISTRICT}`;
  const districtTasks = Number(
    (
      await db.pool.query(
        `SELECT count(*) AS n FROM tasks t JOIN organisations o ON o.id = t.organisation_id
          WHERE o.path <@ (SELECT path FROM organisations WHERE code = $1)`,
        [DISTRICT],
      )
    ).rows[0].n,
  );
  const sets = [];
  if (ONLY.has('board')) {
    for (const a of boardAgencies) {
      sets.push({
        key: `board-${a.size}`,
        what: 'board',
        extra: { agency: a.code, agencyTasks: a.n, size: a.size },
        requests: [
          ...columnReads(a.code),
          { name: 'agencies', path: '/api/agencies', user: a.code },
          { name: 'directives', path: '/api/directives', user: a.code },
          { name: 'people', path: '/api/people', user: a.code },
        ],
      });
      // The column reads alone, the board's own tasks.
      sets.push({
        key: `board-tasks-${a.size}`,
        what: 'board',
        extra: { agency: a.code, agencyTasks: a.n, size: a.size, part: 'tasks only' },
        requests: columnReads(a.code),
      });
    }
  }
  if (ONLY.has('board') && districtTasks > 0) {
    sets.push({
      key: 'board-district',
      what: 'board',
      extra: { district: DISTRICT, districtTasks, user: districtOffice },
      requests: [
        ...['drafted', ...BOARD_COLUMNS].map((state) => ({
          name: `tasks-${state}`,
          path: `/api/tasks?${qs({ state, limit: COLUMN_PAGE, countUpTo: COLUMN_COUNT_UP_TO })}`,
          user: districtOffice,
        })),
        { name: 'agencies', path: '/api/agencies', user: districtOffice },
        { name: 'directives', path: '/api/directives', user: districtOffice },
        { name: 'people', path: '/api/people', user: districtOffice },
      ],
    });
  }
  if (ONLY.has('list')) {
    sets.push({
      key: 'list',
      what: 'list',
      extra: { ...listQuery, matching: listCount, offset: listOffset, limit: 100, user: 'vanphong' },
      requests: [
        { name: 'tasks', path: `/api/tasks?${qs({ ...listQuery, limit: 100, offset: listOffset })}`, user: 'vanphong' },
      ],
    });
  }
  if (ONLY.has('dashboard')) {
    sets.push({
      key: 'dashboard',
      what: 'dashboard',
      extra: { part: 'views', user: 'vanphong' },
      requests: [
        ...views.map(([v, q]) => ({ name: v, path: `/api/reports/${v}${q}`, user: 'vanphong' })),
        { name: 'snapshots', path: '/api/reports/snapshots?limit=50', user: 'vanphong' },
      ],
    });
  }
  if (ONLY.has('dashboard') && districtTasks > 0) {
    sets.push({
      key: 'dashboard-district',
      what: 'dashboard',
      extra: { part: 'views', district: DISTRICT, districtTasks, user: districtOffice },
      requests: [
        ...views.map(([v, q]) => ({ name: v, path: `/api/reports/${v}${q}`, user: districtOffice })),
        { name: 'snapshots', path: '/api/reports/snapshots?limit=50', user: districtOffice },
      ],
    });
  }
  if (ONLY.has('trend')) {
    sets.push({
      key: 'dashboard-trend',
      what: 'dashboard',
      extra: { part: 'completion chart (summary asOf 12 days)', user: 'vanphong' },
      runs: Math.min(RUNS, 3),
      requests: monthEnds.map((d) => ({ name: d, path: `/api/reports/summary?asOf=${d}`, user: 'vanphong' })),
    });
  }

  // --compare-only: the before/after phases alone (a kept database measured again).
  const COMPARE_ONLY = process.argv.includes('--compare-only');
  const recorded = sets.length && !COMPARE_ONLY ? await recordStatements(sets) : {};
  // --dump-sql <file>: the recorded statements, for EXPLAIN by hand.
  if (arg('dump-sql')) writeFileSync(arg('dump-sql'), JSON.stringify(recorded, null, 1));
  const withTokens = async (server) => {
    const tokens = {};
    for (const set of sets) {
      for (const r of set.requests) {
        tokens[r.user] ??= await login(server.port, r.user);
        r.token = tokens[r.user];
      }
    }
  };
  await withTokens(api);
  const current = {};
  for (const set of COMPARE_ONLY ? [] : sets) {
    const rec = Object.fromEntries(set.requests.map((r) => [r.name, recorded[`${set.key}:${r.name}`]]));
    current[set.key] = await timeRead(api, { ...set, extra: { ...set.extra, set: set.key }, recorded: rec });
    emit(current[set.key]);
  }

  // The dashboard after a change (the report cache, issue 19/20): a task is made through the API, so every view's
  // figures are out of date; the dashboard is asked at once (answered from the figures it has, marked
  // `refreshing`, while new ones are computed), then again every 500 ms until no view is refreshing: how old the
  // figures on screen get after a change. Its cold figure is the first run of the set above (the warm-up).
  if (ONLY.has('dashboard') && current.dashboard && !COMPARE_ONLY) {
    const set = sets.find((x) => x.key === 'dashboard');
    const token = set.requests[0].token;
    const { rows: dirs } = await db.pool.query(
      `SELECT d.id FROM directives d WHERE d.organisation_id = $1 AND d.classification = 'normal' ORDER BY d.number LIMIT 1`,
      [ROOT_ORGANISATION_ID],
    );
    const { rows: leads } = await db.pool.query(
      `SELECT a.id FROM agencies a WHERE a.organisation_id = $1 AND a.active ORDER BY a.code LIMIT 1`,
      [ROOT_ORGANISATION_ID],
    );
    const served = [];
    const fresh = [];
    const stale = [];
    const changes = Math.min(RUNS, 3);
    for (let i = 0; i < changes; i++) {
      const made = await request(
        api.port,
        'POST',
        '/api/tasks',
        token,
        {
          directiveId: dirs[0].id,
          title: `Nhiệm vụ đo bộ đệm báo cáo ${i + 1}`,
          deliverableType: 'bao_cao',
          field: 'party_building',
          leadAgencyId: leads[0].id,
          dueDate: '2031-12-31',
        },
        true,
      );
      if (made.status !== 201) throw new Error(`POST /api/tasks: ${made.status} ${JSON.stringify(made.json)}`);
      const t0 = performance.now();
      const ask = () => Promise.all(set.requests.map((r) => get(api.port, r.path, r.token, true)));
      const first = await ask();
      served.push(performance.now() - t0);
      stale.push(first.filter((a) => a.json?.refreshing).length);
      for (;;) {
        const answers = await ask();
        if (answers.some((a) => a.status !== 200))
          throw new Error(`dashboard after a change: ${answers.map((a) => a.status)}`);
        if (!answers.some((a) => a.json?.refreshing)) break;
        await sleep(500);
      }
      fresh.push(performance.now() - t0);
    }
    emit({
      bench: 'scale-read',
      what: 'dashboard',
      set: 'dashboard-after-change',
      part: 'views, each run right after a task is made',
      user: 'vanphong',
      runs: changes,
      coldMs: current.dashboard.coldMs,
      servedP50ms: stats(served).p50ms,
      servedMaxMs: stats(served).maxMs,
      refreshingViews: stale,
      freshAfterP50ms: stats(fresh).p50ms,
      freshAfterMaxMs: stats(fresh).maxMs,
      target: TARGET,
      met: stats(served).p50ms < TARGET_MS,
      load: load(),
    });
  }

  // --baseline <dist>: another build (the code before a change) measured alternately with this one, on the
  // database as it was before (migration --compare-migration reverted for it, applied again for this build).
  if (BASELINE && sets.length) {
    await api.stop();
    api = undefined;
    // `--compare-migration none`: both builds on the database as it is.
    const Migration = MIGRATIONS.find((m) => m.name === COMPARE_MIGRATION);
    const migration = Migration ? new Migration() : { up: async () => undefined, down: async () => undefined };
    const runner = { query: (sql) => db.pool.query(sql) };
    const compared = sets.filter((set) => COMPARE_SETS.has(set.what === 'dashboard' ? set.key : set.what));
    const phases = { before: {}, after: {} };
    for (const phase of ['before', 'after', 'before', 'after']) {
      const t0 = performance.now();
      if (phase === 'before') await migration.down(runner);
      else await migration.up(runner);
      await db.pool.query(`ANALYZE tasks`);
      const prepareMs = Math.round(performance.now() - t0);
      api = await startApi(phase === 'before' ? BASELINE : AFTER);
      await withTokens(api);
      for (const set of compared) {
        const r = await timeRead(api, { ...set, runs: COMPARE_RUNS });
        (phases[phase][set.key] ??= []).push({
          p50ms: r.p50ms,
          maxMs: r.maxMs,
          statuses: r.statuses,
          ...(r.apiError ? { apiError: r.apiError } : {}),
          load1: r.load[0],
        });
      }
      emit({ bench: 'scale-compare-phase', phase, build: phase === 'before' ? BASELINE : AFTER, prepareMs });
      await api.stop();
      api = undefined;
    }
    for (const set of compared) {
      // The mean of the phases' medians: the two phases of a build ran minutes apart, under other loads.
      const p50 = (phase) => {
        const xs = phases[phase][set.key].map((x) => x.p50ms);
        return round(xs.reduce((a, x) => a + x, 0) / xs.length, 1);
      };
      emit({
        bench: 'scale-compare',
        what: set.what,
        set: set.key,
        ...set.extra,
        before: phases.before[set.key],
        after: phases.after[set.key],
        beforeP50ms: p50('before'),
        afterP50ms: p50('after'),
        afterOverBefore: round(p50('after') / p50('before')),
        baseline: BASELINE,
        build: AFTER,
        migration: COMPARE_MIGRATION,
        target: TARGET,
      });
    }
    api = await startApi();
  }

  if (ONLY.has('transition')) {
    // Fresh `assigned` tasks of the big database, each STARTed by its lead agency's head.
    const { rows } = await db.pool.query(
      `SELECT t.id, t.version, a.code FROM tasks t JOIN agencies a ON a.id = t.lead_agency_id
        WHERE t.state = 'assigned' AND t.classification = 'normal' AND t.code NOT LIKE 'SCALE-%'
          AND t.organisation_id = $1`,
      [ROOT_ORGANISATION_ID],
    );
    const heads = {};
    for (const code of new Set(rows.map((r) => r.code))) heads[code] = await login(api.port, code);
    const big = await transitions(rows.map((r) => ({ id: r.id, version: r.version, token: heads[r.code] })));
    const ratio = (k) => (smallRef ? round(big[k].perSecond / smallRef[k].perSecond) : null);
    emit({
      bench: 'scale-transition',
      database: 'big',
      tasks: Number((await db.pool.query('SELECT count(*) AS n FROM tasks')).rows[0].n),
      history: Number((await db.pool.query('SELECT count(*) AS n FROM task_events')).rows[0].n),
      1: big[1],
      8: big[8],
      reference: smallRef ? { 1: smallRef[1], 8: smallRef[8] } : null,
      throughputRatio: { 1: ratio(1), 8: ratio(8) },
      p99Ratio: smallRef
        ? { 1: round(big[1].p99ms / smallRef[1].p99ms), 8: round(big[8].p99ms / smallRef[8].p99ms) }
        : null,
      target: 'the small database figures hold',
      load: load(),
    });
  }
} catch (err) {
  // Not a number: something answered wrongly or the load failed.
  console.error(err);
  process.exitCode = 1;
} finally {
  agent.destroy();
  await api?.stop();
  redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  if (process.env.KEEP_DB || REUSE) {
    console.log(`kept ${db.name} (${db.url})`);
    await db.pool.end();
    process.exit(process.exitCode ?? 0);
  } else {
    await db.drop();
  }
}
