import { TASK_EVENTS, type TaskState } from './task.model.js';

/** Every kind of change a task goes through; each one is written by the task-change writer. */
export const CHANGE_KINDS = [
  ...TASK_EVENTS,
  'CREATE',
  'EDIT',
  'COMMENT',
  'DELIVERABLE_UPLOADED',
  'EXTENSION_REQUESTED',
  'EXTENSION_GRANTED',
  'EXTENSION_REFUSED',
  'remind_before',
  'overdue',
  'escalate',
  'review_reminder',
  'INCIDENT',
  // The parts of a task (issue "Tasks with parts").
  'PEOPLE_SET',
  'CONTRIBUTION_REQUESTED',
  'CONTRIBUTION_SUBMITTED',
  'CONTRIBUTION_ACCEPTED',
  'CONTRIBUTION_RETURNED',
  'CONTRIBUTION_REMOVED',
  'contribution_remind',
  'contribution_overdue',
  'contribution_escalate',
  'MILESTONES_SET',
  'MILESTONE_DONE',
  'milestone_remind',
  'milestone_overdue',
  'PROGRESS_REPORTED',
  'PROGRESS_REQUESTED',
  'progress_remind',
  'CARRIED_FORWARD',
  // A calendar change moved the task's effective deadline or its pending actions.
  'CALENDAR_CHANGED',
  // Classified tasks: the level changed, or who is on the access list (the Office's own acts).
  'CLASSIFICATION_SET',
  'ACCESS_LIST_SET',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * Who hears of a change. `previous_lead_agency` is the agency a REASSIGN took the task from. The users
 * of an agency are told only once the task has left the Office's drafts, because before that they cannot
 * see it.
 */
export const AUDIENCES = [
  'lead_agency',
  'previous_lead_agency',
  'coordinating_agencies',
  'office',
  'standing_committee',
  // Named people of the lead agency: the handling officer, the responsible leader and the agency's heads.
  // An unnamed officer or leader falls back to the heads, who then assign.
  'assignee',
  'responsible_leader',
  'agency_head',
  // The Office's monitoring officer of the task (or of its lead agency); nobody when none is named.
  'monitoring_officer',
  // The one agency a change is about: a coordinator's contribution.
  'target_agency',
] as const;
export type Audience = (typeof AUDIENCES)[number];

const AGENCY_AUDIENCES: ReadonlySet<Audience> = new Set([
  'lead_agency',
  'previous_lead_agency',
  'coordinating_agencies',
  'assignee',
  'responsible_leader',
  'agency_head',
  'target_agency',
]);

/**
 * The one recipient rule: change kind → who is told. The author of a change is never told of it (the
 * writer leaves them out). Used by the writer for notifications, and through them by the mail loop and
 * the live stream.
 */
export const RECIPIENTS: Readonly<Record<ChangeKind, readonly Audience[]>> = Object.freeze({
  // Drafts are the Office's own work: nobody outside it is told.
  CREATE: [],
  EDIT: [],
  ASSIGN: ['lead_agency', 'coordinating_agencies'],
  REASSIGN: ['lead_agency', 'previous_lead_agency', 'coordinating_agencies'],
  START: ['office'],
  SUBMIT: ['standing_committee', 'office'],
  APPROVE: ['lead_agency', 'coordinating_agencies', 'office'],
  RETURN: ['lead_agency', 'office'],
  CANCEL: ['lead_agency', 'coordinating_agencies', 'office', 'standing_committee'],
  // The Office follows every task; the lead and its coordinators work on it together.
  COMMENT: ['lead_agency', 'coordinating_agencies', 'office'],
  DELIVERABLE_UPLOADED: ['lead_agency', 'office'],
  // The Standing Committee decides; the Office follows every deadline, so it hears of it too.
  EXTENSION_REQUESTED: ['standing_committee', 'office'],
  EXTENSION_GRANTED: ['lead_agency', 'coordinating_agencies', 'office'],
  EXTENSION_REFUSED: ['lead_agency', 'office'],
  // The named chain: the officer first, then the leader, the agency's head and the Office's monitoring
  // officer (a reminder's own row may narrow it: see `reminderAudiences`).
  remind_before: ['assignee', 'responsible_leader'],
  overdue: ['assignee', 'responsible_leader', 'agency_head', 'monitoring_officer', 'office'],
  escalate: ['standing_committee', 'office', 'assignee', 'responsible_leader', 'agency_head', 'monitoring_officer'],
  review_reminder: ['standing_committee'],
  INCIDENT: ['office'],
  // Naming people tells those named.
  PEOPLE_SET: ['assignee', 'responsible_leader', 'monitoring_officer'],
  CONTRIBUTION_REQUESTED: ['target_agency'],
  CONTRIBUTION_SUBMITTED: ['lead_agency'],
  CONTRIBUTION_ACCEPTED: ['target_agency'],
  CONTRIBUTION_RETURNED: ['target_agency'],
  CONTRIBUTION_REMOVED: ['target_agency'],
  // A coordinator's sub-deadline climbs the same ladder: the coordinator, then the lead, then the Office.
  contribution_remind: ['target_agency'],
  contribution_overdue: ['target_agency', 'lead_agency'],
  contribution_escalate: ['target_agency', 'lead_agency', 'office'],
  MILESTONES_SET: ['assignee', 'responsible_leader'],
  MILESTONE_DONE: ['monitoring_officer'],
  milestone_remind: ['assignee', 'responsible_leader'],
  milestone_overdue: ['assignee', 'responsible_leader', 'agency_head', 'monitoring_officer'],
  PROGRESS_REPORTED: ['monitoring_officer'],
  PROGRESS_REQUESTED: ['lead_agency'],
  progress_remind: ['lead_agency', 'monitoring_officer'],
  CARRIED_FORWARD: [],
  // The history says so; nobody is told of each task (the Office changed the calendar knowingly).
  CALENDAR_CHANGED: [],
  // Whoever the list adds learns of the task by seeing it; a notification would name it to no purpose.
  CLASSIFICATION_SET: [],
  ACCESS_LIST_SET: [],
});

/**
 * The reminders before a deadline climb the named chain one step each: the earliest tells the handling
 * officer alone, the later ones the officer and the responsible leader.
 */
export function reminderAudiences(index: number): readonly Audience[] {
  return index === 0 ? ['assignee'] : RECIPIENTS.remind_before;
}

export function isChangeKind(kind: string): kind is ChangeKind {
  return Object.hasOwn(RECIPIENTS, kind);
}

/**
 * Who is told of this change, given the task's state before and after it. Agencies hear of a task only
 * once it has left the Office's drafts: a draft cancelled or edited tells no agency, since it never
 * reached them.
 */
export function audiencesOf(kind: ChangeKind, states: { from: TaskState | null; to: TaskState }): Audience[] {
  const reachedAgencies = states.to !== 'drafted' && !(states.from === 'drafted' && states.to === 'cancelled');
  return RECIPIENTS[kind].filter((a) => reachedAgencies || !AGENCY_AUDIENCES.has(a));
}
