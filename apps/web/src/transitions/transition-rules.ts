import type { TaskEventName, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import {
  allowedEvents,
  applyEvent,
  inputRefusal,
  refusalFor,
  targetOf,
  TASK_EVENTS,
  type Actor,
  type RefusalCode,
  type TaskEvent,
  type TaskFacts,
} from '@dondoc/workflow';
import type { DeadlineRule } from '../calendar/working-day-model';

/** What the transition dialog collects besides the event itself. */
export interface TransitionValues {
  comment?: string;
  leadAgencyId?: string;
  dueDate?: string;
  /** ASSIGN by working days or as continuous work: written on the draft before it is assigned. */
  deadlineRule?: DeadlineRule;
}

/** The facts libs/workflow decides on, read from a list row. */
export function factsOf(task: TaskSummaryDto): TaskFacts {
  return {
    state: task.state,
    leadAgencyId: task.leadAgencyId,
    coordinatingAgencyIds: task.coordinatingAgencyIds,
    // Who works on it (an officer only on their own) and who decides on it (APPROVE, RETURN).
    assigneeUserId: task.assigneeUserId,
    decidingAuthority: task.decidingAuthority,
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
 * Which event a drop from one column onto another means: the one that takes a task from `from` to
 * `to` (libs/workflow's targetOf). REASSIGN stays in its column, so it is reached through the card's
 * menu only; CANCEL is the only way into "cancelled".
 */
export function eventForMove(from: TaskStateName, to: TaskStateName): TaskEventName | null {
  if (from === to) return null;
  return TASK_EVENTS.find((event) => targetOf(from, event) === to) ?? null;
}

/** Columns this task may be dropped on by this user right now. */
export function dropTargets(task: TaskSummaryDto, actor: Actor): Set<TaskStateName> {
  const targets = new Set<TaskStateName>();
  for (const event of eventsFor(task, actor)) {
    const to = targetOf(task.state, event);
    if (to !== null && eventForMove(task.state, to) === event) targets.add(to);
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
  const next: TaskSummaryDto = { ...task, state: targetOf(task.state, input.event) ?? task.state, allowedEvents: [] };
  if (input.leadAgencyId) next.leadAgencyId = input.leadAgencyId;
  if (input.dueDate) next.dueDate = input.dueDate;
  if (input.event === 'RETURN') next.revision = task.revision + 1;
  return next;
}

export type InputField = 'comment' | 'leadAgencyId' | 'dueDate';

export interface InputProblem {
  code: RefusalCode;
  /** libs/workflow's own sentence for it. */
  text: { vi: string; en: string };
}

const FIELD_OF: Partial<Record<RefusalCode, InputField>> = {
  COMMENT_REQUIRED: 'comment',
  LEAD_AGENCY_REQUIRED: 'leadAgencyId',
  SAME_LEAD_AGENCY: 'leadAgencyId',
  DUE_DATE_REQUIRED: 'dueDate',
  INVALID_DUE_DATE: 'dueDate',
};

// A value each rule accepts, put in place of a field already found wanting so the next rule speaks.
const STAND_IN: Record<InputField, string> = { comment: '-', leadAgencyId: '\u0000', dueDate: '2000-01-01' };

/**
 * What the dialog's input lacks, by field, decided by libs/workflow's input rules (the server's own).
 * Empty fields count as not given. The ASSIGN dialog starts from the task's lead agency and due date,
 * so what it shows is the whole input: a field emptied there is missing, not "keep the task's".
 * Whether a deliverable waits (SUBMIT) is not the dialog's to know: the server decides that.
 */
export function inputProblems(
  task: TaskSummaryDto,
  event: TaskEventName,
  values: TransitionValues,
): Partial<Record<InputField, InputProblem>> {
  const facts: TaskFacts = event === 'ASSIGN' ? { ...factsOf(task), leadAgencyId: null, dueDate: null } : factsOf(task);
  const probe: Record<string, string | undefined> = {
    comment: values.comment || undefined,
    leadAgencyId: values.leadAgencyId || undefined,
    dueDate: values.dueDate || undefined,
  };
  const found: Partial<Record<InputField, InputProblem>> = {};
  for (;;) {
    const code = inputRefusal(facts, { ...probe, type: event } as TaskEvent);
    const field = code === null ? undefined : FIELD_OF[code];
    if (code === null || field === undefined || found[field]) return found;
    const { message, messageVi } = refusalFor(code, { type: event, state: task.state });
    found[field] = { code, text: { vi: messageVi, en: message } };
    probe[field] = STAND_IN[field];
  }
}
