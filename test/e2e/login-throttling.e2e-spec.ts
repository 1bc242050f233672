import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { expectClean, expectError } from './support/files.js';
import { TestRedis } from './support/redis-server.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Failed sign-ins are counted in Redis, shared by every API instance of a deployment, and each failure
 * past the free ones makes the account (or the address) wait longer, up to a cap. Waits are long here
 * (30 s doubling to 120 s) so that no assertion depends on the clock: the test checks Retry-After and
 * ends a wait by deleting its key, as its expiry would.
 */
const prefix = `throttle${process.pid}`;
const ENV = {
  QUEUE_PREFIX: prefix,
  LOGIN_LIMIT_STORE: 'redis',
  TRUST_PROXY: 'true',
  LOGIN_LIMIT_PER_ACCOUNT: '3',
  LOGIN_LIMIT_PER_ADDRESS: '6',
  LOGIN_BACKOFF_BASE_SECONDS: '30',
  LOGIN_BACKOFF_MAX_SECONDS: '120',
  LOGIN_DAILY_LIMIT_PER_ACCOUNT: '1000',
};

let redis: TestRedis;
let client: Redis;
let a: TestApp;
let b: TestApp;
let nextAddress = 0;

/** A fresh client address per call unless one is given (the account limit holds across addresses). */
function login(
  app: TestApp,
  username: string,
  password: string,
  address = `10.1.${++nextAddress >> 8}.${nextAddress & 255}`,
) {
  return app.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
}

function accountWaitKey(username: string): string {
  const folded = username.normalize('NFC').trim().toLowerCase();
  return `${prefix}:login:account:${createHash('sha256').update(folded).digest('hex').slice(0, 32)}:wait`;
}

/** The wait of an address the account signed in from, apart from the account's. */
function knownWaitKey(username: string, address: string): string {
  return accountWaitKey(username).replace(/:wait$/, `:known:${address}:wait`);
}

/** Ends the account's current wait, as its expiry would. */
async function elapse(username: string): Promise<void> {
  expect(await client.del(accountWaitKey(username))).toBe(1);
}

function retryAfter(res: { headers: Record<string, string> }): number {
  return Number(res.headers['retry-after']);
}

async function fail(app: TestApp, username: string, times: number, address?: string): Promise<void> {
  for (let i = 0; i < times; i++)
    expectError(await login(app, username, `wrong-${i}`, address), 401, 'INVALID_CREDENTIALS');
}

beforeAll(async () => {
  redis = await TestRedis.start();
  client = redis.client();
  a = await startTestApp({ ...ENV, REDIS_URL: redis.url });
  b = await startTestApp({ ...ENV, REDIS_URL: redis.url });
});

afterAll(async () => {
  client?.disconnect();
  await a?.close();
  await b?.close();
  await redis?.down();
});

