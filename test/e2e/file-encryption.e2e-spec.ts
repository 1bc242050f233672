import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildConfig, createApp, FileSealingService, parseEnv } from '@dondoc/api';
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import { agencyId, makeTask } from './support/fixtures.js';
import { pdf } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const API = resolve(__dirname, '../../apps/api/dist/main.js');
const LEAD = 'ban-tuyen-giao';
const COORD = 'ban-dan-van';
const OFFICE = 'vanphong';
const KEYS = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64') };

/** The key variables for a ring of some of KEYS, sealing new files with `current`. */
const ring = (ids: (keyof typeof KEYS)[], current: keyof typeof KEYS) => ({
  FILE_ENCRYPTION_KEYS: ids.map((id) => `${id}:${KEYS[id]}`).join(','),
  FILE_ENCRYPTION_KEY_ID: current,
});

type Http = ReturnType<typeof request>;
type FileTable = 'attachments' | 'part_files';

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the incoming message stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (e: Error) => done(e, Buffer.alloc(0)));
}

/**
 * Files of classified tasks are sealed at rest (AES-256-GCM) and served as uploaded; the key rotates without
 * losing a file. Its own database: the re-encryption run reaches every file the database names.
 */
describe('files of classified tasks, encrypted at rest', () => {
  let t: TestApp;
  const others: INestApplication[] = [];
  let dataDir: string;

  beforeAll(async () => {
    t = await startTestApp(ring(['k1'], 'k1'), { ownDatabase: true });
    dataDir = mkdtempSync(join(tmpdir(), 'dondoc-reencrypt-'));
  });

  afterAll(async () => {
    for (const app of others) await app.close();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Another API instance on the same database and the same files, with other variables: a restart. */
  async function restartedWith(env: Record<string, string>): Promise<Http> {
    const raw = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WORKING_CALENDAR: 'off', ...env });
    const config = {
      ...buildConfig(raw, { databaseUrl: t.config.databaseUrl, jwtSecret: t.config.jwtSecret, embedded: false }),
      storageDir: t.config.storageDir,
    };
    const app = await createApp(config);
    await app.init();
    others.push(app);
    return request(app.getHttpServer());
  }

  /** `npm run files:reencrypt` as an operator runs it (the built API's CLI), on this suite's database and files. */
  async function reencrypt(env: Record<string, string>): Promise<{ code: number | null; summary: string }> {
    const proc = spawn(process.execPath, [API, 'files:reencrypt'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.config.databaseUrl,
        STORAGE_DIR: t.config.storageDir,
        DATA_DIR: dataDir,
        JWT_SECRET: t.config.jwtSecret,
        LOG_FORMAT: 'json',
        WEB_DIR: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
    const summary = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => String((JSON.parse(l) as { msg?: string }).msg))
      .filter((m) => /^Files:|^Not re-encrypted/.test(m))
      .join('\n');
    return { code, summary: summary || out };
  }

  /** A task of our own, classified mật by SQL, with these users on its access list. */
  async function classify(taskId: string, users = [LEAD, COORD, OFFICE]): Promise<void> {
    await t.db.query(`UPDATE tasks SET classification = 'secret' WHERE id = $1`, [taskId]);
    await t.db.query(
      `INSERT INTO classified_access (task_id, user_id)
       SELECT $1, id FROM users WHERE username = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [taskId, users],
    );
  }

  const row = async (table: FileTable, id: string) =>
    (
      await t.db.query<{ storage_key: string; encryption_key_id: string | null }>(
        `SELECT storage_key, encryption_key_id FROM ${table} WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const pathOf = (storageKey: string) => join(t.config.storageDir, storageKey.slice(0, 2), storageKey);
  const onDisk = (storageKey: string) => readFileSync(pathOf(storageKey));

  /** The stored bytes are not the upload, and no run of the upload appears in them. */
  const expectSealed = (stored: Buffer, upload: Buffer) => {
    expect(stored.equals(upload)).toBe(false);
    expect(stored.subarray(0, 3).toString('latin1')).toBe('DDF');
    for (let at = 0; at + 16 <= upload.length; at += 16)
      expect(stored.includes(upload.subarray(at, at + 16))).toBe(false);
  };

  const download = async (http: Http, url: string, who: string, expected = 200) =>
    (
      await http
        .get(url)
        .set(await t.as(who))
        .buffer(true)
        .parse(binary)
        .expect(expected)
    ).body as Buffer;

  /** A deliverable uploaded by the lead agency: its id and download path. */
  async function deliver(http: Http, taskId: string, content: Buffer): Promise<{ id: string; url: string }> {
    const res = await http
      .post(`/api/tasks/${taskId}/submissions`)
      .set(await t.as(LEAD))
      .attach('files', content, 'san-pham.pdf')
      .expect(201);
    const id = res.body.files[0].id as string;
    return { id, url: `/api/tasks/${taskId}/files/${id}` };
  }

  it('seals a classified task’s files on every upload path and serves each byte for byte', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD, coordinating: [COORD] });
    await classify(task.id);

    // A progress report's file.
    const reportFile = pdf(`Báo cáo tiến độ mật ${task.id}`);
    const report = await t.http
      .post(`/api/tasks/${task.id}/progress`)
      .set(await t.as(LEAD))
      .field('percent', '40')
      .field('narrative', 'Đã hoàn thành dự thảo.')
      .attach('files', reportFile, 'tien-do.pdf')
      .expect(201);
    const reportFileId = report.body.files[0].id as string;

    // A coordinating agency's contribution file.
    const asked = await t.http
      .put(`/api/tasks/${task.id}/contributions/${await agencyId(t.db, COORD)}`)
      .set(await t.as(LEAD))
      .send({ request: 'Góp ý dự thảo', dueDate: '2030-11-30' })
      .expect(200);
    const contributionFile = pdf(`Góp ý mật ${task.id}`);
    const sent = await t.http
      .post(`/api/contributions/${asked.body.id as string}/versions`)
      .set(await t.as(COORD))
      .field('note', 'Ý kiến góp ý')
      .attach('files', contributionFile, 'gop-y.pdf')
      .expect(201);
    const contributionFileId = sent.body.versions[0].files[0].id as string;

    // A deliverable.
    const deliverable = pdf(`Sản phẩm mật ${task.id}`);
    const delivered = await deliver(t.http, task.id, deliverable);

    for (const [table, id, upload] of [
      ['part_files', reportFileId, reportFile],
      ['part_files', contributionFileId, contributionFile],
      ['attachments', delivered.id, deliverable],
    ] as const) {
      const stored = await row(table, id);
      expect(stored.encryption_key_id).toBe('k1');
      expectSealed(onDisk(stored.storage_key), upload);
    }

    const got = {
      report: await download(t.http, `/api/progress-reports/${report.body.id as string}/files/${reportFileId}`, OFFICE),
      contribution: await download(
        t.http,
        `/api/contributions/${asked.body.id as string}/files/${contributionFileId}`,
        LEAD,
      ),
      deliverable: await download(t.http, delivered.url, OFFICE),
    };
    expect(Buffer.compare(got.report, reportFile)).toBe(0);
    expect(Buffer.compare(got.contribution, contributionFile)).toBe(0);
    expect(Buffer.compare(got.deliverable, deliverable)).toBe(0);
  });

  it('keeps an unclassified task’s files as uploaded', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    const content = pdf(`Sản phẩm thường ${task.id}`);
    const file = await deliver(t.http, task.id, content);
    const stored = await row('attachments', file.id);
    expect(stored.encryption_key_id).toBeNull();
    expect(onDisk(stored.storage_key).equals(content)).toBe(true);
    expect(Buffer.compare(await download(t.http, file.url, OFFICE), content)).toBe(0);
  });

  it('refuses an altered sealed file with FILE_INTEGRITY_FAILED and sends none of its bytes', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    await classify(task.id);
    const content = pdf(`Sản phẩm bị sửa ${task.id}`);
    const file = await deliver(t.http, task.id, content);
    const path = pathOf((await row('attachments', file.id)).storage_key);
    const sealed = readFileSync(path);
    const altered = Buffer.from(sealed);
    altered[altered.length - 10] ^= 0x40;
    writeFileSync(path, altered);
    try {
      const res = await t.http
        .get(file.url)
        .set(await t.as(OFFICE))
        .expect(500);
      expect(res.body.code).toBe('FILE_INTEGRITY_FAILED');
      expect(res.headers['content-disposition']).toBeUndefined();
    } finally {
      // Restored: the re-encryption run below must find every file readable.
      writeFileSync(path, sealed);
    }
    expect(Buffer.compare(await download(t.http, file.url, OFFICE), content)).toBe(0);
  });

  it('seals the files of a task raised to a classified level (FileSealingService.sealTaskFiles)', async () => {
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    const content = pdf(`Sản phẩm trước khi mật ${task.id}`);
    const file = await deliver(t.http, task.id, content);
    const before = await row('attachments', file.id);
    expect(before.encryption_key_id).toBeNull();

    await classify(task.id);
    const sealing = t.app.get(FileSealingService);
    expect(await sealing.sealTaskFiles(task.id)).toEqual({ sealed: 1, resealed: 0, failed: [] });
    const after = await row('attachments', file.id);
    expect(after.encryption_key_id).toBe('k1');
    expect(after.storage_key).not.toBe(before.storage_key);
    expect(existsSync(pathOf(before.storage_key))).toBe(false);
    expectSealed(onDisk(after.storage_key), content);
    expect(Buffer.compare(await download(t.http, file.url, OFFICE), content)).toBe(0);
    // Again: nothing left to do.
    expect(await sealing.sealTaskFiles(task.id)).toEqual({ sealed: 0, resealed: 0, failed: [] });
  });

  it('rotates the key: old files stay readable, new ones take the new key, re-encryption moves the old ones', async () => {
    if (!existsSync(API)) throw new Error(`${API} is missing: run npm run build first`);
    // Under k1: a sealed file, and a clear one of a task classified afterwards without sealing it.
    const task = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    await classify(task.id);
    const oldContent = pdf(`Sản phẩm khóa cũ ${task.id}`);
    const oldFile = await deliver(t.http, task.id, oldContent);
    const raised = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    const clearContent = pdf(`Sản phẩm còn để trần ${raised.id}`);
    const clearFile = await deliver(t.http, raised.id, clearContent);
    await classify(raised.id);
    expect((await row('attachments', clearFile.id)).encryption_key_id).toBeNull();
    const unclassified = await makeTask(t.db, { state: 'in_progress', lead: LEAD });
    const plainFile = await deliver(t.http, unclassified.id, pdf(`Thường ${unclassified.id}`));

    // Restarted with the ring {k1, k2}, current k2: the k1 file still opens; a new one is sealed with k2.
    const rotated = await restartedWith(ring(['k1', 'k2'], 'k2'));
    expect(Buffer.compare(await download(rotated, oldFile.url, OFFICE), oldContent)).toBe(0);
    const newContent = pdf(`Sản phẩm khóa mới ${task.id}`);
    const newFile = await deliver(rotated, task.id, newContent);
    const newRow = await row('attachments', newFile.id);
    expect(newRow.encryption_key_id).toBe('k2');
    expectSealed(onDisk(newRow.storage_key), newContent);

    // The re-encryption: every file of a classified task ends under k2, the clear one sealed; run twice.
    const oldBefore = await row('attachments', oldFile.id);
    const first = await reencrypt(ring(['k1', 'k2'], 'k2'));
    expect(first.summary).toMatch(/^Files: 1 sealed, \d+ moved to key "k2", 0 failed$/);
    expect(first.code).toBe(0);
    const oldAfter = await row('attachments', oldFile.id);
    expect(oldAfter.encryption_key_id).toBe('k2');
    expect(existsSync(pathOf(oldBefore.storage_key))).toBe(false);
    expectSealed(onDisk(oldAfter.storage_key), oldContent);
    expect((await row('attachments', clearFile.id)).encryption_key_id).toBe('k2');
    expect((await row('attachments', plainFile.id)).encryption_key_id).toBeNull();
    const notOnK2 = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT task_id, encryption_key_id FROM attachments UNION ALL SELECT task_id, encryption_key_id FROM part_files
       ) f JOIN tasks t ON t.id = f.task_id
        WHERE t.classification <> 'normal' AND f.encryption_key_id IS DISTINCT FROM 'k2'`,
    );
    expect(notOnK2.rows[0].n).toBe(0);
    const second = await reencrypt(ring(['k1', 'k2'], 'k2'));
    expect(second).toEqual({ code: 0, summary: 'Files: 0 sealed, 0 moved to key "k2", 0 failed' });

    // k1 dropped from the ring: every file still downloads as uploaded.
    const k2Only = await restartedWith(ring(['k2'], 'k2'));
    expect(Buffer.compare(await download(k2Only, oldFile.url, OFFICE), oldContent)).toBe(0);
    expect(Buffer.compare(await download(k2Only, newFile.url, OFFICE), newContent)).toBe(0);
    expect(Buffer.compare(await download(k2Only, clearFile.url, OFFICE), clearContent)).toBe(0);

    // Without the re-encryption a file sealed with a dropped key cannot be opened: a clear error, no bytes.
    const stranded = await deliver(t.http, task.id, pdf(`Sản phẩm bị bỏ lại ${task.id}`));
    const refused = await k2Only
      .get(stranded.url)
      .set(await t.as(OFFICE))
      .expect(500);
    expect(refused.body.code).toBe('FILE_KEY_UNKNOWN');
  });
});
