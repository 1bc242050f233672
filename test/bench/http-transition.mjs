// HTTP end to end: POST /api/tasks/:id/transitions on the built API (node apps/api/dist/main.js, production
// mode, as a child process) vs a bare node:http route running the same raw SQL (bare-server.mjs). Issue
// targets: ≥ 0.8 of the bare route's throughput and ≥ 0.6 of pgbench running the transition's SQL (ceiling.mjs,
// same suite run), at 1 and at 8 in flight; ≤ 2 statements per request; API CPU ≤ 1.2 ms per transition;
// p99 < 25 ms at 70% of the API's maximum.
// Open-loop load: requests are sent on a fixed schedule whatever the answers do, and latency counts from
// the scheduled instant (so a stalled server cannot hide its queue). Rates rise step by step, API and bare
// side by side at each step, until each saturates (answered < 90% of offered, p99 > 2 s, or errors); then
// one step at 70% of each one's maximum. Then closed loops at 1 and 8 in flight, API and bare alternating.
// Each request STARTs a distinct fresh `assigned` task. Prints JSON lines; never fails on a number.
// Both servers are warmed first (--warm-seconds at 4 in flight).
// Usage: npm run build && node test/bench/http-transition.mjs [--quick] [--seconds 5] [--closed-seconds 5] [--cpu-prof DIR]
//   [--api-dist DIR]
//   [--warm-seconds 25]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  agencyUser,
  arg,
  bulkAssignedTasks,
  closedLoop as runClosedLoop,
  emit,
  freePort,
  latencyFigures,
  instrumentPg,
  nestApp,
  PASSWORD,
  POOL_SIZE,
  privateRedis,
  QUICK,
  round,
  sleep,
  throwawayDb,
} from './lib.mjs';

const SECONDS = Number(arg('seconds', QUICK ? 1.5 : 5));
const PAUSE_MS = QUICK ? 200 : 1000;
const START_RATE = Number(arg('start', 50));
const FACTOR = Number(arg('factor', QUICK ? 2 : 1.4));
const TASKS = Number(arg('tasks', QUICK ? 16_000 : 100_000));
const MAX_STEPS = 14;
const CLOSED_SECONDS = Number(arg('closed-seconds', QUICK ? 2 : 5));
// Before any figure, each server answers this long at 4 in flight: the API's code reaches V8's optimised tiers
// only after thousands of requests (its CPU per request at 1 in flight fell from 4.0 ms in the first 500 to
// 1.6–1.8 ms after 5,000), and a server's steady state is what is compared, not its first minute.
const WARM_SECONDS = Number(arg('warm-seconds', QUICK ? 5 : 25));
const CLOSED_IN_FLIGHT = [1, 8];
// --cpu-prof DIR: the API writes a V8 CPU profile of its whole run there (open it in Chrome DevTools).
const CPU_PROF = arg('cpu-prof', null);
// --api-dist DIR: another build of the API (a copy of apps/api/dist), for a before/after pair.
const API_DIST = arg('api-dist', 'apps/api/dist');

const db = await throwawayDb('http');
const redis = await privateRedis();
const scratch = mkdtempSync(join(tmpdir(), 'bench-http-'));
const children = [];

/** /proc/<pid>/stat utime + stime in ms (clock ticks of 10 ms). */
const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
};

