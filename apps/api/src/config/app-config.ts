import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_DEPLOYMENT_PREFIX, calendarEnvShape, deploymentPrefixSchema } from '@dondoc/contracts';
import { calendarSettingsOf, dayCountingOf, escalationPolicyOf } from '@dondoc/persistence';
import { parseIsoDuration, type CalendarSettings, type EscalationPolicy } from '@dondoc/workflow';
import { z } from 'zod';
import type { FileKeyRing } from '../submissions/file-cipher.js';
import { fileKeyEnvIssues, fileKeyIdSchema, fileKeyRingOf, fileKeysSchema } from './file-keys.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const isoDuration = z.string().refine((s) => {
  try {
    parseIsoDuration(s);
    return true;
  } catch {
    return false;
  }
}, 'must be an ISO-8601 duration such as P14D or PT30S');
const isoDurations = z.string().refine((s) => s.split(',').every((d) => isoDuration.safeParse(d.trim()).success), {
  message: 'must be comma-separated ISO-8601 durations such as P14D,P3D',
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A read replica for the reports (docs/deployment.md, "Read replica"); unset, they read the primary.
  REPORTS_DATABASE_URL: z.string().url().optional(),
  // The report views kept per reader and question (apps/api/src/reports/report-cache.ts): after a change, figures
  // that took longer than REPORT_CACHE_SYNC_MS are answered as they were while new ones are computed (default 250;
  // under NODE_ENV=test 60000, so that a slow machine never turns a test's figures stale); none is kept longer
  // than REPORT_CACHE_MAX_AGE_SECONDS (0: no cache); REPORT_CACHE_MAX_MB bounds their memory.
  REPORT_CACHE_SYNC_MS: z.coerce.number().int().min(0).optional(),
  REPORT_CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  REPORT_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  DATA_DIR: z.string().default('.data'),
  STORAGE_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(8 * 60),
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000,http://localhost:5173'),
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(8).default('demo12345'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(500).default(20),
  MAX_FILES_PER_SUBMISSION: z.coerce.number().int().min(1).max(50).default(10),
  // Failed sign-ins (apps/api/src/auth/login-throttle.ts): an account (or a client address) may fail this
  // many times, then each further failure makes it wait, doubling from LOGIN_BACKOFF_BASE_SECONDS up to
  // LOGIN_BACKOFF_MAX_SECONDS; failures are forgotten after LOGIN_LIMIT_WINDOW_SECONDS without one, and
  // an account's count after a successful sign-in. Past LOGIN_DAILY_LIMIT_PER_ACCOUNT failures in 24 h,
  // every failure waits the maximum. An address that signed in to the account within 30 days skips the
  // account's wait and is throttled on its own (login-throttle.ts). Counted in Redis (shared by the
  // instances), in-process without it.
  LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).default(2),
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_DAILY_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(30),
  // `redis` (shared by the instances; in-process while Redis is unreachable) or `memory` (this process
  // only). Default `redis`, but `memory` under NODE_ENV=test so test apps on one Redis keep apart.
  LOGIN_LIMIT_STORE: z.enum(['redis', 'memory']).optional(),
  DUE_SOON_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  // The deployment's name on a shared Redis (the worker's variable too): the bus channels are
  // `${QUEUE_PREFIX}.schedule` and `${QUEUE_PREFIX}.events`. API and worker must agree.
  QUEUE_PREFIX: deploymentPrefixSchema.default(DEFAULT_DEPLOYMENT_PREFIX),
  ESCALATION_REMIND_BEFORE: isoDurations.default('P14D,P3D'),
  ESCALATION_ESCALATE_AFTER: isoDuration.default('P7D'),
  ESCALATION_REVIEW_AFTER: isoDuration.default('P10D'),
  ...calendarEnvShape,
  // Tests and demos: the API's today when a transition decides (a deadline in working days is fixed from it).
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  // The Standing Committee decides extensions; a province may delegate that to the Office.
  EXTENSIONS_OFFICE_MAY_DECIDE: bool.default(false),
  // A coordinating agency's sub-deadline, when the request gives none: this many days before the task's.
  CONTRIBUTION_DEFAULT_DAYS_BEFORE: z.coerce.number().int().min(0).max(365).default(5),
  // After SIGTERM: how long to answer (with Connection: close, readiness 503) before closing the listener.
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  // Who is on a newly classified item's access list besides the person who classifies it: comma-separated
  // standing_committee (its members), standing_board (its Thường trực), office, inspector; or none.
  CLASSIFIED_DEFAULT_ACCESS: z
    .string()
    .default('standing_committee')
    .refine(
      (s) =>
        s.trim() === 'none' ||
        s.split(',').every((x) => ['standing_committee', 'standing_board', 'office', 'inspector'].includes(x.trim())),
      { message: 'must be none, or a comma-separated list of standing_committee, standing_board, office, inspector' },
    ),
  // Record every read of every task in the access log, not only of classified ones.
  ACCESS_LOG_ALL: bool.default(false),
  // The built board (apps/web/dist), served at / on the API's origin; empty to serve none.
  WEB_DIR: z.string().default('apps/web/dist'),
  // OCR of scanned directives (Debian: tesseract-ocr, tesseract-ocr-vie, poppler-utils): the programs, by
  // default found on PATH. Missing, a scan or an image is refused with 503 OCR_UNAVAILABLE.
  TESSERACT_PATH: z.string().min(1).default('tesseract'),
  PDFTOPPM_PATH: z.string().min(1).default('pdftoppm'),
  // Files of classified tasks are sealed at rest (AES-256-GCM): the ring `id:base64key,...` (32-byte keys)
  // and the id new files are sealed with. Both required in production; rotation: README.md.
  FILE_ENCRYPTION_KEYS: fileKeysSchema,
  FILE_ENCRYPTION_KEY_ID: fileKeyIdSchema,
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  /** A read replica the reports read from; undefined: the primary. */
  reportsDatabaseUrl?: string;
  /** The report views' cache (`REPORT_CACHE_*`). */
  reportCache: { syncMs: number; maxAgeSeconds: number; maxMegabytes: number };
  dbPoolSize: number;
  dataDir: string;
  storageDir: string;
  jwtSecret: string;
  tokenTtlMinutes: number;
  corsOrigins: string[];
  seedDemo: boolean;
  demoPassword: string;
  maxUploadBytes: number;
  maxFilesPerSubmission: number;
  loginLimitPerAccount: number;
  loginLimitPerAddress: number;
  loginLimitWindowSeconds: number;
  loginBackoffBaseSeconds: number;
  loginBackoffMaxSeconds: number;
  loginDailyLimitPerAccount: number;
  loginLimitStore: 'redis' | 'memory';
  dueSoonDays: number;
  logLevel: string;
  trustProxy: boolean;
  redisUrl: string;
  /** `QUEUE_PREFIX`: this deployment's bus channels are `busChannels(deploymentPrefix)`. */
  deploymentPrefix: string;
  escalation: EscalationPolicy;
  /** The working calendar's settings (`WORKING_CALENDAR`, `CALENDAR_*`); its years come from the database. */
  calendar: CalendarSettings;
  /** Shifts the API's clock for transitions (tests and demos only). */
  clockOffsetMs: number;
  /** Whether the Office, besides the Standing Committee, may grant or refuse extension requests. */
  extensionsOfficeMayDecide: boolean;
  /** A sub-deadline not given is the task's due date less this many days (never before today). */
  contributionDefaultDaysBefore: number;
  shutdownDrainMs: number;
  /** Who a newly classified item's access list names by default, besides whoever classifies it. */
  classifiedDefaultAccess: ClassifiedDefaultGroup[];
  /** Whether reads of unclassified tasks are recorded in the access log too. */
  accessLogAll: boolean;
  /** Absolute path of the built board, or null when there is none to serve. */
  webDir: string | null;
  /** The keys files of classified tasks are sealed and opened with (`FILE_ENCRYPTION_KEYS`). */
  fileKeys: FileKeyRing;
  /** The OCR programs a directive import runs on scans and images (`TESSERACT_PATH`, `PDFTOPPM_PATH`). */
  ocr: { tesseract: string; pdftoppm: string };
}

export type ClassifiedDefaultGroup = 'standing_committee' | 'standing_board' | 'office' | 'inspector';

export class ConfigError extends Error {}

export type RawEnv = z.infer<typeof envSchema>;

/** Validates the environment; the message names each bad variable so an operator can fix it. */
export function parseEnv(env: NodeJS.ProcessEnv): RawEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production');
  }
  const keyIssues = fileKeyEnvIssues(parsed.data);
  if (keyIssues.length) throw new ConfigError(`Invalid configuration:\n${keyIssues.map((l) => `  ${l}`).join('\n')}`);
  return parsed.data;
}

