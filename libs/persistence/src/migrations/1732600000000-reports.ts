import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Frozen reports, and the indexes that let reports rebuild any past day from the history quickly. */
export class Reports1732600000000 implements MigrationInterface {
  name = 'Reports1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        as_of date NOT NULL,
        live boolean NOT NULL,
        params jsonb NOT NULL,
        figures jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_snapshots_created_idx ON report_snapshots (created_at DESC)`);
    // A snapshot is what was reported: it is never edited afterwards, by the application or by hand.
    await q.query(`
      CREATE FUNCTION report_snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_snapshots are frozen' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER report_snapshots_no_update BEFORE UPDATE ON report_snapshots
      FOR EACH ROW EXECUTE FUNCTION report_snapshots_immutable()`);

    // The state of every task at a past moment: the last event per task before it, read in index order.
    await q.query(`CREATE INDEX task_events_task_at_idx ON task_events (task_id, at DESC, id DESC) INCLUDE (to_state)`);
    // The deadline at a past moment (and a task's first assignment, for the averages) comes from these events
    // only; with their data in the index the last one per task is read without touching the table.
    await q.query(
      `CREATE INDEX task_events_deadline_idx ON task_events (task_id, at DESC, id DESC) INCLUDE (event, data)
         WHERE event IN ('ASSIGN','REASSIGN','EXTENSION_GRANTED')`,
    );
    // Reassignments and extensions after (or before) a moment: few rows, found by time.
    await q.query(
      `CREATE INDEX task_events_changes_at_idx ON task_events (at) WHERE event IN ('REASSIGN','EXTENSION_GRANTED')`,
    );
    // The escalation list: the last reminder and the level reached.
    await q.query(
      `CREATE INDEX task_events_reminder_idx ON task_events (task_id, at)
         WHERE event IN ('REMINDED','ESCALATED','EXTENSION_GRANTED')`,
    );
    // The review queue and the averages read submissions by task up to a moment.
    await q.query(`CREATE INDEX submissions_task_submitted_idx ON submissions (task_id, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS submissions_task_submitted_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_reminder_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_changes_at_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_deadline_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_task_at_idx`);
    await q.query(`DROP TABLE IF EXISTS report_snapshots`);
    await q.query(`DROP FUNCTION IF EXISTS report_snapshots_immutable()`);
  }
}
