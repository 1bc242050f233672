import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An optional e-mail address per account, for the worker's notification mails, and the indexes delivery needs. */
export class UserEmail1732500000000 implements MigrationInterface {
  name = 'UserEmail1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email text`);
    // A sane shape only (one @, a dotted domain, no spaces or angle brackets, RFC 5321's 254 limit):
    // the API validates properly; this keeps a hand-written UPDATE from storing something a mail header
    // could be built from badly.
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_email_shape
         CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\\s<>,;"]+@[^@\\s<>,;"]+\\.[^@\\s<>,;".]+$'))`,
    );
    // The mail loop looks for notifications not yet mailed, newest window only.
    await q.query(`CREATE INDEX notifications_unmailed_idx ON notifications (created_at) WHERE emailed_at IS NULL`);
    // The relay finds the recipients of a transition's notifications by task and commit time.
    await q.query(`CREATE INDEX notifications_task_idx ON notifications (task_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notifications_task_idx`);
    await q.query(`DROP INDEX IF EXISTS notifications_unmailed_idx`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_shape`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS email`);
  }
}
