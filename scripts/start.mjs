// `npm start`: the whole system in one command. Starts the embedded PostgreSQL when DATABASE_URL is
// unset, finds or starts Redis when REDIS_URL is unset, then runs the API (which migrates and seeds)
// and the escalation worker as two processes, and stops both together.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = { ...process.env };
// On a terminal, plain lines (the API and the worker print pino-pretty there too); JSON otherwise.
const pretty = env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT !== 'json' && process.stdout.isTTY === true);
const log = (msg) =>
  process.stdout.write(
    pretty ? `[start] ${msg}\n` : `${JSON.stringify({ level: 30, time: Date.now(), app: 'start', msg })}\n`,
  );
const dataDir = env.DATA_DIR ?? '.data';
const children = [];
let embedded;

function reachable(host, port) {
  return new Promise((done) => {
    const s = createConnection({ host, port, timeout: 1000 });
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
    s.once('timeout', () => (s.destroy(), done(false)));
  });
}

async function ensureRedis() {
  if (env.REDIS_URL) return;
  env.REDIS_URL = 'redis://127.0.0.1:6379';
  if (await reachable('127.0.0.1', 6379)) return;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!found) {
    log(
      'No Redis on 127.0.0.1:6379 and no redis-server on the PATH. The board and API work; reminders and ' +
        'escalations wait until Redis runs (apt-get install redis-server, or set REDIS_URL). Nothing is lost: ' +
        'the schedule lives in PostgreSQL.',
    );
    return;
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const redis = spawn(
    found,
    [
      '--port',
      '6379',
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      // Blocked BullMQ workers wake at delayed jobs' due time only as often as Redis' timer runs.
      '--hz',
      '100',
      '--dir',
      dir,
    ],
    {
      stdio: 'ignore',
    },
  );
  redis.name = 'redis-server';
  children.push(redis);
  for (let i = 0; i < 50 && !(await reachable('127.0.0.1', 6379)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`Started redis-server on 127.0.0.1:6379 (${found})`);
}

async function waitForApi(port) {
  for (let i = 0; i < 600 && !stopping; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.status === 200) return true;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// A child killed by a signal has exitCode null and signalCode set: both null means it still runs.
const alive = (c) => c.exitCode === null && c.signalCode === null;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms).unref());
// A child that has not stopped this long after SIGTERM is killed: Ctrl-C is over within ~2 s.
const GRACE_MS = Number(env.STOP_GRACE_MS ?? 1500);

// The API and the worker get one environment, so they agree on QUEUE_PREFIX (the bus channels, the queue).
function run(name, script) {
  if (stopping) return undefined;
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  child.name = name;
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    // Stopped as asked (SIGINT/SIGTERM sent to it alone, or ahead of us by the terminal): stop the rest, exit 0.
    const asked = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    log(`The ${name} exited (${signal ?? `code ${code}`}); stopping everything`);
    void stop(asked ? 0 : code || 1);
  });
  return child;
}

let stopping = false;
let starting; // the embedded PostgreSQL while it starts
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const running = children.filter(alive);
  const exited = Promise.all(running.map((c) => new Promise((r) => c.once('exit', r))));
  // The worker first, then the API, Redis last; all at once: each drains on its own.
  for (const c of [...running].reverse()) c.kill('SIGTERM');
  await Promise.race([exited, sleep(GRACE_MS)]);
  for (const c of running.filter(alive)) {
    log(`The ${c.name ?? 'child'} did not stop within ${GRACE_MS} ms of SIGTERM; killing it`);
    c.kill('SIGKILL');
  }
  await Promise.race([exited, sleep(1000)]);
  if (!embedded && starting) embedded = await Promise.race([starting.catch(() => undefined), sleep(5000)]);
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}
// `on`, not `once`: a second Ctrl-C must not fall back to the default action (exit 130, children left behind).
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

function banner(port, seeded) {
  const password = env.DEMO_PASSWORD ?? 'demo12345';
  const where = embedded
    ? `embedded PostgreSQL in ${resolve(dataDir, 'postgres')} (127.0.0.1:${env.EMBEDDED_PG_PORT ?? 54329})`
    : `PostgreSQL at ${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//')}`;
  const lines = [
    `Đôn Đốc is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`,
    seeded
      ? `  Sign in as vanphong (Office), thuongvu (Standing Committee) or an agency such as ban-tuyen-giao; password ${password}`
      : '  Sign in with your accounts (no demo seeded: SEED_DEMO is not true)',
    `  Data: ${where}; uploaded files in ${resolve(env.STORAGE_DIR ?? `${dataDir}/files`)}`,
    '  Stop: Ctrl-C (stops the API, the worker and the database)',
  ];
  if (pretty) process.stdout.write(`\n${lines.join('\n')}\n\n`);
  else log(lines.map((l) => l.trim()).join(' | '));
}

if (!env.DATABASE_URL) {
  const { startEmbeddedDatabase } = await import('../apps/api/dist/runtime/embedded-database.js');
  starting = startEmbeddedDatabase(dataDir, log);
  try {
    embedded = await starting;
  } catch (err) {
    // A taken port and the like are one sentence (StartupError); anything else keeps its stack.
    const what = err?.constructor?.name === 'StartupError' ? err.message : (err?.stack ?? String(err));
    process.stderr.write(`The embedded PostgreSQL did not start: ${what}\n`);
    process.exit(1);
  }
  env.DATABASE_URL = embedded.url;
  env.SEED_DEMO ??= 'true';
}
if (!stopping) await ensureRedis();
const port = Number(env.PORT ?? 3000);
if (run('API', 'apps/api/dist/main.js') && (await waitForApi(port))) {
  run('worker', 'apps/worker/dist/main.js');
  if (!stopping) banner(port, /^(true|1)$/i.test(env.SEED_DEMO ?? ''));
} else if (!stopping) {
  log('The API did not become healthy; not starting the worker');
  await stop(1);
}
