import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day a deadline ends is never before the deadline, and there is none without a deadline: the writer works it
 * out by moving the deadline past days off. The list's deadline-status filter narrows by `due_date` on that
 * ground (`deadlineStatusNarrowingSql`), so the database holds it rather than trusting every writer to.
 */
export class EffectiveDueDateCheck1734200000000 implements MigrationInterface {
  name = 'EffectiveDueDateCheck1734200000000';

  async up(q: QueryRunner): Promise<void> {
    // A row that breaks it (changed by hand) loses its end day: NULL reads as the deadline itself, as for rows
    // written before the calendar, until the next change of deadline or calendar works it out again.
    await q.query(`UPDATE tasks SET effective_due_date = NULL
      WHERE effective_due_date IS NOT NULL AND (due_date IS NULL OR effective_due_date < due_date)`);
    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_effective_due_date_check
      CHECK (effective_due_date IS NULL OR (due_date IS NOT NULL AND effective_due_date >= due_date))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_effective_due_date_check`);
  }
}
