// Transition write path without HTTP (issue targets: service ≥ 0.8 of raw pg running the same statements,
// ≤ 4 round trips per transition). The service's code path is TransitionTaskUseCase.execute() in the Nest
// application context (read of the task, applyEvent, the one-statement write, the summary); the reference
// replays, on a pg.Pool of the same size, the very statements the service sent for a task (recorded once,
// retargeted to each task). Each transition is START on a fresh `assigned` task by its lead agency.
// Service and reference alternate in rounds at each concurrency. Prints JSON lines; never fails on a number.
// Usage: npm run build && node test/bench/transition-write.mjs [--quick] [--seconds 5] [--rounds 2]
import pg from 'pg';
import {
  agencyUser,
  arg,
  bulkAssignedTasks,
  emit,
  instrumentPg,
  nestApp,
  pct,
  POOL_SIZE,
  privateRedis,
  QUICK,
  retarget,
  round,
  throwawayDb,
} from './lib.mjs';
import { TransitionTaskUseCase } from '@dondoc/api';

const SECONDS = Number(arg('seconds', QUICK ? 1.5 : 5));
const ROUNDS = Number(arg('rounds', QUICK ? 1 : 3));
const CONCURRENCY = String(arg('concurrency', QUICK ? '1,8' : '1,4,8'))
  .split(',')
  .map(Number);
// Enough fresh tasks for every round; a task is never transitioned twice.
const TASKS = Number(arg('tasks', QUICK ? 10_000 : 60_000));

const db = await throwawayDb('transition');
const redis = await privateRedis();
const probe = instrumentPg();
let app;
try {
  const ids = await bulkAssignedTasks(db.pool, TASKS);
  let next = 0;
  const take = () => {
    if (next >= ids.length) throw new Error('out of fresh tasks: raise --tasks');
    return ids[next++];
  };
  ({ app } = await nestApp(db.url, redis.url));
  await app.init();
  const useCase = app.get(TransitionTaskUseCase);
  const user = await agencyUser(db.pool);
  const { rows: vrows } = await db.pool.query('SELECT version FROM tasks WHERE id = $1', [ids[0]]);
  const version = vrows[0].version;
  const service = (id) => useCase.execute(user, id, { event: 'START', expectedVersion: version }, null);

  // Record the statements of one transition (and check it really is START → in_progress).
  const sample = take();
  probe.state.record = [];
  const before = probe.state.count;
  const summary = await service(sample);
  const recorded = probe.state.record;
  probe.state.record = null;
  const roundTrips = probe.state.count - before;
  if (summary.state !== 'in_progress') throw new Error(`START gave ${summary.state}`);

  const rawPool = new pg.Pool({ connectionString: db.url, max: POOL_SIZE });
  const raw = async (id) => {
    let last;
    for (const s of retarget(recorded, sample, id)) last = await rawPool.query(s.text, s.params);
    if (last.rowCount !== 1) throw new Error('raw transition matched nothing');
  };

  const run = async (fn, concurrency, seconds = SECONDS) => {
    const lat = [];
    const until = Date.now() + seconds * 1000;
    const t0 = process.hrtime.bigint();
    const q0 = probe.state.count;
    const cpu0 = process.cpuUsage();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          const id = take();
          const s = process.hrtime.bigint();
          await fn(id);
          lat.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
      }),
    );
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    return {
      n: lat.length,
      tps: lat.length / secs,
      lat,
      queries: probe.state.count - q0,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  };

  // Warm both paths (JIT, pool connections, plan caches).
  await run(service, 4, 1);
  await run(raw, 4, 1);

  for (const c of CONCURRENCY) {
    const acc = { service: [], raw: [] };
    for (let r = 0; r < ROUNDS; r++) {
      acc.service.push(await run(service, c));
      acc.raw.push(await run(raw, c));
    }
    const fold = (runs) => {
      const lat = runs.flatMap((x) => x.lat).sort((a, b) => a - b);
      const tps = runs.map((x) => x.tps);
      return {
        transitions: lat.length,
        tps: round(tps.reduce((a, b) => a + b, 0) / tps.length, 0),
        tpsMin: round(Math.min(...tps), 0),
        tpsMax: round(Math.max(...tps), 0),
        p50ms: round(pct(lat, 0.5)),
        p99ms: round(pct(lat, 0.99)),
        roundTripsPerTransition: round(runs.reduce((a, x) => a + x.queries, 0) / lat.length, 2),
        // Node CPU (this process) per transition: steadier than throughput on a shared machine.
        cpuMsPerTransition: round(runs.reduce((a, x) => a + x.cpuMs, 0) / lat.length, 3),
      };
    };
    const s = fold(acc.service);
    const rr = fold(acc.raw);
    emit({
      bench: 'transition-write',
      concurrency: c,
      seconds: SECONDS,
      rounds: ROUNDS,
      service: s,
      rawPg: rr,
      ratio: round(s.tps / rr.tps),
      // Spread of the per-round ratios: how noisy the machine was.
      ratioRange: [
        round(Math.min(...acc.service.map((x, i) => x.tps / acc.raw[i].tps))),
        round(Math.max(...acc.service.map((x, i) => x.tps / acc.raw[i].tps))),
      ],
      roundTripsPerTransition: roundTrips,
      statements: recorded.map((x) => x.text.replace(/\s+/g, ' ').slice(0, 60)),
      target: 'ratio >= 0.8, round trips <= 4',
    });
  }
  await rawPool.end();
} finally {
  probe.restore();
  await app?.close().catch(() => undefined);
  redis.stop();
  await db.drop();
}
