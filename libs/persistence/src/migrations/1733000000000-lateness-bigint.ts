import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How late an action fired, in milliseconds, no longer fits 32 bits past ~24.9 days: assigning a task
 * already weeks overdue made every rung of its ladder fail ("integer out of range") and become an incident.
 */
export class LatenessBigint1733000000000 implements MigrationInterface {
  name = 'LatenessBigint1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheduled_actions ALTER COLUMN lateness_ms TYPE bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE scheduled_actions ALTER COLUMN lateness_ms TYPE integer USING LEAST(lateness_ms, 2147483647)::integer`,
    );
  }
}
