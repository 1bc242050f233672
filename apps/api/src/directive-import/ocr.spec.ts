import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parseDirective, type ParsedDirective } from '@dondoc/directive-parser';
import { DEMO_AGENCIES } from '@dondoc/persistence';
import { blankPdf, greyPixels, greyTiff, pgm, scannedPdfOf } from '../../../../test/fixtures/directives/scan-pdf.js';
import type { ImportJob, ImportJobResult } from './import-job.js';
import { ImportWorkerPool, OCR_IMPORT_LIMITS } from './import-worker-pool.js';
import { DEFAULT_OCR_PROGRAMS, type OcrPrograms } from './ocr.js';

/**
 * OCR of scans and images with Debian's tesseract (tesseract-ocr, tesseract-ocr-vie) and pdftoppm (poppler-utils),
 * run as the API runs it: in the import's worker threads, the programs as child processes. The scan is the
 * monthly program of April 2021 typed on one A4 page, photographed at 240 dpi with specks, a half-degree turn and
 * a receipt stamp (test/fixtures/directives/make-fixture-documents.mjs).
 */

const REPO = join(__dirname, '../../../..');
const SCAN = readFileSync(join(REPO, 'test/fixtures/directives/monthly-2021-04-scan.png'));
const MONTHLY = readFileSync(
  join(REPO, 'libs/directive-parser/fixtures/kien-giang-monthly-program-2021-04.txt'),
  'utf8',
);
const CATALOG_PDF = join(REPO, 'test/fixtures/directives/07-CTr-TU.pdf');
/** The catalog of 07-CTr/TU in the fixture's text: what its scanned pages hold. */
const CATALOG = readFileSync(
  join(REPO, 'libs/directive-parser/fixtures/kien-giang-07-CTr-TU-action-program-2021.txt'),
  'utf8',
)
  .split('\n')
  .filter((line, i, all) => i >= all.findIndex((l) => l.startsWith('DANH MỤC')))
  .join('\n');
const agencies = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name, aliases: a.shortName ? [a.shortName] : [] }));
const TODAY = '2021-04-10';

/** An upload; with `ocr` the job is one for the OCR threads (null: for the import threads, which read no scan). */
function job(name: string, buffer: Buffer, ocr: OcrPrograms | null = DEFAULT_OCR_PROGRAMS): ImportJob {
  return { file: { originalname: name, buffer }, agencies, today: TODAY, ...(ocr ? { ocr } : {}) };
}

