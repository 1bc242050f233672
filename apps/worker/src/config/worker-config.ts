import { DEFAULT_DEPLOYMENT_PREFIX, calendarEnvShape, deploymentPrefixSchema } from '@dondoc/contracts';
import { calendarSettingsOf, dayCountingOf, escalationPolicyOf } from '@dondoc/persistence';
import { parseIsoDuration, type CalendarSettings, type EscalationPolicy } from '@dondoc/workflow';
import { z } from 'zod';

const isDuration = (s: string) => {
  try {
    parseIsoDuration(s);
    return true;
  } catch {
    return false;
  }
};

const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: 'required: the PostgreSQL the API uses' }),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  // A crashed worker's job goes to another once its lock lapses (WORKER_LOCK_MS) and a stall check sees it.
  WORKER_LOCK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  // Off: a delayed job waits for Redis to end the worker's blocking wait (every 1/hz s) instead of a timer
  // of the worker's own waking it at its due time (DueWaker).
  WAKE_AT_DUE: z.enum(['on', 'off']).default('on'),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  // How often Redis is checked for having lost its data (a flush, a restart): then the reconciler runs at once.
  LOSS_CHECK_MS: z.coerce.number().int().min(100).max(600_000).default(1000),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(2000),
  LATE_AFTER_MS: z.coerce.number().int().min(0).default(60_000),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  // The deployment's name on a shared Redis: BullMQ keys and bus channels (the API reads it too).
  QUEUE_PREFIX: deploymentPrefixSchema.default(DEFAULT_DEPLOYMENT_PREFIX),
  // Tests and demos shift the worker's clock instead of waiting for real deadlines.
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // How often the worker looks for series whose next period has opened (every 5 minutes; short in tests).
  RECURRENCE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  // The API's ladder, with its validation and defaults: a recurring instance (made here) is reminded and
  // escalated like a task the Office assigns.
  ESCALATION_REMIND_BEFORE: z
    .string()
    .refine(
      (s) => s.split(',').every((d) => isDuration(d.trim())),
      'must be comma-separated ISO-8601 durations such as P14D,P3D',
    )
    .default('P14D,P3D'),
  ESCALATION_ESCALATE_AFTER: z
    .string()
    .refine(isDuration, 'must be an ISO-8601 duration such as P14D or PT30S')
    .default('P7D'),
  ESCALATION_REVIEW_AFTER: z
    .string()
    .refine(isDuration, 'must be an ISO-8601 duration such as P14D or PT30S')
    .default('P10D'),
  ...calendarEnvShape,
  // E-mail is optional: with no SMTP_URL nothing is mailed (smtp://, or smtps:// for TLS from the start).
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:$/.test(new URL(u).protocol), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Đôn Đốc <no-reply@localhost>'),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  MAIL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
  MAIL_BATCH: z.coerce.number().int().min(1).max(1000).default(50),
  // Older notifications are never mailed: setting an address, or SMTP_URL, must not flood an inbox.
  MAIL_MAX_AGE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
});

export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  dbPoolSize: number;
  /** Jobs one worker process runs at once. */
  concurrency: number;
  /** BullMQ lock of a running job; renewed at half this while the job runs. */
  lockMs: number;
  /** How often the worker looks for jobs whose lock lapsed (their worker died). */
  stalledIntervalMs: number;
  relayIntervalMs: number;
  /** Wake the workers at each delayed job's due time (DueWaker) rather than when Redis' timer comes round. */
  wakeAtDue: boolean;
  reconcileIntervalSeconds: number;
  lossCheckMs: number;
  jobAttempts: number;
  jobBackoffMs: number;
  lateAfterMs: number;
  healthPort?: number;
  /** The deployment's prefix (`QUEUE_PREFIX`): BullMQ keys and `busChannels(queuePrefix)`. */
  queuePrefix: string;
  clockOffsetMs: number;
  logLevel: string;
  /** How often the recurrence tick looks for series whose next period has opened. */
  recurrenceIntervalMs: number;
  /** The deadline ladder of the recurring instances the worker creates (`ESCALATION_*`, as the API reads them). */
  escalation: EscalationPolicy;
  /** The working calendar's settings, as the API reads them. */
  calendar: CalendarSettings;
  mail: MailConfig;
}

export interface MailConfig {
  smtpUrl?: string;
  from: string;
  publicUrl: string;
  intervalMs: number;
  batch: number;
  maxAgeHours: number;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export function workerConfigFromEnv(env: NodeJS.ProcessEnv): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid worker configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    concurrency: e.WORKER_CONCURRENCY,
    lockMs: e.WORKER_LOCK_MS,
    stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
    relayIntervalMs: e.RELAY_INTERVAL_MS,
    wakeAtDue: e.WAKE_AT_DUE === 'on',
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    lossCheckMs: e.LOSS_CHECK_MS,
    jobAttempts: e.JOB_ATTEMPTS,
    jobBackoffMs: e.JOB_BACKOFF_MS,
    lateAfterMs: e.LATE_AFTER_MS,
    healthPort: e.WORKER_HEALTH_PORT,
    queuePrefix: e.QUEUE_PREFIX,
    clockOffsetMs: e.CLOCK_OFFSET_MS,
    logLevel: e.LOG_LEVEL,
    recurrenceIntervalMs: e.RECURRENCE_INTERVAL_MS,
    escalation: escalationPolicyOf(
      e.ESCALATION_REMIND_BEFORE,
      e.ESCALATION_ESCALATE_AFTER,
      e.ESCALATION_REVIEW_AFTER,
      dayCountingOf(e),
    ),
    calendar: calendarSettingsOf(e),
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
      intervalMs: e.MAIL_INTERVAL_MS,
      batch: e.MAIL_BATCH,
      maxAgeHours: e.MAIL_MAX_AGE_HOURS,
    },
  };
}
