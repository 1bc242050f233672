import { z } from 'zod';
import { DATE_RANGE_MESSAGE, isDateInRange } from './date-range.js';

export const ROLE_VALUES = ['office', 'standing_committee', 'agency', 'inspector', 'admin'] as const;
export const STATE_VALUES = ['drafted', 'assigned', 'in_progress', 'submitted', 'approved', 'cancelled'] as const;
export const EVENT_VALUES = ['ASSIGN', 'REASSIGN', 'START', 'SUBMIT', 'APPROVE', 'RETURN', 'CANCEL'] as const;
export const DEADLINE_STATUS_VALUES = ['not_due', 'due_soon', 'overdue', 'on_time', 'late'] as const;
export const FIELD_VALUES = ['party_building', 'economy', 'culture_society', 'defense_security'] as const;
export const DELIVERABLE_TYPE_VALUES = [
  'de_an',
  'chuong_trinh',
  'ke_hoach',
  'quy_dinh',
  'danh_muc',
  'nghi_quyet',
  'so_ket',
  'tong_ket',
  'bao_cao',
  'khac',
] as const;
/** Where a deadline in working days counts from ("kể từ ngày giao" / "kể từ ngày nhận"): both fix the date at ASSIGN. */
export const DEADLINE_FROM_VALUES = ['assigned', 'received'] as const;
export const DIRECTIVE_KIND_VALUES = [
  'action_program',
  'conclusion',
  'monthly_program',
  'resolution',
  'plan',
  'other',
] as const;

/** Levels of secrecy (độ mật), lowest first: thường, mật, tối mật, tuyệt mật. */
export const CLASSIFICATION_VALUES = ['normal', 'confidential', 'secret', 'top_secret'] as const;

/** Text a person typed: trimmed, bounded, no NUL bytes (PostgreSQL refuses them). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));

/** A calendar date `YYYY-MM-DD` within DATE_MIN..DATE_MAX (date-range.ts). */
export const isoDate = z.iso.date().refine(isDateInRange, DATE_RANGE_MESSAGE);
export const uuid = z.uuid();

