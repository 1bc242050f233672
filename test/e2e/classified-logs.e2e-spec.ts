import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeTask } from './support/fixtures.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';
import { freePort, until } from './support/wait.js';

const API = resolve(__dirname, '../../apps/api/dist/main.js');

/**
 * A classified task's title never reaches the API's log (issue 17), at the most talkative level: not through a
 * search typed by someone cleared for it, its pages, its level raised and lowered, refusals and errors about it,
 * or the reads of someone off its list. The API runs as deployed (built, its own process) on a database of its own.
 */
describe('the API log and classified tasks', () => {
  let t: TestApp;
  let dataDir: string;
  let proc: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(API)) throw new Error(`${API} is missing: npm test builds it (pretest)`);
    t = await startTestApp({}, { ownDatabase: true });
    dataDir = mkdtempSync(join(tmpdir(), 'dondoc-cls-log-'));
  });
  afterAll(async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await t?.close();
  });

  it('carries neither its title nor its description nor what is said about it', async () => {
    const marker = `TIEU-DE-MAT-${Date.now().toString(36)}`;
    const task = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    await t.db.query(
      `UPDATE tasks SET classification = 'secret', title = $2, description = $2, search_text = lower($2) WHERE id = $1`,
      [task.id, marker],
    );
    await t.db.query(
      `INSERT INTO classified_access (task_id, user_id) SELECT $1, id FROM users WHERE username IN ('vanphong', 'ban-tuyen-giao')`,
      [task.id],
    );

    const port = await freePort();
    proc = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'development',
        DATABASE_URL: t.config.databaseUrl,
        JWT_SECRET: 'classified-log-test-secret-0123456789abcdef',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'trace',
        LOG_FORMAT: 'json',
        WEB_DIR: '',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const base = `http://127.0.0.1:${port}/api`;
    await until(
      'the API to answer',
      () =>
        fetch(`${base}/health/live`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      200,
    );
    const login = async (username: string) => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    const office = await login('vanphong');
    const clerkless = await login('thuongvu'); // off the list
    const call = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { ...headers, 'Content-Type': 'application/json' } });

    // The cleared search by the title and read the task; the level moves up and back with a comment.
    const found = await call(`/tasks?q=${encodeURIComponent(marker)}&limit=5`, office);
    expect(JSON.stringify(await found.json())).toContain(marker);
    expect((await call(`/tasks/${task.id}`, office)).status).toBe(200);
    const version = async () =>
      (await t.db.query<{ version: number }>(`SELECT version FROM tasks WHERE id = $1`, [task.id])).rows[0].version;
    expect(
      (
        await call(`/tasks/${task.id}/classification`, office, {
          method: 'PUT',
          body: JSON.stringify({ classification: 'top_secret' }),
        })
      ).status,
    ).toBe(400); // no content reference: refused, and the refusal logged without the title
    const comment = `Ý kiến về ${marker}`;
    expect(
      (await call(`/tasks/${task.id}/comments`, office, { method: 'POST', body: JSON.stringify({ body: comment }) }))
        .status,
    ).toBe(201);
    expect(
      (
        await call(`/tasks/${task.id}/transitions`, await login('ban-tuyen-giao'), {
          method: 'POST',
          body: JSON.stringify({ event: 'SUBMIT', expectedVersion: await version(), comment: `Trình ${marker}` }),
        })
      ).status,
    ).toBe(400); // no deliverable: refused
    // Someone off the list: not found, whatever they search.
    expect((await call(`/tasks/${task.id}`, clerkless)).status).toBe(404);
    const none = await call(`/tasks?q=${encodeURIComponent(marker)}`, clerkless);
    expect(JSON.stringify(await none.json())).not.toContain(marker);
    // A malformed body about it, for the error path.
    expect(
      (await call(`/tasks/${task.id}/comments`, office, { method: 'POST', body: `{"body": "${marker}"` })).status,
    ).toBe(400);

    await until('the requests to be logged', () => out.split('\n').filter((l) => l.includes('"req"')).length >= 8);
    proc.kill('SIGTERM');
    await new Promise((r) => proc!.once('exit', r));
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toContain(marker);
  }, 120_000);
});
