import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { localDate, periodsOpened } from '@dondoc/workflow';
import { agencyId } from '../e2e/support/fixtures.js';
import { TestRedis } from '../e2e/support/redis-server.js';
import { startTestApp, testDatabaseUrl, type TestApp } from '../e2e/support/test-app.js';
import { report, until, type Figures } from './support/figures.js';

/**
 * Recurring instances under faults: two worker processes creating instances of many series at once, and a
 * worker SIGKILLed in the middle of creating them, then restarted. Afterwards: exactly one instance per
 * series and period, each with one CREATE and one ASSIGN, nothing missing.
 */

const WORKER = resolve(__dirname, '../../apps/worker/dist/main.js');
const SERIES = 20;
const MONTHS_BACK = 11;

describe('recurring instances: two workers at once, a worker killed mid-creation', () => {
  let redis: TestRedis;
  let t: TestApp;
  const procs: ChildProcess[] = [];
  const tag = `${process.pid}${Date.now().toString(36)}`;
  let directive: string;
  let lead: string;
  const today = localDate(new Date());
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  // The first of the month MONTHS_BACK months ago: each series has that many past periods and this one open.
  const back = y * 12 + (m - 1) - MONTHS_BACK;
  const startsOn = `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`;
  const perSeries = periodsOpened({ frequency: 'month', dueDay: 20, startsOn }, today).length;

  const spawnWorker = (prefix: string) => {
    const p = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        DATABASE_URL: testDatabaseUrl(),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        RECURRENCE_INTERVAL_MS: '300',
        RELAY_INTERVAL_MS: '200',
        WORKER_LOCK_MS: '1500',
        WORKER_STALLED_INTERVAL_MS: '1000',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    procs.push(p);
    return p;
  };
  const kill = async (p: ChildProcess) => {
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  };
  const stop = async (p: ChildProcess) => {
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  };

  /** `n` monthly series of the test directive, all starting MONTHS_BACK months ago; their ids. */
  const makeSeries = async (batch: string, n: number): Promise<string[]> => {
    const rows = await t.db.query<{ id: string }>(
      `INSERT INTO task_series (directive_id, code, template, frequency, due_day, starts_on)
       SELECT $1, $2 || '-' || i, jsonb_build_object('title', 'Báo cáo định kỳ ' || i, 'description', '',
                'deliverableType', 'bao_cao', 'field', 'party_building', 'leadAgencyId', $3::text,
                'coordinatingAgencyIds', '[]'::jsonb),
              'month', 20, $4::date
         FROM generate_series(1, $5::int) i RETURNING id`,
      [directive, `SER-${tag}-${batch}`, lead, startsOn, n],
    );
    return rows.rows.map((r) => r.id);
  };
  const instances = async (series: string[]) =>
    (
      await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE series_id = ANY($1::uuid[])`, [
        series,
      ])
    ).rows[0].n;

  /** Every check of the end state, and the figures. */
  const verify = async (name: string, series: string[], extra: Record<string, unknown>) => {
    const perKey = await t.db.query<{ series_id: string; period_key: string; n: number }>(
      `SELECT series_id, period_key, count(*)::int AS n FROM tasks WHERE series_id = ANY($1::uuid[])
        GROUP BY 1, 2`,
      [series],
    );
    const history = await t.db.query<{ creates: number; assigns: number; state: string; ladder: number }>(
      `SELECT (SELECT count(*)::int FROM task_events e WHERE e.task_id = t.id AND e.event = 'CREATE') AS creates,
              (SELECT count(*)::int FROM task_events e WHERE e.task_id = t.id AND e.event = 'ASSIGN') AS assigns,
              (SELECT count(*)::int FROM scheduled_actions a WHERE a.task_id = t.id) AS ladder,
              t.state
         FROM tasks t WHERE t.series_id = ANY($1::uuid[])`,
      [series],
    );
    const expected = series.length * perSeries;
    const found = perKey.rows.length;
    const figures: Figures = {
      attempted: expected,
      acknowledged: expected,
      found,
      duplicated:
        perKey.rows.reduce((s, r) => s + r.n - 1, 0) +
        history.rows.reduce((s, r) => s + Math.max(0, r.creates - 1) + Math.max(0, r.assigns - 1), 0),
      lost: expected - found + history.rows.filter((r) => r.creates === 0 || r.assigns === 0).length,
    };
    report(name, figures, extra);
    expect(found).toBe(expected);
    expect(perKey.rows.every((r) => r.n === 1)).toBe(true);
    expect(history.rows).toHaveLength(expected);
    expect(history.rows.every((r) => r.creates === 1 && r.assigns === 1 && r.ladder > 0)).toBe(true);
    expect(history.rows.every((r) => r.state !== 'drafted')).toBe(true);
    expect(figures.lost).toBe(0);
    expect(figures.duplicated).toBe(0);
  };

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`);
    redis = await TestRedis.start();
    t = await startTestApp({ REDIS_URL: redis.url });
    lead = await agencyId(t.db, 'ban-tuyen-giao');
    const res = await t.http
      .post('/api/directives')
      .set(await t.as('vanphong'))
      .send({ number: `${tag}-KL/TU`, kind: 'conclusion', title: 'Kết luận về các báo cáo định kỳ', issuedOn: today })
      .expect(201);
    directive = res.body.id;
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    // No other suite's worker makes instances of these.
    await t?.db.query(`UPDATE task_series SET active = false WHERE code LIKE $1`, [`SER-${tag}-%`]);
    await t?.close();
    await redis?.down();
  });

  it('two workers creating the instances of many series at once: one instance per series and period', async () => {
    const series = await makeSeries('two', SERIES);
    // Two deployments' ticks (their own queue prefixes), so both passes really run at the same time.
    const a = spawnWorker(`frecA${process.pid}`);
    const b = spawnWorker(`frecB${process.pid}`);
    await until('every instance', async () => (await instances(series)) >= SERIES * perSeries, 120_000, 200);
    // A few more ticks of both find nothing to do.
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all([stop(a), stop(b)]);
    await verify('recurring-two-workers', series, { series: SERIES, perSeries });
  }, 180_000);

  it('a worker SIGKILLed while creating instances, twice, then restarted: none lost, none doubled', async () => {
    const series = await makeSeries('kill', SERIES);
    const total = SERIES * perSeries;
    const prefix = `frecK${process.pid}`;
    const atKill: number[] = [];
    for (const threshold of [Math.floor(total / 6), Math.floor(total / 2)]) {
      const w = spawnWorker(prefix);
      await until(`${threshold} instances`, async () => (await instances(series)) >= threshold, 120_000, 5);
      await kill(w);
      atKill.push(await instances(series));
    }
    // Killed in the middle: work was left for the restart.
    expect(atKill[atKill.length - 1]).toBeLessThan(total);
    // An instance half made (its draft without its ASSIGN) would show as a drafted series task: there is none.
    const drafted = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE series_id = ANY($1::uuid[]) AND state = 'drafted'`,
      [series],
    );
    expect(drafted.rows[0].n).toBe(0);
    const w = spawnWorker(prefix);
    await until('every instance after the restart', async () => (await instances(series)) >= total, 120_000, 200);
    await new Promise((r) => setTimeout(r, 1500));
    await stop(w);
    await verify('recurring-sigkill', series, { series: SERIES, perSeries, atKill });
  }, 240_000);
});
