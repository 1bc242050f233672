import { z } from 'zod';
import { DELIVERABLE_TYPE_VALUES, FIELD_VALUES, isoDate, uuid } from './schemas.js';

/**
 * Filters every report accepts. `asOf` (a calendar date, Asia/Ho_Chi_Minh) asks for the figures as
 * they were at the end of that day, rebuilt from the task history; without it the figures are live.
 */
export const reportQuerySchema = z.strictObject({
  asOf: isoDate.optional(),
  directiveId: uuid.optional(),
  agencyId: uuid.optional(),
  field: z.enum(FIELD_VALUES).optional(),
  deliverableType: z.enum(DELIVERABLE_TYPE_VALUES).optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The lists (escalations, review queue) page like the task list; every figure about them covers all items. */
export const reportListQuerySchema = reportQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

/** The urging letter (công văn đôn đốc) is always addressed to one agency. */
export const urgingLetterQuerySchema = reportQuerySchema.extend({ agencyId: uuid });
export type UrgingLetterQuery = z.infer<typeof urgingLetterQuerySchema>;

const noNul = (s: string) => !s.includes('\u0000');
/** Freezes a report: its title and the filters of `reportQuerySchema`. */
export const createReportSnapshotSchema = reportQuerySchema.extend({
  title: z.string().trim().min(1, 'must not be empty').max(300).refine(noNul, 'must not contain NUL characters'),
});
export type CreateReportSnapshotRequest = z.infer<typeof createReportSnapshotSchema>;

export const reportSnapshotListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ReportSnapshotListQuery = z.infer<typeof reportSnapshotListQuerySchema>;

/**
 * The two axes of Vietnamese reports. Finished = approved; its timeliness is judged by the day the
 * approved deliverable was submitted, against the deadline in force (`onTime`/`late`) and against the
 * first deadline (`onTimeOriginal`/`lateOriginal`), so a granted extension shows. Unfinished work is
 * not yet due, due soon (within `dueSoonDays`) or overdue as of the report's day. Drafts and cancelled
 * tasks are not counted (see `ReportSummary.excluded`). Rates are fractions (0..1) or null when there
 * is nothing to divide by.
 */
export interface ReportFigures {
  total: number;
  finished: number;
  onTime: number;
  late: number;
  onTimeOriginal: number;
  lateOriginal: number;
  unfinished: number;
  notDue: number;
  dueSoon: number;
  overdue: number;
  /** Unfinished and past the first deadline (includes tasks still within an extension). */
  overdueOriginal: number;
  /** Tasks whose deadline had been extended by then. */
  extended: number;
  completionRate: number | null;
  onTimeRate: number | null;
  onTimeRateOriginal: number | null;
}

export interface ReportFilters {
  directiveId: string | null;
  agencyId: string | null;
  field: string | null;
  deliverableType: string | null;
}

export interface ReportMeta {
  /** The calendar day the figures describe (today when live). */
  asOf: string;
  /** True when computed from the tasks as they are now; false when rebuilt from history at the end of `asOf`. */
  live: boolean;
  generatedAt: string;
  dueSoonDays: number;
  filters: ReportFilters;
}

export interface ReportSummary extends ReportMeta {
  figures: ReportFigures;
  /** Not in the figures: drafts are not assigned yet, cancelled tasks are no longer owed. */
  excluded: { drafted: number; cancelled: number };
}

export interface ReportAgencyRow {
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  figures: ReportFigures;
}
export interface ReportByAgency extends ReportMeta {
  rows: ReportAgencyRow[];
  totals: ReportFigures;
}

export interface ReportDirectiveRow {
  directiveId: string;
  number: string;
  title: string;
  /** "N of M done" is `figures.finished` of `figures.total`; the on-time rate is `figures.onTimeRate`. */
  figures: ReportFigures;
}
export interface ReportByDirective extends ReportMeta {
  rows: ReportDirectiveRow[];
  totals: ReportFigures;
}

export interface ReportFieldRow {
  field: string;
  label: string;
  figures: ReportFigures;
}
export interface ReportByField extends ReportMeta {
  rows: ReportFieldRow[];
  totals: ReportFigures;
}

export interface ReportDeliverableTypeRow {
  deliverableType: string;
  label: string;
  figures: ReportFigures;
}
export interface ReportByDeliverableType extends ReportMeta {
  rows: ReportDeliverableTypeRow[];
  totals: ReportFigures;
}

export interface ReportTaskRef {
  taskId: string;
  code: string;
  title: string;
  directiveId: string;
  directiveNumber: string;
  leadAgencyId: string | null;
  leadAgencyName: string | null;
  state: string;
}

export interface ReportEscalationItem extends ReportTaskRef {
  dueDate: string;
  originalDueDate: string;
  daysOverdue: number;
  /** 1: overdue (lead agency and Office told); 2: escalated to the Standing Committee. */
  escalationLevel: number;
  lastReminderAt: string | null;
}
export interface ReportPageInfo {
  /** All items of the report, not only this page. */
  total: number;
  limit: number | null;
  offset: number;
}
export interface ReportEscalations extends ReportMeta, ReportPageInfo {
  items: ReportEscalationItem[];
}

export interface ReportReviewItem extends ReportTaskRef {
  submittedAt: string;
  /** Calendar days from the submission to the report's day. */
  waitingDays: number;
  /** How many times this task had been returned before. */
  returns: number;
  dueDate: string | null;
}
export interface ReportReviewQueue extends ReportMeta, ReportPageInfo {
  items: ReportReviewItem[];
  /** Over every waiting task, not only this page. */
  averageWaitingDays: number | null;
  longestWaitingDays: number | null;
}

export interface ReportAverage {
  /** In days (fractional, one decimal); null when there is nothing to average. */
  averageDays: number | null;
  count: number;
}
export interface ReportAverages extends ReportMeta {
  /** First assignment to first submission, over tasks submitted by then. */
  assignmentToSubmission: ReportAverage;
  /** Each decided submission: handed in to approved or returned. */
  submissionToDecision: ReportAverage;
  returns: { total: number; tasksReturned: number; submittedTasks: number; averagePerSubmittedTask: number | null };
}

/** Everything a periodic report holds, as frozen in a snapshot. */
export interface ReportBundle {
  summary: ReportSummary;
  byAgency: ReportByAgency;
  byDirective: ReportByDirective;
  byField: ReportByField;
  byDeliverableType: ReportByDeliverableType;
  escalations: ReportEscalations;
  reviewQueue: ReportReviewQueue;
  averages: ReportAverages;
}

export interface ReportSnapshotSummaryDto {
  id: string;
  title: string;
  asOf: string;
  live: boolean;
  filters: ReportFilters;
  createdBy: { id: string; fullName: string | null };
  createdAt: string;
}
export interface ReportSnapshotDto extends ReportSnapshotSummaryDto {
  figures: ReportBundle;
}
export interface ReportSnapshotPage {
  items: ReportSnapshotSummaryDto[];
  total: number;
  limit: number;
  offset: number;
}
