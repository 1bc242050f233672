import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './import-job.js';

/**
 * The import worker thread: reads untrusted documents and parses directives away from the API's event loop, under
 * the memory limit and time budget `ImportWorkerPool` gives it. One job at a time; the pool reuses the thread.
 */
parentPort?.on('message', (message: { id: number; job: ImportJob }) => {
  runImportJob(message.job).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (err: unknown) => parentPort?.postMessage({ id: message.id, crash: String((err as Error)?.stack ?? err) }),
  );
});
