import { z } from 'zod';
import { requestSchemas } from './request-schemas.js';
import { instant, named, taskStateSchema } from './responses.js';
import { isoDate } from './schemas.js';

/**
 * Progress reports (báo cáo tiến độ) on a task and the Office's reporting periods (kỳ báo cáo): requests and
 * answers. A report's fields arrive as JSON or as the text parts of a multipart upload, so numbers may be text.
 */

const id = z.guid();
const calendarDate = z.iso.date();

/** Text a person typed: trimmed, bounded, no NUL bytes (emptiness is checked after access, like comments). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** A whole number 0..100; a multipart part carries it as text ("45"). */
const percentField = z
  .union([
    z.int(),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, 'must be a whole number from 0 to 100')
      .transform(Number),
  ])
  .pipe(z.int().min(0).max(100))
  .describe('Whole number from 0 to 100');

export const createProgressReportSchema = z.strictObject({
  percent: percentField,
  narrative: text(5000).describe('What was done, what remains (required, at most 5,000 characters)'),
  periodId: id
    .optional()
    .describe('The open reporting period this report answers; by default every open one still waiting for it'),
});
export type CreateProgressReportRequest = z.infer<typeof createProgressReportSchema>;

export const REPORTING_PERIOD_KINDS = ['month', 'quarter', 'half_year', 'year', 'custom'] as const;
export type ReportingPeriodKind = (typeof REPORTING_PERIOD_KINDS)[number];

const year = z.int().min(2000).max(2100);
const periodExtras = {
  dueDate: isoDate
    .optional()
    .describe('When the reports are due (default: the last day of the period, or in 7 days if that has passed)'),
  label: text(200).optional().describe('Shown to the agencies; default in Vietnamese, e.g. "Quý IV/2026"'),
};
export const createReportingPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('month'), year, number: z.int().min(1).max(12), ...periodExtras }),
  z.strictObject({ kind: z.literal('quarter'), year, number: z.int().min(1).max(4), ...periodExtras }),
  z.strictObject({ kind: z.literal('half_year'), year, number: z.int().min(1).max(2), ...periodExtras }),
  z.strictObject({ kind: z.literal('year'), year, ...periodExtras }),
  z.strictObject({ kind: z.literal('custom'), startsOn: isoDate, endsOn: isoDate, ...periodExtras }),
]);
export type CreateReportingPeriodRequest = z.infer<typeof createReportingPeriodSchema>;

/** Closing a period or urging its missing reports takes no fields: an empty object, anything else refused. */
export const reportingPeriodActionSchema = z.strictObject({});
export type ReportingPeriodActionRequest = z.infer<typeof reportingPeriodActionSchema>;

requestSchemas.add(createProgressReportSchema, { id: 'CreateProgressReportRequest' });
requestSchemas.add(reportingPeriodActionSchema, { id: 'ReportingPeriodActionRequest' });
requestSchemas.add(createReportingPeriodSchema, { id: 'CreateReportingPeriodRequest' });

export const progressReportFileSchema = named(
  'ProgressReportFile',
  z.strictObject({ id, fileName: z.string(), mimeType: z.string(), sizeBytes: z.int() }),
);
export type ProgressReportFileDto = z.infer<typeof progressReportFileSchema>;

export const progressReportSchema = named(
  'ProgressReport',
  z.strictObject({
    id,
    taskId: id,
    percent: z.int().min(0).max(100),
    narrative: z.string(),
    periodId: id.nullable(),
    periodLabel: z.string().nullable(),
    agencyId: id,
    reportedBy: id,
    reportedByName: z.string().nullable(),
    createdAt: instant,
    files: z.array(progressReportFileSchema),
  }),
  'One progress report; every report is kept',
);
export type ProgressReportDto = z.infer<typeof progressReportSchema>;

export const taskPeriodAskSchema = named(
  'TaskPeriodAsk',
  z.strictObject({
    periodId: id,
    label: z.string(),
    dueDate: calendarDate,
    reported: z.boolean().describe('The task has a report for this period'),
  }),
  'An open reporting period that asks this task for a report',
);
export type TaskPeriodAskDto = z.infer<typeof taskPeriodAskSchema>;