async function startChild(name, args, env, port) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let lastCount = null;
  let errText = '';
  child.stdout.on('data', (d) => {
    for (const line of String(d).split('\n')) {
      if (line.startsWith('{"benchQueries"')) lastCount = JSON.parse(line).benchQueries;
    }
  });
  child.stderr.on('data', (d) => (errText += d));
  const probe = name === 'api' ? '/api/health/live' : '/health/live';
  for (let i = 0; i < 200; i++) {
    await sleep(100);
    const ok = await fetch(`http://127.0.0.1:${port}${probe}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`${name} exited: ${errText.slice(-2000)}`);
  }
  return {
    child,
    port,
    async queries() {
      lastCount = null;
      child.kill('SIGUSR2');
      for (let i = 0; i < 50 && lastCount === null; i++) await sleep(20);
      return lastCount;
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
function post(port, path, headers, body) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

/** One open-loop step: `rate` requests per second for SECONDS seconds. */
async function step(server, ids, rate, token) {
  const n = Math.round(rate * SECONDS);
  if (ids.length < n) return null;
  const batch = ids.splice(0, n);
  const body = JSON.stringify({ event: 'START', expectedVersion: 1 });
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  const lat = [];
  const statuses = {};
  const pending = [];
  const cpu0 = cpuMs(server.child.pid);
  const q0 = await server.queries();
  const t0 = performance.now();
  let lastEnd = t0;
  let i = 0;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < n && t0 + (i * 1000) / rate <= now) {
        const scheduled = t0 + (i * 1000) / rate;
        const id = batch[i++];
        pending.push(
          post(server.port, `/api/tasks/${id}/transitions`, headers, body).then((status) => {
            const end = performance.now();
            lastEnd = Math.max(lastEnd, end);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status === 200) lat.push(end - scheduled);
          }),
        );
      }
      if (i < n) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  const cpu1 = cpuMs(server.child.pid);
  const q1 = await server.queries();
  const elapsed = Math.max(SECONDS * 1000, lastEnd - t0) / 1000;
  return {
    offered: round(rate, 0),
    answeredPerSecond: round(lat.length / elapsed, 0),
    ok: lat.length,
    statuses,
    ...latencyFigures(lat),
    serverCpuMsPerRequest: cpu0 == null || cpu1 == null ? null : round((cpu1 - cpu0) / n, 3),
    roundTripsPerRequest: q0 == null || q1 == null ? null : round((q1 - q0) / n, 2),
  };
}
/** `inFlight` requests always outstanding for CLOSED_SECONDS, each a distinct task. */
async function closedLoop(server, ids, inFlight, token, seconds = CLOSED_SECONDS) {
  const body = JSON.stringify({ event: 'START', expectedVersion: 1 });
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  const cpu0 = cpuMs(server.child.pid);
  const q0 = await server.queries();
  const { sent, figures } = await runClosedLoop(ids, inFlight, seconds, (id) =>
    post(server.port, `/api/tasks/${id}/transitions`, headers, body),
  );
  const cpu1 = cpuMs(server.child.pid);
  const q1 = await server.queries();
  return {
    ...figures,
    serverCpuMsPerRequest: cpu0 == null || cpu1 == null || !sent ? null : round((cpu1 - cpu0) / sent, 3),
    roundTripsPerRequest: q0 == null || q1 == null || !sent ? null : round((q1 - q0) / sent, 2),
  };
}

const saturated = (s) =>
  !s || s.answeredPerSecond < 0.9 * s.offered || s.p99ms > 2000 || s.ok < 0.99 * s.offered * SECONDS;

try {
  const ids = await bulkAssignedTasks(db.pool, TASKS);
  const user = await agencyUser(db.pool);

  // Record the statements of one HTTP transition (the read with the session check, the write) from the API.
  const probe = instrumentPg();
  const { app } = await nestApp(db.url, redis.url);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const login = async (b) =>
    (
      await (
        await fetch(`${b}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: user.username, password: PASSWORD }),
        })
      ).json()
    ).accessToken;
  const localToken = await login(base);
  // One transition first: its guard confirms the session with the database and the process remembers it;
  // the recorded one is then a transition as every later request of a signed-in user makes it.
  const warmId = ids.shift();
  const warm = await fetch(`${base}/api/tasks/${warmId}/transitions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${localToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'START', expectedVersion: 1 }),
  });
  if (warm.status !== 200) throw new Error(`warm-up transition answered ${warm.status}: ${await warm.text()}`);
  const sampleId = ids.shift();
  probe.state.record = [];
  const sample = await fetch(`${base}/api/tasks/${sampleId}/transitions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${localToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ event: 'START', expectedVersion: 1 }),
  });
  const statements = probe.state.record;
  probe.restore();
  await app.close();
  if (sample.status !== 200) throw new Error(`sample transition answered ${sample.status}: ${await sample.text()}`);
  const statementsFile = join(scratch, 'statements.json');
  writeFileSync(statementsFile, JSON.stringify({ sampleId, statements }));

  const apiPort = await freePort();
  const api = await startChild(
    'api',
    [
      ...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : []),
      '--import',
      './test/bench/count-queries.mjs',
      join(API_DIST, 'main.js'),
    ],
    {
      DATABASE_URL: db.url,
      PORT: String(apiPort),
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
    apiPort,
  );
  const barePort = await freePort();
  const bare = await startChild(
    'bare',
    ['--import', './test/bench/count-queries.mjs', 'test/bench/bare-server.mjs'],
    { DATABASE_URL: db.url, PORT: String(barePort), STATEMENTS: statementsFile, POOL_SIZE: String(POOL_SIZE) },
    barePort,
  );
  const token = await login(`http://127.0.0.1:${apiPort}`);

  // Warm both (JIT, pools), then rising rates side by side.
  for (const [name, server] of [
    ['api', api],
    ['bare', bare],
  ]) {
    const w = await closedLoop(server, ids, 4, token, WARM_SECONDS);
    emit({ bench: 'http-transition-warmup', server: name, seconds: WARM_SECONDS, inFlight: 4, ...w });
  }
  const steps = { api: [], bare: [] };
  const done = { api: false, bare: false };
  let rate = START_RATE;
  for (let k = 0; k < MAX_STEPS && !(done.api && done.bare); k++, rate *= FACTOR) {
    for (const [name, server] of [
      ['api', api],
      ['bare', bare],
    ]) {
      if (done[name]) continue;
      await sleep(PAUSE_MS);
      const s = await step(server, ids, rate, token);
      if (!s) {
        done[name] = true;
        continue;
      }
      steps[name].push(s);
      emit({ bench: 'http-transition-step', server: name, ...s });
      if (saturated(s)) done[name] = true;
    }
  }
  const max = (name) => Math.max(0, ...steps[name].map((s) => s.answeredPerSecond));
  const at70 = {};
  for (const [name, server] of [
    ['api', api],
    ['bare', bare],
  ]) {
    await sleep(PAUSE_MS);
    at70[name] = await step(server, ids, Math.max(1, 0.7 * max(name)), token);
    emit({ bench: 'http-transition-step', server: name, at: '70% of max', ...at70[name] });
  }
  // Closed loop at 1 and 8 in flight (the second reference is pgbench at the same client counts,
  // measured by ceiling.mjs in the same suite run): API and bare alternate, twice each.
  const closed = {};
  for (const inFlight of CLOSED_IN_FLIGHT) {
    const rounds = { api: [], bare: [] };
    for (let r = 0; r < 2; r++) {
      for (const [name, server] of [
        ['api', api],
        ['bare', bare],
      ]) {
        await sleep(PAUSE_MS);
        const c = await closedLoop(server, ids, inFlight, token);
        if (c) rounds[name].push(c);
      }
    }
    const best = (name) => rounds[name].reduce((a, b) => (b.perSecond > (a?.perSecond ?? -1) ? b : a), null);
    closed[inFlight] = { api: best('api'), bare: best('bare') };
    emit({
      bench: 'http-transition-closed',
      inFlight,
      api: closed[inFlight].api,
      bare: closed[inFlight].bare,
      ratio:
        closed[inFlight].api && closed[inFlight].bare ? round(best('api').perSecond / best('bare').perSecond) : null,
      rounds: { api: rounds.api.map((x) => x.perSecond), bare: rounds.bare.map((x) => x.perSecond) },
    });
  }
  const firstOk = (name) => steps[name][0] ?? {};
  emit({
    bench: 'http-transition',
    seconds: SECONDS,
    apiMaxPerSecond: max('api'),
    bareMaxPerSecond: max('bare'),
    ratio: round(max('api') / max('bare')),
    apiAt70: at70.api,
    bareAt70: at70.bare,
    apiRoundTripsPerRequest: firstOk('api').roundTripsPerRequest,
    bareRoundTripsPerRequest: firstOk('bare').roundTripsPerRequest,
    apiCpuMsPerRequest: firstOk('api').serverCpuMsPerRequest,
    bareCpuMsPerRequest: firstOk('bare').serverCpuMsPerRequest,
    closed,
    statements: statements.map((x) => x.text.replace(/\s+/g, ' ').slice(0, 60)),
    target: 'ratio >= 0.6; API p99 < 25 ms at 70% of its max',
  });
} finally {
  agent.destroy();
  for (const c of children) c.kill('SIGTERM');
  await sleep(500);
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  await db.drop();
}
