import type { EscalationPolicy } from '@dondoc/workflow';
import { isValidPolicy } from '@dondoc/workflow';
import { z } from 'zod';

// Read apart from WorkerConfig until it takes these (the file is shared): same validation, same defaults as the API.
const durations = z.string().transform((s) =>
  s
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean),
);
const envSchema = z.object({
  // How often the worker looks for series whose next period has opened (every 5 minutes; short in tests).
  RECURRENCE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(300_000),
  // The ladder of a new instance's deadline: the API's variables, so both apps schedule alike.
  ESCALATION_REMIND_BEFORE: durations.default(['P14D', 'P3D']),
  ESCALATION_ESCALATE_AFTER: z.string().default('P7D'),
  ESCALATION_REVIEW_AFTER: z.string().default('P10D'),
});

export interface RecurrenceConfig {
  intervalMs: number;
  escalation: EscalationPolicy;
}

export const RECURRENCE_CONFIG = Symbol('RECURRENCE_CONFIG');

export function recurrenceConfigFromEnv(env: NodeJS.ProcessEnv): RecurrenceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid worker configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const escalation: EscalationPolicy = {
    remindBefore: e.ESCALATION_REMIND_BEFORE,
    escalateAfter: e.ESCALATION_ESCALATE_AFTER,
    reviewReminderAfter: e.ESCALATION_REVIEW_AFTER,
  };
  if (!isValidPolicy(escalation)) {
    throw new Error('Invalid worker configuration:\n  ESCALATION_*: not ISO-8601 durations in W/D/H/M/S');
  }
  return { intervalMs: e.RECURRENCE_INTERVAL_MS, escalation };
}
