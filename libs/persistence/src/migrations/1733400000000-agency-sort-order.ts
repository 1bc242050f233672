import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official order of agencies (thứ tự chính thức), set by the administrator: every list, export and
 * document follows it. Null for an agency not placed yet: it comes after the placed ones, in Vietnamese order.
 */
export class AgencySortOrder1733400000000 implements MigrationInterface {
  name = 'AgencySortOrder1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN sort_order integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies DROP COLUMN sort_order`);
  }
}
