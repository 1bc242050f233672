import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What test/bench/scale.mjs (1,000,000 tasks, 10,000,000 history rows) found reading whole tables on every
 * request:
 *
 * - `tasks_original_due_idx`: every report asks for the earliest deadline any task has or had
 *   (`ReportsRepository.earliestDeadline`, the span of the working calendar it reads). `min(due_date)` already
 *   reads the board's index; `min(original_due_date)` read the whole table (1.0-1.5 s). Only extended tasks
 *   have one.
 * - `task_events_extended_idx`: which tasks were ever granted an extension ("extended" in every live report).
 *   They were found through the index of all reassignments and grants by time, then each row read from the
 *   history table (3.5 s); now from this index alone (40 ms).
 * - `task_events_key_set_idx`: the PEOPLE_SET rows that set or cleared a key task (`data ? 'isKey'`), from
 *   which a report as of a past day tells which tasks were key tasks then; it read the whole history table,
 *   twice (the last such row before the day, the first after it).
 * - `jit = off` for this database: PostgreSQL compiled the board's and the list's queries (planned as costly:
 *   thousands of rows, a subquery per card) with LLVM before running them, 1.5-2.1 s of a 4-5 s board read;
 *   the reports already turned it off for each statement for the same reason. A database setting, so it holds
 *   behind a connection pooler too; left as it is where the migrating user may not change it.
 */
export class ScaleIndexes1733800000000 implements MigrationInterface {
  name = 'ScaleIndexes1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tasks_original_due_idx ON tasks (original_due_date) WHERE original_due_date IS NOT NULL`,
    );
    await q.query(`CREATE INDEX task_events_extended_idx ON task_events (task_id) WHERE event = 'EXTENSION_GRANTED'`);
    await q.query(
      `CREATE INDEX task_events_key_set_idx ON task_events (task_id, at DESC, id DESC) INCLUDE (data)
        WHERE event = 'PEOPLE_SET' AND data ? 'isKey'`,
    );
    await q.query(jitSetting('SET jit = off'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(jitSetting('RESET jit'));
    await q.query(`DROP INDEX IF EXISTS task_events_key_set_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_extended_idx`);
    await q.query(`DROP INDEX IF EXISTS tasks_original_due_idx`);
  }
}

/** `ALTER DATABASE <this one> <setting>`, or a notice when the migrating user does not own the database. */
function jitSetting(setting: string): string {
  return `DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I ${setting}', current_database());
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'jit left as it is: only the owner of the database may change its settings';
  END $$`;
}
