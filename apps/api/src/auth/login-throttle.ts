import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { redisOptions } from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  MemoryStore,
  RedisStore,
  type Keys,
  type Positions,
  type ReserveResult,
  type ThrottleLimits,
  type ThrottleStore,
} from './login-throttle.stores.js';

/**
 * Failed sign-ins, counted per account (the folded username, whether or not it exists) and per client
 * address, in Redis under the deployment prefix so every API instance shares them.
 *
 * Each attempt is counted *before* the password is checked, in one atomic step that also refuses it when
 * the account or the address is waiting; a success then takes the attempt back (and clears the account),
 * so parallel guesses cannot all slip past the check. After `free` failures, failure n makes the key wait
 * `base · 2^(n − free)` seconds, capped at `max`; past the daily limit every failure waits `max`. A refused
 * attempt counts nothing, so waiting out the delay is the only way on, and nobody can make a user wait
 * longer than `max` for one failure of theirs.
 *
 * An address that signed in to the account within the last 30 days is *known* to it, and skips the
 * account's wait: anyone may fail at an account's name, so that wait would otherwise let a stranger lock
 * the owner out for as long as they keep failing. A known address's attempts count instead against the
 * (account, address) pair, with the same free failures and backoff, and against the address as usual; its
 * success clears the pair, and the account only when the account is not waiting (a wait is a stranger's).
 *
 * Without Redis (down, or `LOGIN_LIMIT_STORE=memory`) the same rules run in this process.
 */

export { MemoryStore, waitAfter, type ThrottleLimits } from './login-throttle.stores.js';

/** A reservation: the attempt's position in each count, and whether it set a wait. */
export interface LoginAttempt extends Positions {
  keys: Keys;
  store: ThrottleStore;
}

/** The account as the login looks it up: trimmed, case-folded, NFC; hashed so Redis holds no usernames. */
export function accountKey(username: unknown): string {
  const folded = typeof username === 'string' ? username.normalize('NFC').trim().toLowerCase().slice(0, 64) : '';
  return createHash('sha256').update(folded).digest('hex').slice(0, 32);
}

/** IPv4 as is (also when IPv4-mapped); IPv6 by its /64, which one host usually owns whole. */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head = '', tail = ''] = ip.split('%')[0].split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** "12 giây / 12 seconds", "5 phút / 5 minutes": the wait, rounded up. */
export function describeWait(seconds: number): { vi: string; en: string } {
  if (seconds < 120) return { vi: `${seconds} giây`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { vi: `${minutes} phút`, en: `${minutes} minutes` };
}

/** The 429 a waiting account or address gets: the same whether or not the account exists. */
export class LoginThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    const wait = describeWait(retryAfterSeconds);
    super(
      429,
      'RATE_LIMITED',
      `Quá nhiều lần đăng nhập không thành công; vui lòng thử lại sau ${wait.vi}. / ` +
        `Too many failed sign-ins; try again in ${wait.en}.`,
      { retryAfterSeconds },
    );
  }
}

@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly limits: ThrottleLimits;
  private readonly prefix: string;
  private readonly memory = new MemoryStore();
  private readonly redis?: Redis;
  private readonly shared?: RedisStore;
  private warned = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = {
      accountFree: config.loginLimitPerAccount,
      addressFree: config.loginLimitPerAddress,
      windowMs: config.loginLimitWindowSeconds * 1000,
      baseMs: config.loginBackoffBaseSeconds * 1000,
      maxMs: config.loginBackoffMaxSeconds * 1000,
      dailyLimit: config.loginDailyLimitPerAccount,
    };
    this.prefix = `${config.deploymentPrefix}:login`;
    if (config.loginLimitStore === 'redis') {
      // Like the signal bus: no offline queue and a short timeout, so a Redis outage costs a login
      // nothing but the switch to the in-process count.
      this.redis = new Redis({
        ...redisOptions(config.redisUrl),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        commandTimeout: 1000,
        retryStrategy: (times) => Math.min(times * 200, 5000),
      });
      this.redis.on('error', (e: Error) => this.warn(e));
      this.redis.on('ready', () => (this.warned = false));
      this.shared = new RedisStore(this.redis);
    }
  }

  private warn(e: Error): void {
    if (!this.warned)
      this.logger.warn(`Redis unavailable (${e.message}); login attempts are counted in this process until it returns`);
    this.warned = true;
  }

  private keys(username: unknown, ip: string | undefined): Keys {
    const account = accountKey(username);
    const address = addressKey(ip);
    return {
      accountCount: `${this.prefix}:account:${account}:failures`,
      accountBlock: `${this.prefix}:account:${account}:wait`,
      accountDay: `${this.prefix}:account:${account}:day`,
      addressCount: `${this.prefix}:address:${address}:failures`,
      addressBlock: `${this.prefix}:address:${address}:wait`,
      known: `${this.prefix}:account:${account}:known:${address}`,
      pairCount: `${this.prefix}:account:${account}:known:${address}:failures`,
      pairBlock: `${this.prefix}:account:${account}:known:${address}:wait`,
    };
  }

  /** Counts the attempt, or throws the 429 when the account or the address must still wait. */
  async reserve(username: unknown, ip: string | undefined): Promise<LoginAttempt> {
    const keys = this.keys(username, ip);
    let store: ThrottleStore = this.memory;
    let result: ReserveResult | undefined;
    if (this.shared && this.redis?.status === 'ready') {
      try {
        result = await this.shared.reserve(keys, this.limits);
        store = this.shared;
      } catch (e) {
        this.warn(e as Error);
      }
    }
    result ??= await this.memory.reserve(keys, this.limits);
    if (!result.ok) throw new LoginThrottledError(Math.max(1, Math.ceil(result.waitMs / 1000)));
    return { keys, store, accountN: result.accountN, addressN: result.addressN, pairN: result.pairN };
  }

  /** The attempt signed in: the account (or pair) starts afresh, the address gets its attempt back and is known. */
  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.release(attempt, 'success');
  }

  /** The attempt ended before any password was judged (a fault of ours): it counts for nobody. */
  refund(attempt: LoginAttempt): Promise<void> {
    return this.release(attempt, 'refund');
  }

  private async release(attempt: LoginAttempt, mode: 'success' | 'refund'): Promise<void> {
    try {
      await attempt.store.release(attempt.keys, attempt, mode);
    } catch (e) {
      this.warn(e as Error);
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
