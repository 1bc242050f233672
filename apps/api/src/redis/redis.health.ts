import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SignalBus } from './signal-bus.service.js';

/** Redis reachability and its eviction policy: anything but noeviction can drop queued jobs. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly bus: SignalBus,
  ) {}

  async check(key: string) {
    const session = this.indicators.check(key);
    try {
      const started = Date.now();
      await this.bus.redis.ping();
      const reply = (await this.bus.redis.config('GET', 'maxmemory-policy').catch(() => [])) as string[];
      const policy = reply[1] ?? 'unknown';
      const data = { responseTime: Date.now() - started, maxmemoryPolicy: policy };
      if (policy !== 'noeviction') {
        return session.degraded({
          ...data,
          message: `maxmemory-policy is "${policy}", not "noeviction": queued jobs may be evicted (the reconciler restores them, late)`,
        });
      }
      return session.up(data);
    } catch (e) {
      return session.down({ message: `Redis unreachable: ${(e as Error).message}` });
    }
  }
}
