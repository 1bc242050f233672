import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createApp } from './bootstrap.js';
import { buildConfig, ConfigError, parseEnv } from './config/app-config.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './runtime/embedded-database.js';
import { runMigrations } from './runtime/migrate.js';
import { prettyLogs } from './runtime/logging.js';
import { ShutdownState } from './runtime/shutdown-state.js';
import { portFree, portTaken, StartupError } from './runtime/startup-error.js';
import { localFileKey, localJwtSecret } from './runtime/secrets.js';
import { seedDemoProvince } from './seed/demo-seed.js';
import { reencryptStoredFiles } from './submissions/reencrypt-files.js';

// On a terminal, lines like pino-pretty's; JSON otherwise (runtime/logging.ts).
const pretty = prettyLogs();
const log = (msg: string) =>
  process.stdout.write(
    pretty
      ? `[${new Date().toTimeString().slice(0, 8)}] INFO: ${msg}\n`
      : `${JSON.stringify({ level: 30, time: Date.now(), msg })}\n`,
  );

async function main(): Promise<void> {
  // A local .env is a convenience for development; real deployments set the environment.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const command = process.argv[2] ?? 'serve';
  const raw = parseEnv(process.env);
  // First of all (before the database, migrations, seed and Nest): a taken port is one sentence.
  if (command === 'serve' && raw.PORT !== 0 && !(await portFree(raw.PORT, raw.HOST)))
    throw portTaken(raw.PORT, raw.HOST);
  let embedded: EmbeddedDatabase | undefined;
  const databaseUrl = raw.DATABASE_URL ?? (embedded = await startEmbeddedDatabase(raw.DATA_DIR, log)).url;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
  };

  try {
    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');
    if (command === 'migrate') {
      await stopEmbedded();
      return;
    }
    const jwtSecret = raw.JWT_SECRET ?? (await localJwtSecret(raw.DATA_DIR));
    // Without FILE_ENCRYPTION_KEYS (never in production) files of classified tasks are sealed with a key kept
    // under DATA_DIR.
    const localKey = raw.FILE_ENCRYPTION_KEYS ? undefined : await localFileKey(raw.DATA_DIR);
    const config = buildConfig(raw, { databaseUrl, jwtSecret, embedded: Boolean(embedded), localFileKey: localKey });
    if (command === 'files:reencrypt') {
      const report = await reencryptStoredFiles(config);
      for (const f of report.failed) log(`Not re-encrypted: ${f.table} ${f.id}: ${f.reason}`);
      log(
        `Files: ${report.sealed} sealed, ${report.resealed} moved to key "${config.fileKeys.currentKeyId}", ` +
          `${report.failed.length} failed`,
      );
      await stopEmbedded();
      if (report.failed.length) process.exitCode = 1;
      return;
    }
    if (config.seedDemo || command === 'seed') {
      const seeded = await seedDemoProvince(databaseUrl, {
        password: config.demoPassword,
        now: new Date(),
        calendar: config.calendar,
      });
      log(
        seeded
          ? `Seeded the demo province (${seeded.tasks} tasks, ${seeded.users} accounts)`
          : 'Demo data already present',
      );
      if (command === 'seed') {
        await stopEmbedded();
        return;
      }
    }
    const app = await createApp(config);
    // Drain (readiness 503, Connection: close), then close: the listener stops accepting, requests in
    // flight finish, the pools close; the embedded server stops last.
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      log(`${signal}: draining for ${config.shutdownDrainMs} ms, then closing`);
      app.get(ShutdownState).begin();
      await new Promise((r) => setTimeout(r, config.shutdownDrainMs));
      await app.close();
      await stopEmbedded();
      log('Stopped');
      process.exit(0);
    };
    // `on`, not `once`: signal-exit (pino's dependency) re-raises a signal that no listener is left for.
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen(config.port, config.host).catch((err: unknown) => {
      // Taken between the check and now.
      throw (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? portTaken(config.port, config.host) : err;
    });
    log(`Đôn Đốc is ready at http://localhost:${config.port} (API at /api, docs at /api/docs)`);
  } catch (err) {
    await stopEmbedded();
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
