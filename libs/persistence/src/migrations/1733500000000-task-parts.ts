import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parts of a task the users' process has (issue "Tasks with parts"): named people and the deciding
 * authority ("6 rõ"), coordinating agencies' contributions, milestones, progress reports and reporting
 * periods, recurring series and the monthly program carried forward. Every change to these rows goes
 * through the task-change writer with its history row; the tables hold the current state, the history
 * holds how it got there (the as-of reports fold it).
 */
export class TaskParts1733500000000 implements MigrationInterface {
  name = 'TaskParts1733500000000';

  async up(q: QueryRunner): Promise<void> {
    // People. An agency account is its head (or deputy) or one of its officers; accounts made before this
    // were the agency's only account and keep every power, so they become heads.
    await q.query(`ALTER TABLE users ADD COLUMN position text
      CHECK (position IN ('head','deputy','officer','standing_board','member'))`);
    await q.query(`UPDATE users SET position = 'head' WHERE role = 'agency'`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_agency_position
      CHECK (role <> 'agency' OR position IN ('head','deputy','officer'))`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_committee_position
      CHECK (role <> 'standing_committee' OR position IS NULL OR position IN ('standing_board','member'))`);
    // The head lets officers work on every task of the agency, not only those assigned to them.
    await q.query(`ALTER TABLE agencies ADD COLUMN officers_act_on_all boolean NOT NULL DEFAULT false`);
    // The Office's monitoring officer (chuyên viên theo dõi) for each agency; a task may name its own.
    await q.query(`ALTER TABLE agencies ADD COLUMN monitoring_user_id uuid REFERENCES users(id)`);

    await q.query(`
      CREATE TABLE task_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        directive_id uuid NOT NULL REFERENCES directives(id),
        code text NOT NULL UNIQUE,
        template jsonb NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('month','quarter','half_year','year')),
        due_day integer NOT NULL CHECK (due_day BETWEEN 1 AND 31),
        starts_on date NOT NULL,
        ends_on date,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);

    await q.query(`ALTER TABLE tasks
      ADD COLUMN assignee_user_id uuid REFERENCES users(id),
      ADD COLUMN responsible_leader_user_id uuid REFERENCES users(id),
      ADD COLUMN monitoring_user_id uuid REFERENCES users(id),
      ADD COLUMN deciding_authority text NOT NULL DEFAULT 'standing_committee'
        CHECK (deciding_authority IN ('standing_committee','standing_board','office')),
      ADD COLUMN is_key boolean NOT NULL DEFAULT false,
      ADD COLUMN progress_percent smallint CHECK (progress_percent BETWEEN 0 AND 100),
      ADD COLUMN progress_at timestamptz,
      ADD COLUMN series_id uuid REFERENCES task_series(id),
      ADD COLUMN period_key text,
      ADD COLUMN carried_from_task_id uuid REFERENCES tasks(id),
      ADD CONSTRAINT tasks_series_period CHECK ((series_id IS NULL) = (period_key IS NULL))`);
    // One instance per series and period, whatever the workers do: the database says so, not a lock.
    await q.query(
      `CREATE UNIQUE INDEX tasks_series_period_idx ON tasks (series_id, period_key) WHERE series_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks (assignee_user_id) WHERE assignee_user_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX tasks_carried_from_idx ON tasks (carried_from_task_id) WHERE carried_from_task_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        request text NOT NULL DEFAULT '',
        due_date date,
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','submitted','accepted','returned')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, agency_id)
      )`);
    await q.query(`CREATE INDEX contributions_agency_idx ON contributions (agency_id, status)`);
    await q.query(`
      CREATE TABLE contribution_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contribution_id uuid NOT NULL REFERENCES contributions(id),
        seq integer NOT NULL,
        note text NOT NULL DEFAULT '',
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('accepted','returned')),
        decision_comment text,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        UNIQUE (contribution_id, seq)
      )`);

    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        label text NOT NULL CHECK (length(btrim(label)) > 0),
        due_date date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        done_at timestamptz,
        done_by uuid REFERENCES users(id),
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX milestones_task_idx ON milestones (task_id, due_date) WHERE removed_at IS NULL`);

    await q.query(`
      CREATE TABLE reporting_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('month','quarter','half_year','year','custom')),
        label text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        due_date date NOT NULL,
        opened_by uuid REFERENCES users(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CHECK (ends_on >= starts_on),
        UNIQUE (kind, starts_on, ends_on)
      )`);
    await q.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        period_id uuid REFERENCES reporting_periods(id),
        percent smallint NOT NULL CHECK (percent BETWEEN 0 AND 100),
        narrative text NOT NULL CHECK (length(btrim(narrative)) > 0),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        reported_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX progress_reports_task_idx ON progress_reports (task_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX progress_reports_period_idx ON progress_reports (period_id, task_id) WHERE period_id IS NOT NULL`,
    );
    // Who a period asks: every open task of the period, with its lead agency when the period opened.
    await q.query(`
      CREATE TABLE reporting_period_tasks (
        period_id uuid NOT NULL REFERENCES reporting_periods(id),
        task_id uuid NOT NULL REFERENCES tasks(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        report_id uuid REFERENCES progress_reports(id),
        PRIMARY KEY (period_id, task_id)
      )`);
    await q.query(`CREATE INDEX reporting_period_tasks_agency_idx ON reporting_period_tasks (agency_id, period_id)`);

    // Files of a contribution's version or of a progress report, stored like deliverables.
    await q.query(`
      CREATE TABLE part_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        owner_kind text NOT NULL CHECK (owner_kind IN ('contribution_version','progress_report')),
        owner_id uuid NOT NULL,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX part_files_owner_idx ON part_files (owner_kind, owner_id)`);

    // Actions of a task's parts: a contribution's sub-deadline, a milestone, a reporting period.
    await q.query(`ALTER TABLE scheduled_actions ADD COLUMN target_id uuid`);
    await q.query(`ALTER TABLE scheduled_actions DROP CONSTRAINT scheduled_actions_rung_check`);
    await q.query(`ALTER TABLE scheduled_actions ADD CONSTRAINT scheduled_actions_rung_check CHECK (rung IN (
      'remind_before','overdue','escalate','review_reminder',
      'contribution_remind','contribution_overdue','contribution_escalate','milestone_remind','milestone_overdue',
      'progress_remind'))`);
    await q.query(`ALTER TABLE scheduled_actions ADD CONSTRAINT scheduled_actions_target_check CHECK (
      (rung IN ('remind_before','overdue','escalate','review_reminder')) = (target_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM scheduled_actions WHERE target_id IS NOT NULL`);
    await q.query(`ALTER TABLE scheduled_actions DROP CONSTRAINT scheduled_actions_target_check`);
    await q.query(`ALTER TABLE scheduled_actions DROP CONSTRAINT scheduled_actions_rung_check`);
    await q.query(`ALTER TABLE scheduled_actions ADD CONSTRAINT scheduled_actions_rung_check
      CHECK (rung IN ('remind_before','overdue','escalate','review_reminder'))`);
    await q.query(`ALTER TABLE scheduled_actions DROP COLUMN target_id`);
    for (const t of [
      'part_files',
      'reporting_period_tasks',
      'progress_reports',
      'reporting_periods',
      'milestones',
      'contribution_versions',
      'contributions',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_series_period`);
    for (const c of [
      'assignee_user_id',
      'responsible_leader_user_id',
      'monitoring_user_id',
      'deciding_authority',
      'is_key',
      'progress_percent',
      'progress_at',
      'series_id',
      'period_key',
      'carried_from_task_id',
    ]) {
      await q.query(`ALTER TABLE tasks DROP COLUMN ${c}`);
    }
    await q.query(`DROP TABLE IF EXISTS task_series`);
    await q.query(`ALTER TABLE agencies DROP COLUMN monitoring_user_id`);
    await q.query(`ALTER TABLE agencies DROP COLUMN officers_act_on_all`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_committee_position`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_agency_position`);
    await q.query(`ALTER TABLE users DROP COLUMN position`);
  }
}
