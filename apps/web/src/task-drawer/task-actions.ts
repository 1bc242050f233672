import type { TaskDetailDto, TaskEventName } from '@dondoc/contracts';
import { canUploadSubmission, worksOnTask, type Actor } from '@dondoc/workflow';
import { eventsFor } from '../transitions/transition-rules';

export type ActionTone = 'primary' | 'danger' | 'default';

export interface TaskAction {
  event: TaskEventName;
  tone: ActionTone;
}

// The step that moves the work on from each state; everything else is a side road or a way back.
const FORWARD: readonly TaskEventName[] = ['ASSIGN', 'START', 'SUBMIT', 'APPROVE'];
// Forward first, then the side roads, then the way back, and ending the task last, away from the rest.
const ORDER: readonly TaskEventName[] = ['ASSIGN', 'START', 'SUBMIT', 'APPROVE', 'REASSIGN', 'RETURN', 'CANCEL'];

export function toneOf(event: TaskEventName): ActionTone {
  if (event === 'CANCEL') return 'danger';
  return FORWARD.includes(event) ? 'primary' : 'default';
}

/** The transitions this person may send on this task now, in the order the actions bar shows them. */
export function taskActionsFor(task: TaskDetailDto, actor: Actor): TaskAction[] {
  return eventsFor(task, actor)
    .slice()
    .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
    .map((event) => ({ event, tone: toneOf(event) }));
}

// Mirrors the API's rule (extension.rules.ts): once submitted, the deadline is the reviewer's business.
const REQUESTABLE_STATES: readonly string[] = ['assigned', 'in_progress'];

/**
 * Whether this person may ask for a later deadline on this task (Xin gia hạn), leaving aside an open request:
 * the lead agency's people who work on it (an officer on their own tasks), as the API's extension rules say.
 */
export function mayRequestExtension(task: TaskDetailDto, actor: Actor): boolean {
  return worksOnTask(task, actor) && REQUESTABLE_STATES.includes(task.state) && task.dueDate !== null;
}

/** Whether this person decides extension requests. */
export function mayDecideExtension(actor: Actor): boolean {
  return actor.role === 'standing_committee' || actor.role === 'office';
}

export type ExtensionShortcut = 'request' | 'decide' | null;

/** Which extension shortcut the bar offers: ask (no request open yet), or go to the open one to decide. */
export function extensionShortcutFor(task: TaskDetailDto, actor: Actor): ExtensionShortcut {
  const hasOpen = task.extensionRequests.some((r) => r.status === 'open');
  if (!hasOpen && mayRequestExtension(task, actor)) return 'request';
  if (hasOpen && mayDecideExtension(actor)) return 'decide';
  return null;
}

/** Whether the lead agency may add working files now: only while the work is in progress. */
export function mayUploadWorkingFiles(task: TaskDetailDto, actor: Actor): boolean {
  return canUploadSubmission(task, actor);
}

/**
 * The deliverable waiting to be submitted: handed in for the current round and not yet decided (the
 * server's own test for SUBMIT, tasks.repository's pending submission).
 */
export function pendingSubmissionOf(task: Pick<TaskDetailDto, 'revision' | 'submissions'>) {
  return (
    [...task.submissions]
      .sort((a, b) => b.seq - a.seq)
      .find((s) => s.revision === task.revision && s.decision === null) ?? null
  );
}
