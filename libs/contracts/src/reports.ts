import { z } from 'zod';
import { classificationSchema, instant, named, taskRollUpSchema } from './responses.js';
import { DELIVERABLE_TYPE_VALUES, FIELD_VALUES, isoDate, uuid } from './schemas.js';

const calendarDate = z.iso.date();
const rate = z.number().min(0).max(1).nullable();

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
  assigneeUserId: uuid.optional().describe('Only the tasks whose handling officer (chuyên viên xử lý) is this user'),
  monitorUserId: uuid
    .optional()
    .describe(
      "Only the tasks whose monitoring officer (chuyên viên theo dõi; the task's, else its lead agency's) is this user",
    ),
  organisationId: uuid
    .optional()
    .describe("One committee's figures (the caller's or one below it); by default the caller's whole subtree"),
  subtree: z
    .enum(['true', 'false'])
    .optional()
    .describe('With organisationId: include the committees below it (true, the default) or that committee alone'),
  parentTaskId: uuid.optional().describe('Only the sub-tasks of this task (a task broken down by a committee below)'),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** A task's figures from its sub-tasks, live or as of a past day (`asOf`). */
export const reportRollUpQuerySchema = reportQuerySchema.extend({ parentTaskId: uuid });
export type ReportRollUpQuery = z.infer<typeof reportRollUpQuerySchema>;

/** The lists (escalations, review queue) page like the task list; every figure about them covers all items. */
export const reportListQuerySchema = reportQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const REPORT_PERSON_AXES = ['assignee', 'monitor'] as const;
export type ReportPersonAxis = (typeof REPORT_PERSON_AXES)[number];
/** By person: the handling officer (`assignee`, the default) or the monitoring officer (`monitor`). */
export const reportByPersonQuerySchema = reportQuerySchema.extend({
  by: z.enum(REPORT_PERSON_AXES).default('assignee'),
});
export type ReportByPersonQuery = z.infer<typeof reportByPersonQuerySchema>;

/** The urging letter (công văn đôn đốc) is always addressed to one agency. */
export const urgingLetterQuerySchema = reportQuerySchema.extend({ agencyId: uuid });
export type UrgingLetterQuery = z.infer<typeof urgingLetterQuerySchema>;

/**
 * The documents (periodic report, workbooks) also take a reporting period (kỳ báo cáo): each task's
 * progress is then the latest report made for that period (else the latest made within its dates);
 * without one, the latest report.
 */
export const reportDocumentQuerySchema = reportQuerySchema.extend({ periodId: uuid.optional() });
export type ReportDocumentQuery = z.infer<typeof reportDocumentQuerySchema>;

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
export const reportFiguresSchema = named(
  'ReportFigures',
  z.strictObject({
    total: z.int(),
    finished: z.int(),
    onTime: z.int(),
    late: z.int(),
    onTimeOriginal: z.int(),
    lateOriginal: z.int(),
    unfinished: z.int(),
    notDue: z.int(),
    dueSoon: z.int(),
    overdue: z.int(),
    overdueOriginal: z
      .int()
      .describe('Unfinished and past the first deadline (includes tasks still within an extension)'),
    extended: z.int().describe('Tasks whose deadline had been extended by then'),
    completionRate: rate,
    onTimeRate: rate,
    onTimeRateOriginal: rate,
  }),
);
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportFiltersSchema = named(
  'ReportFilters',
  z.strictObject({
    directiveId: z.guid().nullable(),
    agencyId: z.guid().nullable(),
    field: z.string().nullable(),
    deliverableType: z.string().nullable(),
    // Optional: snapshots frozen before these filters existed do not hold them; every live answer does.
    assigneeUserId: z.guid().nullable().optional(),
    monitorUserId: z.guid().nullable().optional(),
  }),
);
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

