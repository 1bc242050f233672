import { z } from 'zod';
import { directiveSchema, named } from './responses.js';
import {
  createDirectiveRequestSchema,
  createTaskRequestSchema,
  DEADLINE_FROM_VALUES,
  DELIVERABLE_TYPE_VALUES,
  DIRECTIVE_KIND_VALUES,
  FIELD_VALUES,
} from './schemas.js';

/** Largest file `POST /api/directives/import` reads (10 MB); a bigger one is refused with 413 PAYLOAD_TOO_LARGE. */
export const DIRECTIVE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * File kinds the import reads, by content: plain text (UTF-8), Word (.docx), PDF (a scan read by OCR), and scanned
 * images read by OCR. Word 97-2003 (.doc) is refused with a request to save it as .docx.
 */
export const DIRECTIVE_IMPORT_EXTENSIONS = ['.txt', '.docx', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;
/** Rows under this confidence are marked for a closer look. */
export const DIRECTIVE_IMPORT_LOW_CONFIDENCE = 0.6;

/** `POST /api/directives/import`: JSON `{text}` or multipart with `file` (and optionally `text`, unused then). */
export const directiveImportRequestSchema = z.strictObject({
  text: z
    .string()
    .max(2_000_000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .optional(),
});
export type DirectiveImportRequest = z.infer<typeof directiveImportRequestSchema>;

export type DeliverableTypeValue = (typeof DELIVERABLE_TYPE_VALUES)[number];
export type FieldValue = (typeof FIELD_VALUES)[number];
export type DirectiveKindValue = (typeof DIRECTIVE_KIND_VALUES)[number];
export type DeadlineFromValue = (typeof DEADLINE_FROM_VALUES)[number];

export const directiveImportCandidateSchema = named(
  'DirectiveImportCandidate',
  z.strictObject({ id: z.guid(), code: z.string(), name: z.string(), score: z.number().describe('0..1, best first') }),
);
export type DirectiveImportCandidate = z.infer<typeof directiveImportCandidateSchema>;

/** An agency the directive names that matched no registry entry: its wording and the likeliest agencies. */
export const directiveImportUnmatchedAgencySchema = named(
  'DirectiveImportUnmatchedAgency',
  z.strictObject({ raw: z.string(), candidates: z.array(directiveImportCandidateSchema) }),
);
export type DirectiveImportUnmatchedAgency = z.infer<typeof directiveImportUnmatchedAgencySchema>;

/** Why the parser read a field as it did (`reasons` of a proposed task); the screen words each one. */
export const DIRECTIVE_IMPORT_REASON_CODES = [
  'catalog-row',
  'numbered-item',
  'sub-item',
  'paragraph-under-heading',
  'paragraph-assignment',
  'split-assignment',
  'lead-column',
  'lead-in-text',
  'lead-in-body',
  'lead-of-parent',
  'lead-of-section',
  'lead-by-topic',
  'lead-none',
  'coordinating-column',
  'coordinating-in-text',
  'coordinating-of-parent',
  'coordinating-none',
  'due-column',
  'due-in-text',
  'due-of-parent',
  'due-section-period',
  'due-document-period',
  'due-continuous',
  'due-working-days',
  'due-none',
  'type-from-words',
  'type-form-column',
  'type-bold-marks',
  'type-none',
  'field-heading',
  'field-group',
  'field-words',
  'field-none',
] as const;
export type DirectiveImportReasonCode = (typeof DIRECTIVE_IMPORT_REASON_CODES)[number];

const reasonSchema = named(
  'DirectiveImportReason',
  z.strictObject({
    code: z.enum(DIRECTIVE_IMPORT_REASON_CODES),
    evidence: z.string().nullable().describe('The words of the document the reading rests on'),
  }),
);

export const directiveImportTaskProposalSchema = named(
  'DirectiveImportTask',
  z.strictObject({
    title: z.string(),
    text: z.string().describe("The task's own wording in the directive"),
    deliverableType: z.enum(DELIVERABLE_TYPE_VALUES),
    field: z.enum(FIELD_VALUES),
    fieldFound: z
      .boolean()
      .describe('Whether `field` was read from the text (false: a default the Office should check)'),
    leadAgencyId: z.guid().nullable(),
    leadAgencyUnmatched: directiveImportUnmatchedAgencySchema
      .nullable()
      .describe('The lead agency as the directive names it, when it matched nothing (`leadAgencyId` is then null)'),
    coordinatingAgencyIds: z.array(z.guid()),
    coordinatingAgenciesUnmatched: z.array(directiveImportUnmatchedAgencySchema),
    dueText: z.string().nullable(),
    dueDate: z.iso.date().nullable().describe('End of the period the wording names, or the date it states'),
    deadlineWorkingDays: z
      .int()
      .min(1)
      .max(365)
      .nullable()
      .describe('"trong 10 ngày làm việc": N working days, fixed as a date at ASSIGN (`dueDate` is then null)'),
    deadlineFrom: z
      .enum(DEADLINE_FROM_VALUES)
      .nullable()
      .describe('What the working days count from: the assignment or the receipt of the document (null: no days)'),
    continuous: z.boolean().describe('"thường xuyên", "liên tục": continuous work with no deadline'),
    milestones: z.array(z.string()),
    leadSuggested: z
      .boolean()
      .describe(
        'True when the text names no lead and `leadAgencyId` is the agency whose remit the work falls under, to confirm',
      ),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe('How sure the parser is; under DIRECTIVE_IMPORT_LOW_CONFIDENCE (0.6) the row deserves a look'),
    reasons: z
      .strictObject({
        task: reasonSchema,
        lead: reasonSchema,
        coordinating: reasonSchema,
        due: reasonSchema,
        type: reasonSchema,
        field: reasonSchema,
      })
      .describe('Why each field was read as it was'),
    source: z.strictObject({
      startLine: z.int(),
      endLine: z.int(),
      marker: z.string().nullable(),
      section: z.string().nullable(),
    }),
  }),
);
export type DirectiveImportTask = z.infer<typeof directiveImportTaskProposalSchema>;

export const directiveImportProposalSchema = named(
  'DirectiveImportProposal',
  z.strictObject({
    directive: z.strictObject({
      number: z.string().nullable(),
      kind: z.enum(DIRECTIVE_KIND_VALUES),
      title: z.string(),
      issuedOn: z.iso.date().nullable(),
      issuer: z.string().nullable(),
      signer: z.string().nullable(),
      place: z.string().nullable(),
    }),
    existingDirectiveId: z
      .guid()
      .nullable()
      .describe('The directive already registered under the same number, if any (confirming would be refused)'),
    period: z
      .strictObject({ text: z.string(), dueDate: z.iso.date().nullable() })
      .nullable()
      .describe('The period the directive governs ("tháng 4-2021"), the default deadline of its tasks'),
    tasks: z.array(directiveImportTaskProposalSchema),
    unmatchedAgencies: z
      .array(z.string())
      .describe('Agency names found but not matched, for the Office to resolve once'),
    warnings: z.array(z.string()),
    source: z
      .strictObject({
        kind: z.enum(['text', 'txt', 'docx', 'pdf', 'png', 'jpg', 'tiff']),
        fileName: z.string().nullable(),
        characters: z.int(),
        lines: z.int(),
        ocr: z
          .boolean()
          .describe('The text (or part of it) was read by OCR from a scan or an image: worth checking against it'),
        pages: z.int().nullable().describe('Pages of a PDF or an image (a TIFF may hold several); null for text'),
      })
      .describe('What was read'),
  }),
);
export type DirectiveImportProposal = z.infer<typeof directiveImportProposalSchema>;

/**
 * One row of the (edited) proposal: what `POST /api/tasks` takes, less the directive and the code. Rebuilt from the
 * shape because zod refuses `.omit()` on a refined object; the one-deadline rule is restated here.
 */
export const directiveImportTaskSchema = z
  .strictObject(createTaskRequestSchema.shape)
  .omit({ directiveId: true, code: true })
  .refine(
    (t) => [t.dueDate != null, t.deadlineWorkingDays != null, t.continuous === true].filter(Boolean).length <= 1,
    {
      message: 'give the deadline one way: a date, a number of working days, or continuous',
      path: ['deadlineWorkingDays'],
    },
  );

/** `POST /api/directives/import/confirm`: the directive and its tasks, all created in `drafted` in one transaction. */
export const confirmDirectiveImportRequestSchema = z.strictObject({
  directive: createDirectiveRequestSchema,
  tasks: z.array(directiveImportTaskSchema).min(1, 'at least one task').max(500),
  assign: z
    .boolean()
    .optional()
    .describe(
      '"Xác nhận và giao": also assign every created task, in the same transaction. Every task then needs a ' +
        'lead agency and a due date (else 400 IMPORT_ASSIGN_INCOMPLETE, nothing created).',
    ),
});
export type ConfirmDirectiveImportRequest = z.infer<typeof confirmDirectiveImportRequestSchema>;
export type DirectiveImportTaskInput = z.infer<typeof directiveImportTaskSchema>;

export const confirmDirectiveImportResponseSchema = named(
  'ConfirmDirectiveImportResponse',
  z.strictObject({
    directive: directiveSchema,
    taskIds: z.array(z.guid()).describe("In the order of the request's tasks"),
    tasks: z
      .array(z.strictObject({ id: z.guid(), code: z.string() }))
      .describe('Codes are `<number>-01`, `<number>-02`, ...'),
  }),
);
export type ConfirmDirectiveImportResponse = z.infer<typeof confirmDirectiveImportResponseSchema>;
