// Recurring work, shared by both apps: the API makes a series' first instance (and those of a resumed
// series), the worker the later ones; one path, so both make the same task the same way.
import {
  FREQUENCY_LABELS,
  localDate,
  periodDueDate,
  periodLabel,
  periodsOpened,
  type EscalationPolicy,
  type Period,
  type PlanningCalendar,
  type RecurrenceFrequency,
} from '@dondoc/workflow';
import type { EntityManager } from 'typeorm';
import { DEADLINE_RUNGS, deadlineLadder, policyFor } from './deadline-ladder.js';
import { searchTextOf } from './task-identity.js';
import type { TaskRow } from './task-row.js';
import {
  SYSTEM_ACTOR,
  type AppliedChange,
  type ChangeActor,
  type NewTask,
  type TaskChange,
} from './task-change.writer.js';

/** What every instance of a series copies (task_series.template): a new task's fields, its lead agency set. */
export type SeriesTemplate = Pick<
  NewTask,
  'title' | 'description' | 'deliverableType' | 'field' | 'coordinatingAgencyIds'
> & {
  leadAgencyId: string;
};

/** A task_series row with its directive's escalation override. */
export interface SeriesRow {
  id: string;
  directive_id: string;
  /** The committee of its directive: its Office alone starts, stops and carries it. */
  organisation_id: string;
  code: string;
  template: SeriesTemplate;
  frequency: RecurrenceFrequency;
  due_day: number;
  starts_on: string;
  ends_on: string | null;
  active: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  escalation_policy: Record<string, unknown> | null;
}

export const SERIES_COLUMNS = `s.id, s.directive_id, d.organisation_id, s.code, s.template, s.frequency, s.due_day, s.starts_on::text AS starts_on,
  s.ends_on::text AS ends_on, s.active, s.created_by, s.created_at, s.updated_at, d.escalation_policy`;
export const SERIES_FROM = `task_series s JOIN directives d ON d.id = s.directive_id`;

/** The writer's calls inside one transaction, as each app reaches them. */
export interface InstanceTx {
  manager: EntityManager;
  /** The working calendar in force (the instance's deadline ladder is planned on it). */
  calendar(): Promise<PlanningCalendar>;
  create(
    directiveId: string,
    tasks: NewTask[],
    actor: ChangeActor,
    options: { data?: Record<string, unknown>; skipExisting: true },
  ): Promise<TaskRow[]>;
  apply(change: TaskChange): Promise<AppliedChange | undefined>;
}
export type RunInstanceTx = <T>(work: (tx: InstanceTx) => Promise<T>) => Promise<T>;

export interface CreatedInstance {
  taskId: string;
  periodKey: string;
  dueDate: string;
}

/** The instance of one period: `${series.code}-${periodKey}`, due on the series' day of the period's last month. */
export function instanceOf(series: SeriesRow, period: Period): NewTask {
  const t = series.template;
  const code = `${series.code}-${period.key}`;
  const title = `${t.title} (${periodLabel(period)})`;
  return {
    code,
    title,
    description: t.description,
    deliverableType: t.deliverableType,
    field: t.field,
    leadAgencyId: t.leadAgencyId,
    coordinatingAgencyIds: t.coordinatingAgencyIds,
    dueDate: periodDueDate(period, series.due_day),
    deadlineText: `${periodLabel(period)}, ${FREQUENCY_LABELS[series.frequency].vi} trước ngày ${series.due_day}`,
    searchText: searchTextOf({ code, title, description: t.description }),
    seriesId: series.id,
    periodKey: period.key,
  };
}

/**
 * Creates the instance of every period of the series opened by `now` that has none yet, each in its own
 * transaction: the draft (skipped when the series and period have one: the unique index decides, so two
 * workers or a retried job make it once) and, for a task actually created, its ASSIGN by the system with
 * the deadline ladder, so the lead agency is told and reminded. A process killed between the two loses
 * both (one transaction), and the next pass makes them.
 */
export async function createDueInstances(
  run: RunInstanceTx,
  series: SeriesRow,
  existingKeys: ReadonlySet<string>,
  now: Date,
  configured: EscalationPolicy,
): Promise<CreatedInstance[]> {
  if (!series.active) return [];
  const today = localDate(now);
  const due = periodsOpened(
    { frequency: series.frequency, dueDay: series.due_day, startsOn: series.starts_on, endsOn: series.ends_on },
    today,
  ).filter((p) => !existingKeys.has(p.key));
  const policy = policyFor(configured, series.escalation_policy);
  const created: CreatedInstance[] = [];
  for (const period of due) {
    const instance = instanceOf(series, period);
    const made = await run(async (tx) => {
      const [task] = await tx.create(series.directive_id, [instance], SYSTEM_ACTOR, {
        data: { seriesId: series.id, periodKey: period.key },
        skipExisting: true,
      });
      if (!task) return undefined;
      const calendar = await tx.calendar();
      const dueDate = instance.dueDate!;
      const deadlineVersion = task.deadline_version + 1;
      const assigned = await tx.apply({
        kind: 'ASSIGN',
        taskId: task.id,
        actor: SYSTEM_ACTOR,
        from: 'drafted',
        expect: { version: task.version },
        set: { state: 'assigned', leadAgencyId: instance.leadAgencyId, dueDate, deadlineVersion },
        data: { leadAgencyId: instance.leadAgencyId, dueDate, previousLeadAgencyId: null, seriesId: series.id },
        schedule: {
          cancelRungs: [...DEADLINE_RUNGS],
          add: deadlineLadder(task.id, dueDate, deadlineVersion, policy, calendar),
        },
      });
      // Cannot happen inside the transaction that made the draft; if it did, neither is kept.
      if (!assigned) throw new Error(`series ${series.code}: the new instance ${task.code} could not be assigned`);
      return { taskId: task.id, periodKey: period.key, dueDate };
    });
    if (made) created.push(made);
  }
  return created;
}
