import { isValidCalendarDate } from './local-date.js';
import type { RefusalCode, TaskEvent, TaskFacts } from './task.model.js';

export type InputFacts = Pick<TaskFacts, 'leadAgencyId' | 'dueDate' | 'hasPendingSubmission' | 'continuous'>;

/** The trimmed comment, or undefined when it is missing or blank. */
export function normalizeComment(comment: unknown): string | undefined {
  if (typeof comment !== 'string') return undefined;
  const trimmed = comment.trim();
  return trimmed === '' ? undefined : trimmed;
}

function dueDateRefusal(dueDate: unknown): RefusalCode | null {
  return typeof dueDate === 'string' && isValidCalendarDate(dueDate) ? null : 'INVALID_DUE_DATE';
}

/** What the event itself lacks, given the task; role and state are checked elsewhere. */
export function inputRefusal(task: InputFacts, event: TaskEvent): RefusalCode | null {
  switch (event.type) {
    case 'ASSIGN': {
      if (!(event.leadAgencyId ?? task.leadAgencyId)) return 'LEAD_AGENCY_REQUIRED';
      const dueDate = event.dueDate ?? task.dueDate;
      // Continuous work (thường xuyên) is assigned without a deadline.
      if (dueDate == null) return task.continuous ? null : 'DUE_DATE_REQUIRED';
      return dueDateRefusal(dueDate);
    }
    case 'REASSIGN':
      if (!event.leadAgencyId) return 'LEAD_AGENCY_REQUIRED';
      if (event.leadAgencyId === task.leadAgencyId) return 'SAME_LEAD_AGENCY';
      return event.dueDate == null ? null : dueDateRefusal(event.dueDate);
    case 'SUBMIT':
      return task.hasPendingSubmission === true ? null : 'SUBMISSION_REQUIRED';
    case 'RETURN':
    case 'CANCEL':
      return normalizeComment(event.comment) === undefined ? 'COMMENT_REQUIRED' : null;
    case 'START':
    case 'APPROVE':
      return null;
  }
  // Unknown event types are refused by the role rule before input is looked at.
  return null;
}
