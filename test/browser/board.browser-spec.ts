import type { TaskDetailDto } from '@dondoc/contracts';
import type { Locator, Page } from 'playwright-core';
import { pdf } from '../e2e/support/files.js';
import { makeTask } from '../e2e/support/fixtures.js';
import {
  boardReady,
  dragCard,
  keyboardMoveRight,
  poll,
  screenshot,
  signIn,
  startBrowserApp,
  withEvidence,
  type BrowserApp,
} from './support/browser-app.js';

// The board and the drawer against the built app (apps/web/dist), a real listening API, PostgreSQL and
// Redis. Every task a test moves is made here with makeTask, so the demo data other suites read and
// change never decides an outcome. Waits are on conditions (locators, `poll` on the API), never sleeps.

jest.setTimeout(180_000);

const card = (id: string) => `[data-testid="task-card-${id}"]`;
const column = (state: string) => `[data-testid="column-${state}"]`;

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function userId(username: string): Promise<string> {
  const r = await b.t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
  return r.rows[0].id;
}

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

/**
 * Narrows the board to one task with the search box (columns are virtualised, so a fresh task may sit
 * below the fold otherwise) and returns its card, visible.
 */
async function showCard(page: Page, id: string): Promise<Locator> {
  const code = await codeOf(id);
  await page.locator('input[name="q"]').fill(code);
  const found = page.locator(card(id));
  await withEvidence(page, `show-card-${id.slice(0, 8)}`, async () => {
    // The search is debounced and the board keeps the previous answer until the new one is in: wait for
    // the narrowed board itself, or the card may still move under the pointer.
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
    await found.first().waitFor({ state: 'visible' });
  });
  return found.first();
}

async function openAction(page: Page, id: string, event: string): Promise<void> {
  await page.getByTestId(`task-actions-${id}`).click();
  await page.getByTestId(`action-${event}`).click();
}

async function pageSession(username: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  return page;
}

/** The Standing Committee lands on its review queue; its moves here are made on the kanban board. */
async function kanbanView(page: Page): Promise<Page> {
  await page.getByTestId('view-board').click();
  await page.locator('[data-testid="view-board"][aria-selected="true"]').waitFor();
  await boardReady(page);
  return page;
}

const dialog = (page: Page) => page.locator('[role="dialog"][data-testid="transition-dialog"]');

/** The state the server holds, once it is `state`, or a failure naming what it holds instead. */
function serverState(id: string, state: string, accept: (t: TaskDetailDto) => boolean = () => true) {
  return poll(
    () => b.task(id),
    (t) => t.state === state && accept(t),
    { what: `task ${id} to be ${state} on the server` },
  );
}

