// Board read: GET /api/tasks?limit=N as the Office (sees every task) on boards of 1,000, 10,000 and
// 100,000 tasks (a page holds at most 10,000 cards, so 100,000 is 10 pages: per page and total). Time is
// measured at the client on loopback to the last byte, uncompressed (no Accept-Encoding); gzip (what a
// browser asks for) once per page too. Reference: the same SQL (recorded from the API) as
// EXPLAIN (ANALYZE, FORMAT JSON) planning + execution time, plus JSON.stringify of its rows fetched by raw
// pg. Issue targets: ≤ 2× the reference, 10,000 cards under 300 ms. Never fails on a number.
// Usage: npm run build && node test/bench/board-read.mjs [--quick] [--sizes 1000,10000,100000] [--runs 5]
import http from 'node:http';
import { arg, emit, instrumentPg, median, nestApp, PASSWORD, privateRedis, QUICK, round, throwawayDb } from './lib.mjs';

const SIZES = String(arg('sizes', QUICK ? '1000,10000' : '1000,10000,100000'))
  .split(',')
  .map(Number);
const RUNS = Number(arg('runs', QUICK ? 2 : 5));
const PAGE = 10_000;

const db = await throwawayDb('board');
const redis = await privateRedis();
const probe = instrumentPg();
let app;

/** Bulk tasks in every column: varied states, deadlines, leads and coordinating agencies. */
async function growTo(n) {
  // The board holds exactly n tasks: the demo province's own plus ours.
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE code LIKE 'BOARD-%')::int AS ours FROM tasks`,
  );
  const from = rows[0].ours + 1;
  const to = rows[0].ours + n - rows[0].n;
  if (from > to) return;
  await db.pool.query(
    `WITH ags AS (SELECT array_agg(id ORDER BY code) AS ids FROM agencies),
          dirs AS (SELECT array_agg(id ORDER BY number) AS ids FROM directives)
     INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, search_text, created_by,
                        deadline_version, completed_at)
     SELECT dirs.ids[1 + g % array_length(dirs.ids, 1)], 'BOARD-' || g,
            'Xây dựng kế hoạch triển khai thực hiện nhiệm vụ số ' || g || ' của chương trình hành động',
            '', (ARRAY['de_an','ke_hoach','bao_cao','quy_dinh'])[1 + g % 4],
            (ARRAY['party_building','economy','culture_society','defense_security'])[1 + g % 4],
            ags.ids[1 + g % array_length(ags.ids, 1)],
            CASE g % 3 WHEN 0 THEN '{}'::uuid[] WHEN 1 THEN ARRAY[ags.ids[1 + (g + 1) % array_length(ags.ids, 1)]]
                 ELSE ARRAY[ags.ids[1 + (g + 1) % array_length(ags.ids, 1)], ags.ids[1 + (g + 2) % array_length(ags.ids, 1)]] END,
            DATE '2024-01-01' + (g * 7) % 1400, 'quý ' || (1 + g % 4) || '-2026',
            (ARRAY['assigned','in_progress','in_progress','submitted','approved','cancelled'])[1 + g % 6],
            'xay dung ke hoach ' || g, (SELECT id FROM users WHERE username = 'vanphong'), 1,
            CASE WHEN g % 6 = 4 THEN TIMESTAMPTZ '2025-01-01' + (g % 300) * INTERVAL '1 day' END
       FROM generate_series($1::int, $2::int) g, ags, dirs`,
    [from, to],
  );
  await db.pool.query('VACUUM ANALYZE tasks');
}

function get(port, path, headers) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get({ host: '127.0.0.1', port, path, headers }, (res) => {
        let bytes = 0;
        res.on('data', (c) => (bytes += c.length));
        res.on('end', () => resolve({ ms: performance.now() - t0, bytes, status: res.statusCode }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

try {
  ({ app } = await nestApp(db.url, redis.url));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vanphong', password: PASSWORD }),
  });
  const token = (await login.json()).accessToken;
  const auth = { authorization: `Bearer ${token}` };

  for (const size of SIZES) {
    await growTo(size);
    const total = Number((await db.pool.query('SELECT count(*) AS n FROM tasks')).rows[0].n);
    const pages = Math.ceil(total / PAGE);
    const perPage = [];
    for (let p = 0; p < pages; p++) {
      const limit = Math.min(PAGE, total);
      const path = `/api/tasks?limit=${limit}&offset=${p * PAGE}`;
      await get(port, path, auth); // warm
      probe.state.record = [];
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await get(port, path, auth));
      // The page query (the list reads its page; a count runs only for pages after the first or full ones).
      const list = probe.state.record.find((s) => /ORDER BY t.due_date/.test(s.text));
      probe.state.record = null;
      const gz = await get(port, path, { ...auth, 'accept-encoding': 'gzip' });
      const cards = Math.min(limit, total - p * PAGE);

      // The reference: the same SQL, EXPLAIN ANALYZE'd, and its rows serialised.
      const ref = [];
      const fetchMs = [];
      for (let r = 0; r < RUNS; r++) {
        const plan = (await db.pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${list.text}`, list.params)).rows[0][
          'QUERY PLAN'
        ][0];
        const t0 = performance.now();
        const { rows } = await db.pool.query(list.text, list.params);
        const t1 = performance.now();
        JSON.stringify(rows);
        const t2 = performance.now();
        ref.push(plan['Planning Time'] + plan['Execution Time'] + (t2 - t1));
        fetchMs.push(t1 - t0);
      }
      const ms = median(runs.map((x) => x.ms));
      perPage.push({
        page: p + 1,
        cards,
        ms: round(ms, 1),
        referenceMs: round(median(ref), 1),
        rawPgFetchMs: round(median(fetchMs), 1),
        ratio: round(ms / median(ref)),
        bytesPerCard: Math.round(runs[0].bytes / cards),
        gzipMs: round(gz.ms, 1),
        gzipBytesPerCard: Math.round(gz.bytes / cards),
      });
      emit({ bench: 'board-read-page', boardTasks: total, ...perPage.at(-1) });
    }
    const sum = (k) => perPage.reduce((a, x) => a + x[k], 0);
    emit({
      bench: 'board-read',
      boardTasks: total,
      pages,
      runs: RUNS,
      firstPageMs: perPage[0].ms,
      totalMs: round(sum('ms'), 1),
      referenceTotalMs: round(sum('referenceMs'), 1),
      rawPgFetchTotalMs: round(sum('rawPgFetchMs'), 1),
      ratio: round(sum('ms') / sum('referenceMs')),
      bytesPerCard: perPage[0].bytesPerCard,
      gzipBytesPerCard: perPage[0].gzipBytesPerCard,
      gzipTotalMs: round(sum('gzipMs'), 1),
      target: 'ratio <= 2; 10,000 cards < 300 ms',
    });
  }
} finally {
  probe.restore();
  await app?.close().catch(() => undefined);
  redis.stop();
  await db.drop();
}
