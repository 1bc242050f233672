import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportRefusal } from './import-refusal.js';
import { layoutText, type LayoutLine, type LayoutPage, type TextRun } from './pdf-layout.js';

// Runs in the import worker thread. Scans are read by Debian's `tesseract` (tesseract-ocr, with the Vietnamese
// data of tesseract-ocr-vie), PDF pages drawn as images by poppler's `pdftoppm` first: child processes, no shell,
// each with a timeout ending with the import's time budget, a cap on what it may print, a low CPU priority (the
// API shares the machine), its pid handed to the pool (which kills it if it ends the thread), its files in a
// private temporary directory removed afterwards.

/** The programs, as configured (`TESSERACT_PATH`, `PDFTOPPM_PATH`; by default found on PATH). */
export interface OcrPrograms {
  tesseract: string;
  pdftoppm: string;
}

export const DEFAULT_OCR_PROGRAMS: OcrPrograms = { tesseract: 'tesseract', pdftoppm: 'pdftoppm' };

/** What one OCR run may use, and whom it tells about what it starts. */
export interface OcrContext {
  programs: OcrPrograms;
  /** When the import's time budget ends (epoch ms); every child process is killed by then. */
  deadline: number;
  /** Told the pid of each child process as it starts and ends (the pool kills those running if it ends the thread). */
  onChild?: (pid: number) => void;
  onChildExit?: (pid: number) => void;
  /** Told the private temporary directory (the pool removes it if it has to end the thread). */
  onTempDir?: (dir: string) => void;
}

/** Scanned PDF pages read at most: beyond, the import is refused (reading one takes seconds). */
export const MAX_OCR_PAGES = 30;
/** Pixels of one image or rendered page at most (an A4 page at 300 dpi is 8.7 million). */
export const MAX_OCR_PIXELS = 40_000_000;
/** Rendering resolution of scanned PDF pages: what tesseract reads best. */
export const OCR_DPI = 300;
/** TSV tesseract may print for one page (a dense page is about 200 KB). */
const MAX_TSV_BYTES = 8 * 1024 * 1024;
/** Page segmentation: one column of text of varying sizes keeps a table's row on one line. */
const PSM = '4';

const INSTALL =
  'apt-get install tesseract-ocr tesseract-ocr-vie (và poppler-utils cho PDF bản quét / and poppler-utils for scanned PDFs)';

export function ocrUnavailable(missing: string): ImportRefusal {
  return new ImportRefusal(
    503,
    'OCR_UNAVAILABLE',
    `Máy chủ chưa cài chương trình nhận dạng chữ (OCR) nên chưa đọc được văn bản quét hoặc ảnh; quản trị viên cần cài: ${INSTALL}. ` +
      `/ The server cannot read scans or images: OCR is not installed (${missing}); an administrator must install: ${INSTALL}.`,
    { missing },
  );
}

function outOfTime(): ImportRefusal {
  return new ImportRefusal(
    413,
    'PAYLOAD_TOO_LARGE',
    'Nhận dạng chữ (OCR) bản quét quá thời gian cho phép nên đã dừng; hãy chia nhỏ văn bản / ' +
      'Reading the scan (OCR) took longer than allowed and was stopped; split the document',
    { limit: 'time' },
  );
}

/** Only what the programs need: no secrets of the API's environment; OpenMP kept to one thread (3× faster here). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', OMP_THREAD_LIMIT: '1' };
  if (process.env.TESSDATA_PREFIX) env.TESSDATA_PREFIX = process.env.TESSDATA_PREFIX;
  return env;
}

interface ChildResult {
  stdout: string;
  stderr: string;
}

class ChildFailed extends Error {
  constructor(
    readonly reason: 'missing' | 'time' | 'output' | 'failed',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Runs a program (no shell) and collects its output; rejects with why it failed. */
function run(
  program: string,
  args: string[],
  ctx: Pick<OcrContext, 'deadline' | 'onChild' | 'onChildExit'>,
  opts: { maxBytes: number; timeoutMs?: number },
): Promise<ChildResult> {
  const left = ctx.deadline - Date.now() - 250;
  if (left <= 0) return Promise.reject(new ChildFailed('time', program));
  const timeout = Math.max(1, Math.min(left, opts.timeoutMs ?? left));
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      args,
      {
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBytes,
        env: childEnv(),
        encoding: 'utf8',
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (child.pid !== undefined) ctx.onChildExit?.(child.pid);
        if (!err) return resolve({ stdout, stderr });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        if (e.code === 'ENOENT' || e.code === 'EACCES') reject(new ChildFailed('missing', program));
        else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') reject(new ChildFailed('output', program));
        else if (e.killed || e.signal === 'SIGKILL') reject(new ChildFailed('time', program));
        else reject(new ChildFailed('failed', `${program}: ${String(stderr || e.message).slice(0, 300)}`));
      },
    );
    if (child.pid !== undefined) {
      ctx.onChild?.(child.pid);
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not allowed to lower it here: it still ends with the budget.
      }
    }
  });
}

