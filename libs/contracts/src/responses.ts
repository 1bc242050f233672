import { z } from 'zod';
import {
  ACCESS_ACTION_VALUES,
  ACCESS_ITEM_KIND_VALUES,
  DEADLINE_STATUS_VALUES,
  EVENT_VALUES,
  ROLE_VALUES,
  STATE_VALUES,
} from './schemas.js';

/**
 * Response shapes, as zod schemas: the types the API and the web app use are inferred from them, and the
 * OpenAPI document (apps/api/src/openapi) publishes them, so neither can drift from the other.
 * Instants are ISO-8601 strings; calendar dates are `YYYY-MM-DD`.
 */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

/** Names a response schema: it becomes `#/components/schemas/<id>` in the OpenAPI document. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  responseSchemas.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

export const instant = z.iso.datetime({ offset: true });
const calendarDate = z.iso.date();
const id = z.guid();

export const roleNameSchema = named('Role', z.enum(ROLE_VALUES));
export const taskStateSchema = named('TaskState', z.enum(STATE_VALUES));
export const taskEventSchema = named('TaskEvent', z.enum(EVENT_VALUES));
export const deadlineStatusSchema = named('DeadlineStatus', z.enum(DEADLINE_STATUS_VALUES));
export type RoleName = z.infer<typeof roleNameSchema>;
export type TaskStateName = z.infer<typeof taskStateSchema>;
export type TaskEventName = z.infer<typeof taskEventSchema>;
export type DeadlineStatusName = z.infer<typeof deadlineStatusSchema>;

export const userSchema = named(
  'User',
  z.strictObject({
    id,
    username: z.string(),
    fullName: z.string(),
    role: roleNameSchema,
    agencyId: id.nullable(),
    position: z
      .enum(['head', 'deputy', 'officer', 'standing_board', 'member'])
      .nullable()
      .optional()
      .describe('Head, deputy or officer of an agency; Thường trực or member of the Standing Committee'),
    active: z.boolean().optional(),
    /** Only in the administrator's views. */
    email: z.string().nullable().optional(),
    organisationId: id
      .optional()
      .describe('The committee (Tỉnh ủy, Thành ủy…) the person works in; absent in lists that do not say it'),
  }),
);
export type UserDto = z.infer<typeof userSchema>;

export const loginResponseSchema = named(
  'LoginResponse',
  z.strictObject({ accessToken: z.string(), expiresAt: instant, user: userSchema }),
);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const agencySchema = named(
  'Agency',
  z.strictObject({
    id,
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    active: z.boolean(),
    organisationId: id
      .optional()
      .describe('The committee whose agency it is: only its own committee names it lead or coordinator'),
  }),
);
export type AgencyDto = z.infer<typeof agencySchema>;

export const organisationKindSchema = named(
  'OrganisationKind',
  z
    .enum(['province', 'district', 'directly_under', 'grassroots'])
    .describe('Tỉnh ủy; Huyện/Thành/Thị ủy; Đảng ủy trực thuộc Tỉnh ủy; tổ chức cơ sở đảng'),
);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const organisationSchema = named(
  'Organisation',
  z.strictObject({
    id,
    code: z.string(),
    name: z.string(),
    kind: organisationKindSchema,
    parentId: id.nullable(),
    /** The codes from the top organisation down to this one. */
    path: z.array(z.string()).describe('The codes from the top organisation down to this one'),
    /** The agency that stands for this committee among its parent's agencies (the lead of work handed down). */
    agencyId: id.nullable(),
    sortOrder: z.number().int().nullable(),
  }),
);
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const classificationSchema = z.enum(['normal', 'confidential', 'secret', 'top_secret']);

export const directiveSchema = named(
  'Directive',
  z.strictObject({
    id,
    number: z.string(),
    kind: z.string(),
    title: z.string(),
    issuedOn: calendarDate.nullable(),
    issuer: z.string().nullable(),
    signer: z.string().nullable(),
    place: z.string().nullable(),
    classification: classificationSchema.describe(
      'Level of secrecy (độ mật): normal (thường), confidential (mật), secret (tối mật), top_secret (tuyệt mật)',
    ),
    contentReference: z
      .string()
      .nullable()
      .describe('Where the content of a tuyệt mật item is kept, outside the system (only the record is kept here)'),
    organisationId: id
      .optional()
      .describe('The committee whose Office registered it, and which alone adds tasks to it'),
    createdAt: instant,
  }),
);
export type DirectiveDto = z.infer<typeof directiveSchema>;

