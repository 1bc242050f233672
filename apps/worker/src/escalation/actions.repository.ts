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
}

@Injectable()
export class ActionsRepository {
  /**
   * The action and its task, both locked: two deliveries of one job queue up (the second sees status
   * 'done'), and no transition changes the task between the relevance check and the write.
   */
  async lockWithTask(m: EntityManager, actionId: string): Promise<ActionWithTask | undefined> {
    const rows: ActionWithTask[] = await m.query(
      `SELECT a.id, a.task_id, a.rung, a."offset", a.version, a.level, a.job_id, a.due_at, a.status,
              t.state, t.deadline_version, t.version AS task_version
         FROM scheduled_actions a JOIN tasks t ON t.id = a.task_id
        WHERE a.id = $1 FOR UPDATE OF a, t`,
      [actionId],
    );
    return rows[0];
  }
}
