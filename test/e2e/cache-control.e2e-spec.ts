import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

/** The head of an answer that may never end (the event stream): status and headers, then hang up. */
function head(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      res.destroy();
    });
    req.on('error', reject);
  });
}

function expectNoStore(res: { headers: IncomingHttpHeaders | Record<string, string> }): void {
  expect(String(res.headers['cache-control'])).toMatch(/\bno-store\b/);
  expect(res.headers['pragma']).toBe('no-cache');
}

describe('no answer under /api may be cached (Cache-Control: no-store)', () => {
  let t: TestApp;
  let port: number;
  let webDir: string;
  let office: { Authorization: string };

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'dondoc-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Đôn Đốc</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1);');
    t = await startTestApp({ WEB_DIR: webDir });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    office = await t.as('vanphong');
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('the login answer (and a refused login)', async () => {
    const ok = await t.http.post('/api/auth/login').send({ username: 'kiemtra', password: DEMO_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeTruthy();
    expectNoStore(ok);
    const refused = await t.http.post('/api/auth/login').send({ username: 'kiemtra', password: 'sai mật khẩu' });
    expect(refused.status).toBe(401);
    expectNoStore(refused);
  });

  it('a task list and a task detail', async () => {
    const task = await makeTask(t.db, { state: 'assigned' });
    const list = await t.http.get('/api/tasks').query({ limit: 5 }).set(office);
    expect(list.status).toBe(200);
    expectNoStore(list);
    const detail = await t.http.get(`/api/tasks/${task.id}`).set(office);
    expect(detail.status).toBe(200);
    expectNoStore(detail);
  });

  it('a file download', async () => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    const lead = await t.as('ban-tuyen-giao');
    const upload = await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(lead)
      .attach('files', pdf(), 'Dự thảo.pdf');
    expect(upload.status).toBe(201);
    const fileId = upload.body.files[0].id as string;
    const download = await t.http
      .get(`/api/tasks/${task.id}/files/${fileId}`)
      .set(office)
      .buffer(true)
      .parse((res: Response, done: (err: Error | null, body: unknown) => void) => {
        const stream = res as unknown as NodeJS.ReadableStream;
        stream.on('data', () => undefined);
        stream.on('end', () => done(null, null));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expectNoStore(download);
  });

  it('errors: 401, 404 and an unknown /api route', async () => {
    const anonymous = await t.http.get('/api/tasks');
    expect(anonymous.status).toBe(401);
    expectNoStore(anonymous);
    const missing = await t.http.get('/api/tasks/00000000-0000-4000-8000-000000000000').set(office);
    expect(missing.status).toBe(404);
    expectNoStore(missing);
    const unknown = await t.http.get('/api/no-such-route').set(office);
    expect(unknown.status).toBe(404);
    expectNoStore(unknown);
  });

  it('the event stream head (and its refusal)', async () => {
    const token = await t.token('vanphong');
    const stream = await head(port, '/api/events', { Accept: 'text/event-stream', Authorization: `Bearer ${token}` });
    expect(stream.status).toBe(200);
    expect(String(stream.headers['content-type'])).toMatch(/^text\/event-stream/);
    expect(String(stream.headers['cache-control'])).toMatch(/\bno-store\b/);
    const refused = await head(port, '/api/events', { Accept: 'text/event-stream' });
    expect(refused.status).toBe(401);
    expectNoStore(refused);
  });

  it('the board’s static assets outside /api keep their caching', async () => {
    const asset = await t.http.get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(String(asset.headers['cache-control'])).toMatch(/max-age=3600/);
    expect(String(asset.headers['cache-control'])).not.toMatch(/no-store/);
    expect(asset.headers['pragma']).toBeUndefined();
  });
});
