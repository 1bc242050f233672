import { Injectable } from '@nestjs/common';
import type { Rung, TaskState } from '@dondoc/workflow';
import type { EntityManager } from 'typeorm';

/** A scheduled action with what its relevance depends on. */
export interface ActionWithTask {
  id: string;
  task_id: string;
  rung: Rung;
  offset: string;
  version: number;
  level: number;
  job_id: string;
  due_at: Date;
  status: string;
  state: TaskState;
  deadline_version: number;
  task_version: number;
  audiences: string[];
  target_id: string | null;
  /** For a part's rung: the part's current version and whether it is settled (see `PartFacts`). */
  part_version: number | null;
  part_settled: boolean | null;
  /** For a contribution's rung: the coordinating agency it concerns. */
  target_agency_id: string | null;
}

@Injectable()
export class ActionsRepository {
  /**
   * The action and its task, both locked: two deliveries of one job queue up (the second sees status
   * 'done'), and no transition changes the task between the relevance check and the write.
   */
  async lockWithTask(m: EntityManager, actionId: string): Promise<ActionWithTask | undefined> {
    const rows: ActionWithTask[] = await m.query(
      `SELECT a.id, a.task_id, a.rung, a."offset", a.version, a.level, a.job_id, a.due_at, a.status, a.audiences,
              a.target_id, t.state, t.deadline_version, t.version AS task_version,
              COALESCE(c.version, m.version, CASE WHEN rp.id IS NOT NULL THEN 1 END) AS part_version,
              CASE
                WHEN c.id IS NOT NULL THEN c.status = 'accepted' OR (a.rung = 'contribution_remind' AND c.status = 'submitted')
                WHEN m.id IS NOT NULL THEN m.done_at IS NOT NULL OR m.removed_at IS NOT NULL
                WHEN rp.id IS NOT NULL THEN rp.closed_at IS NOT NULL OR rpt.report_id IS NOT NULL OR rpt.task_id IS NULL
              END AS part_settled,
              c.agency_id AS target_agency_id
         FROM scheduled_actions a JOIN tasks t ON t.id = a.task_id
         LEFT JOIN contributions c ON a.rung LIKE 'contribution%' AND c.id = a.target_id
         LEFT JOIN milestones m ON a.rung LIKE 'milestone%' AND m.id = a.target_id
         LEFT JOIN reporting_periods rp ON a.rung = 'progress_remind' AND rp.id = a.target_id
         LEFT JOIN reporting_period_tasks rpt ON rpt.period_id = rp.id AND rpt.task_id = a.task_id
        WHERE a.id = $1 FOR UPDATE OF a, t`,
      [actionId],
    );
    return rows[0];
  }
}
