import { z } from 'zod';
import { deadlineStatusSchema, instant, named, taskStateSchema } from './responses.js';
import { isoDate } from './schemas.js';

/**
 * Coordinating agencies' contributions (phối hợp): what the lead agency (or the Office) asks of a
 * coordinator, its sub-deadline, and the versions the coordinator hands in for the lead to accept or return.
 */

const id = z.guid();
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

export const CONTRIBUTION_STATUS_VALUES = ['requested', 'submitted', 'accepted', 'returned'] as const;
export const contributionStatusSchema = named('ContributionStatus', z.enum(CONTRIBUTION_STATUS_VALUES));
export type ContributionStatus = z.infer<typeof contributionStatusSchema>;

export const contributionFileSchema = named(
  'ContributionFile',
  z.strictObject({ id, fileName: z.string(), size: z.int().min(0) }),
);
export type ContributionFileDto = z.infer<typeof contributionFileSchema>;

export const contributionVersionSchema = named(
  'ContributionVersion',
  z.strictObject({
    seq: z.int().min(1),
    note: z.string(),
    submittedAt: instant,
    submittedBy: id,
    submittedByName: z.string().nullable(),
    decision: z.enum(['accepted', 'returned']).nullable(),
    decisionComment: z.string().nullable(),
    decidedAt: instant.nullable(),
    files: z.array(contributionFileSchema),
  }),
);
export type ContributionVersionDto = z.infer<typeof contributionVersionSchema>;

export const contributionSchema = named(
  'Contribution',
  z.strictObject({
    id,
    taskId: id,
    task: z.strictObject({
      code: z.string(),
      title: z.string(),
      state: taskStateSchema,
      leadAgencyId: id.nullable(),
      dueDate: z.iso.date().nullable(),
    }),
    agencyId: id,
    agencyName: z.string(),
    request: z.string(),
    dueDate: z.iso.date().nullable().describe('The sub-deadline'),
    status: contributionStatusSchema,
    version: z.int().min(1).describe('Goes up when the sub-deadline moves'),
    deadlineStatus: deadlineStatusSchema.nullable().describe('Of the sub-deadline, as for tasks'),
    versions: z.array(contributionVersionSchema).describe('Oldest first'),
  }),
);
export type ContributionDto = z.infer<typeof contributionSchema>;

export const contributionListSchema = named('ContributionList', z.strictObject({ items: z.array(contributionSchema) }));
export type ContributionListDto = z.infer<typeof contributionListSchema>;

/** `PUT /api/tasks/:id/contributions/:agencyId`: ask (or change the ask); the sub-deadline defaults. */
export const requestContributionSchema = z.strictObject({
  request: text(5000).pipe(z.string().min(1, 'say what is asked of the coordinating agency')),
  dueDate: isoDate.optional().describe('Default: the task’s due date minus CONTRIBUTION_DEFAULT_DAYS_BEFORE days'),
});
export type RequestContribution = z.infer<typeof requestContributionSchema>;

/** The multipart fields of `POST /api/contributions/:id/versions` (files travel as `files`). */
export const contributionFieldsSchema = z.strictObject({ note: text(5000).optional() });

export const acceptContributionSchema = z.strictObject({ comment: text(5000).optional() });
export type AcceptContribution = z.infer<typeof acceptContributionSchema>;

/** Emptiness of the comment is checked after the role and status checks, so outsiders hear 403 first. */
export const returnContributionSchema = z.strictObject({ comment: text(5000) });
export type ReturnContribution = z.infer<typeof returnContributionSchema>;

export const contributionListQuerySchema = z.strictObject({
  mine: z.enum(['1', 'true']).optional().describe('An agency: the contributions asked of it (its queue)'),
  asLead: z.enum(['1', 'true']).optional().describe('An agency: the contributions it awaits as lead agency'),
});
export type ContributionListQuery = z.infer<typeof contributionListQuerySchema>;
