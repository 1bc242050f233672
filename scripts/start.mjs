// `npm start`: the whole system in one command. Starts the embedded PostgreSQL when DATABASE_URL is
// unset, finds or starts Redis when REDIS_URL is unset, then runs the API (which migrates and seeds)
// and the escalation worker as two processes, and stops both together.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = { ...process.env };
const log = (msg) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`);
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
  children.push(redis);
  for (let i = 0; i < 50 && !(await reachable('127.0.0.1', 6379)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`Started redis-server on 127.0.0.1:6379 (${found})`);
}

async function waitForApi(port) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return true;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// The API and the worker get one environment, so they agree on QUEUE_PREFIX (the bus channels, the queue).
function run(name, script) {
  const child = spawn(process.execPath, [script], { env, stdio: 'inherit' });
  children.push(child);
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children.reverse()) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

if (!env.DATABASE_URL) {
  const { startEmbeddedDatabase } = await import('../apps/api/dist/runtime/embedded-database.js');
  embedded = await startEmbeddedDatabase(dataDir, log);
  env.DATABASE_URL = embedded.url;
  env.SEED_DEMO ??= 'true';
}
await ensureRedis();
run('API', 'apps/api/dist/main.js');
if (await waitForApi(Number(env.PORT ?? 3000))) {
  run('worker', 'apps/worker/dist/main.js');
} else {
  log('The API did not become healthy; not starting the worker');
  await stop(1);
}
