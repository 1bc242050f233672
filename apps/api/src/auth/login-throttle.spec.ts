import { accountKey, addressKey, describeWait, MemoryStore, waitAfter, type ThrottleLimits } from './login-throttle.js';

// The defaults of app-config.ts.
const LIMITS: ThrottleLimits = {
  accountFree: 5,
  addressFree: 50,
  windowMs: 3600_000,
  baseMs: 2000,
  maxMs: 900_000,
  dailyLimit: 30,
};
const DAY = 86_400_000;

function keys(account: string, address: string) {
  return {
    accountCount: `a:${account}:failures`,
    accountBlock: `a:${account}:wait`,
    accountDay: `a:${account}:day`,
    addressCount: `x:${address}:failures`,
    addressBlock: `x:${address}:wait`,
    known: `a:${account}:known:${address}`,
    pairCount: `a:${account}:known:${address}:failures`,
    pairBlock: `a:${account}:known:${address}:wait`,
  };
}

/**
 * Guesses at one account as fast as the throttle allows for a day, each from a new address, while its
 * owner signs in every `userEveryMs` (or never): how many reach the password check.
 */
async function guessesInADay(userEveryMs?: number): Promise<number> {
  let now = 0;
  const store = new MemoryStore(100_000, () => now);
  let guesses = 0;
  let nextUser = userEveryMs ?? Infinity;
  let address = 0;
  while (now < DAY) {
    if (now >= nextUser) {
      const r = await store.reserve(keys('victim', 'home'), LIMITS);
      if (r.ok) await store.release(keys('victim', 'home'), r, 'success');
      nextUser += userEveryMs!;
    }
    const r = await store.reserve(keys('victim', `bot-${++address}`), LIMITS);
    if (r.ok) {
      guesses += 1;
      now += 1;
    } else now += Math.min(r.waitMs, Math.max(1, nextUser - now));
  }
  return guesses;
}

