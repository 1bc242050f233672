import { SCOPED_ROLE } from '@dondoc/persistence';
import type { Actor } from '@dondoc/workflow';
import type { EntityManager } from 'typeorm';
import { isTop } from './task-scope.js';

/**
 * Takes the row-security role for the rest of the transaction, with the reader's committee: from here on
 * PostgreSQL itself shows only the tasks and directives of that committee's line (migration 1734500000000),
 * whatever the query says. One statement; `set_config(..., true)` ends with the transaction.
 */
export const ROW_SECURITY_SQL = `SELECT set_config('role', $1, true), set_config('dondoc.org_path', $2, true),
  set_config('dondoc.org_agency', $3, true)`;

export function rowSecurityParams(actor: Actor): string[] {
  return [SCOPED_ROLE, actor.organisationPath ?? '', actor.organisationAgencyId ?? ''];
}

/**
 * Whether a reader's task reads run under row security: everyone of a committee below the top. The top's
 * people read the whole province, which the policy would not narrow, so they pay nothing for it.
 */
export function underRowSecurity(actor: Actor): boolean {
  return !!actor.organisationPath && !isTop(actor);
}

/**
 * `read` under row security for a reader below the top: in a transaction of its own, or inside the caller's,
 * taking the role for the read only and giving it back before the caller writes (the writer writes as the owner).
 * For anyone else, `read` as it is.
 */
export async function readUnderRowSecurity<T>(
  actor: Actor,
  db: { transaction<R>(run: (m: EntityManager) => Promise<R>): Promise<R>; manager: EntityManager },
  manager: EntityManager | undefined,
  read: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (!underRowSecurity(actor)) return read(manager ?? db.manager);
  if (!manager?.queryRunner?.isTransactionActive) {
    return db.transaction(async (m) => {
      await m.query(ROW_SECURITY_SQL, rowSecurityParams(actor));
      return read(m);
    });
  }
  await manager.query(ROW_SECURITY_SQL, rowSecurityParams(actor));
  const result = await read(manager);
  // Not in a `finally`: after a failed read the transaction is aborted and rolls the role back with it.
  await manager.query(`RESET ROLE`);
  return result;
}