export const taskProgressSchema = named(
  'TaskProgress',
  z.strictObject({
    taskId: id,
    percent: z.int().nullable().describe('The latest reported percentage'),
    reportedAt: instant.nullable(),
    reports: z.array(progressReportSchema).describe('Newest first'),
    openPeriods: z.array(taskPeriodAskSchema),
  }),
  "A task's progress reports and the open periods asking for one",
);
export type TaskProgressDto = z.infer<typeof taskProgressSchema>;

const counts = { asked: z.int(), reported: z.int(), missing: z.int() };

export const reportingPeriodSchema = named(
  'ReportingPeriod',
  z.strictObject({
    id,
    kind: z.enum(REPORTING_PERIOD_KINDS),
    label: z.string(),
    startsOn: calendarDate,
    endsOn: calendarDate,
    dueDate: calendarDate,
    openedAt: instant,
    closedAt: instant.nullable(),
    ...counts,
  }),
  "A reporting period with its counts (an agency's own tasks only, for an agency)",
);
export type ReportingPeriodDto = z.infer<typeof reportingPeriodSchema>;

export const reportingPeriodAgencyRowSchema = named(
  'ReportingPeriodAgencyRow',
  z.strictObject({ agencyId: id, agencyName: z.string(), ...counts }),
);
export type ReportingPeriodAgencyRowDto = z.infer<typeof reportingPeriodAgencyRowSchema>;

export const reportingPeriodTaskRowSchema = named(
  'ReportingPeriodTaskRow',
  z.strictObject({
    taskId: id,
    code: z.string(),
    title: z.string(),
    state: taskStateSchema,
    agencyId: id,
    agencyName: z.string(),
    report: z
      .strictObject({ id, percent: z.int(), narrative: z.string(), reportedAt: instant })
      .nullable()
      .describe('The latest report for the period; null while missing'),
  }),
);
export type ReportingPeriodTaskRowDto = z.infer<typeof reportingPeriodTaskRowSchema>;

export const reportingPeriodDetailSchema = named(
  'ReportingPeriodDetail',
  reportingPeriodSchema.extend({
    agencies: z.array(reportingPeriodAgencyRowSchema),
    tasks: z.array(reportingPeriodTaskRowSchema),
  }),
  'A period with who has and has not reported, per agency and per task',
);
export type ReportingPeriodDetailDto = z.infer<typeof reportingPeriodDetailSchema>;

export const reportingPeriodListSchema = named(
  'ReportingPeriodList',
  z.strictObject({ items: z.array(reportingPeriodSchema) }),
);
export type ReportingPeriodListDto = z.infer<typeof reportingPeriodListSchema>;

export const reportingPeriodRemindSchema = named(
  'ReportingPeriodRemind',
  z.strictObject({
    reminded: z.int().describe('Tasks whose lead agency was urged now'),
    alreadyToday: z.int().describe('Missing tasks already urged today (once a day)'),
  }),
);
export type ReportingPeriodRemindDto = z.infer<typeof reportingPeriodRemindSchema>;

const VI_ROMAN = ['I', 'II', 'III', 'IV'];

/** The period's first and last day and its default Vietnamese label. */
export function periodRange(p: CreateReportingPeriodRequest): { startsOn: string; endsOn: string; label: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const range = (y: number, m1: number, m2: number) => ({
    startsOn: `${y}-${pad(m1)}-01`,
    endsOn: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
  });
  switch (p.kind) {
    case 'month':
      return { ...range(p.year, p.number, p.number), label: `Tháng ${p.number}/${p.year}` };
    case 'quarter':
      return { ...range(p.year, p.number * 3 - 2, p.number * 3), label: `Quý ${VI_ROMAN[p.number - 1]}/${p.year}` };
    case 'half_year':
      return {
        ...range(p.year, p.number === 1 ? 1 : 7, p.number === 1 ? 6 : 12),
        label: `6 tháng ${p.number === 1 ? 'đầu' : 'cuối'} năm ${p.year}`,
      };
    case 'year':
      return { ...range(p.year, 1, 12), label: `Năm ${p.year}` };
    case 'custom': {
      const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
      return { startsOn: p.startsOn, endsOn: p.endsOn, label: `Từ ${vn(p.startsOn)} đến ${vn(p.endsOn)}` };
    }
  }
}
