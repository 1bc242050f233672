import { z } from 'zod';
import { named } from './responses.js';

/** Stable error codes: clients switch on these, never on messages. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'FORBIDDEN',
  'FORBIDDEN_ROLE',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'COMMENT_REQUIRED',
  'SUBMISSION_REQUIRED',
  'LEAD_AGENCY_REQUIRED',
  'DUE_DATE_REQUIRED',
  'SAME_LEAD_AGENCY',
  'INVALID_DUE_DATE',
  'TASK_NOT_EDITABLE',
  'UNKNOWN_AGENCY',
  'UNKNOWN_DIRECTIVE',
  'DUPLICATE',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'TOO_MANY_FILES',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'EXTENSION_ALREADY_OPEN',
  'EXTENSION_ALREADY_DECIDED',
  'EXTENSION_OUTDATED',
  'DIRECTIVE_EXISTS',
  'EMPTY_DOCUMENT',
  'PDF_HAS_NO_TEXT',
  'UNSUPPORTED_FILE_TYPE',
  'NO_TASKS_FOUND',
  'WEAK_PASSWORD',
  'NOTHING_TO_URGE',
  'BULK_REFUSED',
  'IMPORT_ASSIGN_INCOMPLETE',
  'CONTRIBUTIONS_MISSING_REASON',
  'NOT_A_COORDINATOR',
  'CONTRIBUTION_DUE_DATE_INVALID',
  'CONTRIBUTION_STATUS_CONFLICT',
  'PERIOD_EXISTS',
  'PERIOD_CLOSED',
  'TASK_NOT_IN_PERIOD',
  'UNKNOWN_USER',
  'MILESTONE_DATE_INVALID',
  'MILESTONE_ALREADY_DONE',
  'NOT_MONTHLY_PROGRAM',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = named(
  'ApiError',
  z.strictObject({
    statusCode: z.int().min(400).max(599),
    code: z.enum(ERROR_CODES).describe('Stable: clients switch on it, never on the message'),
    message: z.string().describe('Readable; Vietnamese first where a person will read it'),
    details: z
      .union([z.array(z.strictObject({ path: z.string(), message: z.string() })), z.record(z.string(), z.unknown())])
      .optional()
      .describe(
        "Validation issues (400), each dependency's state when a health check fails (503), or the limit (413, 429), or `{ refusals: BulkRefusal[] }` (409 BULK_REFUSED)",
      ),
    requestId: z.string().optional().describe('Quote it when reporting a problem: the logs carry it'),
  }),
  'Every error answer',
);
export type ApiErrorBody = Omit<z.infer<typeof apiErrorSchema>, 'code'> & { code: ErrorCode };
