import type { DirectiveImportTaskInput } from '@dondoc/contracts';
import { newTaskOf, type NewTask } from '@dondoc/persistence';
import { localDate, type WorkingCalendar } from '@dondoc/workflow';

/**
 * A confirmed row → the writer's new draft, with its deadline rule: N working days (the date is fixed at ASSIGN
 * from the working calendar) or continuous work (no deadline).
 */
export function importedTaskOf(code: string, t: DirectiveImportTaskInput): NewTask {
  const days = t.deadlineWorkingDays ?? null;
  return {
    ...newTaskOf(code, t),
    deadlineWorkingDays: days,
    // Both count from the assignment here: the server fixes the date when the task is assigned.
    deadlineFrom: days ? (t.deadlineFrom ?? 'assigned') : null,
    continuous: t.continuous ?? false,
  };
}

/** Whether "Xác nhận và giao" can assign the row: a date, or working days to count on the calendar. */
export function hasAssignableDeadline(t: DirectiveImportTaskInput): boolean {
  return Boolean(t.dueDate ?? t.deadlineWorkingDays);
}

/** The date an imported draft is assigned with: the one given, else N working days after today on the calendar. */
export function assignDueDate(t: DirectiveImportTaskInput, calendar: WorkingCalendar, now: Date): string | undefined {
  if (t.dueDate) return t.dueDate;
  return t.deadlineWorkingDays ? calendar.addWorkingDays(localDate(now), t.deadlineWorkingDays) : undefined;
}
