import type { TaskDetailDto } from '@dondoc/contracts';
import type { Page } from 'playwright-core';
import { pdf } from '../e2e/support/files.js';
import { makeTask } from '../e2e/support/fixtures.js';
import { DEMO_PASSWORD } from '../e2e/support/test-app.js';
import { seriousViolations } from './support/axe.js';
import {
  boardReady,
  poll,
  screenshot,
  signIn,
  startBrowserApp,
  withEvidence,
  type BrowserApp,
} from './support/browser-app.js';

// Phones (390×844), a small laptop (1024×768) and a wide screen (1920×1080), against the built app, a real
// API, PostgreSQL and Redis. Tasks a test moves are made here with makeTask; waits are on conditions.

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function session(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await b.newPage();
  await page.setViewportSize(viewport);
  await signIn(page, username);
  return page;
}

/** How far the page itself scrolls sideways (0 = it does not), after the layout has settled. */
/** How far the page scrolls sideways; when it does, the elements that stick out (outermost first) say why. */
async function sidewaysOverflow(page: Page): Promise<number> {
  const { overflow, culprits } = await page.evaluate<{ overflow: number; culprits: string[] }>(
    `(() => {
      const d = document.documentElement;
      const overflow = Math.max(d.scrollWidth, document.body.scrollWidth) - d.clientWidth;
      const culprits = [];
      if (overflow > 0) {
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          // Inside a box that scrolls or clips and itself fits, the element moves nothing.
          let clipped = false;
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= d.clientWidth + 1) {
              clipped = true;
              break;
            }
          }
          if (!clipped && r.right > d.clientWidth + 1 && r.width > 0 && culprits.length < 8) {
            culprits.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').join('.') + ' right=' + Math.round(r.right));
          }
        }
      }
      // Text runs wider than their box (a long word in a narrow cell) stick out without any element doing so.
      if (overflow > 0 && culprits.length === 0) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n && culprits.length < 8; n = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          if (r.right > d.clientWidth + 1) {
            culprits.push('text "' + n.textContent.slice(0, 40) + '" in ' + n.parentElement.tagName.toLowerCase() + '.' + String(n.parentElement.className) + ' right=' + Math.round(r.right));
          }
        }
      }
      return { overflow, culprits };
    })()`,
  );
  if (overflow > 0) process.stderr.write(`sideways overflow ${overflow}px: ${culprits.join(' | ')}\n`);
  return overflow;
}

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

/** Searches the board for one task (the search box stays on screen on a phone) until only its card is left. */
async function search(page: Page, id: string): Promise<void> {
  const code = await codeOf(id);
  await page.getByTestId('filter-q').fill(code);
  await poll(
    () => Promise.resolve(new URL(page.url()).searchParams.get('q')),
    (q) => q === code,
    { what: `the search for ${code} in the URL` },
  );
  await boardReady(page);
}

/** Picks a column in the phone's column switcher and waits until it is the one shown. */
async function showColumn(page: Page, state: string): Promise<void> {
  await page.getByTestId(`column-tab-${state}`).click();
  await page.locator(`[data-testid="column-tab-${state}"][aria-selected="true"]`).waitFor();
  await page.getByTestId(`column-${state}`).waitFor({ state: 'visible' });
}

const dialog = (page: Page) => page.locator('[role="dialog"][data-testid="transition-dialog"]');

function serverState(id: string, state: string, accept: (t: TaskDetailDto) => boolean = () => true) {
  return poll(
    () => b.task(id),
    (t) => t.state === state && accept(t),
    { what: `task ${id} to be ${state} on the server` },
  );
}

/** The element's box as the page lays it out. */
async function box(page: Page, testId: string) {
  const found = await page.getByTestId(testId).first().boundingBox();
  if (!found) throw new Error(`no box for ${testId}`);
  return found;
}

