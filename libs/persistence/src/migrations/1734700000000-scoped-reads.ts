import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SCOPED_ROLE } from './1734500000000-organisation-row-security.js';

/** Tables the API's reads under `dondoc_scoped` join besides tasks and directives (row security holds those). */
const READ_TABLES = [
  'attachments',
  'calendar_entries',
  'comments',
  'contribution_versions',
  'contributions',
  'extension_requests',
  'milestones',
  'part_files',
  'progress_reports',
  'report_snapshots',
  'reporting_period_tasks',
  'reporting_periods',
  'submissions',
  'task_events',
  'task_series',
];

/**
 * The API reads a committee below the top's tasks under `dondoc_scoped` (issue 20): the board, the gate of every
 * task route, the reports. The role reads what those reads join, and no secret: not a password hash, and of the
 * sessions only what says whether one is live. The application's own login becomes a member, so that it may take
 * the role (a superuser may anyway). A column added to `users` later is not readable under the role until a
 * migration grants it.
 */
export class ScopedReads1734700000000 implements MigrationInterface {
  name = 'ScopedReads1734700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT ON ${READ_TABLES.join(', ')} TO ${SCOPED_ROLE}`);
    await q.query(`GRANT SELECT (id, user_id, expires_at, revoked_at) ON sessions TO ${SCOPED_ROLE}`);
    const [{ cols }]: { cols: string }[] = await q.query(
      `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS cols
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'users' AND column_name <> 'password_hash'`,
    );
    await q.query(`GRANT SELECT (${cols}) ON users TO ${SCOPED_ROLE}`);
    await q.query(`
      DO $$ BEGIN
        IF NOT pg_has_role(current_user, '${SCOPED_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${SCOPED_ROLE} TO %I', current_user);
        END IF;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE SELECT ON ${READ_TABLES.join(', ')} FROM ${SCOPED_ROLE}`);
    await q.query(`REVOKE SELECT ON sessions, users FROM ${SCOPED_ROLE}`);
  }
}
