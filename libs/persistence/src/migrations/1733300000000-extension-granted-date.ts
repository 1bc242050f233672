import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Standing Committee may grant an extension to another date than the one asked: the request keeps
 * what was asked, and this column what was granted (null until granted).
 */
export class ExtensionGrantedDate1733300000000 implements MigrationInterface {
  name = 'ExtensionGrantedDate1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE extension_requests ADD COLUMN granted_due_date date`);
    // Until now a grant always gave the date asked.
    await q.query(`UPDATE extension_requests SET granted_due_date = requested_due_date WHERE status = 'granted'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE extension_requests DROP COLUMN granted_due_date`);
  }
}