export const directiveProgressSchema = named(
  'DirectiveProgress',
  z.strictObject({
    total: z.int(),
    byState: z.strictObject({
      drafted: z.int(),
      assigned: z.int(),
      in_progress: z.int(),
      submitted: z.int(),
      approved: z.int(),
      cancelled: z.int(),
    }),
    approved: z.int(),
    overdue: z.int(),
  }),
);
export type DirectiveProgress = z.infer<typeof directiveProgressSchema>;

export const taskSummarySchema = named(
  'TaskSummary',
  z.strictObject({
    id,
    code: z.string(),
    directiveId: id,
    title: z.string(),
    deliverableType: z.string(),
    field: z.string(),
    state: taskStateSchema,
    version: z.int(),
    revision: z.int(),
    /** Bumps when the deadline or the lead agency changes (an extension, a reassignment). */
    deadlineVersion: z.int(),
    leadAgencyId: id.nullable(),
    coordinatingAgencyIds: z.array(id),
    dueDate: calendarDate.nullable(),
    deadlineText: z.string().nullable(),
    effectiveDueDate: calendarDate
      .nullable()
      .describe(
        'The day the deadline ends on the working calendar: `dueDate`, or the next working day after a day off',
      ),
    deadlineWorkingDays: z
      .int()
      .nullable()
      .describe('A deadline of N working days, fixed as a date at ASSIGN; null for a dated deadline'),
    deadlineFrom: z.enum(['assigned', 'received']).nullable(),
    continuous: z.boolean().describe('Continuous work (thường xuyên): no deadline'),
    deadlineStatus: deadlineStatusSchema.nullable(),
    daysOverdue: z
      .int()
      .nullable()
      .describe('Whole days past the deadline (to approval for approved work); null without a deadline'),
    workingDaysOverdue: z
      .int()
      .nullable()
      .describe('Working days past the effective deadline, on the working calendar; null without a deadline'),
    escalationLevel: z.int(),
    completedAt: instant.nullable(),
    updatedAt: instant,
    allowedEvents: z.array(taskEventSchema).describe("The transitions the caller may ask for, by the task's rules"),
    openExtensionRequest: z
      .strictObject({ id, requestedDueDate: calendarDate, requestedAt: instant })
      .nullable()
      .describe('The extension request awaiting a decision (at most one per task); null when there is none'),
    assigneeUserId: id.nullable().describe("The lead agency's handling officer (chuyên viên xử lý)"),
    responsibleLeaderUserId: id.nullable().describe("The lead agency's responsible leader (lãnh đạo phụ trách)"),
    monitoringUserId: id
      .nullable()
      .describe("The Office's monitoring officer named on the task (chuyên viên theo dõi)"),
    decidingAuthority: z
      .enum(['standing_committee', 'standing_board', 'office'])
      .describe('Who approves or returns the result (rõ thẩm quyền)'),
    isKey: z.boolean().describe('A key task (nhiệm vụ trọng tâm), counted apart in the statistics'),
    progressPercent: z.int().min(0).max(100).nullable().describe("The latest progress report's percentage"),
    progressAt: instant.nullable(),
    nextMilestone: z
      .strictObject({ id, label: z.string(), dueDate: calendarDate, deadlineStatus: deadlineStatusSchema.nullable() })
      .nullable()
      .describe('The earliest milestone not reached yet'),
    contributions: z
      .strictObject({ total: z.int(), submitted: z.int(), accepted: z.int() })
      .nullable()
      .describe("The coordinators' contributions asked for, and how many are in"),
    seriesId: id.nullable().describe('The recurring series this task is an instance of'),
    periodKey: z.string().nullable(),
    carriedFromTaskId: id.nullable().describe("The previous monthly program's item this one carries forward"),
    parentTaskId: id
      .nullable()
      .optional()
      .describe('The task above that this one breaks down (a committee below carrying out a task given to it)'),
    classification: classificationSchema.describe(
      'Level of secrecy (độ mật): normal (thường), confidential (mật), secret (tối mật), top_secret (tuyệt mật)',
    ),
    contentReference: z
      .string()
      .nullable()
      .describe('Where the content of a tuyệt mật item is kept, outside the system (only the record is kept here)'),
  }),
);
export const taskRollUpSchema = named(
  'TaskRollUp',
  z
    .strictObject({
      total: z.int(),
      open: z.int(),
      approved: z.int(),
      cancelled: z.int(),
      percent: z.int().min(0).max(100).nullable().describe('Mean progress of the sub-tasks not cancelled'),
      worstDeadlineStatus: deadlineStatusSchema.nullable(),
      onTime: z.int().describe('Approved on time'),
      late: z.int().describe('Approved late'),
      overdue: z.int().describe('Open and past due'),
    })
    .describe("A task's figures from its sub-tasks (those the reader sees)"),
);
export type TaskRollUpDto = z.infer<typeof taskRollUpSchema>;