describe('the board in Chromium', () => {
  it('an agency drags its assigned task to “Đang thực hiện” and the server records START by that user', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const page = await pageSession('ban-tuyen-giao');
    const c = await showCard(page, task.id);
    await poll(
      () => page.locator(`${column('assigned')} ${card(task.id)}`).count(),
      (n) => n > 0,
      { what: 'the card in the assigned column' },
    );
    await dragCard(page, card(task.id), column('in_progress'));
    // Every move is confirmed in the transition dialog (what will happen, an optional comment).
    await dialog(page).waitFor({ state: 'visible' });
    await page.getByTestId('dialog-confirm').click();

    const after = await serverState(task.id, 'in_progress');
    expect(after.version).toBe(task.version + 1);
    const start = after.history.find((h) => h.event === 'START');
    expect(start).toMatchObject({ from: 'assigned', to: 'in_progress', actor: { id: await userId('ban-tuyen-giao') } });
    // The card settles in its new column (and stays there once the server's answer is in).
    await page
      .locator(`${column('in_progress')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
    expect(await c.isVisible()).toBe(true);
  });

  it('submit with a file → return with a comment → the agency sees comment and revision → resubmit → approve', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const agency = await pageSession('ban-tuyen-giao');
    const committee = await kanbanView(await pageSession('thuongvu'));
    const returnComment = `Bổ sung lộ trình, kinh phí và ý kiến của Ban Dân vận (${task.id.slice(0, 8)}).`;

    // The agency submits: note and a PDF through the SUBMIT dialog.
    await showCard(agency, task.id);
    await openAction(agency, task.id, 'SUBMIT');
    await dialog(agency).waitFor({ state: 'visible' });
    await dialog(agency).locator('textarea[name="note"]').fill('Dự thảo kế hoạch lần 1');
    // The picker speaks the page's language, not the browser's ("Choose Files", "No file chosen").
    await expect(dialog(agency).locator('.file-picker-button').textContent()).resolves.toBe('Chọn tệp');
    await expect(dialog(agency).locator('.file-picker-names').textContent()).resolves.toBe('Chưa chọn tệp nào');
    await dialog(agency)
      .locator('input[type="file"][name="files"]')
      .setInputFiles({ name: 'Dự thảo kế hoạch.pdf', mimeType: 'application/pdf', buffer: pdf('Dự thảo lần 1') });
    await expect(dialog(agency).locator('.file-picker-names').textContent()).resolves.toBe('Dự thảo kế hoạch.pdf');
    await expect(dialog(agency).locator('input[type="file"][name="files"]').getAttribute('aria-label')).resolves.toBe(
      'Tệp sản phẩm (tối đa 10 tệp)',
    );
    await screenshot(agency, 'dialog-submit');
    await agency.getByTestId('dialog-confirm').click();
    let t = await serverState(task.id, 'submitted');
    expect(t.submissions).toHaveLength(1);
    expect(t.submissions[0]).toMatchObject({ note: 'Dự thảo kế hoạch lần 1', revision: 0 });
    expect(t.submissions[0].files.map((f) => f.fileName)).toEqual(['Dự thảo kế hoạch.pdf']);
    await dialog(agency).waitFor({ state: 'hidden' });

    // The Standing Committee returns it with a comment.
    await showCard(committee, task.id);
    await openAction(committee, task.id, 'RETURN');
    await dialog(committee).waitFor({ state: 'visible' });
    await dialog(committee).locator('textarea[name="comment"]').fill(returnComment);
    await committee.getByTestId('dialog-confirm').click();
    t = await serverState(task.id, 'in_progress', (x) => x.revision === 1);
    expect(t.submissions[0]).toMatchObject({ decision: 'returned', decisionComment: returnComment });

    // The agency sees the revision on the card (live update or its own refresh: no reload here) and the
    // comment in the drawer.
    const agencyCard = agency.locator(card(task.id)).first();
    await agencyCard.getByTestId('revision-badge').waitFor({ state: 'visible', timeout: 30_000 });
    await agency
      .locator(`${column('in_progress')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
    await agencyCard.click();
    const drawer = agency.getByTestId('task-drawer');
    await drawer.waitFor({ state: 'visible' });
    expect(new URL(agency.url()).searchParams.get('task')).toBe(task.id);
    await drawer.getByText(returnComment).first().waitFor({ state: 'visible' });
    await screenshot(agency, 'drawer-returned');
    await agency.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Resubmission.
    await openAction(agency, task.id, 'SUBMIT');
    await dialog(agency).waitFor({ state: 'visible' });
    await dialog(agency).locator('textarea[name="note"]').fill('Đã bổ sung lộ trình và kinh phí');
    await dialog(agency)
      .locator('input[type="file"][name="files"]')
      .setInputFiles({ name: 'Kế hoạch (bổ sung).pdf', mimeType: 'application/pdf', buffer: pdf('Lần 2') });
    await agency.getByTestId('dialog-confirm').click();
    await serverState(task.id, 'submitted', (x) => x.submissions.length === 2);

    // Approval. The committee's board learns of the resubmission by itself (live or polling).
    await withEvidence(committee, 'committee-sees-resubmission', () =>
      committee
        .locator(`${column('submitted')} ${card(task.id)}`)
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 }),
    );
    await openAction(committee, task.id, 'APPROVE');
    // Approval may ask for confirmation (with an optional comment) or act at once; either way it lands.
    t = await poll(
      async () => {
        const d = dialog(committee);
        if (await d.isVisible()) await committee.getByTestId('dialog-confirm').click();
        return b.task(task.id);
      },
      (x) => x.state === 'approved',
      { what: 'approval on the server', interval: 500 },
    );
    expect(t.revision).toBe(1);
    expect(t.history.map((h) => h.event).filter((e) => e !== 'REMINDED' && e !== 'ESCALATED')).toEqual(
      expect.arrayContaining(['SUBMIT', 'RETURN', 'APPROVE']),
    );
    const transitions = [...t.history]
      .filter((h) => ['SUBMIT', 'RETURN', 'APPROVE'].includes(h.event))
      .sort((x, y) => x.version - y.version)
      .map((h) => [h.event, h.actor.role]);
    expect(transitions).toEqual([
      ['SUBMIT', 'agency'],
      ['RETURN', 'standing_committee'],
      ['SUBMIT', 'agency'],
      ['APPROVE', 'standing_committee'],
    ]);
    expect(t.history.find((h) => h.event === 'RETURN')?.comment).toBe(returnComment);
    expect(t.submissions.map((s) => s.decision).sort()).toEqual(['approved', 'returned']);
    await committee
      .locator(`${column('approved')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
  });

  it('a drop the role may not make is refused on the screen and changes nothing on the server', async () => {
    // The Standing Committee may cancel a draft (so the card can be picked up) but only the Office assigns.
    const task = await makeTask(b.t.db, { state: 'drafted', lead: 'ban-tuyen-giao' });
    const before = await b.task(task.id);
    const page = await kanbanView(await pageSession('thuongvu'));
    await showCard(page, task.id);
    let marks: { assigned: string | null; drafted: string | null } | undefined;
    await dragCard(page, card(task.id), column('assigned'), async () => {
      await page.locator(`${column('assigned')}[data-drop-allowed]`).waitFor({ state: 'attached' });
      marks = {
        assigned: await page.locator(column('assigned')).getAttribute('data-drop-allowed'),
        drafted: await page.locator(column('drafted')).getAttribute('data-drop-allowed'),
      };
      await screenshot(page, 'drag-refused-column');
    });
    // The column was closed while the card hovered over it.
    expect(marks).toEqual({ assigned: 'false', drafted: 'false' });
    const toast = page.locator('[role="alert"][data-testid="toast"]').first();
    await toast.waitFor({ state: 'visible' });
    // The toast says why, in the words of libs/workflow's refusal.
    expect(await toast.innerText()).toContain('Chỉ Văn phòng Tỉnh ủy mới được giao nhiệm vụ.');
    expect(await dialog(page).count()).toBe(0);
    // The card stays where it was, and the server never moved.
    await page
      .locator(`${column('drafted')} ${card(task.id)}`)
      .first()
      .waitFor({ state: 'visible' });
    const after = await b.task(task.id);
    expect({ state: after.state, version: after.version }).toEqual({ state: before.state, version: before.version });
    expect(after.history).toHaveLength(before.history.length);
  });

  it('an agency never sees a task of another agency, not on the board and not by its link', async () => {
    const foreign = await makeTask(b.t.db, {
      state: 'in_progress',
      lead: 'ban-noi-chinh',
      coordinating: ['ban-to-chuc'],
    });
    // A title of its own: makeTask's numbering starts again in every file of a run, and the files share a board.
    const title = `Nhiệm vụ riêng của Ban Nội chính ${foreign.id.slice(0, 8)}`;
    await b.t.db.query(`UPDATE tasks SET title = $2 WHERE id = $1`, [foreign.id, title]);

    // The control: the Office finds it with the same search, so an absent card means something.
    const office = await pageSession('vanphong');
    await showCard(office, foreign.id);

    const page = await pageSession('ban-tuyen-giao');
    await page.locator('input[name="q"]').fill(await codeOf(foreign.id));
    // The search ran (it is in the URL) and its answer is in: the board says nothing matches.
    await poll(
      () => Promise.resolve(page.url()),
      (u) => new URL(u).searchParams.has('q'),
      { what: 'the search in the URL' },
    );
    await page.getByTestId('empty-clear-filters').waitFor({ state: 'visible' });
    expect(await page.locator(card(foreign.id)).count()).toBe(0);

    await page.goto(`/?task=${foreign.id}`);
    await boardReady(page);
    const drawer = page.getByTestId('task-drawer');
    await drawer
      .getByText(/không tồn tại hoặc bạn không có quyền xem/i)
      .first()
      .waitFor({ state: 'visible' });
    expect(await page.locator(card(foreign.id)).count()).toBe(0);
    expect(await page.getByText(title, { exact: true }).count()).toBe(0);
  });

  it('a link with filters shows a colleague the same board', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const office = await pageSession('vanphong');
    await showCard(office, task.id);
    await office.locator('select[name="field"]').selectOption('economy');
    await poll(
      () => Promise.resolve(new URL(office.url())),
      (u) => u.searchParams.has('q') && u.searchParams.get('field') === 'economy',
      { what: 'the search and the field in the URL' },
    );
    const link = new URL(office.url());

    const colleague = await pageSession('kiemtra');
    await colleague.goto(`${link.pathname}${link.search}`);
    await boardReady(colleague);
    expect(await colleague.locator('input[name="q"]').inputValue()).toBe(await codeOf(task.id));
    expect(await colleague.locator('select[name="field"]').inputValue()).toBe('economy');
    await colleague.locator(card(task.id)).first().waitFor({ state: 'visible' });
    expect(await colleague.locator('[data-testid^="task-card-"]').count()).toBe(1);
  });

  it('speaks Vietnamese by default, switches to English, and keeps language and session over a reload', async () => {
    const page = await pageSession('ban-tuyen-giao');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.locator(column('assigned')).getByText('Đã giao').first().waitFor();
    await page.locator(column('in_progress')).getByText('Đang thực hiện').first().waitFor();
    await page.locator(column('submitted')).getByText('Đã trình').first().waitFor();

    await page.getByTestId('language-switch').click();
    await poll(
      () => page.getAttribute('html', 'lang'),
      (l) => l === 'en',
      { what: '<html lang="en">' },
    );
    await page.locator(column('in_progress')).getByText('In progress').first().waitFor();
    await page.locator(column('assigned')).getByText('Assigned').first().waitFor();

    await page.reload();
    await boardReady(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator(column('in_progress')).getByText('In progress').first().waitFor();
    await page.getByTestId('current-user').waitFor();

    await page.getByTestId('sign-out').click();
    await page.waitForURL((u) => u.pathname === '/login');
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('keyboard only: the ⋯ menu moves a task and the server keeps it', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const page = await pageSession('ban-tuyen-giao');
    await showCard(page, task.id);
    await page.getByTestId(`task-actions-${task.id}`).focus();
    await page.keyboard.press('Enter');
    const start = page.getByTestId('action-START');
    await start.waitFor({ state: 'visible' });
    // Reach the item with the keyboard as a user would (Tab or arrows, depending on the menu's pattern).
    for (let i = 0; i < 10 && !(await start.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await start.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const after = await poll(
      async () => {
        if (await dialog(page).isVisible()) {
          await page.getByTestId('dialog-confirm').focus();
          await page.keyboard.press('Enter');
        }
        return b.task(task.id);
      },
      (x) => x.state === 'in_progress',
      { what: 'START on the server', interval: 500 },
    );
    expect(after.history.find((h) => h.event === 'START')?.actor.id).toBe(await userId('ban-tuyen-giao'));
  });

  it('keyboard only: dnd-kit’s keyboard drag (Space, arrows, Space) moves a task and the server keeps it', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao' });
    const page = await pageSession('ban-tuyen-giao');
    const c = await showCard(page, task.id);
    await keyboardMoveRight(page, c, await codeOf(task.id));
    await dialog(page).waitFor({ state: 'visible' });
    await page.getByTestId('dialog-confirm').focus();
    await page.keyboard.press('Enter');
    const after = await serverState(task.id, 'in_progress');
    expect(after.history.find((h) => h.event === 'START')?.actor.id).toBe(await userId('ban-tuyen-giao'));
  });

  it('the inspector, who moves nothing, opens a task by clicking its card', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    const page = await pageSession('kiemtra');
    const c = await showCard(page, task.id);
    // A plain click, held to Playwright's actionability checks: a card announced as disabled to
    // assistive technology while it opens the task would fail here.
    await c.click();
    await page.getByTestId('task-drawer').waitFor({ state: 'visible' });
    expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
    await page
      .getByTestId('task-drawer')
      .getByText(await codeOf(task.id))
      .first()
      .waitFor();
  });

  it('screenshots of each role’s board, the drawer and a dialog (test-artifacts/screenshots)', async () => {
    const office = await pageSession('vanphong');
    await screenshot(office, 'board-office');

    const committee = await pageSession('thuongvu');
    await committee.getByTestId('view-review').click();
    await committee.getByTestId('review-list').waitFor({ state: 'visible' });
    await screenshot(committee, 'review-standing-committee');

    const agency = await pageSession('ban-tuyen-giao');
    await screenshot(agency, 'board-agency');

    const inspector = await pageSession('kiemtra');
    await screenshot(inspector, 'board-inspector');
    // The inspector reads and never writes: no card offers it an action menu at all.
    await inspector.locator('[data-testid^="task-card-"]').first().waitFor({ state: 'visible' });
    expect(await inspector.locator('[data-testid^="task-actions-"]').count()).toBe(0);

    const task = await makeTask(b.t.db, { state: 'submitted', lead: 'ban-tuyen-giao' });
    await office.goto(`/?task=${task.id}`);
    await office.getByTestId('task-drawer').waitFor({ state: 'visible' });
    await office.getByTestId('drawer-comments').waitFor({ state: 'visible' });
    await screenshot(office, 'drawer-office');

    await kanbanView(committee);
    await showCard(committee, task.id);
    await openAction(committee, task.id, 'RETURN');
    await dialog(committee).waitFor({ state: 'visible' });
    await screenshot(committee, 'dialog-return');
  });
});
