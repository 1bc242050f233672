import type { Page } from 'playwright-core';
import { makeTask } from '../e2e/support/fixtures.js';
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

// The Standing Committee's work queues (view=review): submissions to review beside extension requests to
// decide, on tasks made here through the API's own flows. The board card's badge while a request waits.

jest.setTimeout(180_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

const REASON = 'Chờ ý kiến thẩm định của các sở, ngành';

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

/** An in-progress task of ban-tuyen-giao, due 31/12/2030, whose lead asked (through the API) for 30/06/2031. */
async function taskWithOpenRequest(): Promise<{ id: string; code: string; requestId: string }> {
  const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
  const asked = await b.t.http
    .post(`/api/tasks/${task.id}/extension-requests`)
    .set(await b.t.as('ban-tuyen-giao'))
    .send({ requestedDueDate: '2031-06-30', reason: REASON })
    .expect(201);
  return { id: task.id, code: await codeOf(task.id), requestId: asked.body.id as string };
}

const queueItem = (page: Page, taskId: string) =>
  page.locator(`[data-testid="extension-queue-item"][data-task-id="${taskId}"]`);

async function workQueues(username: string, width = 1366): Promise<Page> {
  const page = await b.newPage();
  await page.setViewportSize({ width, height: 768 });
  await signIn(page, username);
  await page.goto('/?view=review');
  await boardReady(page);
  await page.getByTestId('work-queues').waitFor({ state: 'visible' });
  return page;
}

/** The board narrowed to one task by the search, and that task's card. */
async function boardCard(page: Page, id: string, code: string) {
  await page.goto(`/?view=board&q=${encodeURIComponent(code)}`);
  await boardReady(page);
  const card = page.locator(`[data-testid="task-card-${id}"]`).first();
  await card.waitFor({ state: 'visible' });
  return card;
}

async function box(page: Page, testId: string) {
  const found = await page.getByTestId(testId).boundingBox();
  if (!found) throw new Error(`${testId} has no box`);
  return found;
}

describe('the work queues', () => {
  it('puts “Chờ duyệt” and “Đề nghị gia hạn” side by side at 1366 px, stacked on a narrow screen, with counts', async () => {
    await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao', withPendingSubmission: true });
    const pending = await taskWithOpenRequest();
    const page = await workQueues('thuongvu');
    await withEvidence(page, 'work-queues-wide', async () => {
      await queueItem(page, pending.id).waitFor({ state: 'visible' });
      const review = await box(page, 'review-list');
      const extensions = await box(page, 'extension-queue');
      expect(Math.abs(review.y - extensions.y)).toBeLessThan(4);
      expect(extensions.x).toBeGreaterThanOrEqual(review.x + review.width - 1);
      const open = (await b.t.http.get('/api/extension-requests').set(await b.t.as('thuongvu'))).body.total;
      expect(await page.getByTestId('extension-queue-title').innerText()).toBe(`Đề nghị gia hạn (${open})`);
      expect(await page.getByTestId('review-title').innerText()).toMatch(/^Chờ duyệt \(\d+\)$/);
      const text = await queueItem(page, pending.id).innerText();
      for (const part of [pending.code, '31/12/2030', '30/06/2031', REASON, 'mới gửi hôm nay']) {
        expect(text).toContain(part);
      }
      await screenshot(page, 'work-queues-standing-committee');
    });

    // The board's agency filter narrows this queue too: another agency's request leaves it.
    await withEvidence(page, 'work-queues-agency-filter', async () => {
      const other = (await b.t.db.query(`SELECT id FROM agencies WHERE code = 'ban-noi-chinh'`)).rows[0].id as string;
      await page.goto(`/?view=review&agency=${other}`);
      await boardReady(page);
      // Loaded: the queue shows items or says it is empty (not the loading line).
      await page
        .locator('[data-testid="extension-queue-empty"], [data-testid="extension-queue-item"]')
        .first()
        .waitFor({ state: 'visible' });
      expect(await queueItem(page, pending.id).count()).toBe(0);
      const shown = await page.getByTestId('extension-queue-item').count();
      expect(await page.getByTestId('extension-queue-title').innerText()).toBe(`Đề nghị gia hạn (${shown})`);
    });

    const narrow = await workQueues('thuongvu', 900);
    await withEvidence(narrow, 'work-queues-narrow', async () => {
      const review = await box(narrow, 'review-list');
      const extensions = await box(narrow, 'extension-queue');
      expect(extensions.y).toBeGreaterThanOrEqual(review.y + review.height - 1);
      await screenshot(narrow, 'work-queues-narrow');
    });
  });

  it('opens a request by keyboard at the decision form; a grant to another date empties it from the queue and the card', async () => {
    const task = await taskWithOpenRequest();
    const page = await workQueues('thuongvu');

    // While the request waits, the board card says so, with the date asked in its title.
    await withEvidence(page, 'extension-badge-pending', async () => {
      const card = await boardCard(page, task.id, task.code);
      const badge = card.getByTestId('extension-badge');
      await badge.waitFor({ state: 'visible' });
      expect(await badge.getAttribute('title')).toContain('30/06/2031');
      expect(await badge.innerText()).toContain('Đề nghị gia hạn');
    });
    // The lead agency sees it on its own card too.
    const lead = await b.newPage();
    await signIn(lead, 'ban-tuyen-giao');
    await (await boardCard(lead, task.id, task.code)).getByTestId('extension-badge').waitFor({ state: 'visible' });

    await page.goto('/?view=review');
    await boardReady(page);
    const item = queueItem(page, task.id);
    await withEvidence(page, 'extension-queue-open', async () => {
      await item.getByTestId('extension-queue-open').focus();
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="task-drawer"][data-task-id="${task.id}"]`).waitFor({ state: 'visible' });
      expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
      const form = page.getByTestId('extension-decision-form');
      await form.waitFor({ state: 'visible' });
      // Brought into view: the extensions section starts within the window.
      await poll(
        () =>
          page.evaluate<number>(
            `document.querySelector('[data-testid="drawer-extensions-section"]').getBoundingClientRect().top`,
          ),
        (top) => top >= 0 && top < 768,
        { what: 'the extensions section scrolled into view' },
      );
    });

    await withEvidence(page, 'extension-queue-grant', async () => {
      const form = page.getByTestId('extension-decision-form');
      await form.getByTestId('extension-grant-date').fill('31/03/2031');
      await form.locator('textarea[name="decisionComment"]').fill('Đồng ý gia hạn đến hết quý I-2031.');
      await form.getByTestId('extension-grant').click();
      const granted = await poll(
        () => b.task(task.id),
        (t) => t.dueDate === '2031-03-31',
        { what: 'the deadline moved to 31/03/2031 on the server' },
      );
      expect(granted.extensionRequests[0]).toMatchObject({
        status: 'granted',
        requestedDueDate: '2031-06-30',
        grantedDueDate: '2031-03-31',
        decisionComment: 'Đồng ý gia hạn đến hết quý I-2031.',
      });
      expect(granted.openExtensionRequest).toBeNull();
      await poll(
        () => item.count(),
        (n) => n === 0,
        { what: 'the request to leave the queue' },
      );
    });

    await withEvidence(page, 'extension-badge-gone', async () => {
      const card = await boardCard(page, task.id, task.code);
      await card.getByText('31/03/2031').waitFor();
      expect(await card.getByTestId('extension-badge').count()).toBe(0);
    });
  });

  it('opens a request with a mouse click anywhere on the item, its reason too', async () => {
    const task = await taskWithOpenRequest();
    const page = await workQueues('thuongvu');
    await queueItem(page, task.id).getByText(REASON).click();
    await page.locator(`[data-testid="task-drawer"][data-task-id="${task.id}"]`).waitFor({ state: 'visible' });
    await page.getByTestId('extension-decision-form').waitFor({ state: 'visible' });
  });

  it('has no serious accessibility violation with both queues filled', async () => {
    await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao', withPendingSubmission: true });
    const task = await taskWithOpenRequest();
    const page = await workQueues('thuongvu');
    await queueItem(page, task.id).waitFor({ state: 'visible' });
    await page.locator('[data-testid="review-list"] [data-testid^="task-card-"]').first().waitFor();
    await withEvidence(page, 'a11y-work-queues', async () => {
      expect((await seriousViolations(page)).join('\n')).toBe('');
    });
  });
});
