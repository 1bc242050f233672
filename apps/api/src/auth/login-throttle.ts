import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { redisOptions } from '@dondoc/contracts';
import { Redis } from 'ioredis';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

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
 * Without Redis (down, or `LOGIN_LIMIT_STORE=memory`) the same rules run in this process.
 */

export interface ThrottleLimits {
  accountFree: number;
  addressFree: number;
  windowMs: number;
  baseMs: number;
  maxMs: number;
  dailyLimit: number;
}

interface Keys {
  accountCount: string;
  accountBlock: string;
  accountDay: string;
  addressCount: string;
  addressBlock: string;
}

/** A reservation: the attempt's position in each count, and whether it set a wait. */
export interface LoginAttempt {
  keys: Keys;
  store: ThrottleStore;
  accountN: number;
  addressN: number;
}

type ReserveResult = { ok: false; waitMs: number } | { ok: true; accountN: number; addressN: number };

interface ThrottleStore {
  reserve(keys: Keys, limits: ThrottleLimits): Promise<ReserveResult>;
  /** mode `success`: clear the account, take the attempt back from the address; `refund`: take it back from both. */
  release(keys: Keys, accountN: number, addressN: number, mode: 'success' | 'refund'): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The wait a failure at position `n` imposes, in ms (0 while still within the free failures). */
export function waitAfter(n: number, free: number, baseMs: number, maxMs: number): number {
  if (n < free) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - free, 40));
}

// KEYS: accountCount, accountBlock, accountDay, addressCount, addressBlock
// ARGV: accountFree, addressFree, windowMs, baseMs, maxMs, dailyLimit, dayMs
const RESERVE = `
local ab = redis.call('PTTL', KEYS[2])
local xb = redis.call('PTTL', KEYS[5])
if ab > 0 or xb > 0 then return {0, math.max(ab, xb)} end
local accountFree, addressFree = tonumber(ARGV[1]), tonumber(ARGV[2])
local windowMs, baseMs, maxMs = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function waitAfter(n, free)
  if n < free then return 0 end
  return math.min(maxMs, baseMs * 2 ^ math.min(n - free, 40))
end
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], windowMs)
local d = redis.call('INCR', KEYS[3])
if d == 1 then redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[7])) end
local m = redis.call('INCR', KEYS[4])
redis.call('PEXPIRE', KEYS[4], windowMs)
local aw = waitAfter(n, accountFree)
if d >= tonumber(ARGV[6]) then aw = maxMs end
if aw > 0 then redis.call('SET', KEYS[2], n, 'PX', math.floor(aw)) end
local xw = waitAfter(m, addressFree)
if xw > 0 then redis.call('SET', KEYS[5], m, 'PX', math.floor(xw)) end
return {1, n, m}
`;

// KEYS: as above. ARGV: accountN, addressN, mode
const RELEASE = `
local function decr(key)
  local v = tonumber(redis.call('GET', key) or '0')
  if v > 0 then redis.call('DECR', key) end
end
if ARGV[3] == 'success' then
  redis.call('DEL', KEYS[1], KEYS[2])
else
  decr(KEYS[1])
  if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
end
decr(KEYS[3])
decr(KEYS[4])
if redis.call('GET', KEYS[5]) == ARGV[2] then redis.call('DEL', KEYS[5]) end
return 1
`;

class RedisStore implements ThrottleStore {
  constructor(private readonly redis: Redis) {}

  private list(keys: Keys): string[] {
    return [keys.accountCount, keys.accountBlock, keys.accountDay, keys.addressCount, keys.addressBlock];
  }

  async reserve(keys: Keys, l: ThrottleLimits): Promise<ReserveResult> {
    const r = (await this.redis.eval(
      RESERVE,
      5,
      ...this.list(keys),
      l.accountFree,
      l.addressFree,
      l.windowMs,
      l.baseMs,
      l.maxMs,
      l.dailyLimit,
      DAY_MS,
    )) as number[];
    return r[0] === 0
      ? { ok: false, waitMs: Number(r[1]) }
      : { ok: true, accountN: Number(r[1]), addressN: Number(r[2]) };
  }

  async release(keys: Keys, accountN: number, addressN: number, mode: 'success' | 'refund'): Promise<void> {
    await this.redis.eval(RELEASE, 5, ...this.list(keys), accountN, addressN, mode);
  }
}

/** The same rules in this process's memory: synchronous, so as atomic as the Lua scripts. */
export class MemoryStore implements ThrottleStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  private ops = 0;

  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  private get(key: string): { value: number; expiresAt: number } | undefined {
    const e = this.entries.get(key);
    if (e && e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private ttl(key: string): number {
    const e = this.get(key);
    return e ? e.expiresAt - this.now() : 0;
  }

  private set(key: string, value: number, ttlMs: number): void {
    this.entries.delete(key); // re-inserted last: the oldest entries are the first dropped
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  private incr(key: string, ttlMs: number, keepTtl: boolean): number {
    const e = this.get(key);
    const value = (e?.value ?? 0) + 1;
    this.set(key, value, keepTtl && e ? e.expiresAt - this.now() : ttlMs);
    return value;
  }

  private decr(key: string): void {
    const e = this.get(key);
    if (e && e.value > 0) e.value -= 1;
  }

  private prune(): void {
    if (++this.ops % 1000 !== 0 && this.entries.size <= this.maxEntries) return;
    const now = this.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
  }

  reserve(keys: Keys, l: ThrottleLimits): Promise<ReserveResult> {
    this.prune();
    const blocked = Math.max(this.ttl(keys.accountBlock), this.ttl(keys.addressBlock));
    if (blocked > 0) return Promise.resolve({ ok: false, waitMs: blocked });
    const n = this.incr(keys.accountCount, l.windowMs, false);
    const d = this.incr(keys.accountDay, DAY_MS, true);
    const m = this.incr(keys.addressCount, l.windowMs, false);
    const aw = d >= l.dailyLimit ? l.maxMs : waitAfter(n, l.accountFree, l.baseMs, l.maxMs);
    if (aw > 0) this.set(keys.accountBlock, n, aw);
    const xw = waitAfter(m, l.addressFree, l.baseMs, l.maxMs);
    if (xw > 0) this.set(keys.addressBlock, m, xw);
    return Promise.resolve({ ok: true, accountN: n, addressN: m });
  }

  release(keys: Keys, accountN: number, addressN: number, mode: 'success' | 'refund'): Promise<void> {
    if (mode === 'success') {
      this.entries.delete(keys.accountCount);
      this.entries.delete(keys.accountBlock);
    } else {
      this.decr(keys.accountCount);
      if (this.get(keys.accountBlock)?.value === accountN) this.entries.delete(keys.accountBlock);
    }
    this.decr(keys.accountDay);
    this.decr(keys.addressCount);
    if (this.get(keys.addressBlock)?.value === addressN) this.entries.delete(keys.addressBlock);
    return Promise.resolve();
  }
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
    return { keys, store, accountN: result.accountN, addressN: result.addressN };
  }

  /** The attempt signed in: the account starts afresh, the address gets its attempt back. */
  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.release(attempt, 'success');
  }

  /** The attempt ended before any password was judged (a fault of ours): it counts for nobody. */
  refund(attempt: LoginAttempt): Promise<void> {
    return this.release(attempt, 'refund');
  }

  private async release(attempt: LoginAttempt, mode: 'success' | 'refund'): Promise<void> {
    try {
      await attempt.store.release(attempt.keys, attempt.accountN, attempt.addressN, mode);
    } catch (e) {
      this.warn(e as Error);
    }
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
