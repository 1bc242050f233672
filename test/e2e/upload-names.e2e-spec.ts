import type { Response } from 'supertest';
import { makeTask } from './support/fixtures.js';
import { expectClean, multipartRawNames, pdf } from './support/files.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PDF = pdf();

/** The file name a download's Content-Disposition gives: `filename*` (RFC 5987) when present, else `filename`. */
function downloadName(res: Response): string {
  const header = String(res.headers['content-disposition'] ?? '');
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]*)"/i.exec(header);
  if (!plain) throw new Error(`no file name in ${header}`);
  return plain[1];
}

/** How a client writes the name in the part's Content-Disposition. */
const CASES: { what: string; params: Buffer; expected: string }[] = [
  {
    what: "filename*=UTF-8'' (RFC 5987)",
    params: Buffer.from(`filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf`, 'ascii'),
    expected: 'Báo cáo.pdf',
  },
  {
    what: "filename*=UTF-8'' beyond latin-1",
    params: Buffer.from(`filename*=UTF-8''${encodeURIComponent('Kế hoạch Đôn Đốc.pdf')}`, 'ascii'),
    expected: 'Kế hoạch Đôn Đốc.pdf',
  },
  {
    what: 'a plain filename in UTF-8 bytes',
    params: Buffer.from('filename="Dự thảo báo cáo quý II.pdf"', 'utf8'),
    expected: 'Dự thảo báo cáo quý II.pdf',
  },
  {
    what: 'a plain filename in latin-1 bytes',
    params: Buffer.from('filename="café.pdf"', 'latin1'),
    expected: 'café.pdf',
  },
];

describe('uploaded file names arrive as written', () => {
  let t: TestApp;
  let lead: { Authorization: string };
  let office: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    lead = await t.as('ban-tuyen-giao');
    office = await t.as('vanphong');
  });
  afterAll(() => t.close());

  it.each(CASES)('submission upload: $what', async ({ params, expected }) => {
    const task = await makeTask(t.db, { state: 'in_progress' });
    const { body, contentType } = multipartRawNames([
      { name: 'note', data: 'Tên tệp' },
      { name: 'files', params, contentType: 'application/pdf', data: PDF },
    ]);
    const upload = await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(lead)
      .set('Content-Type', contentType)
      .send(body);
    expectClean(upload);
    expect(upload.status).toBe(201);
    expect(upload.body.files[0].fileName).toBe(expected);

    const stored = await t.db.query<{ file_name: string }>(`SELECT file_name FROM attachments WHERE task_id = $1`, [
      task.id,
    ]);
    expect(stored.rows.map((r) => r.file_name)).toEqual([expected]);

    const detail = await t.http.get(`/api/tasks/${task.id}`).set(office);
    expect(JSON.stringify(detail.body)).toContain(JSON.stringify(expected));

    const download = await t.http
      .get(`/api/tasks/${task.id}/files/${upload.body.files[0].id as string}`)
      .set(office)
      .buffer(true)
      .parse((res: Response, done: (err: Error | null, body: unknown) => void) => {
        const stream = res as unknown as NodeJS.ReadableStream;
        stream.on('data', () => undefined);
        stream.on('end', () => done(null, null));
      });
    expect(download.status).toBe(200);
    expect(downloadName(download)).toBe(expected);
  });

  it.each(CASES)('directive import upload: $what', async ({ params, expected }) => {
    const name = expected.replace(/\.pdf$/, '.txt');
    const txtParams = Buffer.from(params.toString('latin1').replace(/\.pdf/, '.txt'), 'latin1');
    const { body, contentType } = multipartRawNames([
      {
        name: 'file',
        params: txtParams,
        contentType: 'text/plain',
        data: 'KẾT LUẬN\n1. Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch tuyên truyền, hoàn thành trong quý III-2031.\n',
      },
    ]);
    const res = await t.http.post('/api/directives/import').set(office).set('Content-Type', contentType).send(body);
    expectClean(res);
    expect(res.status).toBe(200);
    expect(res.body.source.fileName).toBe(name);
  });
});
