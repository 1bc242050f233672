import { initialTransition, transition } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import {
  taskMachine,
  type TaskMachineContext,
  type TaskMachineEvent,
  type TaskMachineSnapshot,
} from './task.machine.js';
import { FINAL_STATES, TASK_STATES, type Actor, type TaskState } from './task.model.js';

const AGENCIES = ['BTG', 'BTC', 'BDV', 'BNC'];

// Every kind of sender, seen from the task's current context, with complete input, so the
// guards alone decide which edges exist.
function eventsFor(snapshot: TaskMachineSnapshot): TaskMachineEvent[] {
  const { leadAgencyId, coordinatingAgencyIds } = snapshot.context;
  const unrelated = AGENCIES.find((a) => a !== leadAgencyId && !coordinatingAgencyIds.includes(a))!;
  const actors: Actor[] = [
    { userId: 'office', role: 'office', agencyId: null },
    { userId: 'btv', role: 'standing_committee', agencyId: null },
    { userId: 'inspector', role: 'inspector', agencyId: null },
    { userId: 'admin', role: 'admin', agencyId: null },
    { userId: 'lead', role: 'agency', agencyId: leadAgencyId },
    { userId: 'coord', role: 'agency', agencyId: coordinatingAgencyIds[0] ?? null },
    { userId: 'other', role: 'agency', agencyId: unrelated },
  ];
  const newLead = AGENCIES.find((a) => a !== leadAgencyId)!;
  return actors.flatMap((actor): TaskMachineEvent[] => [
    { type: 'ASSIGN', leadAgencyId: 'BTG', dueDate: '2021-06-30', actor },
    { type: 'REASSIGN', leadAgencyId: newLead, actor },
    { type: 'START', actor },
    { type: 'SUBMIT', actor },
    { type: 'APPROVE', actor },
    { type: 'RETURN', comment: 'Bổ sung', actor },
    { type: 'CANCEL', comment: 'Không còn phù hợp', actor },
  ]);
}

// Upload is not a lifecycle event, so the traversal starts with a deliverable on hand.
const input: Partial<TaskMachineContext> = { coordinatingAgencyIds: ['BTC'], hasPendingSubmission: true };

// Vertices are lifecycle states: versions and revisions would otherwise make the graph infinite.
const traversal = {
  input,
  events: eventsFor,
  serializeState: (snapshot: TaskMachineSnapshot) => String(snapshot.value),
  serializeEvent: (event: TaskMachineEvent) => `${event.type}:${event.actor.userId}`,
};

// Paths open with xstate's own init step, which no actor sends.
function lifecycleSteps(path: { steps: { event: TaskMachineEvent | { type: string } }[] }): TaskMachineEvent[] {
  return path.steps.map((s) => s.event).filter((e): e is TaskMachineEvent => !e.type.startsWith('xstate.'));
}

function stateOf(snapshot: TaskMachineSnapshot): TaskState {
  return snapshot.value;
}

describe('task machine graph', () => {
  const shortest = getShortestPaths(taskMachine, traversal);
  const simple = getSimplePaths(taskMachine, traversal);

  it('starts drafted, with empty context by default', () => {
    const [snapshot] = initialTransition(taskMachine, {});
    expect(snapshot.value).toBe('drafted');
    expect(snapshot.context).toEqual({
      leadAgencyId: null,
      continuous: false,
      coordinatingAgencyIds: [],
      dueDate: null,
      deadlineVersion: 0,
      revision: 0,
      hasPendingSubmission: false,
      assigneeUserId: null,
      decidingAuthority: 'standing_committee',
      organisationId: null,
    });
  });

  it('reaches every state from drafted', () => {
    expect(new Set(shortest.map((p) => stateOf(p.state)))).toEqual(new Set(TASK_STATES));
  });

  it('reaches approval through the whole lifecycle and nothing shorter', () => {
    const toApproved = shortest.find((p) => p.state.value === 'approved')!;
    expect(lifecycleSteps(toApproved).map((e) => `${e.type}:${e.actor.userId}`)).toEqual([
      'ASSIGN:office',
      'START:lead',
      'SUBMIT:lead',
      'APPROVE:btv',
    ]);
  });

  it('only ever moves on an event from a sender the rules allow', () => {
    const allowed: Record<string, string[]> = {
      ASSIGN: ['office'],
      REASSIGN: ['office'],
      START: ['lead'],
      SUBMIT: ['lead'],
      APPROVE: ['btv'],
      RETURN: ['btv'],
      CANCEL: ['office', 'btv'],
    };
    for (const path of simple) {
      for (const event of lifecycleSteps(path)) expect(allowed[event.type]).toContain(event.actor.userId);
    }
  });

  it('lets every simple path end in, or still reach, a final state', () => {
    expect(simple.length).toBeGreaterThan(TASK_STATES.length);
    for (const path of simple) {
      const end = stateOf(path.state);
      if (FINAL_STATES.includes(end)) continue;
      const onward = getShortestPaths(taskMachine, { ...traversal, fromState: path.state });
      expect(onward.some((p) => FINAL_STATES.includes(stateOf(p.state)))).toBe(true);
    }
  });

  it('marks exactly approved and cancelled as final, with no way out', () => {
    const finals = TASK_STATES.filter((s) => taskMachine.states[s].type === 'final');
    expect(finals).toEqual([...FINAL_STATES]);
    for (const state of FINAL_STATES) {
      expect(taskMachine.states[state].ownEvents).toEqual([]);
      const snapshot = taskMachine.resolveState({
        value: state,
        context: {
          ...input,
          leadAgencyId: 'BTG',
          dueDate: '2021-06-30',
          deadlineVersion: 1,
          revision: 0,
        } as TaskMachineContext,
      });
      expect(snapshot.status).toBe('done');
      for (const event of eventsFor(snapshot)) {
        const [next, actions] = transition(taskMachine, snapshot, event);
        expect(next.value).toBe(state);
        expect(actions).toEqual([]);
      }
      const onward = getShortestPaths(taskMachine, { ...traversal, fromState: snapshot });
      expect(onward.map((p) => p.state.value)).toEqual([state]);
    }
  });

  it('gives every non-final state a way forward', () => {
    for (const state of TASK_STATES.filter((s) => !FINAL_STATES.includes(s))) {
      expect(taskMachine.states[state].ownEvents.length).toBeGreaterThan(0);
    }
  });
});
