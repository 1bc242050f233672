import type { Actor, Relation, TaskEventType, TaskFacts } from './task.model.js';

type Membership = Pick<TaskFacts, 'leadAgencyId' | 'coordinatingAgencyIds'>;

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
 * drafts; the Office, the Standing Committee and the inspector see every task; anyone else sees none.
 * `taskScope` in the API is this rule as SQL; one table of cases tests both (test/e2e/visibility).
 */
export function canRead(
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'>,
  actor: Actor,
): boolean {
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
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'>,
  actor: Actor,
): boolean {
  return task.state === 'in_progress' && actor.role === 'agency' && relationOf(task, actor) === 'lead';
}

export function canEditDraft(task: Pick<TaskFacts, 'state'>, actor: Actor): boolean {
  return task.state === 'drafted' && actor.role === 'office';
}

type SenderRule = (actor: Actor, relation: Relation) => boolean;

const office: SenderRule = (a) => a.role === 'office';
const standingCommittee: SenderRule = (a) => a.role === 'standing_committee';
// An agency acts only on tasks it leads and never decides on its own work.
const leadAgency: SenderRule = (a, r) => a.role === 'agency' && r === 'lead';
const officeOrStandingCommittee: SenderRule = (a, r) => office(a, r) || standingCommittee(a, r);

const SENDERS: Readonly<Record<TaskEventType, SenderRule>> = Object.freeze({
  ASSIGN: office,
  REASSIGN: office,
  START: leadAgency,
  SUBMIT: leadAgency,
  APPROVE: standingCommittee,
  RETURN: standingCommittee,
  CANCEL: officeOrStandingCommittee,
});

/** Whether this actor may ever send this event on this task, whatever its state. */
export function maySend(type: TaskEventType, task: Membership, actor: Actor): boolean {
  // hasOwn: event types arrive from the network; 'constructor' must not find a prototype function
  return Object.hasOwn(SENDERS, type) && SENDERS[type](actor, relationOf(task, actor));
}
