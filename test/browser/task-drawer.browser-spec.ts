import type { Page } from 'playwright-core';
import { pdf } from '../e2e/support/files.js';
import { makeTask } from '../e2e/support/fixtures.js';
import { boardReady, poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// What the task panel says about deadlines and escalations, on tasks made here through the API's own
// flows (an extension asked and granted; a late assignment the worker escalates), never the demo data.

jest.setTimeout(180_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function openTask(username: string, id: string, locale?: string): Promise<Page> {
  const page = await b.newPage({ locale });
  await signIn(page, username);
  await page.goto(`/?task=${id}`);
  await page.getByTestId('task-drawer').waitFor({ state: 'visible' });
  return page;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('the task panel', () => {
  it('after an extension shows the new date with a badge, and the directive’s wording with the first deadline', async () => {
    // makeTask's wording for a 31/12/2030 deadline is "quý IV-2030".
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
    const asked = await b.t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(await b.t.as('ban-tuyen-giao'))
      .send({ requestedDueDate: '2031-03-31', reason: 'Cần thêm thời gian lấy ý kiến các sở, ngành' })
      .expect(201);
    await b.t.http
      .post(`/api/extension-requests/${asked.body.id}/decision`)
      .set(await b.t.as('thuongvu'))
      .send({ decision: 'grant', comment: 'Đồng ý gia hạn' })
      .expect(200);

    const page = await openTask('vanphong', task.id);
    await withEvidence(page, 'drawer-extended', async () => {
      const deadline = page.getByTestId('drawer-deadline');
      await deadline.getByText('31/03/2031').waitFor();
      await page.getByTestId('drawer-extended').waitFor();
      expect(await deadline.textContent()).not.toContain('quý IV-2030');
      const original = (await page.getByTestId('drawer-original-deadline').textContent()) ?? '';
      expect(original).toContain('31/12/2030');
      expect(original).toContain('quý IV-2030');
    });
  });

  it('lets the Standing Committee grant another date than the one asked, with a comment', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
    await b.t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(await b.t.as('ban-tuyen-giao'))
      .send({ requestedDueDate: '2031-06-30', reason: 'Chờ ý kiến thẩm định của các sở' })
      .expect(201);
    const page = await openTask('thuongvu', task.id);
    const form = page.getByTestId('extension-decision-form');
    await withEvidence(page, 'grant-other-date', async () => {
      const date = form.getByTestId('extension-grant-date');
      // The date asked for comes filled in, day first.
      expect(await date.inputValue()).toBe('30/06/2031');
      await date.fill('31/03/2031');
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
      });
      await page.getByTestId('extension-granted-other').getByText('31/03/2031').waitFor();
    });
  });

  it('says in its history which level each overdue step reached', async () => {
    // Assigned 20 days after its deadline: the worker fires the overdue step (level 1) and the escalation
    // to the Standing Committee (level 2) at once.
    const task = await makeTask(b.t.db, { state: 'drafted', lead: 'ban-tuyen-giao', dueDate: daysAgo(20) });
    await b.t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await b.t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);
    await poll(
      () => b.task(task.id),
      (t) => t.history.some((h) => h.event === 'ESCALATED' && h.level === 2),
      { what: 'the escalation to level 2 in the history', timeout: 60_000 },
    );

    const page = await openTask('vanphong', task.id);
    await withEvidence(page, 'drawer-levels', async () => {
      const levels = page.getByTestId('drawer-history').getByTestId('history-level');
      await poll(
        () => levels.allTextContents(),
        (texts) => texts.length === 2,
        { what: 'two escalation lines with their levels' },
      );
      // Both steps are late and fire together, in either order.
      const texts = (await levels.allTextContents()).sort();
      expect(texts[0]).toMatch(/^Mức 1/);
      expect(texts[1]).toMatch(/^Mức 2/);
    });
  });

  it('takes dates day first (dd/mm/yyyy) in an English browser, and says so when a date is not one', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
    const page = await openTask('ban-tuyen-giao', task.id, 'en-US');
    const form = page.getByTestId('extension-request-form');
    await withEvidence(page, 'date-day-first', async () => {
      const date = form.getByTestId('extension-date');
      // Month first, as an American browser would write it: not a date here, and nothing is sent.
      await date.fill('03/31/2031');
      await form.locator('textarea[name="reason"]').fill('Cần thêm thời gian lấy ý kiến các sở, ngành');
      await form.getByTestId('extension-request-submit').click();
      await form.locator('.field-error').first().waitFor();
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect((await b.task(task.id)).extensionRequests).toHaveLength(0);

      await date.fill('31/03/2031');
      expect(await date.getAttribute('aria-invalid')).toBeNull();
      await form.getByTestId('extension-request-submit').click();
      const asked = await poll(
        () => b.task(task.id),
        (t) => t.extensionRequests.length === 1,
        { what: 'the extension request on the server' },
      );
      expect(asked.extensionRequests[0]).toMatchObject({ requestedDueDate: '2031-03-31', status: 'open' });
    });
  });
});

