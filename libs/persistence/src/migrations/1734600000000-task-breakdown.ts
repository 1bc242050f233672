import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Breaking a task down (issue 20): a committee below that a task is given to (through the agency standing for it)
 * registers sub-tasks for its own agencies and committees, each pointing at the task it carries out. A sub-task is
 * due no later than its parent unless the reason it may not be is recorded (`due_exception`). The parent's figures
 * are read from its sub-tasks, live.
 */
export class TaskBreakdown1734600000000 implements MigrationInterface {
  name = 'TaskBreakdown1734600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN parent_task_id uuid REFERENCES tasks(id)`);
    await q.query(`ALTER TABLE tasks ADD COLUMN due_exception text`);
    await q.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_not_own_parent CHECK (parent_task_id <> id)`);
    await q.query(`CREATE INDEX tasks_parent ON tasks (parent_task_id) WHERE parent_task_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tasks_parent`);
    await q.query(`ALTER TABLE tasks DROP CONSTRAINT IF EXISTS tasks_not_own_parent`);
    await q.query(`ALTER TABLE tasks DROP COLUMN due_exception`);
    await q.query(`ALTER TABLE tasks DROP COLUMN parent_task_id`);
  }
}
