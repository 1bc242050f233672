import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { clearance } from '../tasks/task-scope.js';
import type { PendingActionOnCalendar } from './calendar-reschedule.js';

export interface OpenTaskRow {
  id: string;
  state: string;
  due_date: string | null;
  effective_due_date: string | null;
  deadline_version: number;
  escalation_policy: Record<string, unknown> | null;
  submitted_at: Date | null;
  actions: PendingActionOnCalendar[];
  /** Whether the user changing the calendar may be told of the task (a classified one: only if on its list). */
  cleared: boolean;
}

/** The tasks a calendar change may move: open, with a deadline or a pending action. */
@Injectable()
export class CalendarRepository {
  async openTasks(m: EntityManager, userId: string): Promise<OpenTaskRow[]> {
    return m.query(
      `SELECT t.id, t.state, t.due_date::text AS due_date, t.effective_due_date::text AS effective_due_date,
              t.deadline_version, d.escalation_policy, ${clearance('t', '$1::uuid')} AS cleared,
              (SELECT max(s.submitted_at) FROM submissions s WHERE s.task_id = t.id AND s.decision IS NULL) AS submitted_at,
              COALESCE((
                SELECT json_agg(json_build_object('id', a.id::text, 'rung', a.rung, 'offset', a."offset",
                         'version', a.version, 'level', a.level, 'audiences', a.audiences, 'jobId', a.job_id,
                         'dueAt', a.due_at, 'targetId', a.target_id,
                         'targetDue', COALESCE(c.due_date, m.due_date, rp.due_date)::text) ORDER BY a.id)
                  FROM scheduled_actions a
                  LEFT JOIN contributions c ON c.id = a.target_id AND a.rung LIKE 'contribution%'
                  LEFT JOIN milestones m ON m.id = a.target_id AND a.rung LIKE 'milestone%'
                  LEFT JOIN reporting_periods rp ON rp.id = a.target_id AND a.rung = 'progress_remind'
                 WHERE a.task_id = t.id AND a.status = 'pending'), '[]'::json) AS actions
         FROM tasks t JOIN directives d ON d.id = t.directive_id
        WHERE t.state NOT IN ('approved', 'cancelled')
          AND (t.due_date IS NOT NULL OR EXISTS (
                SELECT 1 FROM scheduled_actions a WHERE a.task_id = t.id AND a.status = 'pending'))
        ORDER BY t.id`,
      [userId],
    );
  }
}
