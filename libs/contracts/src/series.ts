import { z } from 'zod';
import { DATE_RANGE_MESSAGE, isDateInRange } from './date-range.js';
import { requestSchemas } from './request-schemas.js';
import { directiveSchema, instant, named, taskSummarySchema } from './responses.js';
import { DELIVERABLE_TYPE_VALUES, FIELD_VALUES } from './schemas.js';

/** Recurring work (nhiệm vụ định kỳ) and the monthly program carried forward. */
export const SERIES_FREQUENCY_VALUES = ['month', 'quarter', 'half_year', 'year'] as const;

const noNul = (s: string) => !s.includes('\u0000');
const text = (max: number) => z.string().trim().max(max).refine(noNul, 'must not contain NUL characters');
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));
const isoDate = z.iso.date().refine(isDateInRange, DATE_RANGE_MESSAGE);
const calendarDate = z.iso.date();
const id = z.guid();

export const createTaskSeriesRequestSchema = z
  .strictObject({
    title: requiredText(1000),
    description: text(20000).optional(),
    deliverableType: z.enum(DELIVERABLE_TYPE_VALUES),
    field: z.enum(FIELD_VALUES),
    leadAgencyId: z.uuid(),
    coordinatingAgencyIds: z.array(z.uuid()).max(100).optional(),
    frequency: z.enum(SERIES_FREQUENCY_VALUES),
    dueDay: z
      .int()
      .min(1)
      .max(31)
      .describe("Day of the period's last month the instance is due (31: the month's last day)"),
    startsOn: isoDate,
    endsOn: isoDate.nullable().optional(),
  })
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, {
    message: 'endsOn must not be before startsOn',
    path: ['endsOn'],
  });
export type CreateTaskSeriesRequest = z.infer<typeof createTaskSeriesRequestSchema>;

export const updateTaskSeriesRequestSchema = z.strictObject({
  active: z.boolean().describe('false stops the series: no later period gets an instance; true resumes it'),
});
export type UpdateTaskSeriesRequest = z.infer<typeof updateTaskSeriesRequestSchema>;

export const carryForwardRequestSchema = z.strictObject({
  number: requiredText(64),
  title: requiredText(1000),
  issuedOn: isoDate,
});
export type CarryForwardRequest = z.infer<typeof carryForwardRequestSchema>;

for (const [name, schema] of Object.entries({
  CreateTaskSeriesRequest: createTaskSeriesRequestSchema,
  UpdateTaskSeriesRequest: updateTaskSeriesRequestSchema,
  CarryForwardRequest: carryForwardRequestSchema,
})) {
  requestSchemas.add(schema, { id: name });
}

export const seriesPeriodSchema = named(
  'SeriesPeriod',
  z.strictObject({
    key: z.string().describe("'2026-11', '2026-Q4', '2026-H2' or '2026'"),
    label: z.string().describe('Vietnamese: "Tháng 11/2026", "Quý IV/2026", "6 tháng cuối năm 2026", "Năm 2026"'),
    labelEn: z.string(),
    startsOn: calendarDate,
    endsOn: calendarDate,
    dueDate: calendarDate,
  }),
);

export const taskSeriesSchema = named(
  'TaskSeries',
  z.strictObject({
    id,
    directiveId: id,
    code: z.string(),
    title: z.string(),
    description: z.string(),
    deliverableType: z.string(),
    field: z.string(),
    leadAgencyId: id,
    coordinatingAgencyIds: z.array(id),
    frequency: z.enum(SERIES_FREQUENCY_VALUES),
    dueDay: z.int(),
    startsOn: calendarDate,
    endsOn: calendarDate.nullable(),
    active: z.boolean(),
    instanceCount: z.int().describe('Instances the caller may see'),
    nextPeriod: seriesPeriodSchema.nullable().describe('The next period to open (none when stopped or ended)'),
    createdAt: instant,
    updatedAt: instant,
  }),
  'A recurring task: one instance per period, created by the worker when the period opens',
);
export type TaskSeriesDto = z.infer<typeof taskSeriesSchema>;

export const taskSeriesInstanceSchema = named(
  'TaskSeriesInstance',
  z.strictObject({ period: seriesPeriodSchema, task: taskSummarySchema }),
);
export type TaskSeriesInstanceDto = z.infer<typeof taskSeriesInstanceSchema>;

export const taskSeriesInstancesSchema = named(
  'TaskSeriesInstances',
  z.strictObject({ series: taskSeriesSchema, instances: z.array(taskSeriesInstanceSchema) }),
);
export type TaskSeriesInstancesDto = z.infer<typeof taskSeriesInstancesSchema>;

export const carriedTaskSchema = named('CarriedTask', z.strictObject({ fromTaskId: id, task: taskSummarySchema }));

export const carryForwardResultSchema = named(
  'CarryForwardResult',
  z.strictObject({
    directive: directiveSchema,
    tasks: z.array(carriedTaskSchema).describe('The drafts made from the unfinished items, to edit and assign'),
  }),
  "A new monthly program started from the previous month's unfinished items",
);
export type CarryForwardResultDto = z.infer<typeof carryForwardResultSchema>;
