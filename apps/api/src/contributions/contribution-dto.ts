import type { ContributionDto } from '@dondoc/contracts';
import { deadlineStatus } from '@dondoc/workflow';
import type { ContributionRow, ContributionVersionRow, PartFileRow } from './contributions.repository.js';

/**
 * Contributions as the API answers them. The sub-deadline's status is the tasks' rule: an accepted
 * contribution is judged by when the accepted version was handed in, like an approved task.
 */
export function toContributionDtos(
  rows: readonly ContributionRow[],
  versions: readonly ContributionVersionRow[],
  files: readonly PartFileRow[],
  now: Date,
  dueSoonDays: number,
): ContributionDto[] {
  return rows.map((c) => {
    const own = versions.filter((v) => v.contribution_id === c.id);
    const accepted = own.find((v) => v.decision === 'accepted');
    const state = c.task_state === 'cancelled' ? 'cancelled' : c.status === 'accepted' ? 'approved' : 'in_progress';
    return {
      id: c.id,
      taskId: c.task_id,
      task: {
        code: c.task_code,
        title: c.task_title,
        state: c.task_state,
        leadAgencyId: c.lead_agency_id,
        dueDate: c.task_due_date,
      },
      agencyId: c.agency_id,
      agencyName: c.agency_name,
      request: c.request,
      dueDate: c.due_date,
      status: c.status,
      version: c.version,
      deadlineStatus: deadlineStatus({ state, dueDate: c.due_date, completedAt: accepted?.submitted_at ?? null }, now, {
        dueSoonDays,
      }),
      versions: own.map((v) => ({
        seq: v.seq,
        note: v.note,
        submittedAt: v.submitted_at.toISOString(),
        submittedBy: v.submitted_by,
        submittedByName: v.submitted_by_name,
        decision: v.decision,
        decisionComment: v.decision_comment,
        decidedAt: v.decided_at ? v.decided_at.toISOString() : null,
        files: files
          .filter((f) => f.owner_id === v.id)
          .map((f) => ({ id: f.id, fileName: f.file_name, size: f.size_bytes })),
      })),
    };
  });
}
