import { z } from 'zod';

export const CONTRIBUTION_CONFIG = Symbol('CONTRIBUTION_CONFIG');

export interface ContributionConfig {
  /** A sub-deadline not given is the task's due date less this many days (never before today). */
  defaultDaysBefore: number;
}

const schema = z.object({ CONTRIBUTION_DEFAULT_DAYS_BEFORE: z.coerce.number().int().min(0).max(365).default(5) });

/** Read from the environment like the rest of the configuration; a bad value stops the start with its name. */
export function contributionConfigFromEnv(env: NodeJS.ProcessEnv): ContributionConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration:\n  CONTRIBUTION_DEFAULT_DAYS_BEFORE: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return { defaultDaysBefore: parsed.data.CONTRIBUTION_DEFAULT_DAYS_BEFORE };
}