const metaFields = {
  asOf: calendarDate.describe('The calendar day the figures describe (today when live)'),
  live: z
    .boolean()
    .describe(
      'True when computed from the tasks as they are now; false when rebuilt from history at the end of `asOf`',
    ),
  generatedAt: instant.describe('When these figures were computed'),
  refreshing: z
    .boolean()
    .optional()
    .describe(
      'Present and true when the tasks changed after `generatedAt` and newer figures are being computed: these ' +
        'are the figures of `generatedAt`, answered at once because computing them takes long; ask again shortly',
    ),
  dueSoonDays: z.int(),
  filters: reportFiltersSchema,
  // Optional: snapshots frozen before classified tasks existed do not hold it; every live answer does.
  hidden: z
    .int()
    .optional()
    .describe(
      'Classified tasks (mật, tối mật, tuyệt mật) matching the filters that the caller is not cleared for: left out ' +
        'of every figure and list, counted here only (any state). A snapshot leaves out every classified task.',
    ),
};
export type ReportMeta = z.infer<z.ZodObject<typeof metaFields>>;

/**
 * The same figures over key tasks only (nhiệm vụ trọng tâm). Optional because snapshots frozen before
 * key tasks were reported apart do not hold them; every live answer does.
 */
const keyFigures = reportFiguresSchema
  .optional()
  .describe('The same figures over key tasks (nhiệm vụ trọng tâm) only; absent in older snapshots');

export const reportSummarySchema = named(
  'ReportSummary',
  z.strictObject({
    ...metaFields,
    figures: reportFiguresSchema,
    keyFigures: keyFigures,
    excluded: z
      .strictObject({ drafted: z.int(), cancelled: z.int() })
      .describe('Not in the figures: drafts are not assigned yet, cancelled tasks are no longer owed'),
  }),
);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

const table = <R extends z.ZodType>(id: string, row: R) =>
  named(id, z.strictObject({ ...metaFields, rows: z.array(row), totals: reportFiguresSchema, keyTotals: keyFigures }));

/**
 * Days late of a group's tasks that are overdue or were approved late ("quá hạn 5 ngày làm việc"), counted from the
 * day the deadline in force ends on the working calendar (the next working day when it falls on a day off) to the
 * report's day, or to the approval day for approved work: in working days, on the calendar in force at the report's
 * moment (an as-of report uses the calendar as it stood then), and in calendar days. With the working calendar
 * turned off both counts are calendar days.
 */
export const reportLatenessSchema = named(
  'ReportLateness',
  z.strictObject({
    tasks: z.int().describe('Tasks overdue or approved late'),
    workingDaysTotal: z.int().describe('Working days late, summed over those tasks'),
    workingDaysMax: z.int().describe('The most working days late of one task (0 when none)'),
    calendarDaysTotal: z.int().describe('Calendar days late, summed over those tasks'),
    calendarDaysMax: z.int().describe('The most calendar days late of one task (0 when none)'),
  }),
);
export type ReportLateness = z.infer<typeof reportLatenessSchema>;

/** Optional because snapshots frozen before lateness was reported in days do not hold it; every live answer does. */
const lateness = reportLatenessSchema
  .optional()
  .describe('Days late in working and calendar days; absent in older snapshots');

export const reportAgencyRowSchema = named(
  'ReportAgencyRow',
  z.strictObject({
    agencyId: z.guid(),
    agencyCode: z.string(),
    agencyName: z.string(),
    figures: reportFiguresSchema,
    keyFigures: keyFigures,
    lateness,
  }),
);
export type ReportAgencyRow = z.infer<typeof reportAgencyRowSchema>;
/** Key tasks are broken down by agency (`keyFigures` of each row, `keyTotals`), as in the headline figures. */
export const reportByAgencySchema = named(
  'ReportByAgency',
  z.strictObject({
    ...metaFields,
    rows: z.array(reportAgencyRowSchema),
    totals: reportFiguresSchema,
    keyTotals: keyFigures,
    latenessTotals: lateness,
  }),
);
export type ReportByAgency = z.infer<typeof reportByAgencySchema>;

