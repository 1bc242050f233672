import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DISGUISED, pdf, png } from '../e2e/support/files.js';
import { agencyId, makeTask } from '../e2e/support/fixtures.js';
import { seriousViolations } from './support/axe.js';
import { poll, screenshot, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// Every step on a task taken from its panel (the actions bar at its top), and the lead agency's working
// files uploaded there before Trình; each checked on the server, never only on the page.

jest.setTimeout(240_000);

let b: BrowserApp;
let dir: string;

beforeAll(async () => {
  b = await startBrowserApp();
  // Real files on disk, chosen as a person would choose them.
  dir = mkdtempSync(join(tmpdir(), 'panel-files-'));
});

afterAll(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fileOnDisk(name: string, content: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function openTask(username: string, id: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  await page.goto(`/?task=${id}`);
  await page.getByTestId('task-drawer').waitFor({ state: 'visible' });
  await page.getByTestId('drawer-facts').or(page.getByTestId('drawer-description')).first().waitFor();
  return page;
}

const bar = (page: Page): Locator => page.getByTestId('task-drawer').getByTestId('task-actions-bar');
const dialog = (page: Page): Locator => page.locator('[data-testid="transition-dialog"]');

async function barEvents(page: Page): Promise<string[]> {
  const buttons = bar(page).locator('[data-testid^="task-action-"]');
  return (await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''))).map((id) =>
    id.replace('task-action-', ''),
  );
}

describe('the actions bar of the task panel', () => {
  it('lets the Office assign a draft (Giao) with a lead agency and a deadline', async () => {
    const task = await makeTask(b.t.db, { state: 'drafted', lead: 'ban-tuyen-giao' });
    const danVan = await agencyId(b.t.db, 'ban-dan-van');
    const page = await openTask('vanphong', task.id);
    await withEvidence(page, 'panel-assign', async () => {
      await bar(page).waitFor();
      expect(await barEvents(page)).toEqual(['ASSIGN', 'CANCEL']);
      const giao = bar(page).getByTestId('task-action-ASSIGN');
      expect(await giao.textContent()).toBe('Giao');
      expect(await giao.getAttribute('data-tone')).toBe('primary');
      const huy = bar(page).getByTestId('task-action-CANCEL');
      expect(await huy.textContent()).toBe('Hủy');
      expect(await huy.getAttribute('data-tone')).toBe('danger');
      // The bar sits above the facts.
      const [barBox, factsBox] = await Promise.all([
        bar(page).boundingBox(),
        page.getByTestId('task-drawer').getByRole('heading', { level: 3 }).first().boundingBox(),
      ]);
      expect(barBox && factsBox && barBox.y < factsBox.y).toBe(true);
      expect(await seriousViolations(page, { include: '[data-testid="task-drawer"]' })).toEqual([]);

      await giao.click();
      await dialog(page).waitFor({ state: 'visible' });
      expect(await dialog(page).getAttribute('data-event')).toBe('ASSIGN');
      await dialog(page).locator('select[name="leadAgencyId"]').selectOption(danVan);
      await dialog(page).getByTestId('transition-due-date').fill('30/06/2031');
      await dialog(page).getByTestId('dialog-confirm').click();
      await dialog(page).waitFor({ state: 'detached' });
      const assigned = await poll(
        () => b.task(task.id),
        (t) => t.state === 'assigned',
        { what: 'the task assigned on the server' },
      );
      expect(assigned).toMatchObject({ leadAgencyId: danVan, dueDate: '2031-06-30' });
      // The panel follows: its bar now offers what an assigned task allows the Office.
      await poll(
        () => barEvents(page),
        (events) => events.join() === 'REASSIGN,CANCEL',
        { what: 'the bar after Giao' },
      );
    });
  });

  it('lets the lead agency start, upload a working file without submitting, then submit it (Trình)', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const page = await openTask('ban-tuyen-giao', task.id);
    const drawer = page.getByTestId('task-drawer');
    await withEvidence(page, 'panel-start-upload-submit', async () => {
      // Not in progress yet: no upload form, only Bắt đầu (and Xin gia hạn, which takes one to its form).
      expect(await barEvents(page)).toEqual(['START', 'request-extension']);
      expect(await drawer.getByTestId('working-files-form').count()).toBe(0);
      await bar(page).getByTestId('task-action-request-extension').click();
      await poll(
        () => page.evaluate<boolean>(`!!document.activeElement?.closest('[data-testid="extension-request-form"]')`),
        (inside) => inside,
        { what: 'focus in the extension request form' },
      );

      await bar(page).getByTestId('task-action-START').click();
      await dialog(page).waitFor({ state: 'visible' });
      await dialog(page).getByTestId('dialog-confirm').click();
      await dialog(page).waitFor({ state: 'detached' });
      await poll(
        () => b.task(task.id),
        (t) => t.state === 'in_progress',
        { what: 'the task started on the server' },
      );

      const form = drawer.getByTestId('working-files-form');
      await form.waitFor();
      await form
        .getByTestId('working-files-input')
        .setInputFiles([fileOnDisk('Dự thảo kế hoạch.pdf', pdf('Dự thảo kế hoạch')), fileOnDisk('Sơ đồ.png', png())]);
      await form.locator('textarea[name="note"]').fill('Bản dự thảo để lấy ý kiến');
      await form.getByTestId('working-files-submit').click();
      await form.getByTestId('working-files-done').waitFor();
      const list = drawer.getByTestId('drawer-submissions');
      await list.getByText('Dự thảo kế hoạch.pdf').waitFor();
      await list.getByText('Sơ đồ.png').waitFor();
      // The bar stays at the top of the panel while it scrolls.
      await page.evaluate(`document.querySelector('[data-testid="task-drawer"] .drawer-content').scrollTop = 1e6`);
      const [content, stuck] = await Promise.all([
        drawer.locator('.drawer-content').boundingBox(),
        bar(page).boundingBox(),
      ]);
      expect(content && stuck && Math.abs(stuck.y - content.y)).toBeLessThanOrEqual(1);
      await screenshot(page, 'panel-actions-bar-scrolled');
      // Uploaded, not submitted: the list says so and the server agrees.
      expect(await list.getByTestId('submission-status').first().getAttribute('data-status')).toBe('not_submitted');
      const uploaded = await b.task(task.id);
      expect(uploaded.state).toBe('in_progress');
      expect(uploaded.submissions).toHaveLength(1);
      expect(uploaded.submissions[0].files.map((f) => f.fileName).sort()).toEqual([
        'Dự thảo kế hoạch.pdf',
        'Sơ đồ.png',
      ]);

      await bar(page).getByTestId('task-action-SUBMIT').click();
      await dialog(page).waitFor({ state: 'visible' });
      // The dialog knows the deliverable is already there, so confirming is enough.
      await dialog(page).getByTestId('submit-already-uploaded').waitFor();
      await dialog(page).getByTestId('dialog-confirm').click();
      await dialog(page).waitFor({ state: 'detached' });
      const submitted = await poll(
        () => b.task(task.id),
        (t) => t.state === 'submitted',
        { what: 'the task submitted on the server' },
      );
      // Handed in once: the working upload is the submission.
      expect(submitted.submissions).toHaveLength(1);
      expect(submitted.submissions[0]).toMatchObject({ note: 'Bản dự thảo để lấy ý kiến', decision: null });
      expect(submitted.submissions[0].files).toHaveLength(2);
      await drawer.getByTestId('working-files-form').waitFor({ state: 'detached' });
      await poll(
        () => barEvents(page),
        (events) => events.length === 0,
        { what: 'no step left for the agency once submitted' },
      );
    });
  });

  it('lets the Standing Committee approve one submitted task and return another with a comment', async () => {
    const approveMe = await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao' });
    const returnMe = await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao' });

    const page = await openTask('thuongvu', approveMe.id);
    await withEvidence(page, 'panel-approve', async () => {
      expect(await barEvents(page)).toEqual(['APPROVE', 'RETURN']);
      const approve = bar(page).getByTestId('task-action-APPROVE');
      expect(await approve.textContent()).toBe('Thông qua');
      expect(await approve.getAttribute('data-tone')).toBe('primary');
      await approve.click();
      await dialog(page).waitFor({ state: 'visible' });
      await dialog(page).getByTestId('dialog-confirm').click();
      await dialog(page).waitFor({ state: 'detached' });
      const approved = await poll(
        () => b.task(approveMe.id),
        (t) => t.state === 'approved',
        { what: 'the task approved on the server' },
      );
      expect(approved.submissions[0].decision).toBe('approved');
      // Back in the panel after the dialog, not on the board behind it.
      expect(await page.evaluate<boolean>(`!!document.activeElement?.closest('[data-testid="task-drawer"]')`)).toBe(
        true,
      );
    });

    const other = await openTask('thuongvu', returnMe.id);
    await withEvidence(other, 'panel-return', async () => {
      const back = bar(other).getByTestId('task-action-RETURN');
      expect(await back.textContent()).toBe('Trả lại');
      await back.click();
      await dialog(other).waitFor({ state: 'visible' });
      // Tab moves through the dialog's own fields; the panel behind does not take the key.
      const focused = () =>
        other.evaluate<string>(
          `document.activeElement?.closest('[data-testid="transition-dialog"]') ? document.activeElement.outerHTML : 'outside'`,
        );
      const before = await focused();
      await other.keyboard.press('Tab');
      const after = await focused();
      expect(after).not.toBe('outside');
      expect(after).not.toBe(before);
      // A return needs its reason: refused in the dialog, nothing sent.
      await dialog(other).getByTestId('dialog-confirm').click();
      await dialog(other).locator('.field-error').first().waitFor();
      expect((await b.task(returnMe.id)).state).toBe('submitted');
      await dialog(other).locator('textarea[name="comment"]').fill('Bổ sung số liệu quý IV và ý kiến các sở.');
      await dialog(other).getByTestId('dialog-confirm').click();
      await dialog(other).waitFor({ state: 'detached' });
      const returned = await poll(
        () => b.task(returnMe.id),
        (t) => t.state === 'in_progress',
        { what: 'the task returned on the server' },
      );
      expect(returned.revision).toBe(1);
      expect(returned.submissions[0]).toMatchObject({
        decision: 'returned',
        decisionComment: 'Bổ sung số liệu quý IV và ý kiến các sở.',
      });
    });
  });

  it('takes a decider to an open extension request', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
    await b.t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(await b.t.as('ban-tuyen-giao'))
      .send({ requestedDueDate: '2031-03-31', reason: 'Chờ ý kiến các sở' })
      .expect(201);
    const page = await openTask('thuongvu', task.id);
    await withEvidence(page, 'panel-view-extension', async () => {
      const view = bar(page).getByTestId('task-action-view-extension');
      expect(await view.textContent()).toBe('Xem đề nghị gia hạn');
      await view.click();
      await poll(
        () => page.evaluate<boolean>(`!!document.activeElement?.closest('[data-testid="extension-decision-form"]')`),
        (inside) => inside,
        { what: 'focus in the extension decision form' },
      );
    });
  });

  it('shows no bar to the inspector or to a coordinating agency', async () => {
    const task = await makeTask(b.t.db, {
      state: 'in_progress',
      lead: 'ban-tuyen-giao',
      coordinating: ['ban-dan-van'],
    });
    for (const username of ['kiemtra', 'ban-dan-van']) {
      const page = await openTask(username, task.id);
      await withEvidence(page, `panel-no-bar-${username}`, async () => {
        await page.getByTestId('drawer-title').getByText('Kế hoạch thử nghiệm').waitFor();
        await page.getByTestId('drawer-submissions-section').waitFor();
        expect(await bar(page).count()).toBe(0);
        expect(await page.getByTestId('working-files-form').count()).toBe(0);
      });
    }
  });

  it('says inline why an upload is refused and changes nothing', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const page = await openTask('ban-tuyen-giao', task.id);
    const form = page.getByTestId('working-files-form');
    await withEvidence(page, 'panel-upload-refused', async () => {
      // A text file renamed .pdf: the server reads the bytes, not the name.
      await form.getByTestId('working-files-input').setInputFiles(fileOnDisk('Báo cáo.pdf', DISGUISED.text));
      await form.getByTestId('working-files-submit').click();
      const error = form.getByTestId('working-files-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('FILE_TYPE_NOT_ALLOWED');
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('Loại tệp này không được phép tải lên.');
      // The server's own words are there too.
      expect(text).toContain('Máy chủ trả lời:');

      // Nothing chosen and no note: said at once, nothing sent.
      await form.getByTestId('working-files-input').setInputFiles([]);
      await form.getByTestId('working-files-submit').click();
      await form.getByText('Hãy chọn ít nhất một tệp hoặc nhập ghi chú.').waitFor();

      const after = await b.task(task.id);
      expect(after.state).toBe('in_progress');
      expect(after.submissions).toHaveLength(0);
      expect(after.version).toBe(task.version);
      expect(await page.getByTestId('drawer-submissions').count()).toBe(0);
    });
  });
});