const noNul = (s: string) => !s.includes('\u0000');
export const loginRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64).refine(noNul, 'must not contain NUL characters'),
  password: z.string().min(1).max(256).refine(noNul, 'must not contain NUL characters'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const createDirectiveRequestSchema = z.strictObject({
  number: requiredText(64),
  kind: z.enum(DIRECTIVE_KIND_VALUES),
  title: requiredText(1000),
  issuedOn: isoDate.nullable().optional(),
  issuer: text(300).nullable().optional(),
  signer: text(200).nullable().optional(),
  place: text(200).nullable().optional(),
  classification: z
    .enum(CLASSIFICATION_VALUES)
    .optional()
    .describe('Level of secrecy; its tasks inherit it (normal by default)'),
  contentReference: requiredText(500)
    .nullable()
    .optional()
    .describe('Where the content is kept outside the system; required for top_secret (tuyệt mật)'),
});
export type CreateDirectiveRequest = z.infer<typeof createDirectiveRequestSchema>;

/** A deadline not yet a date: "trong N ngày làm việc kể từ ngày giao / nhận", or "thường xuyên" (no deadline). */
const deadlineRuleFields = {
  deadlineWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .nullable()
    .optional()
    .describe('N working days from the assignment: the date is fixed at ASSIGN from the working calendar'),
  deadlineFrom: z
    .enum(DEADLINE_FROM_VALUES)
    .optional()
    .describe('What the working days count from (assigned by default)'),
  continuous: z.boolean().optional().describe('Continuous work (thường xuyên): no deadline'),
};

/** At most one way of giving the deadline. */
function oneDeadline(b: {
  dueDate?: string | null;
  deadlineWorkingDays?: number | null;
  continuous?: boolean;
}): boolean {
  return [b.dueDate != null, b.deadlineWorkingDays != null, b.continuous === true].filter(Boolean).length <= 1;
}
const ONE_DEADLINE = {
  message: 'give the deadline one way: a date, a number of working days, or continuous',
  path: ['deadlineWorkingDays'],
};

export const createTaskRequestSchema = z
  .strictObject({
    directiveId: uuid,
    code: requiredText(64).optional(),
    title: requiredText(1000),
    description: text(20000).optional(),
    deliverableType: z.enum(DELIVERABLE_TYPE_VALUES),
    field: z.enum(FIELD_VALUES),
    leadAgencyId: uuid.nullable().optional(),
    coordinatingAgencyIds: z.array(uuid).max(100).optional(),
    dueDate: isoDate.nullable().optional(),
    deadlineText: text(200).nullable().optional(),
    ...deadlineRuleFields,
    milestones: z
      .array(z.strictObject({ label: requiredText(300), dueDate: isoDate }))
      .max(24)
      .optional()
      .describe("Dated milestones (mốc), each on or before the task's due date"),
    isKey: z.boolean().optional().describe('A key task (nhiệm vụ trọng tâm)'),
    decidingAuthority: z
      .enum(['standing_committee', 'standing_board', 'office'])
      .optional()
      .describe('Who approves the result (rõ thẩm quyền); the Standing Committee by default'),
    classification: z
      .enum(CLASSIFICATION_VALUES)
      .optional()
      .describe("Level of secrecy, at least the directive's (which it inherits when unset)"),
    contentReference: requiredText(500)
      .nullable()
      .optional()
      .describe('Where the content is kept outside the system; required for top_secret (tuyệt mật)'),
    parentTaskId: uuid
      .optional()
      .describe(
        "The task above that this one breaks down: one given to the caller's committee, which its Office carries out",
      ),
    dueException: text(1000)
      .optional()
      .describe('Why the sub-task may be due after its parent (required when it is, recorded in the history)'),
  })
  .refine(oneDeadline, ONE_DEADLINE);
export type CreateTaskRequest = z.infer<typeof createTaskRequestSchema>;

export const updateTaskRequestSchema = z
  .strictObject({
    expectedVersion: z.number().int().min(1),
    title: requiredText(1000).optional(),
    description: text(20000).optional(),
    deliverableType: z.enum(DELIVERABLE_TYPE_VALUES).optional(),
    field: z.enum(FIELD_VALUES).optional(),
    leadAgencyId: uuid.nullable().optional(),
    coordinatingAgencyIds: z.array(uuid).max(100).optional(),
    dueDate: isoDate.nullable().optional(),
    deadlineText: text(200).nullable().optional(),
    ...deadlineRuleFields,
  })
  .refine((b) => Object.keys(b).length > 1, { message: 'nothing to change' })
  .refine(oneDeadline, ONE_DEADLINE);
export type UpdateTaskRequest = z.infer<typeof updateTaskRequestSchema>;

export const transitionRequestSchema = z.strictObject({
  event: z.enum(EVENT_VALUES),
  expectedVersion: z.number().int().min(1),
  comment: text(5000).optional(),
  leadAgencyId: uuid.optional(),
  dueDate: isoDate.optional(),
  subTasks: z
    .enum(['cancel', 'keep'])
    .optional()
    .describe('CANCEL of a task broken down: whether its open sub-tasks are cancelled with it or kept (required then)'),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const createCommentRequestSchema = z.strictObject({
  body: requiredText(5000),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequestSchema>;

export const submissionFieldsSchema = z.strictObject({
  note: text(5000).optional(),
});

/** One or more values, comma-separated (`state=assigned,in_progress`) or repeated (`state=a&state=b`). */
const csv = <const V extends readonly [string, ...string[]]>(values: V) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(50))
    .describe(`One or more of ${values.join(', ')}: comma-separated or repeated`);

/** The most tasks one page of `GET /api/tasks` carries. */
export const TASK_PAGE_MAX = 10_000;

export const taskListQuerySchema = z.strictObject({
  state: csv(STATE_VALUES).optional(),
  directiveId: uuid.optional(),
  agencyId: uuid.optional(),
  deadlineStatus: csv(DEADLINE_STATUS_VALUES).optional(),
  field: z.enum(FIELD_VALUES).optional(),
  q: text(200).optional(),
  assignee: z
    .union([z.literal('me'), uuid])
    .optional()
    .describe("The handling officer: 'me' for the caller's own tasks (việc của tôi), or a user's id"),
  monitor: z
    .union([z.literal('me'), uuid])
    .optional()
    .describe("The Office's monitoring officer of the task or of its lead agency: 'me' or a user's id"),
  key: z.enum(['true', 'false']).optional().describe('Key tasks only (nhiệm vụ trọng tâm), or the others'),
  lead: uuid.optional().describe('Led by this agency (`agencyId` also matches the agencies that only coordinate)'),
  attention: z
    .enum(['true'])
    .optional()
    .describe("Needs the Office's eye: past its deadline, or escalated and not yet approved or cancelled"),
  limit: z.coerce.number().int().min(1).max(TASK_PAGE_MAX).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  countUpTo: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .optional()
    .describe(
      'Count the matching tasks only up to this many (never fewer than offset + limit): past it, `total` is this ' +
        'number and `totalCapped` is true. A board column says "1,000+" rather than count 200,000 approved tasks.',
    ),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const createAgencyRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes'),
  name: requiredText(300),
  kind: text(50).optional(),
  organisationId: uuid
    .optional()
    .describe("The committee the agency works for: the administrator's own (the default) or one below it"),
});
export const updateAgencyRequestSchema = z
  .strictObject({ name: requiredText(300).optional(), kind: text(50).optional(), active: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
/** The official order of agencies: every agency (active and disabled) exactly once, the first first. */
export const agencyOrderRequestSchema = z.strictObject({
  agencyIds: z
    .array(uuid)
    .min(1)
    .max(1000)
    .describe(
      'Every agency, disabled ones too, exactly once, in the official order; otherwise 400 VALIDATION_FAILED (400 UNKNOWN_AGENCY for an id that is no agency)',
    ),
});

const password = z
  .string()
  .min(8, 'at least 8 characters')
  .max(256)
  .describe(
    'At least 8 characters (12 or more advised), not a common password, not the username or the name, strong enough (zxcvbn-ts score 3 of 4); otherwise 400 WEAK_PASSWORD',
  );
/**
 * Where the worker mails notifications; null (or absent) for no mail. Trimmed before the check (a pasted
 * address often ends in a space); `.check` rather than `.pipe` keeps the e-mail format in the OpenAPI docs.
 */
const email = z.string().trim().max(254).check(z.email('must be an e-mail address such as ten@tinhuy.vn'));
const ACCOUNT_ORGANISATION =
  "The committee an Office, Standing Committee, inspector or administrator account works in: the administrator's own (the default) or one below it. An agency account's is its agency's; naming another is refused";

export const createUserRequestSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, 'lowercase letters, digits, dots and dashes')
    .max(64),
  fullName: requiredText(200),
  role: z.enum(ROLE_VALUES),
  agencyId: uuid.nullable().optional(),
  organisationId: uuid.optional().describe(ACCOUNT_ORGANISATION),
  position: z
    .enum(['head', 'deputy', 'officer', 'standing_board', 'member'])
    .nullable()
    .optional()
    .describe(
      "An agency's head, deputy or officer (an agency account is its head when not said); Thường trực or member of the Standing Committee",
    ),
  email: email.nullable().optional(),
  password,
});
export const updateUserRequestSchema = z
  .strictObject({
    fullName: requiredText(200).optional(),
    role: z.enum(ROLE_VALUES).optional(),
    agencyId: uuid.nullable().optional(),
    organisationId: uuid.optional().describe(ACCOUNT_ORGANISATION),
    position: z.enum(['head', 'deputy', 'officer', 'standing_board', 'member']).nullable().optional(),
    email: email.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export const resetPasswordRequestSchema = z.strictObject({ password });
const organisationCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes')
  .max(100);
const sortOrder = z.int().min(1).max(100_000).nullable().optional();

/**
 * A committee below the administrator's: a district-level (Huyện/Thành/Thị ủy), a Đảng ủy directly under the
 * province, or a grassroots one. It gets, with it, the agency that stands for it among its parent's agencies.
 */
export const createOrganisationRequestSchema = z.strictObject({
  code: organisationCode.describe('Kept for good: it is the label of the committee in every path below it'),
  name: requiredText(300),
  kind: z.enum(['district', 'directly_under', 'grassroots']),
  parentId: uuid.describe("The committee it is under: the administrator's own or one below it"),
  sortOrder,
});
export const updateOrganisationRequestSchema = z
  .strictObject({ name: requiredText(300).optional(), sortOrder })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type CreateOrganisationRequest = z.infer<typeof createOrganisationRequestSchema>;
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationRequestSchema>;
export type CreateAgencyRequest = z.infer<typeof createAgencyRequestSchema>;
export type UpdateAgencyRequest = z.infer<typeof updateAgencyRequestSchema>;
export type AgencyOrderRequest = z.infer<typeof agencyOrderRequestSchema>;
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const notificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** Xin gia hạn: the lead agency asks for a later deadline; the Standing Committee decides. */
export const createExtensionRequestSchema = z.strictObject({
  requestedDueDate: isoDate,
  // Emptiness is checked after the role and state checks (as for transitions' comments), so a caller
  // who may not ask at all hears 403, not 400.
  reason: text(5000),
});
export type CreateExtensionRequest = z.infer<typeof createExtensionRequestSchema>;

export const EXTENSION_DECISION_VALUES = ['grant', 'refuse'] as const;
export const extensionDecisionRequestSchema = z.strictObject({
  decision: z.enum(EXTENSION_DECISION_VALUES),
  comment: text(5000),
  dueDate: isoDate
    .optional()
    .describe('With `grant` only: a deadline other than the one asked (later than the current one); 400 otherwise'),
});
export type ExtensionDecisionRequest = z.infer<typeof extensionDecisionRequestSchema>;

/** A new level for a directive or a task: raising is free, lowering needs a comment (kept in the history). */
export const setClassificationRequestSchema = z.strictObject({
  classification: z.enum(CLASSIFICATION_VALUES),
  comment: text(5000).optional(),
  contentReference: requiredText(500)
    .nullable()
    .optional()
    .describe('Where the content is kept outside the system; required when raising to top_secret (tuyệt mật)'),
  expectedVersion: z.number().int().min(1).optional().describe("The task's version read (tasks only)"),
});
export type SetClassificationRequest = z.infer<typeof setClassificationRequestSchema>;

/** The whole need-to-know list of a classified item (replaces the one in force). */
export const setAccessListRequestSchema = z.strictObject({
  userIds: z.array(uuid).max(500),
});
export type SetAccessListRequest = z.infer<typeof setAccessListRequestSchema>;

/** What a read of a classified item was (access_log.action), and what was read (access_log.item_kind). */
export const ACCESS_ACTION_VALUES = ['list', 'detail', 'download', 'export', 'report', 'stream'] as const;
export const ACCESS_ITEM_KIND_VALUES = ['task', 'directive', 'file'] as const;

/** Filters of the record of access; `from` and `to` are whole days in Asia/Ho_Chi_Minh, both included. */
const accessLogFilters = {
  taskId: uuid.optional(),
  userId: uuid.optional().describe('Who read'),
  from: isoDate.optional().describe('The first day (Vietnam time), included'),
  to: isoDate.optional().describe('The last day (Vietnam time), included'),
  action: z.enum(ACCESS_ACTION_VALUES).optional(),
};
const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const FROM_AFTER_TO = { message: '`from` must not be after `to`', path: ['from'] };
/** The record of access as Excel: every row the filters match, newest first (up to the export's cap). */
export const accessLogExportQuerySchema = z.strictObject(accessLogFilters).refine(fromNotAfterTo, FROM_AFTER_TO);
export type AccessLogExportQuery = z.infer<typeof accessLogExportQuerySchema>;
export const accessLogQuerySchema = z
  .strictObject({
    ...accessLogFilters,
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .refine(fromNotAfterTo, FROM_AFTER_TO);
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;