describe('login throttling shared by the API instances', () => {
  it('counts failures made on one instance on the other: B refuses with 429 and Retry-After', async () => {
    await fail(a, 'ban-to-chuc', 3);
    const refused = await login(b, 'ban-to-chuc', DEMO_PASSWORD);
    const body = expectError(refused, 429, 'RATE_LIMITED');
    expect(refused.body.accessToken).toBeUndefined();
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(28);
    expect(retryAfter(refused)).toBeLessThanOrEqual(30);
    expect(body.message).toMatch(/^Quá nhiều lần đăng nhập không thành công; vui lòng thử lại sau \d+ giây\. \/ /);
    expect(body.message).toMatch(/Too many failed sign-ins; try again in \d+ seconds\.$/);
    // Spelled differently, from yet another address, on A: the same account, still waiting.
    expectError(await login(a, '  BAN-TO-CHUC ', DEMO_PASSWORD), 429, 'RATE_LIMITED');
    const keys = await client.keys(`${prefix}:login:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('ban-to-chuc');
  });

  it('makes each further failure wait twice as long, up to the cap', async () => {
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await elapse('ban-to-chuc');
      await fail(i % 2 ? a : b, 'ban-to-chuc', 1);
      const refused = await login(i % 2 ? b : a, 'ban-to-chuc', DEMO_PASSWORD);
      expectError(refused, 429, 'RATE_LIMITED');
      seen.push(retryAfter(refused));
    }
    // 60, 120, then the 120 s cap (not 240, 480).
    expect(seen.map((s) => Math.round(s / 10) * 10)).toEqual([60, 120, 120, 120]);
    const capped = await login(a, 'ban-to-chuc', DEMO_PASSWORD);
    expect(capped.body.message).toContain('2 phút');
    expect(capped.body.message).toContain('2 minutes');
  });

  it('starts the account afresh after a successful sign-in', async () => {
    await elapse('ban-to-chuc');
    const ok = await login(b, 'ban-to-chuc', DEMO_PASSWORD);
    expectClean(ok);
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeDefined();
    // Three free failures again, then the first wait (30 s), not the next doubling.
    await fail(a, 'ban-to-chuc', 3);
    const refused = await login(b, 'ban-to-chuc', DEMO_PASSWORD);
    expectError(refused, 429, 'RATE_LIMITED');
    expect(retryAfter(refused)).toBeLessThanOrEqual(30);
  });

  it("does not lock another account out of an address by one account's failures, until the address limit", async () => {
    const address = '10.2.0.1';
    await fail(a, 'ai-do-khong-co', 3, address);
    expectError(await login(b, 'ai-do-khong-co', 'x', address), 429, 'RATE_LIMITED');
    const other = await login(b, 'ban-noi-chinh', DEMO_PASSWORD, address);
    expect(other.status).toBe(200);
    // The address has 3 failures (the success took its attempt back): 3 more reach its limit of 6.
    await fail(a, 'ai-khac-nua', 2, address);
    await fail(b, 'mot-nguoi-khac', 1, address);
    const blocked = await login(a, 'ban-noi-chinh', DEMO_PASSWORD, address);
    expectError(blocked, 429, 'RATE_LIMITED');
    expect(retryAfter(blocked)).toBeLessThanOrEqual(30);
    // The account itself is free from any other address.
    expect((await login(b, 'ban-noi-chinh', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers a wrong password and an unknown account identically, refused or not', async () => {
    const comparable = (res: { status: number; body: Record<string, unknown>; headers: Record<string, string> }) => ({
      status: res.status,
      code: res.body.code,
      message: res.body.message,
      keys: Object.keys(res.body).sort(),
      retryAfter: res.headers['retry-after'],
    });
    const wrong: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(comparable(await login(a, 'kiemtra', `sai-${i}`)));
      unknown.push(comparable(await login(a, `khong-co-ai-${process.pid}`, `sai-${i}`)));
    }
    expect(unknown).toEqual(wrong);
    expect(wrong.map((w) => (w as { status: number }).status)).toEqual([401, 401, 401, 429, 429]);
  });

  it('lets the owner in from an address they signed in from while a stranger keeps the account waiting', async () => {
    const [stranger, home, cafe] = ['10.3.0.1', '10.3.0.2', '10.3.0.3'];
    expect((await login(a, 'thuongvu', DEMO_PASSWORD, home)).status).toBe(200);
    await fail(a, 'thuongvu', 3, stranger);
    expectError(await login(b, 'thuongvu', DEMO_PASSWORD, stranger), 429, 'RATE_LIMITED');
    const owner = await login(b, 'thuongvu', DEMO_PASSWORD, home);
    expectClean(owner);
    expect(owner.status).toBe(200);
    expect(owner.body.accessToken).toBeDefined();
    // The owner's sign-in leaves the stranger's wait as it was, for any address not known to the account.
    const elsewhere = await login(a, 'thuongvu', DEMO_PASSWORD, cafe);
    expectError(elsewhere, 429, 'RATE_LIMITED');
    expect(retryAfter(elsewhere)).toBeGreaterThanOrEqual(28);
  });

  it('makes a known address that keeps failing wait on its own, twice as long each time', async () => {
    const home = '10.4.0.1';
    expect((await login(b, 'admin', DEMO_PASSWORD, home)).status).toBe(200);
    await fail(a, 'admin', 3, home);
    const first = await login(b, 'admin', DEMO_PASSWORD, home);
    expectError(first, 429, 'RATE_LIMITED');
    expect(retryAfter(first)).toBeGreaterThanOrEqual(28);
    expect(retryAfter(first)).toBeLessThanOrEqual(30);
    expect(await client.del(knownWaitKey('admin', home))).toBe(1);
    await fail(b, 'admin', 1, home);
    const second = await login(a, 'admin', DEMO_PASSWORD, home);
    expectError(second, 429, 'RATE_LIMITED');
    expect(retryAfter(second)).toBeGreaterThanOrEqual(58);
    // Its failures were its own: the account is not waiting for anyone else.
    expect((await login(a, 'admin', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('login throttling with Redis down', () => {
  beforeAll(async () => {
    await redis.down();
  });
  // The apps' other Redis clients (event hub, signal bus) close cleanly only with a server to talk to.
  afterAll(() => redis.up());

  it('still signs people in', async () => {
    const ok = await login(a, 'vanphong', DEMO_PASSWORD);
    expectClean(ok);
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toBeDefined();
  });

  it('still limits failures, in the process', async () => {
    await fail(a, 'ban-dan-van', 3);
    const refused = await login(a, 'ban-dan-van', DEMO_PASSWORD);
    expectError(refused, 429, 'RATE_LIMITED');
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(28);
    expect(retryAfter(refused)).toBeLessThanOrEqual(30);
  });
});
