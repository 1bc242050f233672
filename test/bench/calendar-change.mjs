// What entering a new day off costs when many open tasks have pending actions: N assigned tasks (their
// deadlines spread over a year, each with its deadline ladder planned on the working calendar), then
// PUT /api/calendar/years/:year adding one day off. Printed beside its reference, measured in the same run:
// the scan of the open tasks and their pending actions alone (the statement the change starts with).
// Usage: npm run build && node test/bench/calendar-change.mjs [--tasks 5000]
import { randomBytes } from 'node:crypto';
import { CalendarStore, deadlineLadder } from '@dondoc/persistence';
import { DEFAULT_CALENDAR_SETTINGS, DEFAULT_ESCALATION_POLICY } from '@dondoc/workflow';
import { arg, emit, nestApp, privateRedis, round, throwawayDb } from './lib.mjs';

const TASKS = Number(arg('tasks', '5000'));
const YEAR = 2031;

const db = await throwawayDb('calendar');
const redis = await privateRedis();
try {
  const pool = db.pool;
  // TypeORM's query answers rows; pg's a result: the store and the repository get the rows.
  const rowsOf = { query: (q, p) => pool.query(q, p).then((r) => r.rows) };
  const calendar = await new CalendarStore(DEFAULT_CALENDAR_SETTINGS).current(rowsOf);
  const prefix = `CAL-${randomBytes(3).toString('hex')}`;
  // Deadlines one per day through the year, so a day off in it moves the few whose ladder touches it.
  const { rows } = await pool.query(
    `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, search_text, created_by, deadline_version)
     SELECT (SELECT id FROM directives WHERE number = '07-CTr/TU'), $2 || '-' || g, 'Nhiệm vụ lịch ' || g, '',
            'ke_hoach', 'economy', (SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'), '{}',
            (DATE '${YEAR}-01-05' + (g % 350)), NULL, 'assigned', lower($2 || '-' || g),
            (SELECT id FROM users WHERE username = 'vanphong'), 1
       FROM generate_series(1, $1::int) g
     RETURNING id, due_date::text AS due_date`,
    [TASKS, prefix],
  );
  const actions = rows.flatMap((t) =>
    deadlineLadder(t.id, t.due_date, 1, DEFAULT_ESCALATION_POLICY, calendar).map((a) => ({ ...a, task_id: t.id })),
  );
  await pool.query(
    `UPDATE tasks t SET effective_due_date = x.d::date FROM unnest($1::uuid[], $2::text[]) AS x(id, d) WHERE t.id = x.id`,
    [rows.map((t) => t.id), rows.map((t) => calendar.effectiveDueDate(t.due_date))],
  );
  await pool.query(
    `INSERT INTO scheduled_actions (task_id, rung, "offset", version, level, audiences, job_id, due_at)
     SELECT a.task_id, a.rung, a."offset", a.version, a.level, a.audiences, a.job_id, a.due_at
       FROM jsonb_to_recordset($1::jsonb) AS a(task_id uuid, rung text, "offset" text, version int, level int,
            audiences text[], job_id text, due_at timestamptz)`,
    [JSON.stringify(actions)],
  );
  await pool.query('ANALYZE tasks; ANALYZE scheduled_actions');

  // The reference: the scan the change starts with (the open tasks, their pending actions and parts' dates).
  const { CalendarRepository } = await import('../../apps/api/dist/calendar/calendar.repository.js');
  const scanTimes = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await new CalendarRepository().openTasks(rowsOf);
    scanTimes.push(performance.now() - t0);
  }

  const { app } = await nestApp(db.url, redis.url, { WORKING_CALENDAR: 'on' });
  await app.init();
  const server = app.getHttpServer();
  const { default: request } = await import('supertest');
  const login = await request(server)
    .post('/api/auth/login')
    .send({ username: 'vanphong', password: 'bench-password' });
  const auth = { Authorization: `Bearer ${login.body.accessToken}` };
  const year = (await request(server).get(`/api/calendar?from=${YEAR}`).set(auth)).body.years[0];
  // Wednesday 14 May: a day off in the middle of the year moves the ladders that touch it.
  const t0 = performance.now();
  const res = await request(server)
    .put(`/api/calendar/years/${YEAR}`)
    .set(auth)
    .send({ days: [...year.computed, { date: `${YEAR}-05-14`, kind: 'off', name: 'Nghỉ thử' }], source: 'bench' });
  const took = performance.now() - t0;
  if (res.status !== 200) throw new Error(`PUT answered ${res.status}: ${JSON.stringify(res.body)}`);
  const scan = Math.min(...scanTimes);
  emit({
    bench: 'calendar-change',
    openTasks: TASKS,
    pendingActions: actions.length,
    movedTasks: res.body.rescheduled.tasks,
    movedActions: res.body.rescheduled.actions,
    ms: round(took, 1),
    msPerMovedTask: round(took / Math.max(1, res.body.rescheduled.tasks), 2),
    referenceScanMs: round(scan, 1),
    ratioToScan: round(took / scan, 2),
  });
  await app.close();
} finally {
  redis.stop();
  await db.drop();
}
