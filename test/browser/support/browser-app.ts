import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { TaskDetailDto } from '@dondoc/contracts';
import { startWorker, workerConfigFromEnv, type RunningWorker } from '@dondoc/worker';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { TestRedis } from '../../e2e/support/redis-server.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../../e2e/support/test-app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
export const SCREENSHOT_DIR = resolve('test-artifacts/screenshots');

/**
 * The whole product as people get it: the built board served by a real listening API, the worker (its
 * relay turns the outbox into the live events other people's boards refresh on) on a redis-server of the
 * file's own, and one Chromium for the whole file.
 */
export interface BrowserApp {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh context (cookies, localStorage) per user, closed with the app. */
  newPage(opts?: { locale?: string }): Promise<Page>;
  /** GET /api/tasks/:id as `username`, straight from the server (never from the page). */
  task(id: string, username?: string): Promise<TaskDetailDto>;
  close(): Promise<void>;
}

/**
 * `demoDistricts`: a database of its own with the demo's two cities (their committees, accounts and breakdown);
 * `ownDatabase`: one of its own with the plain demo; `env`: the API's settings besides the suites' own.
 */
export async function startBrowserApp(
  options: { demoDistricts?: boolean; ownDatabase?: boolean; env?: Record<string, string> } = {},
): Promise<BrowserApp> {
  // BROWSER_WEB_DIR: a build of its own, so parallel work on the board does not swap the files mid-run.
  const webDir = resolve(process.env.BROWSER_WEB_DIR ?? 'apps/web/dist');
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error(`${webDir}/index.html is missing: build the board first (npm run build, or npm test's pretest)`);
  }
  const redis = await TestRedis.start();
  let t: TestApp | undefined;
  let worker: RunningWorker | undefined;
  let browser: Browser;
  let baseUrl: string;
  try {
    // The file signs the same accounts in many times within a minute; the login limit is tested elsewhere.
    t = await startTestApp(
      {
        WEB_DIR: webDir,
        REDIS_URL: redis.url,
        // One deployment with the worker below: the bus channels carry this prefix.
        QUEUE_PREFIX: `br${process.pid}`,
        LOGIN_LIMIT_PER_ACCOUNT: '1000',
        LOGIN_LIMIT_PER_ADDRESS: '10000',
        ...options.env,
      },
      options.demoDistricts || options.ownDatabase
        ? { ownDatabase: true, demoDistricts: options.demoDistricts ?? false }
        : {},
    );
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    worker = await startWorker(
      workerConfigFromEnv({
        WORKING_CALENDAR: 'off',
        DATABASE_URL: t.config.databaseUrl,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `br${process.pid}`,
        RELAY_INTERVAL_MS: '100',
        LOG_LEVEL: 'silent',
      }),
    );
    // Playwright gives the launch a fresh temporary profile (its own --user-data-dir), removed on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    // A listening server or a worker left behind would keep Jest from ever exiting.
    await worker?.close().catch(() => undefined);
    await t?.close().catch(() => undefined);
    await redis.down();
    throw err;
  }
  const app = t;
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    t: app,
    baseUrl,
    browser,
    async newPage(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1366, height: 768 },
        locale: opts.locale ?? 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context.newPage();
    },
    async task(id, username = 'vanphong') {
      const res = await app.http.get(`/api/tasks/${id}`).set(await app.as(username));
      if (res.status !== 200) throw new Error(`GET /api/tasks/${id} as ${username}: ${res.status} ${res.text}`);
      return res.body as TaskDetailDto;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await worker?.close().catch(() => undefined);
      await app.close();
      await redis.down();
    },
  };
}

/** Signs in through the form, as a user would, and waits for the board to have rendered its data. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
  await boardReady(page);
}

export async function boardReady(page: Page): Promise<void> {
  await page.locator('[data-testid="board"][data-ready="true"]').waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Polls `probe` until `accept` holds (the condition-based wait the machine's load needs: never a fixed
 * sleep). Throws with the last value seen, so a failure says what the server or page actually held.
 */