export interface OcrStatus {
  /** What is missing, as an administrator would install it; null when everything is there. */
  missing: string | null;
  /** Whether scanned PDFs can be read too (pdftoppm). */
  pdf: boolean;
}

const statusCache = new Map<string, { at: number; status: Promise<OcrStatus> }>();
/** A missing program is looked for again after this long (it may have been installed meanwhile). */
const RECHECK_MISSING_MS = 60_000;

/**
 * Whether tesseract with its Vietnamese data (and pdftoppm) can run, asked once per thread and programs
 * (`tesseract --list-langs`, `pdftoppm -v`); a negative answer is asked again after a minute.
 */
export function ocrStatus(programs: OcrPrograms): Promise<OcrStatus> {
  const key = `${programs.tesseract}\u0000${programs.pdftoppm}`;
  const cached = statusCache.get(key);
  if (cached) return cached.status;
  const status = (async (): Promise<OcrStatus> => {
    const ctx = { deadline: Date.now() + 15_000 };
    let langs: string[];
    try {
      const { stdout } = await run(programs.tesseract, ['--list-langs'], ctx, { maxBytes: 64 * 1024 });
      langs = stdout.split('\n').map((l) => l.trim());
    } catch {
      return { missing: 'tesseract-ocr', pdf: false };
    }
    if (!langs.includes('vie')) return { missing: 'tesseract-ocr-vie', pdf: false };
    const pdf = await run(programs.pdftoppm, ['-v'], ctx, { maxBytes: 64 * 1024 }).then(
      () => true,
      () => false,
    );
    return { missing: null, pdf };
  })();
  statusCache.set(key, { at: Date.now(), status });
  void status.then((s) => {
    if (s.missing || !s.pdf) setTimeout(() => statusCache.delete(key), RECHECK_MISSING_MS).unref?.();
  });
  return status;
}

