export {
  TASK_STATES,
  FINAL_STATES,
  TASK_EVENTS,
  ROLES,
  POSITIONS,
  DECIDING_AUTHORITIES,
  type Position,
  type DecidingAuthority,
  type TaskState,
  type TaskEventType,
  type Role,
  type Actor,
  type Relation,
  type TaskFacts,
  type TaskEvent,
  type RefusalCode,
  type Refusal,
  type Effect,
  type ApplyResult,
} from './task.model.js';
export {
  relationOf,
  canRead,
  canComment,
  canUploadSubmission,
  canEditDraft,
  worksOnTask,
  isDecider,
  isAgencyHead,
  maySend,
  ofOwnOrganisation,
  actsForAgency,
  inSubtree,
} from './access.rules.js';
export { allowedEvents, applyEvent } from './apply-event.js';
export { daysOverdue, deadlineStatus, DEFAULT_DUE_SOON_DAYS, type DeadlineStatus } from './deadline-status.js';
export { localDate, daysUntilDue, isValidCalendarDate } from './local-date.js';
export { STATE_LABELS, EVENT_LABELS, DEADLINE_STATUS_LABELS } from './labels.js';
export { taskMachine, type TaskMachineContext, type TaskMachineEvent } from './task.machine.js';
export {
  DEFAULT_ESCALATION_POLICY,
  actionJobId,
  deadlineInstant,
  isActionRelevant,
  isPartRung,
  isValidPolicy,
  mergePolicy,
  parseIsoDuration,
  planDeadlineActions,
  planReviewReminder,
  planPartActions,
  PART_RUNGS,
  type PartFacts,
  type PartRung,
  type TaskRung,
  type EscalationPolicy,
  type PlannedAction,
  type PlanningCalendar,
  type CountedRung,
  type Rung,
} from './escalation.policy.js';
export {
  AUDIENCES,
  CHANGE_KINDS,
  RECIPIENTS,
  audiencesOf,
  isChangeKind,
  reminderAudiences,
  type Audience,
  type ChangeKind,
} from './recipients.js';
export { targetOf } from './target-state.js';
export { inputRefusal, normalizeComment, type InputFacts } from './input.rules.js';
export { refusalFor } from './refusal.messages.js';
export * from './recurrence.rules.js';
export * from './calendar/index.js';
export * from './classification.rules.js';
