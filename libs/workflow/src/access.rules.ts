import { isCleared, type ClassifiedFacts } from './classification.rules.js';
import type { Actor, Relation, TaskEventType, TaskFacts } from './task.model.js';

type Membership = Pick<TaskFacts, 'leadAgencyId' | 'coordinatingAgencyIds'> &
  Partial<Pick<TaskFacts, 'assigneeUserId' | 'decidingAuthority' | 'organisationId'>>;

/**
 * The agency a person answers for: their own, or, for a committee's Office, Standing Committee and inspector,
 * the agency that stands for their committee among the parent's (a task the province gives Thành ủy Rạch Giá
 * is that committee's).
 */
function answersFor(actor: Actor): string | null {
  switch (actor.role) {
    case 'agency':
      return actor.agencyId;
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return actor.organisationAgencyId ?? null;
    case 'admin':
      return null;
  }
  return null;
}

/** Whether the actor hands in that agency's part: its own people, or the Office of the committee it stands for. */
export function actsForAgency(agencyId: string, actor: Actor): boolean {
  if (actor.role === 'agency') return actor.agencyId === agencyId;
  return actor.role === 'office' && !!actor.organisationAgencyId && actor.organisationAgencyId === agencyId;
}

export function relationOf(task: Membership, actor: Actor): Relation {
  const agencyId = answersFor(actor);
  if (!agencyId) return 'none';
  if (agencyId === task.leadAgencyId) return 'lead';
  return task.coordinatingAgencyIds.includes(agencyId) ? 'coordinating' : 'none';
}

function isAgencyMember(task: Membership, actor: Actor): boolean {
  return actor.role === 'agency' && relationOf(task, actor) !== 'none';
}

/**
 * Whether the task is the actor's own committee's. The Office and the Standing Committee act (assign, edit,
 * decide, cancel) only there; above it they follow and urge, below it nothing. Both unset is the one-province
 * world of the rules' own tests; an API actor always has one, so a task read without it is someone else's.
 */
export function ofOwnOrganisation(task: Pick<TaskFacts, 'organisationId'>, actor: Actor): boolean {
  return (task.organisationId ?? null) === (actor.organisationId ?? null);
}

/** Whether an organisation's path (`tinh_uy.thanh_uy_rach_gia`) is the actor's own or lies below it. */
export function inSubtree(path: string | null | undefined, actor: Actor): boolean {
  const own = actor.organisationPath;
  if (!own) return true;
  // A task read without its path counts as the top's: only the top sees it.
  if (!path) return !own.includes('.');
  return path === own || path.startsWith(`${own}.`);
}

/**
 * The visibility rule: an agency sees the tasks it leads or coordinates once they have left the Office's
 * drafts; the Office, the Standing Committee and the inspector see every task of their committee and of the
 * committees below it, and the tasks given to their committee from above; anyone else sees none. A
 * classified task is seen only by those of them on its access list.
 * `taskScope` in the API is this rule as SQL; one table of cases tests both (test/e2e/visibility).
 */
export function canRead(
  task: Pick<TaskFacts, 'state' | 'leadAgencyId' | 'coordinatingAgencyIds'> &
    ClassifiedFacts & { organisationPath?: string | null },
  actor: Actor,
): boolean {
  // A classified task needs the person on its access list as well as the role's right: role alone is not enough.
  if (!isCleared(task, actor)) return false;
  switch (actor.role) {
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return (
        inSubtree(task.organisationPath, actor) || (task.state !== 'drafted' && relationOf(task, actor) !== 'none')
      );
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

export function canEditDraft(task: Pick<TaskFacts, 'state' | 'organisationId'>, actor: Actor): boolean {
  return task.state === 'drafted' && actor.role === 'office' && ofOwnOrganisation(task, actor);
}

/**
 * Whether this agency user works on this task it leads: the head and deputies on every one, an officer on
 * those assigned to them (or on all, when the head allows it). A lower committee's Office carries out the
 * task given to its committee (and submits it upward).
 */
export function worksOnTask(task: Membership, actor: Actor): boolean {
  if (relationOf(task, actor) !== 'lead') return false;
  if (actor.role === 'office') return true;
  if (actor.role !== 'agency') return false;
  if (actor.position !== 'officer') return true;
  return actor.officersActOnAll === true || (!!task.assigneeUserId && task.assigneeUserId === actor.userId);
}

/** Whether the actor is the task's deciding authority ("rõ thẩm quyền"). */
export function isDecider(task: Membership, actor: Actor): boolean {
  if (!ofOwnOrganisation(task, actor)) return false;
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

const office: SenderRule = (a, _r, t) => a.role === 'office' && ofOwnOrganisation(t, a);
const standingCommittee: SenderRule = (a, _r, t) => a.role === 'standing_committee' && ofOwnOrganisation(t, a);
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
