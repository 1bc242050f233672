import { civilFromDays, dayNumber, isValidCalendarDate, localDate } from './local-date.js';
import { RECIPIENTS, reminderAudiences, type Audience } from './recipients.js';

/**
 * The escalation ladder as data: ISO-8601 durations, so production uses days and tests use seconds.
 * Deadline rungs hang off the deadline instant (the end of the due day in Asia/Ho_Chi_Minh).
 */
export interface EscalationPolicy {
  /** Reminders to the lead agency this long before the deadline (default P14D and P3D). */
  remindBefore: string[];
  /** Escalation to the Standing Committee this long after the deadline (default P7D). */
  escalateAfter: string;
  /** Reminder to the Standing Committee when a submission waits this long (default P10D). */
  reviewReminderAfter: string;
  /**
   * How each rung counts whole days on a working calendar (working days by default). Offsets with a time part
   * (PT4S, PT2H) always count elapsed time: such a ladder is never moved by the calendar.
   */
  dayCounting?: Partial<Record<CountedRung, DayCounting>>;
}

export type DayCounting = 'working' | 'calendar';
export type CountedRung = 'remindBefore' | 'escalateAfter' | 'reviewReminderAfter';

/** What planning needs of the working calendar (libs/workflow's WorkingCalendar). */
export interface PlanningCalendar {
  readonly settings: { readonly enabled: boolean };
  effectiveDueDate(dueDate: string): string;
  addWorkingDays(date: string, n: number): string;
  nextWorkingDay(date: string, inclusive?: boolean): string;
  previousWorkingDay(date: string, inclusive?: boolean): string;
  atWorkdayStart(date: string): Date;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  remindBefore: ['P14D', 'P3D'],
  escalateAfter: 'P7D',
  reviewReminderAfter: 'P10D',
};

export type TaskRung = 'remind_before' | 'overdue' | 'escalate' | 'review_reminder';
/** Rungs of a task's part (a contribution's sub-deadline, a milestone, a reporting period): they carry its id. */
export type PartRung =
  | 'contribution_remind'
  | 'contribution_overdue'
  | 'contribution_escalate'
  | 'milestone_remind'
  | 'milestone_overdue'
  | 'progress_remind';
export type Rung = TaskRung | PartRung;
export const PART_RUNGS: readonly PartRung[] = [
  'contribution_remind',
  'contribution_overdue',
  'contribution_escalate',
  'milestone_remind',
  'milestone_overdue',
  'progress_remind',
];
export function isPartRung(rung: string): rung is PartRung {
  return (PART_RUNGS as readonly string[]).includes(rung);
}