export function buildConfig(
  raw: RawEnv,
  resolved: { databaseUrl: string; jwtSecret: string; embedded: boolean; localFileKey?: Buffer },
): AppConfig {
  return {
    env: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    databaseUrl: resolved.databaseUrl,
    reportsDatabaseUrl: raw.REPORTS_DATABASE_URL,
    reportCache: {
      syncMs: raw.REPORT_CACHE_SYNC_MS ?? (raw.NODE_ENV === 'test' ? 60_000 : 250),
      maxAgeSeconds: raw.REPORT_CACHE_MAX_AGE_SECONDS,
      maxMegabytes: raw.REPORT_CACHE_MAX_MB,
    },
    dbPoolSize: raw.DB_POOL_SIZE,
    dataDir: raw.DATA_DIR,
    storageDir: raw.STORAGE_DIR ?? `${raw.DATA_DIR}/files`,
    jwtSecret: resolved.jwtSecret,
    tokenTtlMinutes: raw.TOKEN_TTL_MINUTES,
    corsOrigins: raw.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    seedDemo: raw.SEED_DEMO ?? resolved.embedded,
    demoPassword: raw.DEMO_PASSWORD,
    maxUploadBytes: Math.round(raw.MAX_UPLOAD_MB * 1024 * 1024),
    maxFilesPerSubmission: raw.MAX_FILES_PER_SUBMISSION,
    loginLimitPerAccount: raw.LOGIN_LIMIT_PER_ACCOUNT,
    loginLimitPerAddress: raw.LOGIN_LIMIT_PER_ADDRESS,
    loginLimitWindowSeconds: raw.LOGIN_LIMIT_WINDOW_SECONDS,
    loginBackoffBaseSeconds: raw.LOGIN_BACKOFF_BASE_SECONDS,
    loginBackoffMaxSeconds: Math.max(raw.LOGIN_BACKOFF_MAX_SECONDS, raw.LOGIN_BACKOFF_BASE_SECONDS),
    loginDailyLimitPerAccount: raw.LOGIN_DAILY_LIMIT_PER_ACCOUNT,
    loginLimitStore: raw.LOGIN_LIMIT_STORE ?? (raw.NODE_ENV === 'test' ? 'memory' : 'redis'),
    dueSoonDays: raw.DUE_SOON_DAYS,
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    redisUrl: raw.REDIS_URL,
    deploymentPrefix: raw.QUEUE_PREFIX,
    escalation: escalationPolicyOf(
      raw.ESCALATION_REMIND_BEFORE,
      raw.ESCALATION_ESCALATE_AFTER,
      raw.ESCALATION_REVIEW_AFTER,
      dayCountingOf(raw),
    ),
    calendar: calendarSettingsOf(raw),
    clockOffsetMs: raw.CLOCK_OFFSET_MS,
    extensionsOfficeMayDecide: raw.EXTENSIONS_OFFICE_MAY_DECIDE,
    contributionDefaultDaysBefore: raw.CONTRIBUTION_DEFAULT_DAYS_BEFORE,
    shutdownDrainMs: raw.SHUTDOWN_DRAIN_MS,
    classifiedDefaultAccess:
      raw.CLASSIFIED_DEFAULT_ACCESS.trim() === 'none'
        ? []
        : [...new Set(raw.CLASSIFIED_DEFAULT_ACCESS.split(',').map((x) => x.trim() as ClassifiedDefaultGroup))],
    accessLogAll: raw.ACCESS_LOG_ALL,
    webDir: raw.WEB_DIR && existsSync(resolve(raw.WEB_DIR, 'index.html')) ? resolve(raw.WEB_DIR) : null,
    fileKeys: fileKeyRingOf(raw, resolved.localFileKey),
    ocr: { tesseract: raw.TESSERACT_PATH, pdftoppm: raw.PDFTOPPM_PATH },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