/** One committee directly below the report's (its own subtree counted), or the report's committee's own tasks. */
export const reportOrganisationRowSchema = named(
  'ReportOrganisationRow',
  z.strictObject({
    organisationId: z.guid(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    /** The report's committee's own tasks (not a committee below it). */
    own: z.boolean(),
    figures: reportFiguresSchema,
    keyFigures: keyFigures,
    lateness,
  }),
);
/** The table by district: the report's committee's own work, then each committee directly below it with its subtree. */
export const reportByOrganisationSchema = named(
  'ReportByOrganisation',
  z.strictObject({
    ...metaFields,
    rows: z.array(reportOrganisationRowSchema),
    totals: reportFiguresSchema,
    keyTotals: keyFigures,
    latenessTotals: lateness,
  }),
);
export type ReportByOrganisation = z.infer<typeof reportByOrganisationSchema>;

/** A task's figures from its sub-tasks as they stood at the report's moment (rebuilt from history when past). */
export const reportRollUpSchema = named(
  'ReportRollUp',
  z.strictObject({ ...metaFields, taskId: z.guid(), rollUp: taskRollUpSchema }),
);
export type ReportRollUp = z.infer<typeof reportRollUpSchema>;

/**
 * One person's tasks: the handling officer (chuyên viên xử lý) or the monitoring officer (chuyên viên theo
 * dõi: the task's, else its lead agency's). `userId` null is the row of the tasks with no one named.
 */
export const reportPersonRowSchema = named(
  'ReportPersonRow',
  z.strictObject({
    userId: z.guid().nullable(),
    fullName: z.string().nullable(),
    figures: reportFiguresSchema,
    keyFigures: keyFigures,
  }),
);
export type ReportPersonRow = z.infer<typeof reportPersonRowSchema>;
/**
 * Figures by person, as by agency. In the past the task's own officers are those named then (from the
 * history); an agency's monitoring officer has no history, so today's stands in for it.
 */
export const reportByPersonSchema = named(
  'ReportByPerson',
  z.strictObject({
    ...metaFields,
    by: z.enum(REPORT_PERSON_AXES),
    rows: z.array(reportPersonRowSchema),
    totals: reportFiguresSchema,
    keyTotals: keyFigures,
  }),
);
export type ReportByPerson = z.infer<typeof reportByPersonSchema>;

/** "N of M done" is `figures.finished` of `figures.total`; the on-time rate is `figures.onTimeRate`. */
export const reportDirectiveRowSchema = named(
  'ReportDirectiveRow',
  z.strictObject({
    directiveId: z.guid(),
    number: z.string(),
    title: z.string(),
    // Optional: snapshots frozen before it was reported do not hold it; every live answer does.
    classification: classificationSchema
      .optional()
      .describe(
        "The directive's level, for readers its list names (absent for the others, who read a masked title); a classified row is recorded in the access log as a read of it",
      ),
    figures: reportFiguresSchema,
    lateness,
  }),
);
export type ReportDirectiveRow = z.infer<typeof reportDirectiveRowSchema>;
export const reportByDirectiveSchema = named(
  'ReportByDirective',
  z.strictObject({
    ...metaFields,
    rows: z.array(reportDirectiveRowSchema),
    totals: reportFiguresSchema,
    keyTotals: keyFigures,
    latenessTotals: lateness,
  }),
);
export type ReportByDirective = z.infer<typeof reportByDirectiveSchema>;

export const reportFieldRowSchema = named(
  'ReportFieldRow',
  z.strictObject({ field: z.string(), label: z.string(), figures: reportFiguresSchema }),
);
export type ReportFieldRow = z.infer<typeof reportFieldRowSchema>;
export const reportByFieldSchema = table('ReportByField', reportFieldRowSchema);
export type ReportByField = z.infer<typeof reportByFieldSchema>;

export const reportDeliverableTypeRowSchema = named(
  'ReportDeliverableTypeRow',
  z.strictObject({ deliverableType: z.string(), label: z.string(), figures: reportFiguresSchema }),
);
export type ReportDeliverableTypeRow = z.infer<typeof reportDeliverableTypeRowSchema>;
export const reportByDeliverableTypeSchema = table('ReportByDeliverableType', reportDeliverableTypeRowSchema);
export type ReportByDeliverableType = z.infer<typeof reportByDeliverableTypeSchema>;

const taskRefFields = {
  taskId: z.guid(),
  code: z.string(),
  title: z.string(),
  directiveId: z.guid(),
  directiveNumber: z.string(),
  leadAgencyId: z.guid().nullable(),
  leadAgencyName: z.string().nullable(),
  state: z.string(),
};
export type ReportTaskRef = z.infer<z.ZodObject<typeof taskRefFields>>;

export const reportEscalationItemSchema = named(
  'ReportEscalationItem',
  z.strictObject({
    ...taskRefFields,
    dueDate: calendarDate,
    originalDueDate: calendarDate,
    effectiveDueDate: calendarDate
      .optional()
      .describe(
        'The day the deadline ends on the working calendar then (the next working day after a day off); absent in older snapshots',
      ),
    daysOverdue: z.int().describe("Calendar days from the day the deadline ends to the report's day"),
    workingDaysOverdue: z
      .int()
      .optional()
      .describe("Working days from the day the deadline ends to the report's day; absent in older snapshots"),
    escalationLevel: z
      .int()
      .describe('1: overdue (lead agency and Office told); 2: escalated to the Standing Committee'),
    lastReminderAt: instant.nullable(),
  }),
);
export type ReportEscalationItem = z.infer<typeof reportEscalationItemSchema>;

const pageInfoFields = {
  total: z.int().describe('All items of the report, not only this page'),
  limit: z.int().nullable(),
  offset: z.int(),
};
export type ReportPageInfo = z.infer<z.ZodObject<typeof pageInfoFields>>;

export const reportEscalationsSchema = named(
  'ReportEscalations',
  z.strictObject({ ...metaFields, ...pageInfoFields, items: z.array(reportEscalationItemSchema) }),
);
export type ReportEscalations = z.infer<typeof reportEscalationsSchema>;

export const reportReviewItemSchema = named(
  'ReportReviewItem',
  z.strictObject({
    ...taskRefFields,
    submittedAt: instant,
    waitingDays: z.int().describe("Calendar days from the submission to the report's day"),
    returns: z.int().describe('How many times this task had been returned before'),
    dueDate: calendarDate.nullable(),
  }),
);
export type ReportReviewItem = z.infer<typeof reportReviewItemSchema>;

export const reportReviewQueueSchema = named(
  'ReportReviewQueue',
  z.strictObject({
    ...metaFields,
    ...pageInfoFields,
    items: z.array(reportReviewItemSchema),
    averageWaitingDays: z.number().nullable().describe('Over every waiting task, not only this page'),
    longestWaitingDays: z.number().nullable(),
  }),
);
export type ReportReviewQueue = z.infer<typeof reportReviewQueueSchema>;

export const reportAverageSchema = named(
  'ReportAverage',
  z.strictObject({
    averageDays: z
      .number()
      .nullable()
      .describe('In days (fractional, one decimal); null when there is nothing to average'),
    count: z.int(),
  }),
);
export type ReportAverage = z.infer<typeof reportAverageSchema>;

export const reportAveragesSchema = named(
  'ReportAverages',
  z.strictObject({
    ...metaFields,
    assignmentToSubmission: reportAverageSchema.describe(
      'First assignment to first submission, over tasks submitted by then',
    ),
    submissionToDecision: reportAverageSchema.describe('Each decided submission: handed in to approved or returned'),
    returns: z.strictObject({
      total: z.int(),
      tasksReturned: z.int(),
      submittedTasks: z.int(),
      averagePerSubmittedTask: z.number().nullable(),
    }),
  }),
);
export type ReportAverages = z.infer<typeof reportAveragesSchema>;

/**
 * Coordinating agencies' contributions (phối hợp) on the report's tasks, by coordinating agency. A
 * contribution is on time when its first submission was made by the end of its sub-deadline (local
 * day, Asia/Ho_Chi_Minh); one without a sub-deadline is never late.
 */
export const reportCoordinationFiguresSchema = named(
  'ReportCoordinationFigures',
  z.strictObject({
    requested: z.int().describe('Contributions asked of the agency (not removed)'),
    submitted: z.int().describe('Submitted at least once'),
    onTime: z.int().describe('First submission by the end of the sub-deadline'),
    late: z.int().describe('First submission after the sub-deadline'),
    overdue: z.int().describe('Not submitted and past the sub-deadline'),
    notDue: z.int().describe('Not submitted, sub-deadline not passed (or none)'),
    accepted: z.int().describe('Accepted by the lead agency'),
    onTimeRate: rate.describe('onTime / (onTime + late + overdue); null when nothing was due'),
  }),
);
export type ReportCoordinationFigures = z.infer<typeof reportCoordinationFiguresSchema>;

export const reportCoordinationRowSchema = named(
  'ReportCoordinationRow',
  z.strictObject({
    agencyId: z.guid(),
    agencyCode: z.string(),
    agencyName: z.string(),
    figures: reportCoordinationFiguresSchema,
  }),
);
export type ReportCoordinationRow = z.infer<typeof reportCoordinationRowSchema>;

export const reportCoordinationSchema = named(
  'ReportCoordination',
  z
    .strictObject({
      ...metaFields,
      rows: z.array(reportCoordinationRowSchema),
      totals: reportCoordinationFiguresSchema,
    })
    .describe('By coordinating agency; with `agencyId`, only that agency as a coordinator'),
);
export type ReportCoordination = z.infer<typeof reportCoordinationSchema>;

/** Milestones (mốc) of the report's tasks that are in force, by the task's lead agency. */
export const reportMilestoneFiguresSchema = named(
  'ReportMilestoneFigures',
  z.strictObject({
    total: z.int(),
    doneOnTime: z.int().describe('Done by the end of its date (local day)'),
    doneLate: z.int().describe('Done after its date'),
    missed: z.int().describe("Past its date and not done by the report's day"),
    upcoming: z.int().describe("Not done, its date not passed by the report's day"),
  }),
);
export type ReportMilestoneFigures = z.infer<typeof reportMilestoneFiguresSchema>;

export const reportMilestoneRowSchema = named(
  'ReportMilestoneRow',
  z.strictObject({
    agencyId: z.guid(),
    agencyCode: z.string(),
    agencyName: z.string(),
    figures: reportMilestoneFiguresSchema,
  }),
);
export type ReportMilestoneRow = z.infer<typeof reportMilestoneRowSchema>;

export const reportMilestonesSchema = named(
  'ReportMilestones',
  z.strictObject({ ...metaFields, rows: z.array(reportMilestoneRowSchema), totals: reportMilestoneFiguresSchema }),
);
export type ReportMilestones = z.infer<typeof reportMilestonesSchema>;

/** Everything a periodic report holds, as frozen in a snapshot. */
export const reportBundleSchema = named(
  'ReportBundle',
  z.strictObject({
    summary: reportSummarySchema,
    byAgency: reportByAgencySchema,
    byDirective: reportByDirectiveSchema,
    byField: reportByFieldSchema,
    byDeliverableType: reportByDeliverableTypeSchema,
    escalations: reportEscalationsSchema,
    reviewQueue: reportReviewQueueSchema,
    averages: reportAveragesSchema,
    coordination: reportCoordinationSchema.optional().describe('Absent in snapshots frozen before it was reported'),
    milestones: reportMilestonesSchema.optional().describe('Absent in snapshots frozen before it was reported'),
  }),
);
export type ReportBundle = z.infer<typeof reportBundleSchema>;

const snapshotSummaryFields = {
  id: z.guid(),
  title: z.string(),
  asOf: calendarDate,
  live: z.boolean(),
  filters: reportFiltersSchema,
  createdBy: z.strictObject({ id: z.guid(), fullName: z.string().nullable() }),
  createdAt: instant,
};
export const reportSnapshotSummarySchema = named('ReportSnapshotSummary', z.strictObject(snapshotSummaryFields));
export type ReportSnapshotSummaryDto = z.infer<typeof reportSnapshotSummarySchema>;
export const reportSnapshotSchema = named(
  'ReportSnapshot',
  z.strictObject({ ...snapshotSummaryFields, figures: reportBundleSchema }),
);
export type ReportSnapshotDto = z.infer<typeof reportSnapshotSchema>;
export const reportSnapshotPageSchema = named(
  'ReportSnapshotPage',
  z.strictObject({ items: z.array(reportSnapshotSummarySchema), total: z.int(), limit: z.int(), offset: z.int() }),
);
export type ReportSnapshotPage = z.infer<typeof reportSnapshotPageSchema>;
