import { z } from 'zod';
import { named } from './responses.js';
import { isoDate } from './schemas.js';

const calendarDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const CALENDAR_DAY_KIND_VALUES = ['off', 'work'] as const;
export const DAY_COUNTING_VALUES = ['working', 'calendar'] as const;
/** Why a day is or is not a working day. */
export const DAY_REASON_VALUES = [
  'working',
  'weekend',
  'holiday',
  'compensatory',
  'official_off',
  'official_work',
] as const;

const dayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** One day of a year's official schedule: a day off (holiday, compensatory day) or a weekend day worked (làm bù). */
export const calendarDaySchema = z.strictObject({
  date: isoDate,
  kind: z.enum(CALENDAR_DAY_KIND_VALUES).describe('off: a day off; work: a weekend day worked instead (làm bù)'),
  name: dayName.describe('e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù cho ngày 27/01"'),
});
export type CalendarDayInput = z.infer<typeof calendarDaySchema>;

/**
 * The Government's schedule for one year, as announced: it replaces the computed holidays of that year. Every
 * date lies in the year, once.
 */
export const saveCalendarYearRequestSchema = z.strictObject({
  days: z.array(calendarDaySchema).max(120),
  source: dayName
    .pipe(z.string().max(300))
    .describe('The announcing document, e.g. "Thông báo 6150/TB-LĐTBXH ngày 20/11/2024"'),
});
export type SaveCalendarYearRequest = z.infer<typeof saveCalendarYearRequestSchema>;

export const calendarQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1990).max(2100).optional().describe('First year (this year by default)'),
  to: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('Last year (`from` by default; at most 10 years)'),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** Working-day arithmetic on the calendar in force: count from `from` to `to`, or add `days` working days to `from`. */
export const calendarSpanQuerySchema = z
  .strictObject({
    from: isoDate,
    to: isoDate.optional(),
    days: z.coerce.number().int().min(-1000).max(1000).optional(),
  })
  .refine((q) => (q.to === undefined) !== (q.days === undefined), { message: 'give either `to` or `days`' });
export type CalendarSpanQuery = z.infer<typeof calendarSpanQuerySchema>;

const dayCountingSchema = z.enum(DAY_COUNTING_VALUES);

export const calendarSettingsSchema = named(
  'CalendarSettings',
  z.strictObject({
    enabled: z.boolean().describe('Off: every day counts as a working day and nothing moves (WORKING_CALENDAR)'),
    weekendDays: z.array(z.int().min(0).max(6)).describe('Weekly days off, 0 = Sunday … 6 = Saturday'),
    rollToWorkingDay: z.boolean().describe('A deadline that ends on a day off ends with the next working day'),
    workdayStart: z.string().describe('Local time (HH:MM) reminders and day-start actions fire at'),
    dayCounting: z.strictObject({
      remindBefore: dayCountingSchema,
      escalateAfter: dayCountingSchema,
      reviewReminderAfter: dayCountingSchema,
    }),
  }),
);
export type CalendarSettingsDto = z.infer<typeof calendarSettingsSchema>;

export const calendarDayInfoSchema = named(
  'CalendarDayInfo',
  z.strictObject({
    date: calendarDate,
    working: z.boolean(),
    reason: z.enum(DAY_REASON_VALUES),
    name: z.string().nullable(),
    official: z.boolean().describe("From the year's official schedule, not computed"),
  }),
);
export type CalendarDayInfoDto = z.infer<typeof calendarDayInfoSchema>;

const calendarDayOutSchema = z.strictObject({
  date: calendarDate,
  kind: z.enum(CALENDAR_DAY_KIND_VALUES),
  name: z.string(),
});

export const calendarYearSchema = named(
  'CalendarYear',
  z.strictObject({
    year: z.int(),
    official: z
      .strictObject({
        days: z.array(calendarDayOutSchema),
        source: z.string(),
        enteredAt: instant,
        enteredByName: z.string().nullable(),
      })
      .nullable()
      .describe('The schedule entered for the year; null when the computed defaults apply'),
    computed: z.array(calendarDayOutSchema).describe("The Labour Code's holidays and compensatory days, computed"),
    exceptions: z
      .array(calendarDayInfoSchema)
      .describe('The days that differ from the weekly rhythm, as in force: days off on weekdays, weekend days worked'),
    history: z
      .array(
        z.strictObject({
          source: z.string().nullable(),
          enteredAt: instant,
          enteredByName: z.string().nullable(),
          cleared: z.boolean().describe('The entry was withdrawn: the computed defaults apply again'),
          dayCount: z.int(),
        }),
      )
      .describe('Every entry for the year, newest first'),
  }),
);
export type CalendarYearDto = z.infer<typeof calendarYearSchema>;

export const calendarResponseSchema = named(
  'Calendar',
  z.strictObject({ settings: calendarSettingsSchema, years: z.array(calendarYearSchema) }),
);
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

export const calendarChangeResultSchema = named(
  'CalendarChangeResult',
  z.strictObject({
    year: calendarYearSchema,
    rescheduled: z.strictObject({
      tasks: z.int().describe('Tasks whose pending actions or effective deadline moved'),
      actions: z.int().describe('Pending actions moved to new times'),
      effectiveDueDates: z.int().describe('Tasks whose effective deadline moved'),
    }),
  }),
);
export type CalendarChangeResult = z.infer<typeof calendarChangeResultSchema>;

export const calendarSpanSchema = named(
  'CalendarSpan',
  z.strictObject({
    from: calendarDate,
    to: calendarDate,
    workingDays: z.int().describe('Working days after `from` up to and including `to` (negative when `to` is earlier)'),
    calendarDays: z.int(),
    effectiveTo: calendarDate.describe('`to`, or the next working day when `to` is a day off and deadlines roll'),
  }),
);
export type CalendarSpanDto = z.infer<typeof calendarSpanSchema>;

/**
 * The calendar's environment variables, read alike by the API and the worker (both plan dates): one shape, so the
 * two never disagree on a default.
 */
export const calendarEnvShape = {
  // off: every day a working day, nothing moves (a province that does not want it; most test suites).
  WORKING_CALENDAR: z.enum(['on', 'off']).default('on'),
  CALENDAR_WEEKEND_DAYS: z
    .string()
    .regex(/^\s*([0-6](\s*,\s*[0-6])*)?\s*$/, 'must be comma-separated weekdays 0 (Sunday) … 6 (Saturday)')
    .default('6,0'),
  CALENDAR_ROLL_DEADLINES: z.enum(['true', 'false']).default('true'),
  CALENDAR_WORKDAY_START: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM')
    .default('08:00'),
  ESCALATION_REMIND_COUNTING: z.enum(DAY_COUNTING_VALUES).default('working'),
  ESCALATION_ESCALATE_COUNTING: z.enum(DAY_COUNTING_VALUES).default('working'),
  ESCALATION_REVIEW_COUNTING: z.enum(DAY_COUNTING_VALUES).default('working'),
};
