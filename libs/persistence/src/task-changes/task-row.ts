import type { Classification, TaskState } from '@dondoc/workflow';

/** A `tasks` row as the SQL of `taskColumns` returns it. */
export interface TaskRow {
  id: string;
  code: string;
  directive_id: string;
  /** The committee whose task it is (its directive's, kept by a trigger). */
  organisation_id: string;
  title: string;
  deliverable_type: string;
  field: string;
  state: TaskState;
  version: number;
  revision: number;
  deadline_version: number;
  lead_agency_id: string | null;
  coordinating_agency_ids: string[];
  due_date: string | null;
  /** The first deadline (never moved by an extension); see `taskColumns`. */
  original_due_date: string | null;
  deadline_text: string | null;
  /** The day the deadline ends on the working calendar (the writer derives it from `due_date`). */
  effective_due_date: string | null;
  deadline_working_days: number | null;
  deadline_from: 'assigned' | 'received' | null;
  continuous: boolean;
  escalation_level: number;
  completed_at: Date | null;
  updated_at: Date;
  description?: string;
  assignee_user_id: string | null;
  responsible_leader_user_id: string | null;
  monitoring_user_id: string | null;
  deciding_authority: 'standing_committee' | 'standing_board' | 'office';
  is_key: boolean;
  progress_percent: number | null;
  progress_at: Date | null;
  series_id: string | null;
  period_key: string | null;
  carried_from_task_id: string | null;
  /** The task above that this one breaks down (issue 20). */
  parent_task_id: string | null;
  /** Why it may be due after its parent (recorded when it is). */
  due_exception: string | null;
  /** The effective level of secrecy (at least the directive's). */
  classification: Classification;
  /** Where a tuyệt mật task's content is kept, outside the system. */
  content_reference: string | null;
  /** The next milestone not done (json from `taskColumns`). */
  next_milestone?: NextMilestoneCell | null;
  /** Contributions asked of coordinators and how many are accepted (json from `taskColumns`). */
  contributions_summary?: ContributionsCell | null;
  /** The open extension request, if any (json from `taskColumns`: `requestedAt` as PostgreSQL prints it). */
  open_extension_request?: OpenExtensionCell | null;
}

export interface NextMilestoneCell {
  id: string;
  label: string;
  dueDate: string;
}

export interface ContributionsCell {
  total: number;
  accepted: number;
  submitted: number;
}

export interface OpenExtensionCell {
  id: string;
  requestedDueDate: string;
  requestedAt: string;
}

/**
 * Columns the board needs; `due_date::text` keeps calendar dates out of time-zone conversion.
 * `original_due_date` is only written when an extension first moves the deadline, so until then the
 * first deadline is the current one. The open extension request comes in the same query (the unique
 * index on open requests makes it at most one row, found by that index), so every answer built from a
 * row, the writer's included, carries the card's badge.
 */
export function taskColumns(a = 't'): string {
  return `${a}.id, ${a}.code, ${a}.directive_id, ${a}.organisation_id, ${a}.title, ${a}.deliverable_type, ${a}.field, ${a}.state, ${a}.version,
  ${a}.revision, ${a}.deadline_version, ${a}.lead_agency_id, ${a}.coordinating_agency_ids, ${a}.due_date::text AS due_date,
  COALESCE(${a}.original_due_date, ${a}.due_date)::text AS original_due_date,
  ${a}.deadline_text, ${a}.effective_due_date::text AS effective_due_date, ${a}.deadline_working_days,
  ${a}.deadline_from, ${a}.continuous, ${a}.escalation_level, ${a}.completed_at, ${a}.updated_at,
  ${a}.assignee_user_id, ${a}.responsible_leader_user_id, ${a}.monitoring_user_id, ${a}.deciding_authority, ${a}.is_key,
  ${a}.progress_percent, ${a}.progress_at, ${a}.series_id, ${a}.period_key, ${a}.carried_from_task_id,
  ${a}.parent_task_id, ${a}.due_exception,
  ${a}.classification, ${a}.content_reference,
  (SELECT json_build_object('id', m.id, 'label', m.label, 'dueDate', m.due_date::text) FROM milestones m
    WHERE m.task_id = ${a}.id AND m.done_at IS NULL AND m.removed_at IS NULL ORDER BY m.due_date, m.id LIMIT 1) AS next_milestone,
  (SELECT json_build_object('total', count(*), 'accepted', count(*) FILTER (WHERE c.status = 'accepted'),
          'submitted', count(*) FILTER (WHERE c.status = 'submitted'))
     FROM contributions c WHERE c.task_id = ${a}.id HAVING count(*) > 0) AS contributions_summary,
  (SELECT json_build_object('id', x.id, 'requestedDueDate', x.requested_due_date::text, 'requestedAt', x.created_at)
     FROM extension_requests x WHERE x.task_id = ${a}.id AND x.status = 'open' LIMIT 1) AS open_extension_request`;
}
export const TASK_COLUMNS = taskColumns('t');
