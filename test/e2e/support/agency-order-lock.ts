import type pg from 'pg';

/** The official order of agencies is one setting for the whole test database. */
const ORDER_LOCK = 7_415_002;

/**
 * Runs `fn` under the PostgreSQL advisory lock of the official order of agencies, shared by every suite
 * running at the same time: `set` (exclusive) for a test that sets an order, which is put back (no places)
 * before the lock goes; `read` (shared) for a test that reads lists in order.
 */
export async function withAgencyOrderLock<T>(db: pg.Pool, mode: 'set' | 'read', fn: () => Promise<T>): Promise<T> {
  const c = await db.connect();
  const [lock, unlock] =
    mode === 'set'
      ? ['pg_advisory_lock', 'pg_advisory_unlock']
      : ['pg_advisory_lock_shared', 'pg_advisory_unlock_shared'];
  try {
    await c.query(`SELECT ${lock}($1)`, [ORDER_LOCK]);
    try {
      return await fn();
    } finally {
      if (mode === 'set') await c.query(`UPDATE agencies SET sort_order = NULL WHERE sort_order IS NOT NULL`);
      await c.query(`SELECT ${unlock}($1)`, [ORDER_LOCK]);
    }
  } finally {
    c.release();
  }
}
