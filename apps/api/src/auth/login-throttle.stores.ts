import type { Redis } from 'ioredis';

// The counts behind login-throttle.ts, in Redis (Lua, one call each) and in this process's memory.

export interface ThrottleLimits {
  accountFree: number;
  addressFree: number;
  windowMs: number;
  baseMs: number;
  maxMs: number;
  dailyLimit: number;
}

export interface Keys {
  accountCount: string;
  accountBlock: string;
  accountDay: string;
  addressCount: string;
  addressBlock: string;
  /** Present while the address has signed in to the account lately. */
  known: string;
  pairCount: string;
  pairBlock: string;
}

/**
 * An attempt's position in each count it went to: a known address's attempt goes to the pair instead of
 * the account (accountN 0), any other to the account (pairN 0).
 */
export interface Positions {
  accountN: number;
  addressN: number;
  pairN: number;
}

export type ReserveResult = { ok: false; waitMs: number } | ({ ok: true } & Positions);

export interface ThrottleStore {
  reserve(keys: Keys, limits: ThrottleLimits): Promise<ReserveResult>;
  /**
   * mode `success`: clear the account (or the pair), take the attempt back from the address, and remember
   * the address; `refund`: take it back from every count.
   */
  release(keys: Keys, at: Positions, mode: 'success' | 'refund'): Promise<void>;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How long an address stays known after a sign-in from it: a month of the user's usual places. */
export const KNOWN_MS = 30 * DAY_MS;

/** The wait a failure at position `n` imposes, in ms (0 while still within the free failures). */
export function waitAfter(n: number, free: number, baseMs: number, maxMs: number): number {
  if (n < free) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - free, 40));
}

// A known address answers to its pair's wait and count instead of the account's.
// KEYS: accountCount, accountBlock, accountDay, addressCount, addressBlock, known, pairCount, pairBlock
// ARGV: accountFree, addressFree, windowMs, baseMs, maxMs, dailyLimit, dayMs
const RESERVE = `
local known = redis.call('EXISTS', KEYS[6]) == 1
local ab = redis.call('PTTL', known and KEYS[8] or KEYS[2])
local xb = redis.call('PTTL', KEYS[5])
if ab > 0 or xb > 0 then return {0, math.max(ab, xb)} end
local accountFree, addressFree = tonumber(ARGV[1]), tonumber(ARGV[2])
local windowMs, baseMs, maxMs = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local function waitAfter(n, free)
  if n < free then return 0 end
  return math.min(maxMs, baseMs * 2 ^ math.min(n - free, 40))
end
local m = redis.call('INCR', KEYS[4])
redis.call('PEXPIRE', KEYS[4], windowMs)
local xw = waitAfter(m, addressFree)
if xw > 0 then redis.call('SET', KEYS[5], m, 'PX', math.floor(xw)) end
if known then
  local p = redis.call('INCR', KEYS[7])
  redis.call('PEXPIRE', KEYS[7], windowMs)
  local pw = waitAfter(p, accountFree)
  if pw > 0 then redis.call('SET', KEYS[8], p, 'PX', math.floor(pw)) end
  return {1, 0, m, p}
end
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], windowMs)
local d = redis.call('INCR', KEYS[3])
if d == 1 then redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[7])) end
local aw = waitAfter(n, accountFree)
if d >= tonumber(ARGV[6]) then aw = maxMs end
if aw > 0 then redis.call('SET', KEYS[2], n, 'PX', math.floor(aw)) end
return {1, n, m, 0}
`;

// A known address's success leaves a waiting account as it is: that wait is someone else's failures, and
// clearing it would hand the guesser a fresh start each time the owner signs in.
// KEYS: as above. ARGV: accountN, addressN, pairN, mode, knownMs
const RELEASE = `
local function decr(key)
  local v = tonumber(redis.call('GET', key) or '0')
  if v > 0 then redis.call('DECR', key) end
end
local function takeBack(count, block, n)
  decr(count)
  if redis.call('GET', block) == n then redis.call('DEL', block) end
end
local success = ARGV[4] == 'success'
if tonumber(ARGV[3]) > 0 then
  if success then
    redis.call('DEL', KEYS[7], KEYS[8])
    if redis.call('PTTL', KEYS[2]) <= 0 then redis.call('DEL', KEYS[1]) end
  else
    takeBack(KEYS[7], KEYS[8], ARGV[3])
  end
else
  if success then redis.call('DEL', KEYS[1], KEYS[2]) else takeBack(KEYS[1], KEYS[2], ARGV[1]) end
  decr(KEYS[3])
end
takeBack(KEYS[4], KEYS[5], ARGV[2])
if success then redis.call('SET', KEYS[6], 1, 'PX', tonumber(ARGV[5])) end
return 1
`;

