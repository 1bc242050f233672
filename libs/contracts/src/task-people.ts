import { z } from 'zod';
import { named } from './responses.js';
import { isoDate, uuid } from './schemas.js';

const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(300)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

export const POSITION_VALUES = ['head', 'deputy', 'officer', 'standing_board', 'member'] as const;
export const DECIDING_AUTHORITY_VALUES = ['standing_committee', 'standing_board', 'office'] as const;

/**
 * The people of a task ("6 rõ"): the lead agency's head names its handling officer and responsible leader;
 * the Office names the monitoring officer, the deciding authority and whether the task is a key one. Only the
 * keys given change; null clears a person.
 */
export const setTaskPeopleRequestSchema = z
  .strictObject({
    assigneeUserId: uuid.nullable().optional().describe('A user of the lead agency (its head or deputy assigns)'),
    responsibleLeaderUserId: uuid
      .nullable()
      .optional()
      .describe('The head or a deputy of the lead agency (its head or deputy names them)'),
    monitoringUserId: uuid.nullable().optional().describe('An Office user (the Office names them)'),
    decidingAuthority: z.enum(DECIDING_AUTHORITY_VALUES).optional().describe('The Office sets it'),
    isKey: z.boolean().optional().describe('The Office sets it'),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'comment'), { message: 'nothing to change' });
export type SetTaskPeopleRequest = z.infer<typeof setTaskPeopleRequestSchema>;

export const personSchema = named(
  'Person',
  z.strictObject({
    id: z.guid(),
    fullName: z.string(),
    role: z.string(),
    agencyId: z.guid().nullable(),
    position: z.enum(POSITION_VALUES).nullable(),
  }),
);
export type PersonDto = z.infer<typeof personSchema>;
export const personListSchema = named('PersonList', z.strictObject({ items: z.array(personSchema) }));

export const peopleQuerySchema = z.strictObject({
  agencyId: uuid.optional(),
  role: z.enum(['office', 'standing_committee', 'agency', 'inspector']).optional(),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const agencySettingsRequestSchema = z
  .strictObject({
    officersActOnAll: z
      .boolean()
      .optional()
      .describe("The agency's head lets its officers work on every task it leads (the head sets it)"),
    monitoringUserId: uuid
      .nullable()
      .optional()
      .describe("The Office's monitoring officer for the agency (the Office sets it)"),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type AgencySettingsRequest = z.infer<typeof agencySettingsRequestSchema>;

export const agencySettingsSchema = named(
  'AgencySettings',
  z.strictObject({ agencyId: z.guid(), officersActOnAll: z.boolean(), monitoringUserId: z.guid().nullable() }),
);
export type AgencySettingsDto = z.infer<typeof agencySettingsSchema>;

export const milestoneSchema = named(
  'Milestone',
  z.strictObject({
    id: z.guid(),
    label: z.string(),
    dueDate: z.iso.date(),
    doneAt: z.iso.datetime({ offset: true }).nullable(),
    status: z
      .enum(['open', 'due_soon', 'overdue', 'done_on_time', 'done_late'])
      .describe("The milestone's own deadline status"),
  }),
);
export type MilestoneDto = z.infer<typeof milestoneSchema>;
export const milestoneListSchema = named('MilestoneList', z.strictObject({ items: z.array(milestoneSchema) }));
export type MilestoneListDto = z.infer<typeof milestoneListSchema>;

/** The whole list of a task's milestones: kept ids stay (a moved date re-plans its reminders), others go. */
export const setMilestonesRequestSchema = z.strictObject({
  milestones: z
    .array(z.strictObject({ id: uuid.optional(), label, dueDate: isoDate }))
    .max(24)
    .describe("Every milestone of the task, each before or on the task's deadline"),
});
export type SetMilestonesRequest = z.infer<typeof setMilestonesRequestSchema>;

export const milestoneDoneRequestSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .max(2000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .optional()
    .describe('What was reached, for the history'),
});
export type MilestoneDoneRequest = z.infer<typeof milestoneDoneRequestSchema>;
