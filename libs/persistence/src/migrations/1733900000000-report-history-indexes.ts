import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the history a report as of a past day reads beyond states and deadlines (test/bench/reports-timing.mjs,
 * 100,000 tasks and about 450,000 history rows): each of these lookups read the whole history table before.
 *
 * - `task_events_people_idx`: the PEOPLE_SET rows that name a handling or monitoring officer, from which the
 *   report by person tells who handled and who monitored each task then (the last naming before the day, the
 *   first after it). The rows that set a key task have their own index (`task_events_key_set_idx`).
 * - `task_events_parts_idx`: milestones and contributions, the history of the milestone and coordination figures
 *   of a past day (the last MILESTONES_SET of each task, the first MILESTONE_DONE of each milestone, the last
 *   request or removal of each contribution, its first submission and its last decision), read per task.
 */
export class ReportHistoryIndexes1733900000000 implements MigrationInterface {
  name = 'ReportHistoryIndexes1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX task_events_people_idx ON task_events (task_id, at DESC, id DESC) INCLUDE (data)
        WHERE event = 'PEOPLE_SET' AND (data ? 'assigneeUserId' OR data ? 'monitoringUserId')`,
    );
    await q.query(
      `CREATE INDEX task_events_parts_idx ON task_events (task_id, at DESC, id DESC) INCLUDE (event, data)
        WHERE event IN ('MILESTONES_SET','MILESTONE_DONE','CONTRIBUTION_REQUESTED','CONTRIBUTION_REMOVED',
                        'CONTRIBUTION_SUBMITTED','CONTRIBUTION_ACCEPTED','CONTRIBUTION_RETURNED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS task_events_parts_idx`);
    await q.query(`DROP INDEX IF EXISTS task_events_people_idx`);
  }
}
