import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './import-job.js';

/**
 * The import worker thread: reads untrusted documents and parses directives away from the API's event loop, under
 * the memory limit and time budget `ImportWorkerPool` gives it. One job at a time; the pool reuses the thread.
 * The processes OCR starts and its temporary directory are reported as they come, so that the pool can kill and
 * remove them if it has to end the thread (a thread's end does not end the processes it started).
 */
parentPort?.on('message', (message: { id: number; job: ImportJob; deadline: number }) => {
  const { id } = message;
  runImportJob(message.job, {
    deadline: message.deadline,
    onChild: (pid) => parentPort?.postMessage({ id, child: pid }),
    onChildExit: (pid) => parentPort?.postMessage({ id, childExit: pid }),
    onTempDir: (dir) => parentPort?.postMessage({ id, tempDir: dir }),
  }).then(
    (result) => parentPort?.postMessage({ id, result }),
    (err: unknown) => parentPort?.postMessage({ id, crash: String((err as Error)?.stack ?? err) }),
  );
});