function ok(result: ImportJobResult): Extract<ImportJobResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a reading, got ${JSON.stringify(result)}`);
  return result;
}

/** How much of what the fixture's own text proposes the scan's text proposes too. */
function overlap(truth: ParsedDirective, read: ParsedDirective) {
  const n = Math.min(truth.tasks.length, read.tasks.length);
  const same = (f: (t: ParsedDirective['tasks'][number]) => unknown) =>
    truth.tasks.slice(0, n).filter((t, i) => f(t) === f(read.tasks[i])).length;
  return {
    tasks: read.tasks.length,
    of: truth.tasks.length,
    markers: same((t) => t.source.marker),
    leads: same((t) => t.leadAgency?.code ?? null),
    dueDates: same((t) => t.dueDate),
  };
}

/** tesseract and pdftoppm processes started by this process (the worker threads' children) still running. */
function ocrChildren(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /tesseract|pdftoppm/.test(l));
}

const ocrDirs = () => readdirSync(tmpdir()).filter((d) => d.startsWith('dondoc-ocr-'));

describe('OCR of a scanned directive', () => {
  const text = new ImportWorkerPool();
  const ocr = new ImportWorkerPool(OCR_IMPORT_LIMITS);
  afterAll(() => Promise.all([text.close(), ocr.close()]));
  const truth = parseDirective(MONTHLY, { agencies, today: TODAY });

  it('sends an image to the OCR threads: the import threads answer that it needs OCR', async () => {
    expect(await text.run(job('scan.png', SCAN, null))).toEqual({ ok: false, needsOcr: true });
  });

  it('reads the noisy PNG into a text proposing the tasks the typed text proposes', async () => {
    const started = performance.now();
    const result = ok(await ocr.run(job('Chương trình tháng 4.png', SCAN)));
    const ms = Math.round(performance.now() - started);
    expect(result).toMatchObject({ kind: 'png', ocr: true, pages: 1 });
    const measured = overlap(truth, result.parsed);
    console.log(`OCR of the 240-dpi A4 scan (1 page): ${ms} ms; ${JSON.stringify(measured)}`);
    // Measured: 4 of 4 tasks, markers 1-4, no lead (the program names none), all due 2021-04-30. Margin: one task.
    expect(measured.tasks).toBeGreaterThanOrEqual(truth.tasks.length - 1);
    expect(measured.markers).toBeGreaterThanOrEqual(truth.tasks.length - 1);
    expect(measured.leads).toBeGreaterThanOrEqual(truth.tasks.length - 1);
    expect(measured.dueDates).toBeGreaterThanOrEqual(truth.tasks.length - 1);
    expect(result.parsed.period).toEqual(truth.period);
    expect(result.text).toMatch(/Ban Thường vụ Tỉnh (ủy|Ủy)/);
  });

  it('reads a scanned PDF (pages that are images, no text layer) through pdftoppm, the same way', async () => {
    const scanPdf = scannedPdfOf([SCAN]);
    expect(await text.run(job('bản quét.pdf', scanPdf, null))).toEqual({ ok: false, needsOcr: true });
    const started = performance.now();
    const result = ok(await ocr.run(job('bản quét.pdf', scanPdf)));
    const measured = overlap(truth, result.parsed);
    console.log(
      `OCR of the same scan as a PDF (pdftoppm at 300 dpi): ${Math.round(performance.now() - started)} ms; ${JSON.stringify(measured)}`,
    );
    expect(result).toMatchObject({ kind: 'pdf', ocr: true, pages: 1 });
    expect(measured.tasks).toBeGreaterThanOrEqual(truth.tasks.length - 1);
    expect(measured.dueDates).toBeGreaterThanOrEqual(truth.tasks.length - 1);
  });

  it('reads a scanned catalog table into rows: the catalog pages of 07-CTr/TU, printed and scanned', async () => {
    // The PDF's catalog pages (7 to 11) drawn at 300 dpi, then put in a PDF as images only: a scan of a print.
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-test-scan-'));
    let scanPdf: Buffer;
    try {
      execFileSync('pdftoppm', ['-f', '7', '-l', '11', '-r', '300', '-gray', CATALOG_PDF, join(dir, 'p')]);
      const pages = readdirSync(dir)
        .sort()
        .map((f) => pgm(readFileSync(join(dir, f))));
      scanPdf = scannedPdfOf(pages, 300);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const started = performance.now();
    const result = ok(await ocr.run(job('07-CTr-TU bản quét.pdf', scanPdf)));
    const ms = Math.round(performance.now() - started);
    const catalog = parseDirective(CATALOG, { agencies, today: TODAY });
    const measured = overlap(catalog, result.parsed);
    console.log(`OCR of the 5 catalog pages (27 rows): ${ms} ms; ${JSON.stringify(measured)}`);
    expect(result).toMatchObject({ kind: 'pdf', ocr: true, pages: 5 });
    expect(result.text.split('\n').filter((l) => /^\d{2}\t/.test(l))).toHaveLength(27);
    // Measured: 27 rows, markers and leads all equal; 18 of 27 deadlines ("quý II" read as "quý I" and the like).
    expect(measured.tasks).toBe(27);
    expect(measured.markers).toBeGreaterThanOrEqual(25);
    expect(measured.leads).toBeGreaterThanOrEqual(24);
    expect(measured.dueDates).toBeGreaterThanOrEqual(14);
  });

  it('reads the scanned page of a typed PDF by OCR, the typed page from its text', async () => {
    const typed = ['CONG VAN KHAN', 'Trang nay duoc danh may, co lop van ban.'];
    const page = greyPixels(SCAN);
    const top = { ...page, height: 700, pixels: page.pixels.subarray(0, page.width * 700) };
    const mixed = scannedPdfOf([{ typed }, top]);
    expect(await text.run(job('hỗn hợp.pdf', mixed, null))).toEqual({ ok: false, needsOcr: true });
    const result = ok(await ocr.run(job('hỗn hợp.pdf', mixed)));
    expect(result).toMatchObject({ kind: 'pdf', ocr: true, pages: 2 });
    expect(result.text.split('\n').slice(0, 2)).toEqual(typed);
    expect(result.text).toMatch(/chỉ đạo tháng 4-2021/);
    // Without OCR the typed page is still read, the scanned one left out.
    const without = ok(
      await ocr.run(job('hỗn hợp.pdf', mixed, { ...DEFAULT_OCR_PROGRAMS, tesseract: '/nonexistent' })),
    );
    expect(without).toMatchObject({ ocr: false, text: typed.join('\n') });
  });

  it('reads a multi-page TIFF, every page', async () => {
    const page = greyPixels(SCAN);
    const top = { ...page, height: 700, pixels: page.pixels.subarray(0, page.width * 700) };
    const result = ok(await ocr.run(job('scan.tif', greyTiff([top, top]))));
    expect(result).toMatchObject({ kind: 'tiff', ocr: true, pages: 2 });
    expect(result.text.match(/chỉ đạo tháng 4-2021/g)).toHaveLength(2);
  });

  it('kills tesseract when the time budget ends, and removes its files', async () => {
    const hurried = new ImportWorkerPool({ ...OCR_IMPORT_LIMITS, timeBudgetMs: 1500 });
    const dirsBefore = ocrDirs();
    try {
      const result = await hurried.run(job('scan.png', SCAN));
      expect(result).toMatchObject({
        ok: false,
        refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', details: { limit: 'time' } },
      });
    } finally {
      await hurried.close();
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(ocrChildren()).toEqual([]);
    expect(ocrDirs().filter((d) => !dirsBefore.includes(d))).toEqual([]);
  });
});

describe('what OCR refuses', () => {
  const text = new ImportWorkerPool();
  const ocr = new ImportWorkerPool(OCR_IMPORT_LIMITS);
  afterAll(() => Promise.all([text.close(), ocr.close()]));
  const INSTALL = /apt-get install tesseract-ocr tesseract-ocr-vie/;

  it('without tesseract (TESSERACT_PATH to nothing): 503 OCR_UNAVAILABLE saying what to install', async () => {
    const result = await ocr.run(
      job('scan.png', SCAN, { ...DEFAULT_OCR_PROGRAMS, tesseract: '/nonexistent/tesseract' }),
    );
    expect(result).toMatchObject({
      ok: false,
      refusal: { status: 503, code: 'OCR_UNAVAILABLE', details: { missing: 'tesseract-ocr' } },
    });
    expect(!result.ok && !result.needsOcr && result.refusal.message).toMatch(INSTALL);
  });

  it('a scan as PDF without OCR: 422 PDF_HAS_NO_TEXT saying what to install; without pdftoppm too', async () => {
    const scanPdf = scannedPdfOf([SCAN]);
    for (const programs of [
      { ...DEFAULT_OCR_PROGRAMS, tesseract: '/nonexistent/tesseract' },
      { ...DEFAULT_OCR_PROGRAMS, pdftoppm: '/nonexistent/pdftoppm' },
    ]) {
      const result = await ocr.run(job('scan.pdf', scanPdf, programs));
      expect(result).toMatchObject({ ok: false, refusal: { status: 422, code: 'PDF_HAS_NO_TEXT' } });
      expect(!result.ok && !result.needsOcr && result.refusal.message).toMatch(/poppler-utils/);
    }
  });

  it('tesseract without its Vietnamese data: 503 OCR_UNAVAILABLE naming tesseract-ocr-vie', async () => {
    // The real tesseract, configured with a data directory that holds English only (as without tesseract-ocr-vie).
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-tessdata-'));
    symlinkSync('/usr/share/tesseract-ocr/5/tessdata/eng.traineddata', join(dir, 'eng.traineddata'));
    const program = join(dir, 'tesseract-english-only');
    writeFileSync(program, `#!/bin/sh\nexec tesseract --tessdata-dir '${dir}' "$@"\n`, { mode: 0o755 });
    try {
      const result = await ocr.run(job('scan.png', SCAN, { ...DEFAULT_OCR_PROGRAMS, tesseract: program }));
      expect(result).toMatchObject({
        ok: false,
        refusal: { status: 503, code: 'OCR_UNAVAILABLE', details: { missing: 'tesseract-ocr-vie' } },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 500-page PDF with no text: 413 before anything is drawn or read', async () => {
    const result = await text.run(job('500 trang.pdf', blankPdf(500), null));
    expect(result).toMatchObject({
      ok: false,
      refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', details: { limit: 'ocr-pages', maxPages: 30 } },
    });
  });

  it('a 50-megapixel image: 413 from its header, never decoded', async () => {
    // A PNG claiming 10000 × 5000 pixels; its pixel data is a few bytes (an image bomb would inflate to 50 MB).
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(10_000, 0);
    ihdr.writeUInt32BE(5_000, 4);
    ihdr[8] = 8;
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1000))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const result = await text.run(job('lớn.png', bomb, null));
    expect(result).toMatchObject({
      ok: false,
      refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', details: { limit: 'pixels' } },
    });
  });

  it('a TIFF of 31 pages: 413, OCR reads at most 30', async () => {
    const tiny = { width: 8, height: 8, pixels: Buffer.alloc(64, 255) };
    const result = await text.run(job('dài.tiff', greyTiff(Array.from({ length: 31 }, () => tiny)), null));
    expect(result).toMatchObject({ ok: false, refusal: { status: 413, details: { limit: 'ocr-pages' } } });
  });

  it('an image whose extension disagrees, and a blank scan', async () => {
    expect(await text.run(job('ảnh.pdf', SCAN, null))).toMatchObject({
      ok: false,
      refusal: { status: 415, code: 'UNSUPPORTED_FILE_TYPE' },
    });
    const blank = { width: 400, height: 300, pixels: Buffer.alloc(400 * 300, 255) };
    expect(await ocr.run(job('trắng.tif', greyTiff([blank])))).toMatchObject({
      ok: false,
      refusal: { status: 400, code: 'EMPTY_DOCUMENT' },
    });
    expect(await ocr.run(job('trắng.pdf', blankPdf(1)))).toMatchObject({
      ok: false,
      refusal: { status: 422, code: 'PDF_HAS_NO_TEXT' },
    });
  });

  it('a Word 97-2003 .doc: 415 asking to save it as .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const result = await text.run(job('cũ.doc', ole, null));
    expect(result).toMatchObject({ ok: false, refusal: { status: 415, code: 'UNSUPPORTED_FILE_TYPE' } });
    expect(!result.ok && !result.needsOcr && result.refusal.message).toMatch(/lưu lại thành \.docx.*save it as \.docx/);
  });
});
