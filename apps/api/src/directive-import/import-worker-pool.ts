import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ImportJob, ImportJobResult } from './import-job.js';

/**
 * Directive imports run in worker threads (issue 13): a hostile or merely huge document may exhaust the worker's
 * memory or time, never the API's, and while a long import runs the API keeps answering (health probes included).
 */
export interface ImportLimits {
  /** The worker's V8 old generation; beyond it the worker dies with ERR_WORKER_OUT_OF_MEMORY, the API does not. */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  /** From the job's start to its answer; beyond it the worker is terminated. */
  timeBudgetMs: number;
  /** Threads reading at once (the machine's cores are shared with the API). */
  maxWorkers: number;
  /** Imports waiting for a thread; beyond it a 503. */
  maxQueued: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  timeBudgetMs: 30_000,
  maxWorkers: 2,
  maxQueued: 16,
};

/**
 * Scans and images, read by OCR (tesseract, 2 to 5 seconds a page here, up to 30 pages): their own threads, so a
 * long OCR never holds up the import of a typed document; one at a time, as tesseract takes a core while it runs.
 */
export const OCR_IMPORT_LIMITS: ImportLimits = {
  ...DEFAULT_IMPORT_LIMITS,
  timeBudgetMs: 180_000,
  maxWorkers: 1,
  maxQueued: 4,
};

type Refusal = Extract<ImportJobResult, { ok: false }>;

function tooLarge(limit: 'memory' | 'time', limits: ImportLimits): Refusal {
  const message =
    limit === 'memory'
      ? `Văn bản quá lớn hoặc quá phức tạp để đọc (vượt giới hạn ${limits.maxOldGenerationSizeMb} MB bộ nhớ); hãy chia nhỏ văn bản / ` +
        `The document is too large or too complex to read (over the ${limits.maxOldGenerationSizeMb} MB memory limit); split it`
      : `Đọc văn bản quá ${Math.round(limits.timeBudgetMs / 1000)} giây nên đã dừng; hãy chia nhỏ văn bản / ` +
        `Reading the document took over ${Math.round(limits.timeBudgetMs / 1000)} s and was stopped; split it`;
  const details =
    limit === 'memory' ? { limit, maxMb: limits.maxOldGenerationSizeMb } : { limit, maxMs: limits.timeBudgetMs };
  return { ok: false, refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', message, details } };
}

/**
 * Under Jest the code runs from TypeScript source as CommonJS (DESIGN.md §5), where no `import-worker.js` exists:
 * the worker then starts from this bootstrap, which compiles our TypeScript with swc as it is required and maps
 * `@dondoc/*` and `./x.js` the way jest.config.js does. Built code (`apps/api/dist`, ESM) starts the worker file.
 */
const SOURCE_BOOTSTRAP = `
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swc);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const lib = /^@dondoc\\/(workflow|contracts|persistence|directive-parser)$/.exec(request);
  if (lib) return path.join(workerData.libs, lib[1], 'src', 'index.ts');
  if (/^\\.{1,2}\\//.test(request) && request.endsWith('.js') && parent && /\\.ts$/.test(parent.filename || '')) {
    const ts = path.resolve(path.dirname(parent.filename), request.slice(0, -3) + '.ts');
    if (fs.existsSync(ts)) return ts;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;

function workerStart(): { filename: string | URL; options: WorkerOptions } {
  const built = new URL('./import-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return { filename: built, options: {} };
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    filename: SOURCE_BOOTSTRAP,
    options: {
      eval: true,
      workerData: {
        entry: join(here, 'import-worker.ts'),
        libs: resolve(here, '../../../../libs'),
        swc: require.resolve('@swc/core'),
      },
    },
  };
}

interface WorkerMessage {
  id: number;
  result?: ImportJobResult;
  crash?: string;
  /** A process OCR started, or ended; the temporary directory it works in. */
  child?: number;
  childExit?: number;
  tempDir?: string;
}

interface Waiter {
  resolve: (worker: Worker) => void;
  reject: (err: Error) => void;
}

export class ImportWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Waiter[] = [];
  private workers = 0;
  /** Each job in progress: what kills its processes and removes its files. */
  private readonly running = new Set<() => void>();
  private nextId = 1;
  private closed = false;

  constructor(readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {}

  /** Runs one import in a worker thread; limits exceeded come back as a 413 refusal, never as a crash. */
  async run(job: ImportJob): Promise<ImportJobResult> {
    const worker = await this.acquire();
    return new Promise<ImportJobResult>((resolveJob, rejectJob) => {
      const id = this.nextId++;
      let settled = false;
      // What the job started outside the thread (OCR's processes, their directory): ending the thread ends neither.
      const children = new Set<number>();
      const dirs = new Set<string>();
      const cleanUp = () => {
        for (const pid of children) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // Already ended.
          }
        }
        for (const dir of dirs) void rm(dir, { recursive: true, force: true }).catch(() => undefined);
      };
      this.running.add(cleanUp);
      const finish = (keep: boolean, settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(cleanUp);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!keep) cleanUp();
        if (keep) this.release(worker);
        else this.discard(worker);
        settle();
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.id !== id) return;
        if (m.child !== undefined) return void children.add(m.child);
        if (m.childExit !== undefined) return void children.delete(m.childExit);
        if (m.tempDir !== undefined) return void dirs.add(m.tempDir);
        if (m.result) finish(true, () => resolveJob(m.result!));
        else finish(false, () => rejectJob(new Error(`import worker failed: ${m.crash}`)));
      };
      const onError = (err: Error & { code?: string }) =>
        finish(false, () =>
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolveJob(tooLarge('memory', this.limits)) : rejectJob(err),
        );
      const onExit = (code: number) =>
        finish(false, () => rejectJob(new Error(`import worker exited with code ${code}`)));
      const timer = setTimeout(
        () => finish(false, () => resolveJob(tooLarge('time', this.limits))),
        this.limits.timeBudgetMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job, deadline: Date.now() + this.limits.timeBudgetMs });
    });
  }

  /** Stops every thread (application shutdown); waiting imports fail, running ones' processes are killed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const cleanUp of this.running) cleanUp();
    for (const w of this.waiting.splice(0)) w.reject(new Error('import workers closed'));
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const { filename, options } = workerStart();
    const worker = new Worker(filename, {
      ...options,
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: this.limits.maxYoungGenerationSizeMb,
      },
      stdout: false,
      stderr: false,
    });
    // An idle thread never keeps the process alive; a stray error while idle only retires it.
    worker.on('error', () => undefined);
    this.workers++;
    return worker;
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('import workers closed'));
    const idle = this.idle.pop();
    if (idle) {
      idle.ref();
      return Promise.resolve(idle);
    }
    if (this.workers < this.limits.maxWorkers) return Promise.resolve(this.spawn());
    if (this.waiting.length >= this.limits.maxQueued) return Promise.reject(new ImportPoolBusy());
    return new Promise((resolveWorker, reject) => this.waiting.push({ resolve: resolveWorker, reject }));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) return next.resolve(worker);
    if (this.closed) {
      this.workers--;
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  private discard(worker: Worker): void {
    this.workers--;
    void worker.terminate();
    const next = this.waiting.shift();
    if (next && !this.closed) next.resolve(this.spawn());
  }
}

/** Every import thread is busy and the queue is full. */
export class ImportPoolBusy extends Error {
  constructor() {
    super(
      'Đang có nhiều văn bản được nhập cùng lúc; hãy thử lại sau ít phút / Too many imports at once; try again in a minute',
    );
  }
}
