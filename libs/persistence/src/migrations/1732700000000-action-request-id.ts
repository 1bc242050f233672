import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The HTTP request that scheduled an action, so the job's log lines can be traced back to it. */
export class ActionRequestId1732700000000 implements MigrationInterface {
  name = 'ActionRequestId1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheduled_actions ADD COLUMN request_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheduled_actions DROP COLUMN request_id`);
  }
}
