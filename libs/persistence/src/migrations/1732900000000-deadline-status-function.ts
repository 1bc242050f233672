import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline status in PostgreSQL, once: `dondoc_deadline_status` is `deadlineStatus()` of libs/workflow
 * (test/e2e/deadline-status.e2e-spec.ts checks the two agree), and every query that needs a status calls it
 * (build the call with `deadlineStatusCall` from libs/persistence/src/deadline-status.sql.ts).
 *
 * Both are plain SQL expressions marked IMMUTABLE, so PostgreSQL inlines them into the calling query: no
 * function-call cost per row, and an index on the expression stays possible.
 */
export class DeadlineStatusFunction1732900000000 implements MigrationInterface {
  name = 'DeadlineStatusFunction1732900000000';

  async up(q: QueryRunner): Promise<void> {
    // Asia/Ho_Chi_Minh has kept UTC+7 since 1975; the fixed offset is what libs/workflow's localDate uses,
    // so the two agree on every instant, and it needs no time-zone database.
    await q.query(`
      CREATE FUNCTION dondoc_local_day(at timestamptz) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (at AT TIME ZONE INTERVAL '+07:00')::date`);
    await q.query(`
      COMMENT ON FUNCTION dondoc_local_day(timestamptz) IS
        'The calendar date of an instant in Asia/Ho_Chi_Minh (UTC+7), as localDate() in libs/workflow'`);
    // done_day: the local day the work was approved (dondoc_local_day(completed_at)), NULL if unknown, in
    // which case today counts, as deadlineStatus() counts now. today must not be NULL.
    await q.query(`
      CREATE FUNCTION dondoc_deadline_status(state text, due_date date, done_day date, today date, due_soon_days int)
      RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN CASE
        WHEN due_date IS NULL OR state = 'cancelled' THEN NULL
        WHEN state = 'approved' THEN CASE WHEN COALESCE(done_day, today) <= due_date THEN 'on_time' ELSE 'late' END
        WHEN today > due_date THEN 'overdue'
        WHEN due_date - today <= due_soon_days THEN 'due_soon'
        ELSE 'not_due'
      END`);
    await q.query(`
      COMMENT ON FUNCTION dondoc_deadline_status(text, date, date, date, int) IS
        'deadlineStatus() of libs/workflow: NULL, on_time, late, overdue, due_soon or not_due'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS dondoc_deadline_status(text, date, date, date, int)`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_local_day(timestamptz)`);
  }
}
