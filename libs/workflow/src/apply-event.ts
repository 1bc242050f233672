import { maySend } from './access.rules.js';
import { inputRefusal } from './input.rules.js';
import { refusalFor } from './refusal.messages.js';
import { taskMachine, transitionTask, type TaskMachineContext } from './task.machine.js';
import {
  TASK_EVENTS,
  TASK_STATES,
  type Actor,
  type ApplyResult,
  type Effect,
  type TaskEvent,
  type TaskEventType,
  type TaskFacts,
  type TaskState,
} from './task.model.js';

// Which events each state handles, read once from the machine so the state rule cannot drift from it.
// A Map, because a state read from storage may be anything, even 'constructor'.
const ACCEPTED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  TASK_STATES.map((state) => [state, new Set<string>(taskMachine.states[state].ownEvents)]),
);

const EFFECT_KINDS: ReadonlySet<string> = new Set<Effect['kind']>([
  'schedule_deadline_actions',
  'cancel_scheduled_actions',
  'schedule_review_reminder',
  'clear_review_reminder',
  'record_submission_decision',
]);

function accepts(state: TaskState, type: TaskEventType): boolean {
  return ACCEPTED.get(state)?.has(type) === true;
}

/** Events this actor may send now (role and state); the UI asks for comments and files afterwards. */
export function allowedEvents(task: TaskFacts, actor: Actor): TaskEventType[] {
  return TASK_EVENTS.filter((type) => accepts(task.state, type) && maySend(type, task, actor));
}

function contextOf(task: TaskFacts): TaskMachineContext {
  return {
    leadAgencyId: task.leadAgencyId,
    coordinatingAgencyIds: task.coordinatingAgencyIds,
    dueDate: task.dueDate,
    deadlineVersion: task.deadlineVersion,
    revision: task.revision,
    hasPendingSubmission: task.hasPendingSubmission === true,
    assigneeUserId: task.assigneeUserId ?? null,
    decidingAuthority: task.decidingAuthority ?? 'standing_committee',
    continuous: task.continuous === true,
    organisationId: task.organisationId ?? null,
  };
}

/**
 * Decides one event. Refusals come in a fixed order (role, then state, then input) so that
 * someone who may never act learns that before learning what the task lacks.
 * `now` is part of the contract for time-dependent rules; none of today's rules needs it.
 */
export function applyEvent(task: TaskFacts, actor: Actor, event: TaskEvent, _now: Date): ApplyResult {
  const { type } = event;
  const from = task.state;
  if (!maySend(type, task, actor)) return { ok: false, refusal: refusalFor('FORBIDDEN_ROLE', { type, state: from }) };
  if (!accepts(from, type)) return { ok: false, refusal: refusalFor('INVALID_TRANSITION', { type, state: from }) };
  const code = inputRefusal(task, event);
  if (code !== null) return { ok: false, refusal: refusalFor(code, { type, state: from }) };

  const snapshot = taskMachine.resolveState({ value: from, context: contextOf(task) });
  const { next, actions } = transitionTask(snapshot, { ...event, actor });
  if (next === snapshot) {
    // The guards call the same rules as above, so this means the two have been edited apart.
    throw new Error(`workflow: the task machine refused ${type} in ${from} although the rules allow it`);
  }

  const effects: Effect[] = [];
  for (const action of actions) {
    if (EFFECT_KINDS.has(action.type)) effects.push(Object.assign({ kind: action.type }, action.params) as Effect);
  }
  const to = next.value;
  const { context } = next;
  return {
    ok: true,
    from,
    to,
    task: {
      ...task,
      state: to,
      leadAgencyId: context.leadAgencyId,
      coordinatingAgencyIds: context.coordinatingAgencyIds,
      dueDate: context.dueDate,
      deadlineVersion: context.deadlineVersion,
      revision: context.revision,
      hasPendingSubmission: context.hasPendingSubmission,
    },
    effects,
  };
}
