import type { Redis } from 'ioredis';

export interface RedisPolicyReport {
  maxmemoryPolicy: string | null;
  ok: boolean;
  message: string;
}

/** BullMQ loses jobs silently when Redis evicts keys: anything but noeviction is a loud warning. */
export async function checkRedisPolicy(redis: Redis): Promise<RedisPolicyReport> {
  try {
    const reply = await redis.config('GET', 'maxmemory-policy');
    const policy = reply[1] ?? null;
    const ok = policy === 'noeviction';
    return {
      maxmemoryPolicy: policy,
      ok,
      message: ok
        ? 'Redis maxmemory-policy is noeviction'
        : `Redis maxmemory-policy is "${policy}", not "noeviction": Redis may evict queued jobs under memory ` +
          `pressure (the reconciler would restore them from PostgreSQL, late). Set maxmemory-policy noeviction.`,
    };
  } catch (e) {
    // Managed Redis services often forbid CONFIG; say so rather than guess.
    return {
      maxmemoryPolicy: null,
      ok: false,
      message: `Could not read Redis maxmemory-policy: ${(e as Error).message}`,
    };
  }
}
