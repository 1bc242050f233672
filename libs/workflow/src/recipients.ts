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
] as const;
export type Audience = (typeof AUDIENCES)[number];

const AGENCY_AUDIENCES: ReadonlySet<Audience> = new Set([
  'lead_agency',
  'previous_lead_agency',
  'coordinating_agencies',
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
  remind_before: ['lead_agency'],
  overdue: ['lead_agency', 'office'],
  escalate: ['standing_committee', 'office', 'lead_agency'],
  review_reminder: ['standing_committee'],
  INCIDENT: ['office'],
});

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