export const taskBreakdownSchema = named(
  'TaskBreakdown',
  z.strictObject({
    taskId: id,
    rollUp: taskRollUpSchema,
    items: z.array(taskSummarySchema),
  }),
);
export type TaskBreakdownDto = z.infer<typeof taskBreakdownSchema>;

export type TaskSummaryDto = z.infer<typeof taskSummarySchema>;

export const directiveDetailSchema = named(
  'DirectiveDetail',
  directiveSchema.extend({ tasks: z.array(taskSummarySchema), progress: directiveProgressSchema }),
);
export type DirectiveDetailDto = z.infer<typeof directiveDetailSchema>;

export const taskHistoryEntrySchema = named(
  'TaskHistoryEntry',
  z.strictObject({
    id: z.string().describe('Increasing with time'),
    event: z.string(),
    from: taskStateSchema.nullable(),
    to: taskStateSchema.nullable(),
    actor: z.strictObject({
      id: id.nullable(),
      fullName: z.string().nullable(),
      role: z.string().nullable(),
      agencyId: id.nullable(),
    }),
    comment: z.string().nullable(),
    at: instant,
    version: z.int(),
    level: z
      .int()
      .nullable()
      .describe(
        'Reminders and escalations: the escalation level reached (0 a reminder before the deadline, 1 overdue, 2 reported to the Standing Committee); null for other events',
      ),
  }),
);
export type TaskHistoryEntryDto = z.infer<typeof taskHistoryEntrySchema>;

export const attachmentSchema = named(
  'Attachment',
  z.strictObject({
    id,
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.int(),
    sha256: z.string(),
    downloadUrl: z.string(),
  }),
);
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const submissionSchema = named(
  'Submission',
  z.strictObject({
    id,
    seq: z.int(),
    revision: z.int(),
    note: z.string(),
    submittedBy: z.string().describe("The submitter's name (the account id when it has none)"),
    submittedAt: instant,
    decision: z.enum(['approved', 'returned']).nullable(),
    decisionComment: z.string().nullable(),
    decidedBy: z.string().nullable().describe("The decider's name (the account id when it has none)"),
    decidedAt: instant.nullable(),
    files: z.array(attachmentSchema),
  }),
);
export type SubmissionDto = z.infer<typeof submissionSchema>;

export const commentSchema = named(
  'Comment',
  z.strictObject({
    id,
    authorId: id,
    authorName: z.string().nullable(),
    authorRole: z.string(),
    body: z.string(),
    createdAt: instant,
  }),
);
export type CommentDto = z.infer<typeof commentSchema>;

export const extensionRequestStatusSchema = named('ExtensionRequestStatus', z.enum(['open', 'granted', 'refused']));
export type ExtensionRequestStatus = z.infer<typeof extensionRequestStatusSchema>;

export const extensionRequestSchema = named(
  'ExtensionRequest',
  z.strictObject({
    id,
    taskId: id,
    requestedDueDate: calendarDate,
    grantedDueDate: calendarDate
      .nullable()
      .describe('The deadline granted: the one asked or another the decider chose; null until granted'),
    currentDueDate: calendarDate.describe('The task’s due date when the request was made'),
    reason: z.string(),
    status: extensionRequestStatusSchema,
    requestedBy: id,
    requestedByName: z.string().nullable(),
    decidedBy: id.nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: instant.nullable(),
    decisionComment: z.string().nullable(),
    createdAt: instant,
  }),
);
export type ExtensionRequestDto = z.infer<typeof extensionRequestSchema>;

/** One item of the deciders' queue: the request with what is needed to judge it without opening the task. */
export const extensionQueueItemSchema = named(
  'ExtensionQueueItem',
  z.strictObject({
    id,
    status: extensionRequestStatusSchema,
    task: z.strictObject({
      id,
      code: z.string(),
      title: z.string(),
      state: taskStateSchema,
      leadAgencyId: id.nullable(),
      dueDate: calendarDate.nullable().describe('The task’s due date now'),
    }),
    currentDueDate: calendarDate.describe('The task’s due date when the request was made'),
    requestedDueDate: calendarDate,
    reason: z.string(),
    requestedBy: id,
    requestedByName: z.string().nullable(),
    requestedAt: instant,
  }),
);
export type ExtensionQueueItemDto = z.infer<typeof extensionQueueItemSchema>;

