import { taskMachine } from './task.machine.js';
import { TASK_EVENTS, TASK_STATES, type TaskEventType, type TaskState } from './task.model.js';

const KNOWN_STATES: ReadonlySet<string> = new Set(TASK_STATES);

function stateOf(key: string | undefined, from: TaskState): TaskState {
  // A transition without a target leaves the task where it is.
  if (key === undefined) return from;
  if (!KNOWN_STATES.has(key)) throw new Error(`workflow: the task machine targets unknown state "${key}"`);
  return key as TaskState;
}

// Read once from the machine's own transitions (guards aside), so the answer cannot drift from it.
// Maps, because a state or event read from a URL or storage may be anything, even 'constructor'.
const TARGETS: ReadonlyMap<string, ReadonlyMap<string, TaskState>> = new Map(
  TASK_STATES.map((state) => {
    const node = taskMachine.states[state];
    const targets = new Map<string, TaskState>();
    for (const event of TASK_EVENTS) {
      const candidate = node.transitions.get(event)?.[0];
      if (candidate) targets.set(event, stateOf(candidate.target?.[0]?.key, state));
    }
    return [state, targets];
  }),
);

/**
 * Where `event` leaves a task that is in `state`, or null when that state does not handle the event.
 * Who may send it and what it must carry are for `allowedEvents`/`applyEvent`; this is only the map.
 */
export function targetOf(state: TaskState, event: TaskEventType): TaskState | null {
  return TARGETS.get(state)?.get(event) ?? null;
}
