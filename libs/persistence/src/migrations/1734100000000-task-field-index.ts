import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task list's field filter (lĩnh vực) as an index, so that PostgreSQL can intersect it with a state and
 * deadline range (`tasks_state_board_order_idx`) in a bitmap instead of reading every task of those states. At
 * 1M tasks the Office's overdue list of one field read 173,000 rows to keep 7,535; with both ranges it reads
 * about 20,000 (test/bench/scale.mjs).
 */
export class TaskFieldIndex1734100000000 implements MigrationInterface {
  name = 'TaskFieldIndex1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_field_idx ON tasks (field)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_field_idx`);
  }
}