export async function poll<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  opts: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeout ?? 20_000);
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${opts.what ?? 'a condition'}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, opts.interval ?? 200));
  }
}

/**
 * dnd-kit's keyboard drag of a focused card one column right, from "Đã giao" to "Đang thực hiện"
 * (Space, →, Space), each step waited on through the live region a screen-reader user hears.
 * The KeyboardSensor attaches its keydown listener on a timer after the pick-up, so an arrow pressed at
 * once can go unheard (CI saw it). A user presses again; so does this, and only while the card is still
 * over its own column, so a second press can never skip a column.
 */
export async function keyboardMoveRight(page: Page, card: Locator, code: string): Promise<void> {
  const live = page.locator('[id^="DndLiveRegion"]');
  await card.focus();
  await page.keyboard.press('Space');
  await poll(
    () => live.innerText(),
    (text) => text.includes(code),
    { what: 'the pick-up announcement' },
  );
  let heard = '';
  for (let press = 0; press < 5 && !heard.includes('Đang thực hiện'); press++) {
    await page.keyboard.press('ArrowRight');
    heard = await poll(
      () => live.innerText(),
      (text) => text.includes('Đang thực hiện'),
      { what: 'the announcement of the “Đang thực hiện” column', timeout: 3_000 },
    ).catch(() => live.innerText());
    if (!heard.includes('Đang thực hiện') && !heard.includes('Đã giao')) {
      throw new Error(`the card left its column for another one: ${JSON.stringify(heard)}`);
    }
  }
  if (!heard.includes('Đang thực hiện')) {
    throw new Error(`the arrow key never moved the card; last announcement: ${JSON.stringify(heard)}`);
  }
  await page.keyboard.press('Space');
}

/**
 * A dnd-kit pointer drag: press on the card, move past the activation distance, glide to the target in
 * several steps (the PointerSensor needs intermediate moves to compute collisions), release. Returns
 * after the pointer is up; `beforeDrop` runs while the card hovers over the target.
 */
export async function dragCard(
  page: Page,
  cardSelector: string,
  targetSelector: string,
  beforeDrop?: () => Promise<void>,
): Promise<void> {
  const card = page.locator(cardSelector).first();
  await card.scrollIntoViewIfNeeded();
  // Aim only once the layout has settled (two reads in a row agree): a board still re-rendering an
  // answer would move the card from under the pointer and the press would start no drag.
  const boxes = () => Promise.all([card.boundingBox(), page.locator(targetSelector).first().boundingBox()]);
  let previous = JSON.stringify(await boxes());
  const [from, to] = await poll(
    boxes,
    (now) => {
      const same = JSON.stringify(now) === previous;
      previous = JSON.stringify(now);
      return same && now[0] !== null && now[1] !== null;
    },
    { what: `steady boxes of ${cardSelector} and ${targetSelector}`, interval: 100 },
  );
  if (!from || !to) throw new Error(`no box for ${from ? targetSelector : cardSelector}`);
  const sx = from.x + from.width / 2;
  const sy = from.y + Math.min(from.height / 2, 20);
  const tx = to.x + to.width / 2;
  const ty = to.y + Math.min(to.height / 2, 120);
  await page.mouse.move(sx, sy);
  await page.mouse.down();
  await page.mouse.move(sx + 12, sy + 12, { steps: 4 });
  await page.mouse.move(tx, ty, { steps: 25 });
  await page.mouse.move(tx + 2, ty + 2, { steps: 2 });
  if (beforeDrop) await beforeDrop();
  await page.mouse.up();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Runs `step`; when it fails, leaves a picture of the page as it was (`failure-<name>.png`) for the report. */
export async function withEvidence<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `failure-${name}.png`) }).catch(() => undefined);
    throw err;
  }
}
