import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind text NOT NULL DEFAULT 'other',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
        full_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('office','standing_committee','agency','inspector','admin')),
        agency_id uuid REFERENCES agencies(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_agency_role CHECK ((role = 'agency') = (agency_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);
    await q.query(`
      CREATE TABLE directives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('action_program','conclusion','monthly_program','resolution','plan','other')),
        title text NOT NULL,
        issued_on date,
        issuer text,
        signer text,
        place text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        directive_id uuid NOT NULL REFERENCES directives(id),
        code text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text NOT NULL DEFAULT '',
        deliverable_type text NOT NULL,
        field text NOT NULL CHECK (field IN ('party_building','economy','culture_society','defense_security')),
        lead_agency_id uuid REFERENCES agencies(id),
        coordinating_agency_ids uuid[] NOT NULL DEFAULT '{}',
        due_date date,
        deadline_text text,
        state text NOT NULL DEFAULT 'drafted'
          CHECK (state IN ('drafted','assigned','in_progress','submitted','approved','cancelled')),
        version integer NOT NULL DEFAULT 1,
        revision integer NOT NULL DEFAULT 0,
        deadline_version integer NOT NULL DEFAULT 0,
        escalation_level integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        search_text text NOT NULL DEFAULT '',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tasks_assigned_has_lead CHECK (state IN ('drafted','cancelled') OR (lead_agency_id IS NOT NULL AND due_date IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX tasks_directive_idx ON tasks (directive_id)`);
    await q.query(`CREATE INDEX tasks_lead_idx ON tasks (lead_agency_id)`);
    await q.query(`CREATE INDEX tasks_coordinating_idx ON tasks USING gin (coordinating_agency_ids)`);
    await q.query(`CREATE INDEX tasks_state_due_idx ON tasks (state, due_date)`);
    await q.query(`
      CREATE TABLE task_events (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id),
        event text NOT NULL,
        from_state text,
        to_state text,
        actor_user_id uuid REFERENCES users(id),
        actor_role text,
        actor_agency_id uuid,
        comment text,
        data jsonb NOT NULL DEFAULT '{}',
        task_version integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_events_task_idx ON task_events (task_id, id)`);
    // History is immutable in the database itself, not by convention.
    await q.query(`
      CREATE FUNCTION task_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'task_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER task_events_no_update BEFORE UPDATE OR DELETE ON task_events
      FOR EACH ROW EXECUTE FUNCTION task_events_immutable()`);
    await q.query(`
      CREATE TRIGGER task_events_no_truncate BEFORE TRUNCATE ON task_events
      FOR EACH STATEMENT EXECUTE FUNCTION task_events_immutable()`);
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        seq integer NOT NULL,
        revision integer NOT NULL,
        note text NOT NULL DEFAULT '',
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('approved','returned')),
        decision_comment text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        UNIQUE (task_id, seq)
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        submission_id uuid NOT NULL REFERENCES submissions(id),
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_submission_idx ON attachments (submission_id)`);
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        author_id uuid NOT NULL REFERENCES users(id),
        author_role text NOT NULL,
        author_agency_id uuid,
        body text NOT NULL CHECK (length(btrim(body)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX comments_task_idx ON comments (task_id, created_at)`);
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        task_id uuid REFERENCES tasks(id),
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'outbox',
      'comments',
      'attachments',
      'submissions',
      'task_events',
      'tasks',
      'directives',
      'sessions',
      'users',
      'agencies',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS task_events_immutable()`);
  }
}
