import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working calendar. `calendar_entries` keeps every entry of a year's official schedule (days off,
 * compensatory days, Saturdays worked, and the announcing document), never updated: the newest entry of a year
 * is in force, a `cleared` one withdraws it (the computed holidays apply again), and an as-of report reads the
 * entries made by that date. Tasks keep the day their deadline ends on the calendar (`effective_due_date`), so
 * SQL judges lateness without the calendar; and a deadline not yet a date: N working days from the assignment,
 * or continuous work.
 */
export class WorkingCalendar1733600000000 implements MigrationInterface {
  name = 'WorkingCalendar1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_entries (
      id bigserial PRIMARY KEY,
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      days jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(days) = 'array'),
      source text,
      cleared boolean NOT NULL DEFAULT false,
      entered_by uuid REFERENCES users(id),
      entered_at timestamptz NOT NULL DEFAULT now(),
      CHECK (cleared OR source IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX calendar_entries_year ON calendar_entries (year, id DESC)`);
    await q.query(`ALTER TABLE tasks
      ADD COLUMN effective_due_date date,
      ADD COLUMN deadline_working_days smallint CHECK (deadline_working_days BETWEEN 1 AND 365),
      ADD COLUMN deadline_from text CHECK (deadline_from IN ('assigned', 'received')),
      ADD COLUMN continuous boolean NOT NULL DEFAULT false`);
    // Until a calendar says otherwise, a deadline ends on its own day.
    await q.query(`UPDATE tasks SET effective_due_date = due_date WHERE due_date IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN effective_due_date, DROP COLUMN deadline_working_days,
      DROP COLUMN deadline_from, DROP COLUMN continuous`);
    await q.query(`DROP TABLE calendar_entries`);
  }
}