describe('progressive login throttling (in-process rules, the same as the Redis script)', () => {
  it('doubles the wait after the free failures, up to the cap', () => {
    expect([4, 5, 6, 7, 13, 14, 60].map((n) => waitAfter(n, 5, 2000, 900_000))).toEqual([
      0, 2000, 4000, 8000, 512_000, 900_000, 900_000,
    ]);
  });

  it('lets an attacker about a hundred guesses per account a day, far from the 14,400 of a fixed window', async () => {
    const alone = await guessesInADay();
    const withUser = await guessesInADay(10 * 60_000);
    process.stderr.write(
      `login throttling: ${alone} guesses a day, ${withUser} with the user signing in every 10 min\n`,
    );
    expect(alone).toBeLessThanOrEqual(110);
    expect(withUser).toBeLessThanOrEqual(130);
  });

  it('never makes the account wait longer than the cap for one failure', async () => {
    let now = 0;
    const store = new MemoryStore(100_000, () => now);
    let longest = 0;
    for (let i = 0; i < 200; i++) {
      const r = await store.reserve(keys('v', `x${i}`), LIMITS);
      if (!r.ok) {
        longest = Math.max(longest, r.waitMs);
        now += r.waitMs;
      }
    }
    expect(longest).toBe(LIMITS.maxMs);
  });

  it('takes back a refunded attempt and clears the account on success, but not the day count', async () => {
    const now = 0;
    const store = new MemoryStore(100_000, () => now);
    const k = keys('u', 'addr');
    const limits = { ...LIMITS, accountFree: 2, dailyLimit: 3 };
    const first = await store.reserve(k, limits);
    if (!first.ok) throw new Error('refused');
    await store.release(k, first, 'refund');
    const again = await store.reserve(k, limits);
    expect(again).toEqual({ ok: true, accountN: 1, addressN: 1, pairN: 0 });
    const second = await store.reserve(k, limits); // the 2nd failure: a wait
    expect(second.ok).toBe(true);
    expect((await store.reserve(k, limits)).ok).toBe(false);
    if (second.ok) await store.release(k, second, 'success');
    // Cleared: one free failure again (from another address: this one is now known); the next is the day's
    // 3rd failure (the success did not count), so it waits the maximum instead of the first step.
    const elsewhere = keys('u', 'elsewhere');
    expect((await store.reserve(elsewhere, limits)).ok).toBe(true);
    expect((await store.reserve(elsewhere, limits)).ok).toBe(true);
    expect(await store.reserve(elsewhere, limits)).toEqual({ ok: false, waitMs: LIMITS.maxMs });
  });

  it('lets the owner in from a known address while a stranger keeps the account waiting, and no one else', async () => {
    let now = 0;
    const store = new MemoryStore(100_000, () => now);
    const home = keys('victim', 'home');
    const signedIn = await store.reserve(home, LIMITS);
    if (!signedIn.ok) throw new Error('refused');
    await store.release(home, signedIn, 'success');
    // A stranger fails past the daily limit, each time as soon as allowed: every failure now waits the max.
    for (let failures = 0; failures < LIMITS.dailyLimit;) {
      const r = await store.reserve(keys('victim', 'bot'), LIMITS);
      if (r.ok) failures += 1;
      else now += r.waitMs;
    }
    expect(await store.reserve(keys('victim', 'bot'), LIMITS)).toEqual({ ok: false, waitMs: LIMITS.maxMs });
    // The owner, from home: at once, counted for the pair and the address, not the account.
    const owner = await store.reserve(home, LIMITS);
    expect(owner).toEqual({ ok: true, accountN: 0, addressN: 1, pairN: 1 });
    if (owner.ok) await store.release(home, owner, 'success');
    // Their sign-in did not end the stranger's wait, which still holds at any other address.
    expect(await store.reserve(keys('victim', 'cafe'), LIMITS)).toEqual({ ok: false, waitMs: LIMITS.maxMs });
    now += LIMITS.maxMs;
    expect((await store.reserve(keys('victim', 'cafe'), LIMITS)).ok).toBe(true);
  });

  it('makes a known address that keeps failing wait, doubling, on its own and at its address', async () => {
    let now = 0;
    const store = new MemoryStore(100_000, () => now);
    const home = keys('owner', 'home');
    const signedIn = await store.reserve(home, LIMITS);
    if (!signedIn.ok) throw new Error('refused');
    await store.release(home, signedIn, 'success');
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await store.reserve(home, LIMITS);
      if (!r.ok) {
        waits.push(r.waitMs);
        now += r.waitMs;
      }
    }
    // Five free failures, then 2 s, 4 s, 8 s: the same steps as an account's.
    expect(waits).toEqual([2000, 4000, 8000]);
    // Those failures were the pair's, not the account's: another address starts with a clean account.
    expect(await store.reserve(keys('owner', 'cafe'), LIMITS)).toEqual({
      ok: true,
      accountN: 1,
      addressN: 1,
      pairN: 0,
    });
    // And the address's own limit holds for a known address too.
    const shared = keys('owner2', 'office');
    const ok = await store.reserve(shared, LIMITS);
    if (!ok.ok) throw new Error('refused');
    await store.release(shared, ok, 'success');
    const strict = { ...LIMITS, addressFree: 2 };
    expect((await store.reserve(keys('someone', 'office'), strict)).ok).toBe(true);
    expect((await store.reserve(shared, strict)).ok).toBe(true); // the address's 2nd failure: a wait
    expect(await store.reserve(shared, strict)).toEqual({ ok: false, waitMs: 2000 });
  });

  it('keys accounts as the login folds them, and IPv6 by /64', () => {
    expect(accountKey('  KiemTra ')).toBe(accountKey('kiemtra'));
    expect(accountKey('kiemtra')).not.toContain('kiemtra');
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });

  it('says the wait in Vietnamese and English', () => {
    expect(describeWait(30)).toEqual({ vi: '30 giây', en: '30 seconds' });
    expect(describeWait(900)).toEqual({ vi: '15 phút', en: '15 minutes' });
  });
});
