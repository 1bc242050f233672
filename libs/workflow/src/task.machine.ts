import {
  assign,
  createActor,
  enqueueActions,
  setup,
  type ActorScope,
  type ExecutableActionsFrom,
  type SnapshotFrom,
} from 'xstate';
import { maySend } from './access.rules.js';
import { inputRefusal, normalizeComment } from './input.rules.js';
import type { Actor, DecidingAuthority, Effect, TaskEvent } from './task.model.js';

export interface TaskMachineContext {
  leadAgencyId: string | null;
  coordinatingAgencyIds: readonly string[];
  dueDate: string | null;
  deadlineVersion: number;
  revision: number;
  // In the context so the SUBMIT guard stays a pure function of (context, event).
  hasPendingSubmission: boolean;
  // Who works on the task inside the lead agency, and who decides on it: the sender rules read them.
  assigneeUserId: string | null;
  decidingAuthority: DecidingAuthority;
  /** Continuous work (thường xuyên): assigned without a deadline, so no deadline ladder. */
  continuous: boolean;
  /** The committee whose task it is: its Office and Standing Committee alone assign and decide. */
  organisationId: string | null;
}

/** A task event plus who sends it: guards decide from the event alone, with no ambient session. */
export type TaskMachineEvent = TaskEvent & { actor: Actor };

type EffectParams<K extends Effect['kind']> = Omit<Extract<Effect, { kind: K }>, 'kind'>;

const EMPTY_CONTEXT: TaskMachineContext = {
  leadAgencyId: null,
  coordinatingAgencyIds: [],
  dueDate: null,
  deadlineVersion: 0,
  revision: 0,
  hasPendingSubmission: false,
  assigneeUserId: null,
  decidingAuthority: 'standing_committee',
  continuous: false,
  organisationId: null,
};

function deadlineOf(context: TaskMachineContext): EffectParams<'schedule_deadline_actions'> {
  const { dueDate, leadAgencyId, deadlineVersion } = context;
  // The guards make this unreachable; failing loudly beats scheduling jobs for nobody.
  if (dueDate == null || leadAgencyId == null)
    throw new Error('task machine: deadline scheduled without lead agency or due date');
  return { dueDate, deadlineVersion, leadAgencyId };
}

function decision(
  decision: 'approved' | 'returned',
  comment: string | undefined,
): EffectParams<'record_submission_decision'> {
  const text = normalizeComment(comment);
  return text === undefined ? { decision } : { decision, comment: text };
}

// Effect actions do nothing when executed: callers run the machine through the pure
// transition() and carry the returned actions out themselves (as Effect values).
function effect<Params = undefined>(): (_: unknown, params: Params) => void {
  return () => {};
}

// Read by xstate for its type parameters only.
const types: { context: TaskMachineContext; events: TaskMachineEvent; input: Partial<TaskMachineContext> } = {
  context: EMPTY_CONTEXT,
  events: { type: 'START', actor: { userId: '', role: 'agency', agencyId: null } },
  input: {},
};

const taskSetup = setup({
  types,
  guards: {
    // The same rule functions produce applyEvent's refusal codes.
    permitted: ({ context, event }) =>
      maySend(event.type, context, event.actor) && inputRefusal(context, event) === null,
  },
  actions: {
    schedule_deadline_actions: effect<EffectParams<'schedule_deadline_actions'>>(),
    cancel_scheduled_actions: effect(),
    schedule_review_reminder: effect(),
    clear_review_reminder: effect(),
    record_submission_decision: effect<EffectParams<'record_submission_decision'>>(),
  },
});

const cancelTransition = {
  target: 'cancelled',
  guard: 'permitted',
  actions: ['cancel_scheduled_actions', 'clear_review_reminder'],
} as const;

export const taskMachine = taskSetup.createMachine({
  id: 'task',
  initial: 'drafted',
  context: ({ input }) => ({ ...EMPTY_CONTEXT, ...input }),
  states: {
    drafted: {
      on: {
        ASSIGN: {
          target: 'assigned',
          guard: 'permitted',
          actions: [
            assign(({ context, event }) => ({
              leadAgencyId: event.leadAgencyId ?? context.leadAgencyId,
              dueDate: event.dueDate ?? context.dueDate,
              deadlineVersion: context.deadlineVersion + 1,
            })),
            // Continuous work assigned without a deadline has no ladder; every other assignment has one.
            enqueueActions(({ context, enqueue }) => {
              if (context.dueDate == null && context.continuous) return;
              enqueue({ type: 'schedule_deadline_actions', params: deadlineOf(context) });
            }),
          ],
        },
        CANCEL: cancelTransition,
      },
    },
    assigned: {
      on: {
        REASSIGN: {
          target: 'assigned',
          guard: 'permitted',
          actions: [
            assign(({ context, event }) => ({
              leadAgencyId: event.leadAgencyId,
              dueDate: event.dueDate ?? context.dueDate,
              deadlineVersion: context.deadlineVersion + 1,
            })),
            // Continuous work assigned without a deadline has no ladder; every other assignment has one.
            enqueueActions(({ context, enqueue }) => {
              if (context.dueDate == null && context.continuous) return;
              enqueue({ type: 'schedule_deadline_actions', params: deadlineOf(context) });
            }),
          ],
        },
        START: { target: 'in_progress', guard: 'permitted' },
        CANCEL: cancelTransition,
      },
    },
    in_progress: {
      on: {
        SUBMIT: {
          target: 'submitted',
          guard: 'permitted',
          actions: ['schedule_review_reminder'],
        },
        CANCEL: cancelTransition,
      },
    },
    submitted: {
      on: {
        APPROVE: {
          target: 'approved',
          guard: 'permitted',
          actions: [
            assign({ hasPendingSubmission: false }),
            { type: 'record_submission_decision', params: ({ event }) => decision('approved', event.comment) },
            'cancel_scheduled_actions',
            'clear_review_reminder',
          ],
        },
        RETURN: {
          target: 'in_progress',
          guard: 'permitted',
          // Deadline jobs stay: the original due date still binds the reworked submission.
          actions: [
            assign(({ context }) => ({ revision: context.revision + 1, hasPendingSubmission: false })),
            { type: 'record_submission_decision', params: ({ event }) => decision('returned', event.comment) },
            'clear_review_reminder',
          ],
        },
      },
    },
    approved: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type TaskMachineSnapshot = SnapshotFrom<typeof taskMachine>;
export type TaskMachineAction = ExecutableActionsFrom<typeof taskMachine>;

let collected: TaskMachineAction[] = [];

// Same as xstate's pure transition(), which builds a throwaway actor (running the initial
// state) on every call: that alone doubled the cost of deciding an event. One inert scope is
// reused instead; nothing runs, actions are only collected. A spec checks both agree.
const inertScope: ActorScope<TaskMachineSnapshot, TaskMachineEvent> = (() => {
  const self = createActor(taskMachine, { input: {} });
  return {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action as TaskMachineAction);
    },
  };
})();

/** Pure: the next snapshot and the actions the caller should carry out. */
export function transitionTask(
  snapshot: TaskMachineSnapshot,
  event: TaskMachineEvent,
): { next: TaskMachineSnapshot; actions: TaskMachineAction[] } {
  const actions: TaskMachineAction[] = [];
  collected = actions;
  try {
    return { next: taskMachine.transition(snapshot, event, inertScope), actions };
  } finally {
    collected = [];
  }
}