describe('phones (390×844)', () => {
  it('no page scrolls sideways: board, dashboard, import (office) and admin', async () => {
    // The worst a province's data offers the narrow layout: the longest directive number (64 characters, no
    // space to break at) on an overdue task, which the dashboard's lists and the board's card both show.
    const number = `KL-${'9'.repeat(48)}-${process.pid}`.slice(0, 64);
    const created = await b.t.http
      .post('/api/directives')
      .set(await b.t.as('vanphong'))
      .send({ number, kind: 'conclusion', title: `Kết luận ${'dàiquá'.repeat(30)}` });
    expect(created.status).toBe(201);
    await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2021-01-15', directive: number });
    // A frozen report: its list's visually hidden "open" label once escaped the table's scroll box.
    const frozen = await b.t.http
      .post('/api/reports/snapshots')
      .set(await b.t.as('vanphong'))
      .send({ title: 'Báo cáo quý IV năm 2026 gửi Ban Thường vụ Tỉnh ủy theo Quy chế 08-QC/TW' });
    expect(frozen.status).toBe(201);
    const office = await session('vanphong', PHONE);
    await withEvidence(office, 'phone-board-overflow', async () => {
      expect(await sidewaysOverflow(office)).toBe(0);
    });
    await screenshot(office, 'phone-board');
    await office.goto('/dashboard');
    await office.getByTestId('dashboard-subtitle').waitFor({ state: 'visible', timeout: 30_000 });
    await withEvidence(office, 'phone-dashboard-overflow', async () => {
      expect(await sidewaysOverflow(office)).toBe(0);
    });
    await screenshot(office, 'phone-dashboard');
    await office.goto('/import');
    await office.getByTestId('import-page').waitFor({ state: 'visible' });
    await withEvidence(office, 'phone-import-overflow', async () => {
      expect(await sidewaysOverflow(office)).toBe(0);
    });
    await screenshot(office, 'phone-import');

    const admin = await b.newPage();
    await admin.setViewportSize(PHONE);
    await admin.goto('/login');
    await admin.locator('input[name="username"]').fill('admin');
    await admin.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await admin.getByTestId('login-submit').click();
    await admin.getByTestId('admin-page').waitFor({ state: 'visible', timeout: 30_000 });
    await withEvidence(admin, 'phone-admin-overflow', async () => {
      expect(await sidewaysOverflow(admin)).toBe(0);
    });
    await screenshot(admin, 'phone-admin');
  });

  it('the header collapses into a ☰ menu that opens, navigates and closes; brand and bell stay', async () => {
    const page = await session('vanphong', PHONE);
    const button = page.getByTestId('app-menu-button');
    await button.waitFor({ state: 'visible' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('app-menu');
    // Navigation, language and sign-out are in the menu, out of sight until it opens.
    expect(await page.getByTestId('nav-dashboard').isVisible()).toBe(false);
    expect(await page.getByTestId('sign-out').isVisible()).toBe(false);
    expect(await page.getByTestId('notifications-bell').isVisible()).toBe(true);
    expect(await page.locator('.brand-mark').isVisible()).toBe(true);
    // The header is one row: everything in it inside the screen.
    const bell = await box(page, 'notifications-bell');
    const menu = await box(page, 'app-menu-button');
    expect(menu.x + menu.width).toBeLessThanOrEqual(PHONE.width);
    expect(Math.abs(bell.y - menu.y)).toBeLessThan(8);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('app-menu').waitFor({ state: 'visible' });
    expect(await page.getByTestId('sign-out').isVisible()).toBe(true);
    expect(await page.getByTestId('language-switch').isVisible()).toBe(true);
    await screenshot(page, 'phone-menu-open');
    await page.getByTestId('nav-dashboard').click();
    await page.waitForURL('**/dashboard');
    await page.getByTestId('app-menu').waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Escape closes it and gives focus back to the button.
    await button.click();
    await page.getByTestId('app-menu').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.getByTestId('app-menu').waitFor({ state: 'hidden' });
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('app-menu-button');

    // The notifications take the screen under the header, whose bell closes them again.
    await page.getByTestId('notifications-bell').click();
    const panel = await box(page, 'notifications-panel');
    expect(panel.x).toBeLessThanOrEqual(0);
    expect(panel.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(panel.y + panel.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await screenshot(page, 'phone-notifications');
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-panel').waitFor({ state: 'hidden' });
  });

  it('the search stays; the other filters are behind one “Bộ lọc (n)” button in a full-screen sheet', async () => {
    const page = await session('vanphong', PHONE);
    await page.getByTestId('filter-q').waitFor({ state: 'visible' });
    expect(await page.getByTestId('filter-field').count()).toBe(0);
    const button = page.getByTestId('filters-button');
    expect((await button.textContent())?.trim()).toBe('Bộ lọc');
    // The board starts on the first screen, not below a wall of filters.
    const board = await box(page, 'column-switcher');
    expect(board.y).toBeLessThan(PHONE.height / 3);

    await button.click();
    const sheet = page.getByTestId('filters-sheet');
    await sheet.waitFor({ state: 'visible' });
    const area = await box(page, 'filters-sheet');
    expect(area.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(area.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await sheet.getByTestId('filter-field').selectOption('economy');
    await poll(
      () => Promise.resolve(new URL(page.url()).searchParams.get('field')),
      (f) => f === 'economy',
      { what: 'the field filter in the URL' },
    );
    await screenshot(page, 'phone-filters-sheet');
    expect(await seriousViolations(page)).toEqual([]);
    await sheet.getByTestId('filters-done').click();
    await sheet.waitFor({ state: 'hidden' });
    expect((await button.textContent())?.trim()).toBe('Bộ lọc (1)');
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('the board shows one column at a time, picked with a keyboard-usable column switcher with counts', async () => {
    const page = await session('vanphong', PHONE);
    const switcher = page.getByTestId('column-switcher');
    await switcher.waitFor({ state: 'visible' });
    expect(await switcher.getAttribute('role')).toBe('tablist');
    const tabs = await switcher.getByRole('tab').allTextContents();
    expect(tabs.map((x) => x.replace(/\d+$/, '').trim())).toEqual([
      'Dự thảo',
      'Đã giao',
      'Đang thực hiện',
      'Đã trình',
      'Đã duyệt',
    ]);
    expect(tabs.every((x) => /\d+$/.test(x))).toBe(true);
    await showColumn(page, 'assigned');
    expect(await page.locator('.board-column').count()).toBe(1);
    const column = await box(page, 'column-assigned');
    expect(column.width).toBeGreaterThan(PHONE.width * 0.8);
    await screenshot(page, 'phone-board-column');

    // Arrow keys move along the tabs (and the column with them).
    await page.getByTestId('column-tab-assigned').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-testid="column-tab-in_progress"][aria-selected="true"]').waitFor();
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('column-tab-in_progress');
    await page.getByTestId('column-in_progress').waitFor({ state: 'visible' });
    expect(await page.locator('.board-column').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an agency finds its task, starts it from the ⋯ menu, submits with a file; the Standing Committee approves', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const agency = await session('ban-tuyen-giao', PHONE);

    // Find it and start it.
    await search(agency, task.id);
    await showColumn(agency, 'assigned');
    const card = agency.getByTestId(`task-card-${task.id}`);
    await card.waitFor({ state: 'visible' });
    await agency.getByTestId(`task-actions-${task.id}`).click();
    const start = agency.getByTestId('action-START');
    await start.waitFor({ state: 'visible' });
    // The ⋯ menu stays inside the screen.
    const menu = await agency.locator('.task-actions-menu').boundingBox();
    expect(menu && menu.x >= 0 && menu.x + menu.width <= PHONE.width).toBe(true);
    expect(menu && menu.y >= 0 && menu.y + menu.height <= PHONE.height).toBe(true);
    await screenshot(agency, 'phone-card-menu');
    await start.click();
    await poll(
      async () => {
        if (await dialog(agency).isVisible()) await agency.getByTestId('dialog-confirm').click();
        return b.task(task.id);
      },
      (x) => x.state === 'in_progress',
      { what: 'START on the server', interval: 500 },
    );
    await dialog(agency).waitFor({ state: 'hidden' });

    // Submit with a file, in a full-screen dialog.
    await showColumn(agency, 'in_progress');
    await agency.getByTestId(`task-card-${task.id}`).waitFor({ state: 'visible' });
    await agency.getByTestId(`task-actions-${task.id}`).click();
    await agency.getByTestId('action-SUBMIT').click();
    await dialog(agency).waitFor({ state: 'visible' });
    const area = await dialog(agency).boundingBox();
    expect(area && area.width >= PHONE.width - 1 && area.height >= PHONE.height - 1).toBe(true);
    await dialog(agency).locator('textarea[name="note"]').fill('Báo cáo gửi từ điện thoại');
    await dialog(agency)
      .locator('input[type="file"][name="files"]')
      .setInputFiles({ name: 'Ảnh biên bản.pdf', mimeType: 'application/pdf', buffer: pdf('Biên bản') });
    await screenshot(agency, 'phone-dialog-submit');
    expect(await sidewaysOverflow(agency)).toBe(0);
    await agency.getByTestId('dialog-confirm').click();
    const submitted = await serverState(task.id, 'submitted');
    expect(submitted.submissions[0].files.map((f) => f.fileName)).toEqual(['Ảnh biên bản.pdf']);
    await dialog(agency).waitFor({ state: 'hidden' });

    // The Standing Committee, on its phone, opens the task from its review queue and approves it.
    const committee = await session('thuongvu', PHONE);
    await search(committee, task.id);
    const queued = committee.getByTestId(`task-card-${task.id}`);
    await queued.waitFor({ state: 'visible' });
    await queued.click();
    const drawer = committee.getByTestId('task-drawer');
    await drawer.waitFor({ state: 'visible' });
    const panel = await drawer.boundingBox();
    expect(panel && panel.width >= PHONE.width - 1).toBe(true);
    await drawer.getByText('Ảnh biên bản.pdf').first().waitFor({ state: 'visible' });
    await screenshot(committee, 'phone-drawer');
    await committee.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await committee.getByTestId(`task-actions-${task.id}`).click();
    await committee.getByTestId('action-APPROVE').click();
    const approved = await poll(
      async () => {
        if (await dialog(committee).isVisible()) await committee.getByTestId('dialog-confirm').click();
        return b.task(task.id);
      },
      (x) => x.state === 'approved',
      { what: 'approval on the server', interval: 500 },
    );
    expect(
      approved.history
        .filter((h) => ['START', 'SUBMIT', 'APPROVE'].includes(h.event))
        .sort((x, y) => x.version - y.version)
        .map((h) => [h.event, h.actor.role]),
    ).toEqual([
      ['START', 'agency'],
      ['SUBMIT', 'agency'],
      ['APPROVE', 'standing_committee'],
    ]);
  });
});

describe('laptops and wide screens', () => {
  it('at 1024×768 the page does not scroll sideways and the header is one line', async () => {
    const page = await session('vanphong', { width: 1024, height: 768 });
    await withEvidence(page, 'laptop-1024', async () => {
      expect(await sidewaysOverflow(page)).toBe(0);
      // One row: the header is no taller than its tallest item plus its padding, and every item shares it.
      const header = await page.locator('header.app-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(60);
      const signOut = await box(page, 'sign-out');
      const nav = await box(page, 'nav-import');
      expect(signOut.x + signOut.width).toBeLessThanOrEqual(1024);
      expect(Math.abs(signOut.y + signOut.height / 2 - (nav.y + nav.height / 2))).toBeLessThan(4);
      // All five columns are on screen.
      const last = await box(page, 'column-approved');
      expect(last.x + last.width).toBeLessThanOrEqual(1024);
      // The toolbar takes two rows, not three: its controls (aligned to their row's bottom) share two bottoms.
      const rows = await page.evaluate<number[]>(
        `[...new Set([...document.querySelectorAll('.board-toolbar > *, .board-filters > *')]
          .filter((el) => getComputedStyle(el).display !== 'contents' && !el.matches('.sr-only, .refreshing'))
          .map((el) => Math.round(el.getBoundingClientRect().bottom)))]`,
      );
      expect(rows.length).toBeLessThanOrEqual(2);
    });
    await screenshot(page, 'laptop-1024');

    // What left the header is one click away in its ☰ menu: the reporting periods, the language, the settings.
    const button = page.getByTestId('app-menu-button');
    expect(await page.getByTestId('nav-reporting-periods').isVisible()).toBe(false);
    await button.click();
    await page.getByTestId('app-menu').waitFor({ state: 'visible' });
    expect(await page.getByTestId('language-switch').isVisible()).toBe(true);
    expect(await page.getByTestId('agency-settings-open').isVisible()).toBe(true);
    const menu = await box(page, 'app-menu');
    expect(menu.x + menu.width).toBeLessThanOrEqual(1024);
    await screenshot(page, 'laptop-1024-menu');
    await page.getByTestId('nav-reporting-periods').click();
    await page.waitForURL('**/reporting-periods');
    await page.getByTestId('app-menu').waitFor({ state: 'hidden' });
    expect(await sidewaysOverflow(page)).toBe(0);
  });

  it('from 761 to 1920 px the header stays one line and nothing scrolls sideways, for every role', async () => {
    const problems: string[] = [];
    for (const username of ['vanphong', 'thuongvu', 'kiemtra', 'bcsd-ubnd', 'bcsd-ubnd.cv1']) {
      const page = await session(username, { width: 1366, height: 768 });
      for (const width of [761, 900, 1024, 1180, 1280, 1281, 1366, 1440, 1920]) {
        await page.setViewportSize({ width, height: 768 });
        // The media queries re-render the header; two frames later it is laid out.
        await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
        const header = await page.locator('header.app-header').boundingBox();
        const overflow = await sidewaysOverflow(page);
        if (!header || header.height > 60 || overflow > 0) {
          problems.push(`${username} at ${width}px: header ${header?.height}px high, ${overflow}px sideways`);
          await screenshot(page, `header-${username}-${width}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('at 1920×1080 the columns use the width of the screen', async () => {
    const page = await session('vanphong', { width: 1920, height: 1080 });
    await withEvidence(page, 'wide-1920', async () => {
      const first = await box(page, 'column-drafted');
      const last = await box(page, 'column-approved');
      expect(first.x).toBeLessThan(40);
      expect(last.x + last.width).toBeGreaterThan(1700);
      expect(await sidewaysOverflow(page)).toBe(0);
    });
    await screenshot(page, 'wide-1920');
  });
});