export interface PlannedAction {
  rung: TaskRung;
  /** The policy offset this action comes from ('P14D', 'PT0S' for the deadline itself). */
  offset: string;
  dueAt: Date;
  /** Escalation level the task reaches when this fires (0: a reminder only). */
  level: 0 | 1 | 2;
  /** Who is told when it fires: the recipient rule's row for the rung. */
  audiences: readonly Audience[];
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds in an ISO-8601 duration of weeks, days, hours, minutes and seconds (months and years are ambiguous). */
export function parseIsoDuration(text: string): number {
  const m = typeof text === 'string' ? DURATION.exec(text) : null;
  if (!m || text === 'P' || text.endsWith('T')) throw new RangeError(`not an ISO-8601 duration in W/D/H/M/S: ${text}`);
  const [, w, d, h, min, s] = m;
  return (
    (Number(w ?? 0) * 7 * 86_400 + Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60) * 1000 +
    Math.round(Number(s ?? 0) * 1000)
  );
}

const COUNTED_RUNGS: readonly CountedRung[] = ['remindBefore', 'escalateAfter', 'reviewReminderAfter'];

function isValidDayCounting(v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(
    ([k, c]) => (COUNTED_RUNGS as readonly string[]).includes(k) && (c === 'working' || c === 'calendar'),
  );
}

export function isValidPolicy(p: unknown): p is EscalationPolicy {
  if (typeof p !== 'object' || p === null) return false;
  const q = p as Record<string, unknown>;
  if (!isValidDayCounting(q.dayCounting)) return false;
  try {
    if (!Array.isArray(q.remindBefore) || q.remindBefore.length > 10) return false;
    q.remindBefore.forEach((d) => parseIsoDuration(d as string));
    parseIsoDuration(q.escalateAfter as string);
    parseIsoDuration(q.reviewReminderAfter as string);
    return true;
  } catch {
    return false;
  }
}

/** Directive overrides win field by field over the configured policy (day counting rung by rung). */
export function mergePolicy(
  base: EscalationPolicy,
  override: Partial<EscalationPolicy> | null | undefined,
): EscalationPolicy {
  const merged = { ...base, ...(override ?? {}) };
  if (base.dayCounting || override?.dayCounting) {
    merged.dayCounting = { ...(base.dayCounting ?? {}), ...(override?.dayCounting ?? {}) };
  }
  return merged;
}

const DAY_OFFSET = /^P(?:(\d+)W)?(?:(\d+)D)?$/;

/** Whole days of an offset without a time part ('P14D', 'P2W'), or null for a timed one ('PT4S'). */
function wholeDays(offset: string): number | null {
  const m = DAY_OFFSET.exec(offset);
  if (!m || offset === 'P') return null;
  return Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
}

/** The calendar the ladder follows: only an enabled calendar, and only for a ladder counted in whole days. */
function followedCalendar(policy: EscalationPolicy, calendar?: PlanningCalendar): PlanningCalendar | null {
  if (!calendar?.settings.enabled) return null;
  const offsets = [...policy.remindBefore, policy.escalateAfter, policy.reviewReminderAfter];
  return offsets.every((o) => wholeDays(o) !== null) ? calendar : null;
}

function counting(policy: EscalationPolicy, rung: CountedRung): DayCounting {
  return policy.dayCounting?.[rung] ?? 'working';
}

function plusDays(date: string, n: number): string {
  return civilFromDays(dayNumber(date) + n);
}

/** A reminder n days before `end`: on a working day, the previous one when the day counted to is off. */
function dayBefore(cal: PlanningCalendar, end: string, n: number, how: DayCounting): string {
  return how === 'working' ? cal.addWorkingDays(end, -n) : cal.previousWorkingDay(plusDays(end, -n), true);
}

/** n days after `start`, landing on a working day (the next one when the day counted to is off). */
function dayAfter(cal: PlanningCalendar, start: string, n: number, how: DayCounting): string {
  if (n === 0) return cal.nextWorkingDay(start, false);
  return how === 'working' ? cal.addWorkingDays(start, n) : cal.nextWorkingDay(plusDays(start, n), true);
}

/** The first instant a task due on `dueDate` is overdue: 00:00 of the next day in Asia/Ho_Chi_Minh. */
export function deadlineInstant(dueDate: string): Date {
  if (!isValidCalendarDate(dueDate)) throw new RangeError(`not a calendar date: ${dueDate}`);
  return new Date(Date.parse(`${dueDate}T00:00:00+07:00`) + 86_400_000);
}

/**
 * Every deadline action of one deadline version, in firing order. On a working calendar (a ladder in whole days)
 * the deadline ends on its effective day; reminders fire at the start of a working day, counted back from it;
 * the overdue fires at the start of the next working day, and the escalation that many (working) days on.
 */
export function planDeadlineActions(
  dueDate: string,
  policy: EscalationPolicy,
  calendar?: PlanningCalendar,
): PlannedAction[] {
  const cal = followedCalendar(policy, calendar);
  const end = calendar?.settings.enabled ? calendar.effectiveDueDate(dueDate) : dueDate;
  const deadline = deadlineInstant(end).getTime();
  const reminders = [...new Set(policy.remindBefore)]
    .map((offset) => ({ offset, ms: parseIsoDuration(offset) }))
    .sort((a, b) => b.ms - a.ms)
    .map(({ offset, ms }, i): PlannedAction => ({
      rung: 'remind_before',
      offset,
      dueAt: cal
        ? cal.atWorkdayStart(dayBefore(cal, end, wholeDays(offset) ?? 0, counting(policy, 'remindBefore')))
        : new Date(deadline - ms),
      level: 0,
      audiences: reminderAudiences(i),
    }));
  const escalateDays = wholeDays(policy.escalateAfter) ?? 0;
  return [
    ...reminders,
    {
      rung: 'overdue',
      offset: 'PT0S',
      dueAt: cal ? cal.atWorkdayStart(cal.nextWorkingDay(end)) : new Date(deadline),
      level: 1,
      audiences: RECIPIENTS.overdue,
    },
    {
      rung: 'escalate',
      offset: policy.escalateAfter,
      dueAt: cal
        ? cal.atWorkdayStart(dayAfter(cal, end, escalateDays, counting(policy, 'escalateAfter')))
        : new Date(deadline + parseIsoDuration(policy.escalateAfter)),
      level: 2,
      audiences: RECIPIENTS.escalate,
    },
  ];
}

/**
 * The actions of a part's date: a contribution's sub-deadline climbs the task's ladder (reminders, overdue,
 * escalation to the Office); a milestone has reminders and its overdue; a reporting period reminds on its
 * due date. Levels stay 0: a part's lateness is its own, it never raises the task's escalation level.
 */
export function planPartActions(
  part: 'contribution' | 'milestone' | 'progress',
  dueDate: string,
  policy: EscalationPolicy,
  calendar?: PlanningCalendar,
): (Omit<PlannedAction, 'rung'> & { rung: PartRung })[] {
  const cal = followedCalendar(policy, calendar);
  const end = calendar?.settings.enabled ? calendar.effectiveDueDate(dueDate) : dueDate;
  const deadline = deadlineInstant(end).getTime();
  if (part === 'progress') {
    // The morning of the due date: the reports are wanted that day (the working day before, when it is off).
    const at = cal
      ? cal.atWorkdayStart(cal.previousWorkingDay(dueDate, true))
      : new Date(deadlineInstant(dueDate).getTime() - 86_400_000 + 8 * 3_600_000);
    return [{ rung: 'progress_remind', offset: 'PT0S', dueAt: at, level: 0, audiences: RECIPIENTS.progress_remind }];
  }
  const remind: PartRung = part === 'contribution' ? 'contribution_remind' : 'milestone_remind';
  const overdue: PartRung = part === 'contribution' ? 'contribution_overdue' : 'milestone_overdue';
  const out: (Omit<PlannedAction, 'rung'> & { rung: PartRung })[] = [...new Set(policy.remindBefore)]
    .map((offset) => ({ offset, ms: parseIsoDuration(offset) }))
    .sort((a, b) => b.ms - a.ms)
    .map(({ offset, ms }) => ({
      rung: remind,
      offset,
      dueAt: cal
        ? cal.atWorkdayStart(dayBefore(cal, end, wholeDays(offset) ?? 0, counting(policy, 'remindBefore')))
        : new Date(deadline - ms),
      level: 0,
      audiences: RECIPIENTS[remind],
    }));
  out.push({
    rung: overdue,
    offset: 'PT0S',
    dueAt: cal ? cal.atWorkdayStart(cal.nextWorkingDay(end)) : new Date(deadline),
    level: 0,
    audiences: RECIPIENTS[overdue],
  });
  if (part === 'contribution') {
    out.push({
      rung: 'contribution_escalate',
      offset: policy.escalateAfter,
      dueAt: cal
        ? cal.atWorkdayStart(
            dayAfter(cal, end, wholeDays(policy.escalateAfter) ?? 0, counting(policy, 'escalateAfter')),
          )
        : new Date(deadline + parseIsoDuration(policy.escalateAfter)),
      level: 0,
      audiences: RECIPIENTS.contribution_escalate,
    });
  }
  return out;
}

/**
 * The Standing Committee's reminder of a submission waiting: that many (working) days after the submission, at
 * the start of a working day, on a working calendar.
 */
export function planReviewReminder(
  submittedAt: Date,
  policy: EscalationPolicy,
  calendar?: PlanningCalendar,
): PlannedAction {
  const cal = followedCalendar(policy, calendar);
  const days = wholeDays(policy.reviewReminderAfter) ?? 0;
  return {
    rung: 'review_reminder',
    offset: policy.reviewReminderAfter,
    dueAt: cal
      ? cal.atWorkdayStart(dayAfter(cal, localDate(submittedAt), days, counting(policy, 'reviewReminderAfter')))
      : new Date(submittedAt.getTime() + parseIsoDuration(policy.reviewReminderAfter)),
    level: 0,
    audiences: RECIPIENTS.review_reminder,
  };
}

/**
 * Deterministic BullMQ job id (no ':' — BullMQ reserves it): the same task, rung, offset and version
 * always give the same id, so re-adding a job that still exists is a no-op.
 */
export function actionJobId(ownerId: string, rung: Rung, offset: string, version: number): string {
  return `${rung}-${offset}-${ownerId}-v${version}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** What a part's action depends on when it fires: the part's own state, read with the task. */
export interface PartFacts {
  /** The part's version when the action was planned, and now (a moved sub-deadline or milestone bumps it). */
  version: number;
  /** Done: contribution accepted (or submitted, for its reminders), milestone done, period's report in, or gone. */
  settled: boolean;
}

/**
 * Whether an action still has a reason to fire when its time comes. Deadline rungs belong to one
 * deadline version; a review reminder belongs to the task version its SUBMIT produced.
 */
export function isActionRelevant(
  action: { rung: Rung; version: number },
  task: { state: string; deadlineVersion: number; version: number },
  part?: PartFacts | null,
): boolean {
  if (task.state === 'approved' || task.state === 'cancelled' || task.state === 'drafted') return false;
  switch (action.rung) {
    case 'contribution_remind':
    case 'contribution_overdue':
    case 'contribution_escalate':
    case 'milestone_remind':
    case 'milestone_overdue':
    case 'progress_remind':
      return !!part && !part.settled && part.version === action.version;
    case 'remind_before':
      return action.version === task.deadlineVersion && (task.state === 'assigned' || task.state === 'in_progress');
    case 'overdue':
    case 'escalate':
      return action.version === task.deadlineVersion;
    case 'review_reminder':
      return task.state === 'submitted' && action.version === task.version;
  }
}
