import { z } from 'zod';
import { named, taskSummarySchema } from './responses.js';
import { isoDate, uuid } from './schemas.js';

/**
 * Office's bulk work on a list selection. All or nothing: every task is checked first; if any one is
 * refused, nothing changes and the answer names each refused task. Each change still goes through the
 * one task-change writer, in one transaction for the whole batch.
 */
const bulkItemSchema = z.strictObject({
  taskId: uuid,
  /** The version the user saw; a task changed since then is refused (VERSION_CONFLICT). */
  expectedVersion: z.number().int().min(1),
});

const comment = z.string().trim().max(5000);

export const BULK_MAX_TASKS = 500;

export const bulkTaskActionRequestSchema = z.discriminatedUnion('action', [
  /** Assign drafts: lead agency and deadline for all; coordinating agencies stay as drafted. */
  z.strictObject({
    action: z.literal('assign'),
    items: z.array(bulkItemSchema).min(1).max(BULK_MAX_TASKS),
    leadAgencyId: uuid.optional().describe('When absent, each draft keeps the lead agency it has (it must have one)'),
    dueDate: isoDate.optional().describe('When absent, each draft keeps the deadline it has (it must have one)'),
    comment: comment.optional(),
  }),
  /** Move the deadline of drafts (before they are assigned). */
  z.strictObject({
    action: z.literal('set-due-date'),
    items: z.array(bulkItemSchema).min(1).max(BULK_MAX_TASKS),
    dueDate: isoDate,
  }),
  /** Cancel, with one reason for all. */
  z.strictObject({
    action: z.literal('cancel'),
    items: z.array(bulkItemSchema).min(1).max(BULK_MAX_TASKS),
    comment: comment.min(1, 'a reason is required'),
  }),
]);
export type BulkTaskActionRequest = z.infer<typeof bulkTaskActionRequestSchema>;
export type BulkTaskAction = BulkTaskActionRequest['action'];

/** Export exactly these rows, in this order (the list's current filter and sort). */
export const taskExportRequestSchema = z.strictObject({
  taskIds: z.array(uuid).min(1).max(10_000),
  periodId: uuid
    .optional()
    .describe("A reporting period: each task's progress as reported for it (else the latest report)"),
});
export type TaskExportRequest = z.infer<typeof taskExportRequestSchema>;

/** Urging letters for the lead agencies of these tasks: one .docx per agency, in one .zip. */
export const urgingLettersRequestSchema = z.strictObject({
  taskIds: z.array(uuid).min(1).max(10_000),
  asOf: isoDate.optional(),
});
export type UrgingLettersRequest = z.infer<typeof urgingLettersRequestSchema>;

export const bulkRefusalSchema = named(
  'BulkRefusal',
  z.strictObject({
    taskId: uuid,
    code: z.string().describe('The stable error code the single-task endpoint would answer with'),
    message: z.string(),
  }),
);
export type BulkRefusal = z.infer<typeof bulkRefusalSchema>;

/** 200: every task changed; in the order of `items`. */
export const bulkTaskActionResponseSchema = named(
  'BulkTaskActionResponse',
  z.strictObject({ tasks: z.array(taskSummarySchema) }),
);
export type BulkTaskActionResponse = z.infer<typeof bulkTaskActionResponseSchema>;