describe('the submit dialog', () => {
  it('keeps itself and what was typed when the server refuses, says why inline, and hands the deliverable in once', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const code = (await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [task.id])).rows[0].code;
    const page = await b.newPage();
    await signIn(page, 'ban-tuyen-giao');
    await page.goto(`/?q=${encodeURIComponent(code)}`);
    await boardReady(page);
    await page.getByTestId(`task-actions-${task.id}`).click();
    await page.getByTestId('action-SUBMIT').click();
    const dialog = page.locator('[data-testid="transition-dialog"]');
    await withEvidence(page, 'submit-refused-inline', async () => {
      // Nothing to hand in: refused by the server, said in the dialog, which stays open.
      await dialog.getByTestId('dialog-confirm').click();
      await dialog.locator('.field-error').getByText('Vui lòng tải lên').waitFor();
      expect(await dialog.isVisible()).toBe(true);
      expect((await b.task(task.id)).state).toBe('in_progress');

      await dialog.locator('textarea[name="note"]').fill('Báo cáo kết quả thực hiện quý IV');
      await dialog
        .locator('input[type="file"][name="files"]')
        .setInputFiles({ name: 'Báo cáo.pdf', mimeType: 'application/pdf', buffer: pdf('Báo cáo') });
      await dialog.getByTestId('dialog-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      const done = await poll(
        () => b.task(task.id),
        (t) => t.state === 'submitted',
        { what: 'the task submitted on the server' },
      );
      expect(done.submissions).toHaveLength(1);
      expect(done.submissions[0]).toMatchObject({ note: 'Báo cáo kết quả thực hiện quý IV' });
      expect(done.submissions[0].files.map((f) => f.fileName)).toEqual(['Báo cáo.pdf']);
    });
  });
});

describe('the board', () => {
  it('shows agencies no “Dự thảo” column (they never see drafts); the Office keeps it', async () => {
    const agency = await b.newPage();
    await signIn(agency, 'ban-tuyen-giao');
    await agency.locator('[data-testid="column-assigned"]').waitFor();
    expect(await agency.locator('[data-testid="column-drafted"]').count()).toBe(0);
    const office = await b.newPage();
    await signIn(office, 'vanphong');
    await office.locator('[data-testid="column-drafted"]').waitFor();
  });

  it('drops the escalation badge once a late task is approved; an open one keeps it', async () => {
    const approved = await makeTask(b.t.db, { state: 'approved', lead: 'ban-tuyen-giao' });
    const open = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    await b.t.db.query(`UPDATE tasks SET escalation_level = 2 WHERE id = ANY($1::uuid[])`, [[approved.id, open.id]]);
    const page = await b.newPage();
    await signIn(page, 'vanphong');
    for (const [task, badges] of [
      [approved, 0],
      [open, 1],
    ] as const) {
      const code = (await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [task.id])).rows[0]
        .code;
      await page.goto(`/?q=${encodeURIComponent(code)}`);
      await boardReady(page);
      const card = page.locator(`[data-testid="task-card-${task.id}"]`);
      await card.waitFor();
      expect(await card.getByTestId('escalation-badge').count()).toBe(badges);
    }
  });
});