export class RedisStore implements ThrottleStore {
  constructor(private readonly redis: Redis) {}

  private list(k: Keys): string[] {
    return [
      k.accountCount,
      k.accountBlock,
      k.accountDay,
      k.addressCount,
      k.addressBlock,
      k.known,
      k.pairCount,
      k.pairBlock,
    ];
  }

  async reserve(keys: Keys, l: ThrottleLimits): Promise<ReserveResult> {
    const r = (await this.redis.eval(
      RESERVE,
      8,
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
      : { ok: true, accountN: Number(r[1]), addressN: Number(r[2]), pairN: Number(r[3]) };
  }

  async release(keys: Keys, at: Positions, mode: 'success' | 'refund'): Promise<void> {
    await this.redis.eval(RELEASE, 8, ...this.list(keys), at.accountN, at.addressN, at.pairN, mode, KNOWN_MS);
  }
}

/** The same rules in this process's memory: synchronous, so as atomic as the Lua scripts. */
export class MemoryStore implements ThrottleStore {
  private readonly entries = new Map<string, { value: number; expiresAt: number }>();
  // Kept apart from the counts, so that a flood of failures cannot push a user's known address out.
  private readonly known = new Map<string, number>();
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

  private takeBack(count: string, block: string, n: number): void {
    this.decr(count);
    if (this.get(block)?.value === n) this.entries.delete(block);
  }

  private isKnown(key: string): boolean {
    return (this.known.get(key) ?? 0) > this.now();
  }

  private remember(key: string): void {
    this.known.delete(key);
    this.known.set(key, this.now() + KNOWN_MS);
    if (this.known.size > this.maxEntries) this.known.delete(this.known.keys().next().value!);
  }

  private prune(): void {
    if (++this.ops % 1000 !== 0 && this.entries.size <= this.maxEntries) return;
    const now = this.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    for (const [k, t] of this.known) if (t <= now) this.known.delete(k);
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
  }

  reserve(k: Keys, l: ThrottleLimits): Promise<ReserveResult> {
    this.prune();
    const known = this.isKnown(k.known);
    const blocked = Math.max(this.ttl(known ? k.pairBlock : k.accountBlock), this.ttl(k.addressBlock));
    if (blocked > 0) return Promise.resolve({ ok: false, waitMs: blocked });
    const m = this.incr(k.addressCount, l.windowMs, false);
    const xw = waitAfter(m, l.addressFree, l.baseMs, l.maxMs);
    if (xw > 0) this.set(k.addressBlock, m, xw);
    if (known) {
      const p = this.incr(k.pairCount, l.windowMs, false);
      const pw = waitAfter(p, l.accountFree, l.baseMs, l.maxMs);
      if (pw > 0) this.set(k.pairBlock, p, pw);
      return Promise.resolve({ ok: true, accountN: 0, addressN: m, pairN: p });
    }
    const n = this.incr(k.accountCount, l.windowMs, false);
    const d = this.incr(k.accountDay, DAY_MS, true);
    const aw = d >= l.dailyLimit ? l.maxMs : waitAfter(n, l.accountFree, l.baseMs, l.maxMs);
    if (aw > 0) this.set(k.accountBlock, n, aw);
    return Promise.resolve({ ok: true, accountN: n, addressN: m, pairN: 0 });
  }

  release(k: Keys, at: Positions, mode: 'success' | 'refund'): Promise<void> {
    const success = mode === 'success';
    if (at.pairN > 0) {
      if (success) {
        this.entries.delete(k.pairCount);
        this.entries.delete(k.pairBlock);
        if (this.ttl(k.accountBlock) <= 0) this.entries.delete(k.accountCount); // see RELEASE
      } else this.takeBack(k.pairCount, k.pairBlock, at.pairN);
    } else {
      if (success) {
        this.entries.delete(k.accountCount);
        this.entries.delete(k.accountBlock);
      } else this.takeBack(k.accountCount, k.accountBlock, at.accountN);
      this.decr(k.accountDay);
    }
    this.takeBack(k.addressCount, k.addressBlock, at.addressN);
    if (success) this.remember(k.known);
    return Promise.resolve();
  }
}