export const taskDetailSchema = named(
  'TaskDetail',
  taskSummarySchema.extend({
    description: z.string(),
    directive: z.strictObject({ id, number: z.string(), title: z.string() }),
    history: z.array(taskHistoryEntrySchema),
    submissions: z.array(submissionSchema),
    comments: z.array(commentSchema),
    originalDueDate: calendarDate
      .nullable()
      .describe('The first deadline, kept when an extension moves `dueDate`: lateness statistics judge against it'),
    extensionRequests: z.array(extensionRequestSchema).describe('Every extension request of the task, newest first'),
  }),
);
export type TaskDetailDto = z.infer<typeof taskDetailSchema>;

/** A page of a list; `total` counts every item the filters match. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
const pageFields = { total: z.int(), limit: z.int(), offset: z.int() };

export const taskPageSchema = named(
  'TaskPage',
  z.strictObject({
    items: z.array(taskSummarySchema),
    ...pageFields,
    totalCapped: z
      .boolean()
      .optional()
      .describe('With `countUpTo`: true when more tasks match than `total` says (it then equals the cap)'),
  }),
);

export const extensionQueuePageSchema = named(
  'ExtensionQueuePage',
  z.strictObject({ items: z.array(extensionQueueItemSchema), ...pageFields }),
  'Extension requests of the tasks the caller may see, oldest first',
);

export const notificationSchema = named(
  'Notification',
  z.strictObject({
    id,
    taskId: id.nullable(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: instant,
    readAt: instant.nullable(),
  }),
);
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationPageSchema = named(
  'NotificationPage',
  z.strictObject({ items: z.array(notificationSchema), ...pageFields, unread: z.int() }),
);
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const incidentSchema = named(
  'Incident',
  z.strictObject({
    id: z.string().regex(/^\d{1,18}$/),
    taskId: id,
    taskCode: z.string(),
    rung: z.string(),
    dueAt: instant,
    attempts: z.int(),
    message: z.string(),
    createdAt: instant,
  }),
);
export type IncidentDto = z.infer<typeof incidentSchema>;

export const extensionDecisionResponseSchema = named(
  'ExtensionDecisionResponse',
  z.strictObject({ request: extensionRequestSchema, task: taskSummarySchema }),
  'The request and the task as it now stands (a grant moves its deadline and version)',
);
export type ExtensionDecisionResponse = z.infer<typeof extensionDecisionResponseSchema>;

export const streamTicketResponseSchema = named(
  'StreamTicket',
  z.strictObject({ ticket: z.string(), expiresAt: instant }),
  'Opens one event stream (`GET /api/events?ticket=`) within a minute',
);
export type StreamTicketResponse = z.infer<typeof streamTicketResponseSchema>;

export const liveResponseSchema = named(
  'Liveness',
  z.strictObject({ status: z.literal('ok'), uptimeSeconds: z.int() }),
);

const healthIndicator = z.record(z.string(), z.looseObject({ status: z.enum(['up', 'down']) }));
export const healthResponseSchema = named(
  'Health',
  z.strictObject({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: healthIndicator.optional(),
    error: healthIndicator.optional(),
    details: healthIndicator,
  }),
);

export const accessListSchema = named(
  'AccessList',
  z.strictObject({
    classification: classificationSchema,
    users: z.array(
      z.strictObject({
        id,
        fullName: z.string(),
        role: z.string(),
        agencyId: id.nullable(),
        grantedAt: instant,
      }),
    ),
  }),
);
export type AccessListDto = z.infer<typeof accessListSchema>;

/** One read of a classified item (or of any task with ACCESS_LOG_ALL): append-only in the database. */
export const accessLogRowSchema = named(
  'AccessLogRow',
  z.strictObject({
    id: z.string().regex(/^\d{1,18}$/),
    at: instant,
    user: z.strictObject({
      id: id.nullable(),
      fullName: z.string().nullable(),
      role: roleNameSchema.nullable().describe('The role when it read'),
    }),
    action: z
      .enum(ACCESS_ACTION_VALUES)
      .describe('list (a list or board entry), detail, download (a file), export, report, stream'),
    itemKind: z.enum(ACCESS_ITEM_KIND_VALUES),
    taskId: id.nullable(),
    taskCode: z.string().nullable(),
    directiveId: id.nullable(),
    fileId: id.nullable(),
    classification: classificationSchema.describe('The level of the item when it was read'),
    method: z.string().nullable(),
    path: z.string().nullable().describe('The path read, without its query string'),
    requestId: z.string().nullable().describe('As in the request log (X-Request-Id)'),
    address: z.string().nullable().describe("The client's address (behind a proxy when TRUST_PROXY=true)"),
  }),
);
export type AccessLogRowDto = z.infer<typeof accessLogRowSchema>;

export const accessLogPageSchema = named(
  'AccessLogPage',
  z.strictObject({ rows: z.array(accessLogRowSchema), total: z.int().describe('Every row the filters match') }),
  'The record of access, newest first',
);
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;
