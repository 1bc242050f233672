import type { MilestoneDto } from '@dondoc/contracts';
import { daysUntilDue, localDate } from '@dondoc/workflow';
import type { MilestoneRow } from './milestones.repository.js';

/** A milestone's own deadline status: reached on time or late, or open, due soon, overdue. */
export function milestoneStatus(
  m: Pick<MilestoneRow, 'due_date' | 'done_at'>,
  now: Date,
  dueSoonDays: number,
): MilestoneDto['status'] {
  if (m.done_at) return localDate(m.done_at) <= m.due_date ? 'done_on_time' : 'done_late';
  const days = daysUntilDue(m.due_date, now);
  if (days < 0) return 'overdue';
  return days <= dueSoonDays ? 'due_soon' : 'open';
}

export function toMilestoneDto(m: MilestoneRow, now: Date, dueSoonDays: number): MilestoneDto {
  return {
    id: m.id,
    label: m.label,
    dueDate: m.due_date,
    doneAt: m.done_at ? new Date(m.done_at).toISOString() : null,
    status: milestoneStatus(m, now, dueSoonDays),
  };
}
