import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The board's order (deadline, then code): a page of tasks reads the index instead of sorting them all. */
export class BoardOrderIndex1732800000000 implements MigrationInterface {
  name = 'BoardOrderIndex1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_board_order_idx ON tasks (due_date NULLS LAST, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_board_order_idx`);
  }
}
