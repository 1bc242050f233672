import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The schedule (PostgreSQL is its source of truth), notifications, incidents and extension requests. */
export class Escalation1732400000000 implements MigrationInterface {
  name = 'Escalation1732400000000';

  async up(q: QueryRunner): Promise<void> {
    // Statistics judge lateness against the first deadline too, so an extension does not hide it.
    await q.query(`ALTER TABLE tasks ADD COLUMN original_due_date date`);
    await q.query(`UPDATE tasks SET original_due_date = due_date`);
    await q.query(`ALTER TABLE directives ADD COLUMN escalation_policy jsonb`);
    // A job delivered twice writes its history row once.
    await q.query(`ALTER TABLE task_events ADD COLUMN dedupe_key text`);
    await q.query(
      `CREATE UNIQUE INDEX task_events_dedupe_idx ON task_events (dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE scheduled_actions (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id),
        rung text NOT NULL CHECK (rung IN ('remind_before','overdue','escalate','review_reminder')),
        "offset" text NOT NULL,
        version integer NOT NULL,
        level integer NOT NULL DEFAULT 0,
        audiences text[] NOT NULL,
        job_id text NOT NULL UNIQUE CHECK (position(':' in job_id) = 0),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','skipped','cancelled','failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        dispatched_at timestamptz,
        removed_at timestamptz,
        fired_at timestamptz,
        lateness_ms integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX scheduled_actions_pending_idx ON scheduled_actions (due_at) WHERE status = 'pending'`);
    await q.query(
      `CREATE INDEX scheduled_actions_undispatched_idx ON scheduled_actions (id) WHERE status = 'pending' AND dispatched_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX scheduled_actions_unremoved_idx ON scheduled_actions (id)
         WHERE status = 'cancelled' AND dispatched_at IS NOT NULL AND removed_at IS NULL`,
    );
    await q.query(`CREATE INDEX scheduled_actions_task_idx ON scheduled_actions (task_id, status)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        task_id uuid REFERENCES tasks(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        emailed_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE incidents (
        id bigserial PRIMARY KEY,
        action_id bigint NOT NULL UNIQUE REFERENCES scheduled_actions(id),
        task_id uuid NOT NULL REFERENCES tasks(id),
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users(id)
      )`);
    await q.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        current_due_date date NOT NULL,
        requested_due_date date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','granted','refused')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX extension_requests_one_open ON extension_requests (task_id) WHERE status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['extension_requests', 'incidents', 'notifications', 'scheduled_actions']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP INDEX IF EXISTS task_events_dedupe_idx`);
    await q.query(`ALTER TABLE task_events DROP COLUMN IF EXISTS dedupe_key`);
    await q.query(`ALTER TABLE directives DROP COLUMN IF EXISTS escalation_policy`);
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS original_due_date`);
  }
}
