import pg from 'pg';

/**
 * A pg client that never crashes the process. pg-pool detaches its error listener from a client while
 * it is lent out, and TypeORM adds none: a connection killed by PostgreSQL at that moment (restart,
 * failover, `pg_terminate_backend`, `idle_session_timeout`) would emit an unhandled 'error' and take the
 * process down. The query in flight still fails, and the pool discards the broken client on release.
 */
export class ResilientPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
