import type { TaskEventName, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { allowedEvents, applyEvent, type Actor, type TaskEvent, type TaskFacts } from '@dondoc/workflow';

/** The facts libs/workflow decides on, read from a list row. */
export function factsOf(task: TaskSummaryDto): TaskFacts {
  return {
    state: task.state,
    leadAgencyId: task.leadAgencyId,
    coordinatingAgencyIds: task.coordinatingAgencyIds,
    dueDate: task.dueDate,
    deadlineVersion: task.deadlineVersion,
    revision: task.revision,
  };
}

/** Events this user may send on this task now; the same rules the server applies. */
export function eventsFor(task: TaskSummaryDto, actor: Actor): TaskEventName[] {
  return allowedEvents(factsOf(task), actor);
}

/**
 * Which event a drop from one column onto another means. REASSIGN stays in its column, so it is
 * reached through the card's menu only; CANCEL is the only way into "cancelled".
 */
export function eventForMove(from: TaskStateName, to: TaskStateName): TaskEventName | null {
  if (to === 'cancelled') return from === 'drafted' || from === 'assigned' || from === 'in_progress' ? 'CANCEL' : null;
  if (from === 'drafted' && to === 'assigned') return 'ASSIGN';
  if (from === 'assigned' && to === 'in_progress') return 'START';
  if (from === 'in_progress' && to === 'submitted') return 'SUBMIT';
  if (from === 'submitted' && to === 'approved') return 'APPROVE';
  if (from === 'submitted' && to === 'in_progress') return 'RETURN';
  return null;
}

/** Where an event leaves the task (mirrors task.machine.ts; used for the optimistic move). */
export function targetState(event: TaskEventName, from: TaskStateName): TaskStateName {
  switch (event) {
    case 'ASSIGN':
    case 'REASSIGN':
      return 'assigned';
    case 'START':
    case 'RETURN':
      return 'in_progress';
    case 'SUBMIT':
      return 'submitted';
    case 'APPROVE':
      return 'approved';
    case 'CANCEL':
      return 'cancelled';
  }
  return from;
}

/** Columns this task may be dropped on by this user right now. */
export function dropTargets(task: TaskSummaryDto, actor: Actor): Set<TaskStateName> {
  const targets = new Set<TaskStateName>();
  for (const event of eventsFor(task, actor)) {
    const to = targetState(event, task.state);
    if (eventForMove(task.state, to) === event) targets.add(to);
  }
  return targets;
}

// Placeholder input so that the refusal names the role or the state, never a missing comment.
const PROBE: Record<TaskEventName, TaskEvent> = {
  ASSIGN: { type: 'ASSIGN' },
  REASSIGN: { type: 'REASSIGN', leadAgencyId: '-' },
  START: { type: 'START' },
  SUBMIT: { type: 'SUBMIT' },
  APPROVE: { type: 'APPROVE' },
  RETURN: { type: 'RETURN', comment: '-' },
  CANCEL: { type: 'CANCEL', comment: '-' },
};

/** libs/workflow's own explanation of why this user may not send this event (vi and en). */
export function refusalOf(task: TaskSummaryDto, actor: Actor, event: TaskEventName): { vi: string; en: string } | null {
  const result = applyEvent(factsOf(task), actor, PROBE[event], new Date());
  return result.ok ? null : { vi: result.refusal.messageVi, en: result.refusal.message };
}

/** The task as it will look once the server accepts the event: shown at once, replaced by the answer. */
export function optimisticTask(
  task: TaskSummaryDto,
  input: { event: TaskEventName; leadAgencyId?: string; dueDate?: string },
): TaskSummaryDto {
  const next: TaskSummaryDto = { ...task, state: targetState(input.event, task.state), allowedEvents: [] };
  if (input.leadAgencyId) next.leadAgencyId = input.leadAgencyId;
  if (input.dueDate) next.dueDate = input.dueDate;
  if (input.event === 'RETURN') next.revision = task.revision + 1;
  return next;
}
