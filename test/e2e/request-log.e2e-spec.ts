import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, sleep, until } from './support/wait.js';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

const API = resolve(__dirname, '../../apps/api/dist/main.js');

/** What the API prints: one short line per request, no headers, no token, probes below info. */
describe('the API log', () => {
  let dataDir: string;
  const procs: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(API)) throw new Error(`${API} is missing: npm test builds it (pretest)`);
    await prepareDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'dondoc-log-'));
  });

  afterAll(() => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function api(format: 'json' | 'pretty') {
    const port = await freePort();
    const proc = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'development',
        DATABASE_URL: testDatabaseUrl(),
        JWT_SECRET: 'request-log-test-secret-0123456789abcdef',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        LOG_FORMAT: format,
        WEB_DIR: '',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    procs.push(proc);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await until(
      'the API to answer',
      () =>
        fetch(`http://127.0.0.1:${port}/api/health/live`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      200,
    );
    return { port, proc, out: () => out };
  }

  async function requests(port: number) {
    await fetch(`http://127.0.0.1:${port}/api/health`);
    await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    await fetch(`http://127.0.0.1:${port}/metrics`);
    await fetch(`http://127.0.0.1:${port}/api/tasks?limit=1&access_token=SECRET-IN-URL`, {
      headers: { 'X-Request-Id': 'log-test-1', 'User-Agent': 'x'.repeat(500), Cookie: 'a=SECRET-COOKIE' },
    });
  }

  it('JSON: one line per request with method, redacted URL, status, time and request id; no headers; probes not at info', async () => {
    const a = await api('json');
    await requests(a.port);
    const line = await until('the request line', () =>
      a
        .out()
        .split('\n')
        .find((l) => l.includes('log-test-1')),
    );
    const entry = JSON.parse(line) as Record<string, unknown> & { req: Record<string, unknown> };
    expect(entry.req).toEqual({ id: 'log-test-1', method: 'GET', url: '/api/tasks?limit=1&access_token=[redacted]' });
    expect(entry.res).toEqual({ statusCode: 401 });
    expect(typeof entry.responseTime).toBe('number');
    expect(line.length).toBeLessThan(500);
    expect(a.out()).not.toMatch(/SECRET|user-agent|xxxxxxxxxx/i);
    await sleep(300);
    // Probes and scrapes: debug, not info. Nest's start-up inventory too.
    expect(a.out()).not.toMatch(/"url":"\/(api\/health|metrics)/);
    expect(a.out()).not.toMatch(/RouterExplorer|InstanceLoader/);
    a.proc.kill('SIGTERM');
  });

  it('pretty: readable lines, not JSON', async () => {
    const a = await api('pretty');
    await requests(a.port);
    const line = await until('the request line', () =>
      a
        .out()
        .split('\n')
        .find((l) => l.includes('log-test-1')),
    );
    expect(line).toMatch(/INFO.*GET \/api\/tasks\?limit=1&access_token=\[redacted\] 401 \d+ ms \[log-test-1\]/);
    expect(a.out()).not.toMatch(/^\{"level"/m);
    expect(a.out()).not.toMatch(/SECRET/);
    a.proc.kill('SIGTERM');
  });
});
