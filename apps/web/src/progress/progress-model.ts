import type { CreateReportingPeriodRequest, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { worksOnTask, type Actor } from '@dondoc/workflow';

const REPORTABLE: readonly TaskStateName[] = ['assigned', 'in_progress', 'submitted'];

/**
 * Whether this person is offered "Báo cáo tiến độ": the lead agency's people who work on the task (an officer
 * on those assigned to them, unless the head lets officers work on all), while it is under way. The server's rule.
 */
export function mayReportProgress(
  task: Pick<TaskSummaryDto, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds' | 'assigneeUserId'>,
  actor: Actor,
): boolean {
  return REPORTABLE.includes(task.state) && worksOnTask(task, actor);
}

/** A typed percentage as a whole number from 0 to 100, or null when it is not one. */
export function parsePercent(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n <= 100 ? n : null;
}

/** The request the "open a period" form describes, or null while a date it needs is missing. */
export function periodRequest(f: {
  kind: CreateReportingPeriodRequest['kind'];
  year: number;
  number: number;
  startsOn: string;
  endsOn: string;
  dueDate: string;
  label: string;
}): CreateReportingPeriodRequest | null {
  const extras = { ...(f.dueDate ? { dueDate: f.dueDate } : {}), ...(f.label.trim() ? { label: f.label.trim() } : {}) };
  if (f.kind === 'custom') {
    return f.startsOn && f.endsOn ? { kind: 'custom', startsOn: f.startsOn, endsOn: f.endsOn, ...extras } : null;
  }
  if (f.kind === 'year') return { kind: 'year', year: f.year, ...extras };
  return { kind: f.kind, year: f.year, number: f.number, ...extras };
}
