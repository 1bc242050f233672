import type { Locator, Page, Request } from 'playwright-core';
import { makeTask } from '../e2e/support/fixtures.js';
import {
  dragCard,
  keyboardMoveRight,
  poll,
  screenshot,
  signIn,
  startBrowserApp,
  withEvidence,
  type BrowserApp,
} from './support/browser-app.js';

// Three defects found by trying the built app in Chromium: the review queue's items ignored a mouse
// click, the transition dialog opened by a keyboard drag left focus on the card behind it, and the
// inspector could pick cards up. Same stack as board.browser-spec.ts: the built board, a listening API,
// PostgreSQL, Redis and the worker; every task a test reads is made here with makeTask.

jest.setTimeout(180_000);

const card = (id: string) => `[data-testid="task-card-${id}"]`;
const column = (state: string) => `[data-testid="column-${state}"]`;
const dialog = (page: Page) => page.locator('[role="dialog"][data-testid="transition-dialog"]');

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

async function pageSession(username: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  return page;
}

/** Narrows the board (or the review queue) to one task with the search box; its card, visible. */
async function showCard(page: Page, id: string): Promise<Locator> {
  const code = await codeOf(id);
  await page.locator('input[name="q"]').fill(code);
  await withEvidence(page, `keyboard-show-card-${id.slice(0, 8)}`, async () => {
    await poll(
      () => Promise.resolve(new URL(page.url()).searchParams.get('q')),
      (q) => q === code,
      { what: `the search for ${code} in the URL` },
    );
    await poll(
      () => page.locator('[data-testid^="task-card-"]').count(),
      (n) => n === 1,
      { what: `the board narrowed to ${code}` },
    );
    await page.locator(card(id)).first().waitFor({ state: 'visible' });
  });
  return page.locator(card(id)).first();
}

/** Every transition the page sends, so a test can say that none went out. */
function transitionRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/tasks\/[^/]+\/transitions/.test(r.url())) sent.push(r);
  });
  return sent;
}

const isFocused = (l: Locator) => l.evaluate((el) => el === el.ownerDocument.activeElement);
const holdsFocus = (l: Locator) => l.evaluate((el) => el.contains(el.ownerDocument.activeElement));
/** Two painted frames: dnd-kit hands focus back to the card in a requestAnimationFrame after a drop. */
const frames = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))');

describe('the board with the keyboard and the mouse, in Chromium', () => {
  it('the Standing Committee opens a task of “Chờ duyệt” with a mouse click', async () => {
    const task = await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao' });
    const page = await pageSession('thuongvu');
    // The committee lands on its review queue.
    await page.getByTestId('review-list').waitFor({ state: 'visible' });
    const c = await showCard(page, task.id);
    expect(await page.getByTestId('review-list').locator(card(task.id)).count()).toBe(1);

    await c.click();
    const drawer = page.getByTestId('task-drawer');
    await withEvidence(page, 'review-click-opens-drawer', () => drawer.waitFor({ state: 'visible' }));
    expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
    await drawer
      .getByText(await codeOf(task.id))
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Anywhere on the item: its “waiting for N days” line opens it too.
    await page.getByTestId('review-list').getByTestId('waiting').first().click();
    await drawer.waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
  });

  it('keyboard drag (Space, →, Space): the dialog takes focus, keeps Tab, closes on Esc and gives focus back', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const before = await b.task(task.id);
    const page = await pageSession('ban-tuyen-giao');
    const sent = transitionRequests(page);
    const c = await showCard(page, task.id);
    await keyboardMoveRight(page, c, await codeOf(task.id));
    const d = dialog(page);
    await d.waitFor({ state: 'visible' });
    await frames(page);
    await screenshot(page, 'keyboard-drag-dialog');
    expect(await holdsFocus(d)).toBe(true);

    // Tab and Shift+Tab go round the dialog's own controls, never into the board behind it.
    const outside: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      if (!(await holdsFocus(d))) {
        outside.push(
          await page
            .locator('body')
            .evaluate((el) => el.ownerDocument.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'),
        );
      }
    }
    expect(outside).toEqual([]);

    // Typing goes into the dialog, not into the board's search box.
    const search = page.locator('input[name="q"]');
    const query = await search.inputValue();
    await page.keyboard.type('x');
    expect(await search.inputValue()).toBe(query);

    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
    await poll(
      () => isFocused(page.locator(card(task.id)).first()),
      (focused) => focused,
      { what: 'focus back on the card' },
    );
    // Nothing moved: not on the screen, not on the server, and no request asked it to.
    await page
      .locator(`${column('assigned')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
    const after = await b.task(task.id);
    expect({ state: after.state, version: after.version }).toEqual({ state: 'assigned', version: before.version });
    expect(after.history).toHaveLength(before.history.length);
    expect(sent.map((r) => r.url())).toEqual([]);
  });

  it('after a keyboard move is confirmed, focus lands on the card in its new column', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const page = await pageSession('ban-tuyen-giao');
    const c = await showCard(page, task.id);
    await keyboardMoveRight(page, c, await codeOf(task.id));
    await dialog(page).waitFor({ state: 'visible' });
    await frames(page);
    await page.keyboard.type('Bắt đầu ngay');
    expect(await dialog(page).locator('textarea').first().inputValue()).toBe('Bắt đầu ngay');
    await page.getByTestId('dialog-confirm').focus();
    await page.keyboard.press('Enter');
    await poll(
      () => b.task(task.id),
      (t) => t.state === 'in_progress',
      { what: 'START on the server' },
    );
    const moved = page.locator(`${column('in_progress')} ${card(task.id)}`).first();
    await moved.waitFor({ state: 'visible' });
    await poll(
      () => isFocused(moved),
      (focused) => focused,
      { what: 'focus on the card in “Đang thực hiện”' },
    );
  });

  it('the inspector cannot pick a card up; a click still opens it', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const before = await b.task(task.id);
    const page = await pageSession('kiemtra');
    const sent = transitionRequests(page);
    const c = await showCard(page, task.id);

    let during: { overlay: number; marked: number; dragging: number } | undefined;
    await dragCard(page, card(task.id), column('submitted'), async () => {
      during = {
        overlay: await page.locator('.task-card.is-overlay').count(),
        marked: await page.locator('[data-drop-allowed]').count(),
        dragging: await page.locator('.task-card.is-dragging').count(),
      };
      await screenshot(page, 'inspector-drag');
    });
    // Nothing was picked up: no overlay under the pointer, no column opened or closed for a drop.
    expect(during).toEqual({ overlay: 0, marked: 0, dragging: 0 });
    await page
      .locator(`${column('in_progress')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
    expect(await dialog(page).count()).toBe(0);
    expect(await page.locator('[role="alert"][data-testid="toast"]').count()).toBe(0);
    const after = await b.task(task.id);
    expect({ state: after.state, version: after.version }).toEqual({ state: before.state, version: before.version });
    expect(sent.map((r) => r.url())).toEqual([]);

    // Reading stays as it was: a click opens the task.
    await c.click();
    await page.getByTestId('task-drawer').waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
  });
});
