import { z } from 'zod';
import type { DirectiveDto } from './responses.js';
import {
  createDirectiveRequestSchema,
  createTaskRequestSchema,
  DELIVERABLE_TYPE_VALUES,
  DIRECTIVE_KIND_VALUES,
  FIELD_VALUES,
} from './schemas.js';

/** Largest file `POST /api/directives/import` reads (10 MB); a bigger one is refused with 413 PAYLOAD_TOO_LARGE. */
export const DIRECTIVE_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** File kinds the import reads, by content: plain text (UTF-8), Word (.docx) and PDF with a text layer. */
export const DIRECTIVE_IMPORT_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;
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

export interface DirectiveImportCandidate {
  id: string;
  code: string;
  name: string;
  /** 0..1, best first. */
  score: number;
}

/** An agency the directive names that matched no registry entry: its wording and the likeliest agencies. */
export interface DirectiveImportUnmatchedAgency {
  raw: string;
  candidates: DirectiveImportCandidate[];
}

export interface DirectiveImportTask {
  title: string;
  /** The task's own wording in the directive. */
  text: string;
  deliverableType: DeliverableTypeValue;
  field: FieldValue;
  /** Whether `field` was read from the text (false: a default the Office should check). */
  fieldFound: boolean;
  leadAgencyId: string | null;
  /** The lead agency as the directive names it, when it matched nothing (`leadAgencyId` is then null). */
  leadAgencyUnmatched: DirectiveImportUnmatchedAgency | null;
  coordinatingAgencyIds: string[];
  coordinatingAgenciesUnmatched: DirectiveImportUnmatchedAgency[];
  dueText: string | null;
  /** YYYY-MM-DD, end of the period the wording names. */
  dueDate: string | null;
  milestones: string[];
  /** 0..1: how sure the parser is; under DIRECTIVE_IMPORT_LOW_CONFIDENCE the row deserves a look. */
  confidence: number;
  source: { startLine: number; endLine: number; marker: string | null; section: string | null };
}

export interface DirectiveImportProposal {
  directive: {
    number: string | null;
    kind: DirectiveKindValue;
    title: string;
    issuedOn: string | null;
    issuer: string | null;
    signer: string | null;
    place: string | null;
  };
  /** The directive already registered under the same number, if any (confirming would be refused). */
  existingDirectiveId: string | null;
  /** The period the directive governs ("tháng 4-2021"), the default deadline of its tasks. */
  period: { text: string; dueDate: string | null } | null;
  tasks: DirectiveImportTask[];
  /** Agency names found but not matched, for the Office to resolve once. */
  unmatchedAgencies: string[];
  warnings: string[];
  /** What was read. */
  source: { kind: 'text' | 'txt' | 'docx' | 'pdf'; fileName: string | null; characters: number; lines: number };
}

/** One row of the (edited) proposal: what `POST /api/tasks` takes, less the directive and the code. */
export const directiveImportTaskSchema = createTaskRequestSchema.omit({ directiveId: true, code: true });

/** `POST /api/directives/import/confirm`: the directive and its tasks, all created in `drafted` in one transaction. */
export const confirmDirectiveImportRequestSchema = z.strictObject({
  directive: createDirectiveRequestSchema,
  tasks: z.array(directiveImportTaskSchema).min(1, 'at least one task').max(500),
});
export type ConfirmDirectiveImportRequest = z.infer<typeof confirmDirectiveImportRequestSchema>;
export type DirectiveImportTaskInput = z.infer<typeof directiveImportTaskSchema>;

export interface ConfirmDirectiveImportResponse {
  directive: DirectiveDto;
  /** In the order of the request's tasks; codes are `<number>-01`, `<number>-02`, ... */
  taskIds: string[];
  tasks: { id: string; code: string }[];
}
