import { isCleared, type ClassifiedFacts } from './classification.rules.js';
import type { Actor, Relation, TaskEventType, TaskFacts } from './task.model.js';

type Membership = Pick<TaskFacts, 'leadAgencyId' | 'coordinatingAgencyIds'> &
  Partial<Pick<TaskFacts, 'assigneeUserId' | 'decidingAuthority'>>;

export function relationOf(task: Membership, actor: Actor): Relation {
  const agencyId = actor.agencyId;
  if (!agencyId) return 'none';
  if (agencyId === task.leadAgencyId) return 'lead';
  return task.coordinatingAgencyIds.includes(agencyId) ? 'coordinating' : 'none';
}

function isAgencyMember(task: Membership, actor: Actor): boolean {
  return actor.role === 'agency' && relationOf(task, actor) !== 'none';
}

/**
 * The visibility rule: an agency sees the tasks it leads or coordinates once they have left the Office's
 * drafts; the Office, the Standing Committee and the inspector see every task; anyone else sees none. A
 * classified task is seen only by those of them on its access list.
 * `taskScope` in the API is this rule as SQL; one table of cases tests both (test/e2e/visibility).
 */
export function canRead(
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'> & ClassifiedFacts,
  actor: Actor,
): boolean {
  // A classified task needs the person on its access list as well as the role's right: role alone is not enough.
  if (!isCleared(task, actor)) return false;
  switch (actor.role) {
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return true;
    case 'agency':
      return task.state !== 'drafted' && isAgencyMember(task, actor);
    case 'admin':
      // manages accounts, not tasks
      return false;
  }
  // Roles read from a token may be anything; deny what is not listed.
  return false;
}

export function canComment(
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'>,
  actor: Actor,
): boolean {
  if (!canRead(task, actor)) return false;
  return actor.role === 'office' || actor.role === 'standing_committee' || isAgencyMember(task, actor);
}

export function canUploadSubmission(
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'> &
    Partial<Pick<TaskFacts, 'assigneeUserId'>>,
  actor: Actor,
): boolean {
  return task.state === 'in_progress' && worksOnTask(task, actor);
}

export function canEditDraft(task: Pick<TaskFacts, 'state'>, actor: Actor): boolean {
  return task.state === 'drafted' && actor.role === 'office';
}

/**
 * Whether this agency user works on this task it leads: the head and deputies on every one, an officer on
 * those assigned to them (or on all, when the head allows it).
 */
export function worksOnTask(task: Membership, actor: Actor): boolean {
  if (actor.role !== 'agency' || relationOf(task, actor) !== 'lead') return false;
  if (actor.position !== 'officer') return true;
  return actor.officersActOnAll === true || (!!task.assigneeUserId && task.assigneeUserId === actor.userId);
}

/** Whether the actor is the task's deciding authority ("rõ thẩm quyền"). */
export function isDecider(task: Membership, actor: Actor): boolean {
  switch (task.decidingAuthority ?? 'standing_committee') {
    case 'standing_committee':
      return actor.role === 'standing_committee';
    case 'standing_board':
      return actor.role === 'standing_committee' && actor.position === 'standing_board';
    case 'office':
      return actor.role === 'office';
  }
}

/** Whether the actor heads the agency (head or deputy): they assign the agency's tasks to its officers. */
export function isAgencyHead(actor: Actor): boolean {
  return actor.role === 'agency' && actor.position !== 'officer';
}

type SenderRule = (actor: Actor, relation: Relation, task: Membership) => boolean;

const office: SenderRule = (a) => a.role === 'office';
const standingCommittee: SenderRule = (a) => a.role === 'standing_committee';
// An agency acts only on tasks it leads and never decides on its own work.
const leadAgency: SenderRule = (a, _r, t) => worksOnTask(t, a);
const decider: SenderRule = (a, _r, t) => isDecider(t, a);
const officeOrStandingCommittee: SenderRule = (a, r, t) => office(a, r, t) || standingCommittee(a, r, t);

const SENDERS: Readonly<Record<TaskEventType, SenderRule>> = Object.freeze({
  ASSIGN: office,
  REASSIGN: office,
  START: leadAgency,
  SUBMIT: leadAgency,
  APPROVE: decider,
  RETURN: decider,
  CANCEL: officeOrStandingCommittee,
});

/** Whether this actor may ever send this event on this task, whatever its state. */
export function maySend(type: TaskEventType, task: Membership, actor: Actor): boolean {
  // hasOwn: event types arrive from the network; 'constructor' must not find a prototype function
  return Object.hasOwn(SENDERS, type) && SENDERS[type](actor, relationOf(task, actor), task);
}
