import 'reflect-metadata';
import { workerConfigFromEnv } from './config/worker-config.js';
import { startWorker } from './bootstrap.js';
import { startHealthServer } from './health/health.server.js';

async function main(): Promise<void> {
  const config = workerConfigFromEnv(process.env);
  const worker = await startWorker(config);
  const health = config.healthPort !== undefined ? await startHealthServer(worker, config.healthPort) : undefined;
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: 'Escalation worker running' })}\n`);
  let closing = false;
  // Active jobs finish (BullMQ's close waits for them); unfinished ones are handed back by their lock expiring.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: `${signal}: stopping the worker` })}\n`);
    health?.close();
    await worker.close();
    process.exit(0);
  };
  // `on`, not `once`: signal-exit (pino's dependency) re-raises a signal that no listener is left for.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