/** Tesseract's TSV words: tab-separated `level page block par line word left top width height conf text`. */
interface Word {
  page: number;
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

/** A word that is only a speck: no letter or digit, and not a list dash (wider than tall) or a bracket. */
function isSpeck(w: Pick<Word, 'text' | 'width' | 'height'>): boolean {
  if (/[\p{L}\p{N}]/u.test(w.text)) return false;
  if (/^[-–—+•*]$/.test(w.text)) return w.width <= 1.3 * w.height;
  return !/^[()“"”…]+$/.test(w.text);
}

/** Tesseract's TSV → laid-out pages, its own lines kept (they follow a slightly turned scan), specks dropped. */
export function tsvPages(tsv: string): LayoutPage[] {
  const widths = new Map<number, number>();
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || !/^\d+$/.test(f[0])) continue;
    const [level, page, block, par, line, , left, top, width, height, conf] = f.slice(0, 11).map(Number);
    if (level === 1) widths.set(page, width);
    if (level !== 5) continue;
    const text = f.slice(11).join('\t').trim();
    if (!text || conf < 0 || isSpeck({ text, width, height })) continue;
    const key = `${page}.${block}.${par}.${line}`;
    const word: Word = { page, line: key, left, top, width, height, conf, text };
    (lines.get(key) ?? lines.set(key, []).get(key)!).push(word);
  }
  const pages = new Map<number, LayoutLine[]>();
  for (const all of lines.values()) {
    const size = [...all.map((w) => w.height)].sort((a, b) => a - b)[Math.floor(all.length / 2)];
    // A speck read as a letter or two: much smaller than the line's words, and doubtful.
    const words = all.filter((w) => !(w.height < 0.6 * size && w.conf < 60 && w.text.length <= 2));
    if (!words.length) continue;
    words.sort((a, b) => a.left - b.left);
    const found: Array<TextRun & { conf: number[] }> = [];
    for (const w of words) {
      const last = found.at(-1);
      // Words' boxes are tight to the ink: a space between words is up to about 0.55 of a text's height.
      if (last && w.left - last.end <= 0.8 * size) {
        last.text += ` ${w.text}`;
        last.end = w.left + w.width;
        last.conf.push(w.conf);
      } else found.push({ text: w.text, x: w.left, end: w.left + w.width, conf: [w.conf] });
    }
    // Words tesseract itself doubts throughout (a stamp's smudged lines, handwriting, dust): not the document's
    // text. A number stays (a table's index is often read with a speck and a low confidence).
    const runs: TextRun[] = found
      .filter((r) => r.conf.reduce((a, b) => a + b, 0) / r.conf.length >= 50 || !/\p{L}/u.test(r.text))
      .map(({ text, x, end }) => ({ text, x, end }));
    if (!runs.length) continue;
    // Dust before the first word: "..1," → "1,"; a numbered item read as "2," → "2." before a capital.
    // A table's index read with a speck after it: "02_" → "02", "3," → "3.".
    runs[0].text = runs[0].text
      .replace(/^[^\p{L}\p{N}(“"'‘-]+(?=[\p{L}\p{N}])/u, '')
      .replace(/^(\d{1,2}),(?=\s\p{Lu})/u, '$1.')
      .replace(/^(\d{1,3})[_'"`’‘|]+$/u, '$1')
      .replace(/^(\d{1,3}),$/u, '$1.');
    const page = words[0].page;
    const top = Math.min(...words.map((w) => w.top));
    const bottom = Math.max(...words.map((w) => w.top + w.height));
    (pages.get(page) ?? pages.set(page, []).get(page)!).push({ top, bottom, size, runs });
  }
  return [...pages.keys()]
    .sort((a, b) => a - b)
    .map((p) => ({ width: widths.get(p) ?? 0, lines: pages.get(p)!.sort((a, b) => a.top - b.top) }));
}

async function withTempDir<T>(ctx: OcrContext, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dondoc-ocr-'));
  ctx.onTempDir?.(dir);
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function childRefusal(err: unknown, programs: OcrPrograms): never {
  if (!(err instanceof ChildFailed)) throw err;
  if (err.reason === 'missing') {
    throw ocrUnavailable(err.detail === programs.pdftoppm ? 'poppler-utils' : 'tesseract-ocr');
  }
  if (err.reason === 'time') throw outOfTime();
  if (err.reason === 'output') {
    throw new ImportRefusal(
      413,
      'PAYLOAD_TOO_LARGE',
      'Bản quét có quá nhiều chữ để đọc; hãy chia nhỏ văn bản / The scan holds too much text to read; split it',
      { limit: 'ocr-output' },
    );
  }
  throw new ImportRefusal(
    415,
    'UNSUPPORTED_FILE_TYPE',
    'Không nhận dạng được chữ trong tệp này (ảnh hỏng hoặc không đọc được) / This file could not be read by OCR (damaged or unreadable image)',
  );
}

/** Reads one image file (PNG, JPEG, TIFF: every page of a multi-page TIFF) with tesseract. */
export async function ocrImageFile(path: string, ctx: OcrContext): Promise<LayoutPage[]> {
  try {
    const { stdout } = await run(
      ctx.programs.tesseract,
      [path, 'stdout', '-l', 'vie', '--psm', PSM, '-c', 'textord_heavy_nr=1', 'tsv'],
      ctx,
      { maxBytes: MAX_TSV_BYTES },
    );
    return tsvPages(stdout);
  } catch (err) {
    return childRefusal(err, ctx.programs);
  }
}

export interface OcrResult {
  text: string;
  pages: number;
}

async function readable(ctx: OcrContext, needPdf: boolean): Promise<void> {
  const status = await ocrStatus(ctx.programs);
  if (status.missing) throw ocrUnavailable(status.missing);
  if (needPdf && !status.pdf) throw ocrUnavailable('poppler-utils');
}

/** The text of an uploaded image (already checked: kind, size in pixels, page count), read by OCR. */
export async function ocrImage(image: Buffer, extension: string, ctx: OcrContext): Promise<OcrResult> {
  await readable(ctx, false);
  return withTempDir(ctx, async (dir) => {
    const path = join(dir, `scan.${extension}`);
    await writeFile(path, image, { mode: 0o600 });
    const pages = await ocrImageFile(path, ctx);
    return { text: layoutText(pages), pages: Math.max(1, pages.length) };
  });
}

/** Page sizes in PDF points (1/72 inch), to choose each page's resolution within `MAX_OCR_PIXELS`. */
export interface PdfPageSize {
  number: number;
  width: number;
  height: number;
}

/** The resolution a page is drawn at: 300 dpi, less for a page so large that it would exceed the pixel cap. */
export function renderDpi(page: PdfPageSize): number {
  const inches = (page.width / 72) * (page.height / 72);
  const fit = Math.floor(Math.sqrt(MAX_OCR_PIXELS / Math.max(inches, 1e-6)));
  return Math.max(36, Math.min(OCR_DPI, fit));
}

/**
 * Scanned PDF pages: each drawn in grey by pdftoppm, then read by tesseract. One laid-out page per page asked
 * for, in order (null where nothing was drawn or read).
 */
export async function ocrPdfPages(
  pdf: Buffer,
  pages: PdfPageSize[],
  ctx: OcrContext,
): Promise<Array<LayoutPage | null>> {
  await readable(ctx, true);
  return withTempDir(ctx, async (dir) => {
    const source = join(dir, 'scan.pdf');
    await writeFile(source, pdf, { mode: 0o600 });
    const out: Array<LayoutPage | null> = [];
    for (const page of pages) {
      const name = `page-${page.number}`;
      const n = String(page.number);
      try {
        await run(
          ctx.programs.pdftoppm,
          ['-f', n, '-l', n, '-r', String(renderDpi(page)), '-gray', '-png', '-singlefile', source, join(dir, name)],
          ctx,
          { maxBytes: 64 * 1024 },
        );
      } catch (err) {
        return childRefusal(err, ctx.programs);
      }
      if (!(await readdir(dir)).includes(`${name}.png`)) {
        out.push(null);
        continue;
      }
      const read = await ocrImageFile(join(dir, `${name}.png`), ctx);
      out.push(read.length ? { width: read[0].width, lines: read.flatMap((p) => p.lines) } : null);
      await rm(join(dir, `${name}.png`), { force: true });
    }
    return out;
  });
}
