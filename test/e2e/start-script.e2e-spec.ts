import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestRedis } from './support/redis-server.js';
import { freePort, until } from './support/wait.js';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

const ROOT = resolve(__dirname, '../..');
const START = join(ROOT, 'scripts/start.mjs');

/** Live children of `pid` (a zombie counts as gone: it has exited, its parent has not reaped it yet). */
function childrenOf(pid: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== pid || state === 'Z') continue;
      found.push({ pid: Number(entry), cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

interface Started {
  proc: ChildProcess;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  api: number;
  worker: number;
  postgres?: number;
}

/**
 * `npm start`'s script as a newcomer runs it, minus the build and the embedded PostgreSQL (DATABASE_URL
 * is set): it must stop everything it started, quickly and with the right exit code, whichever way it is
 * stopped and whichever child dies first.
 */
describe('scripts/start.mjs stops everything it started', () => {
  let redis: TestRedis;
  let dataDir: string;
  const started: ChildProcess[] = [];
  const pids: number[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    for (const f of ['apps/api/dist/main.js', 'apps/worker/dist/main.js']) {
      if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: npm test builds it (pretest)`);
    }
    redis = await TestRedis.start();
    await prepareDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'dondoc-start-'));
  });

  afterAll(async () => {
    for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const pid of pids) if (running(pid)) process.kill(pid, 'SIGKILL');
    await redis?.down();
    for (const d of [dataDir, ...dirs]) rmSync(d, { recursive: true, force: true });
  });

  async function start(embedded = false): Promise<Started> {
    const port = await freePort();
    // The embedded PostgreSQL runs as user postgres when we are root: its directory must be reachable.
    const pgDir = embedded ? mkdtempSync(join(tmpdir(), 'dondoc-start-pg-')) : undefined;
    if (pgDir) chmodSync(pgDir, 0o755);
    if (pgDir) dirs.push(pgDir);
    // Its own process group, as a shell gives a foreground job: a terminal's Ctrl-C goes to the whole group.
    const proc = spawn(process.execPath, [START], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'production',
        ...(embedded
          ? { DATABASE_URL: '', EMBEDDED_PG_PORT: String(await freePort()) }
          : { DATABASE_URL: testDatabaseUrl() }),
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `start${process.pid}`,
        JWT_SECRET: 'start-script-test-secret-0123456789abcdef',
        FILE_ENCRYPTION_KEYS: 'test:tyHKsm4eAjeoee61buHFChQvgc6rhUu3faolqshzgiQ=',
        FILE_ENCRYPTION_KEY_ID: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        WEB_DIR: '',
        DATA_DIR: pgDir ?? dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(proc);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      proc.once('exit', (code, signal) => r({ code, signal })),
    );
    const waiting = setTimeout(() => process.stderr.write(`start.mjs so far:\n${out}\n`), 40_000);
    await until(
      'the API to answer',
      () => {
        if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`start.mjs exited early:\n${out}`);
        return fetch(`http://127.0.0.1:${port}/api/health/live`).then(
          (r) => r.ok,
          () => false,
        );
      },
      60_000,
      200,
    );
    const kids = await until(
      'the API and the worker to run',
      () => {
        const k = childrenOf(proc.pid!);
        const api = k.find((c) => c.cmd.includes('apps/api/dist/main.js'));
        const worker = k.find((c) => c.cmd.includes('apps/worker/dist/main.js'));
        const postgres = k.find((c) => c.cmd.includes('/bin/postgres'))?.pid;
        return api && worker && out.includes('Escalation worker running')
          ? { api: api.pid, worker: worker.pid, postgres }
          : null;
      },
      60_000,
      200,
    );
    clearTimeout(waiting);
    pids.push(kids.api, kids.worker, ...(kids.postgres ? [kids.postgres] : []));
    return { proc, output: () => out, exit, ...kids };
  }

  async function stopped(s: Started, timeoutMs: number) {
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      s.exit,
      new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (result === 'hung') {
      throw new Error(
        `start.mjs still runs ${timeoutMs} ms later (children: ${JSON.stringify(childrenOf(s.proc.pid!))})\n${s.output()}`,
      );
    }
    return result;
  }

  it.each(['SIGINT to the process group (Ctrl-C)', 'SIGTERM to start.mjs'])(
    '%s: exit 0, quickly, no child left',
    async (how) => {
      const s = await start();
      const t0 = Date.now();
      if (how.startsWith('SIGINT')) process.kill(-s.proc.pid!, 'SIGINT');
      else s.proc.kill('SIGTERM');
      const { code, signal } = await stopped(s, 15_000);
      const ms = Date.now() - t0;
      process.stderr.write(`start.mjs stopped ${ms} ms after ${how.split(' ')[0]}\n`);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(ms).toBeLessThan(10_000);
      await until('every child to be gone', () => ![s.api, s.worker].some(running), 2_000, 50);
    },
  );

  it.each(['worker', 'API'])(
    'the %s killed by SIGKILL first: start.mjs stops the rest and exits non-zero, naming it',
    async (which) => {
      const s = await start();
      process.kill(which === 'API' ? s.api : s.worker, 'SIGKILL');
      const { code } = await stopped(s, 15_000);
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(s.output()).toContain(`The ${which} exited (SIGKILL)`);
      await until('every child to be gone', () => ![s.api, s.worker].some(running), 2_000, 50);
    },
  );

  // The embedded server is start.mjs's own child: the old script waited forever for it after a child's death.
  it('with the embedded PostgreSQL, the worker killed first: the database stops too', async () => {
    const s = await start(true);
    expect(s.postgres).toBeDefined();
    process.kill(s.worker, 'SIGKILL');
    const { code } = await stopped(s, 15_000);
    expect(code).not.toBe(0);
    await until('every child to be gone', () => ![s.api, s.worker, s.postgres!].some(running), 5_000, 50);
  }, 150_000);
});
