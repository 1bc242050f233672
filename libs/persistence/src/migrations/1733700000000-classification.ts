import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `('normal','confidential','secret','top_secret')`;

/**
 * Classified directives and tasks (mật, tối mật, tuyệt mật). A task's `classification` is its effective level
 * (at least its directive's), so one column answers every query. `classified_access` is the need-to-know list of
 * a classified item: role alone never clears anyone. `access_log` records each read of a classified item and,
 * like the history, refuses UPDATE, DELETE and TRUNCATE in the database itself. A stored file says which key
 * sealed it (`encryption_key_id`; null: stored in clear), so rotation leaves old files readable.
 */
export class Classification1733700000000 implements MigrationInterface {
  name = 'Classification1733700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['directives', 'tasks']) {
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN classification text NOT NULL DEFAULT 'normal' CHECK (classification IN ${LEVELS}),
        ADD COLUMN content_reference text CHECK (content_reference IS NULL OR length(btrim(content_reference)) > 0)`);
    }
    await q.query(`CREATE INDEX tasks_classified ON tasks (id) WHERE classification <> 'normal'`);
    await q.query(`CREATE TABLE classified_access (
      id bigserial PRIMARY KEY,
      task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
      directive_id uuid REFERENCES directives(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      granted_by uuid REFERENCES users(id),
      granted_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((task_id IS NULL) <> (directive_id IS NULL))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX classified_access_task ON classified_access (task_id, user_id) WHERE task_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX classified_access_directive ON classified_access (directive_id, user_id) WHERE directive_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX classified_access_user ON classified_access (user_id)`);

    await q.query(`CREATE TABLE access_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id uuid REFERENCES users(id),
      user_role text,
      action text NOT NULL CHECK (action IN ('list','detail','download','export','report','stream')),
      item_kind text NOT NULL CHECK (item_kind IN ('task','directive','file')),
      task_id uuid,
      directive_id uuid,
      file_id uuid,
      classification text NOT NULL CHECK (classification IN ${LEVELS}),
      method text,
      path text,
      request_id text,
      address text
    )`);
    await q.query(`CREATE INDEX access_log_at ON access_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX access_log_task ON access_log (task_id, at DESC) WHERE task_id IS NOT NULL`);
    await q.query(`CREATE INDEX access_log_user ON access_log (user_id, at DESC)`);
    await q.query(`
      CREATE FUNCTION access_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_immutable()`);
    await q.query(`CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_immutable()`);

    for (const table of ['attachments', 'part_files']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN encryption_key_id text`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['attachments', 'part_files']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN encryption_key_id`);
    }
    await q.query(`DROP TABLE access_log`);
    await q.query(`DROP FUNCTION IF EXISTS access_log_immutable()`);
    await q.query(`DROP TABLE classified_access`);
    await q.query(`DROP INDEX IF EXISTS tasks_classified`);
    for (const table of ['tasks', 'directives']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN content_reference, DROP COLUMN classification`);
    }
  }
}
