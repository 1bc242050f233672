import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfirmDirectiveImportRequest } from '@dondoc/contracts';
import type { Locator, Page } from 'playwright-core';
import { makeTask } from '../e2e/support/fixtures.js';
import {
  boardReady,
  poll,
  screenshot,
  signIn,
  startBrowserApp,
  withEvidence,
  type BrowserApp,
} from './support/browser-app.js';

// Classified tasks in the built app: the stamp on the board and in the panel, the Office's access list and
// change of level, the level picked at import, a task missing from the board of whoever is not on its list,
// the tuyệt mật record, and the inspector's access log. Each test classifies a task of its own with SQL, or
// imports a directive under a number of its own (never the demo data other suites read).

jest.setTimeout(180_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

const card = (id: string) => `[data-testid="task-card-${id}"]`;

// A real directive (the 28-KL/TU conclusion: 15 tasks), imported under a number of this test's own.
const CONCLUSION = readFileSync(
  join(__dirname, '../../libs/directive-parser/fixtures/provincial-conclusion-28-KL-TU-q4-2020-news.txt'),
  'utf8',
);

/** A task of this file, classified `level`, with these accounts (by username) on its need-to-know list. */
async function classifiedTask(level: 'confidential' | 'secret', cleared: string[]) {
  const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
  await b.t.db.query(`UPDATE tasks SET classification = $2 WHERE id = $1`, [task.id, level]);
  await b.t.db.query(
    `INSERT INTO classified_access (task_id, user_id) SELECT $1, id FROM users WHERE username = ANY($2::text[])`,
    [task.id, cleared],
  );
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [task.id]);
  return { id: task.id, code: r.rows[0].code };
}

async function session(username: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  return page;
}

/** Searches the board for `code`, and waits until the search ran and its answer is on screen. */
async function search(page: Page, code: string): Promise<void> {
  await page.locator('input[name="q"]').fill(code);
  await poll(
    () => Promise.resolve(new URL(page.url()).searchParams.get('q')),
    (q) => q === code,
    { what: `the search for ${code} in the URL` },
  );
}

async function showCard(page: Page, id: string, code: string): Promise<Locator> {
  await search(page, code);
  await poll(
    () => page.locator('[data-testid^="task-card-"]').count(),
    (n) => n === 1,
    { what: `the board narrowed to ${code}` },
  );
  const found = page.locator(card(id)).first();
  await found.waitFor({ state: 'visible' });
  return found;
}

describe('classified tasks in Chromium', () => {
  it('an Office user on the list sees the stamp on the card and in the panel, and opens the access list', async () => {
    const task = await classifiedTask('secret', ['vanphong', 'thuongvu']);
    const page = await session('vanphong');
    await withEvidence(page, 'classified-office', async () => {
      const found = await showCard(page, task.id, task.code);
      const stamp = found.getByTestId('classification-badge');
      expect(await stamp.getAttribute('data-level')).toBe('secret');
      expect((await stamp.textContent())?.trim()).toBe('TỐI MẬT');
      // The access log is the inspector's and the administrator's, not the Office's.
      expect(await page.getByTestId('nav-access-log').count()).toBe(0);

      await found.click();
      const drawer = page.getByTestId('task-drawer');
      await drawer.waitFor({ state: 'visible' });
      await drawer.locator('.drawer-header [data-testid="classification-badge"][data-level="secret"]').waitFor();
      const section = drawer.getByTestId('drawer-classification-section');
      expect(await section.getByTestId('classification-select').inputValue()).toBe('secret');

      const toggle = section.getByTestId('access-list-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      const editor = section.getByTestId('access-list-editor');
      await editor.waitFor({ state: 'visible' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await poll(
        () => editor.getByTestId('access-person').count(),
        (n) => n === 2,
        { what: 'the two people on the list' },
      );
      const names = await editor.getByTestId('access-person').allTextContents();
      expect(names.join(' | ')).toContain('Nguyễn Thị Thu Hà');
      expect(names.join(' | ')).toContain('Trần Văn Minh');
      // The Office adds from the directory: the lead agency's people are offered, the list saves as a whole.
      const offered = await editor.getByTestId('access-add-select').locator('option').allTextContents();
      expect(offered.some((o) => o.includes('Ban Tuyên giáo'))).toBe(true);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'classification-drawer-office');
    });
  });

  it('the Office adds the lead agency’s head to the list, then lowers the level only with a reason', async () => {
    const task = await classifiedTask('secret', ['vanphong']);
    const page = await session('vanphong');
    await page.goto(`/?task=${task.id}`);
    const section = page.getByTestId('drawer-classification-section');
    await withEvidence(page, 'classified-edit', async () => {
      await section.getByTestId('access-list-toggle').click();
      const editor = section.getByTestId('access-list-editor');
      await editor.waitFor({ state: 'visible' });
      const head = await b.t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'ban-tuyen-giao'`);
      await editor.getByTestId('access-add-select').selectOption(head.rows[0].id);
      await editor.getByTestId('access-add').click();
      await editor.getByTestId('access-save').click();
      await section.getByTestId('access-saved').waitFor();
      const listed = await poll(
        async () =>
          (
            await b.t.db.query<{ username: string }>(
              `SELECT u.username FROM classified_access ca JOIN users u ON u.id = ca.user_id
                WHERE ca.task_id = $1 ORDER BY u.username`,
              [task.id],
            )
          ).rows.map((r) => r.username),
        (names) => names.length === 2,
        { what: 'the list saved on the server' },
      );
      expect(listed).toEqual(['ban-tuyen-giao', 'vanphong']);

      // Lowering asks for a reason before anything is sent.
      await section.getByTestId('classification-select').selectOption('confidential');
      await section.getByTestId('classification-save').click();
      await section.getByTestId('classification-problem').waitFor();
      expect((await b.task(task.id)).classification).toBe('secret');
      await section.getByTestId('classification-comment').fill('Hết thời hạn bảo mật theo quyết định số 15-QĐ/TU');
      await section.getByTestId('classification-save').click();
      await poll(
        () => b.task(task.id),
        (t) => t.classification === 'confidential',
        { what: 'the level lowered on the server' },
      );
      await page.locator('.drawer-header [data-testid="classification-badge"][data-level="confidential"]').waitFor();
      await section.getByTestId('classification-saved').waitFor();
    });
  });

  it('the import sends the directive’s level, and a row raised to tuyệt mật with its reference and none of its words', async () => {
    const page = await session('vanphong');
    await page.goto('/import');
    await page.getByTestId('import-text').fill(CONCLUSION);
    await page.getByTestId('import-analyse').click();
    await page.getByTestId('import-row-0').waitFor({ timeout: 60_000 });
    const number = `28-MAT-${Date.now().toString(36)}/TU`;
    await withEvidence(page, 'classified-import', async () => {
      await page.getByTestId('import-number').fill(number);
      // Thường by default; the Office picks tối mật for the directive, every row takes it.
      expect(await page.getByTestId('import-classification-level').inputValue()).toBe('normal');
      await page.getByTestId('import-classification-level').selectOption('secret');
      // Row 2 goes higher: tuyệt mật needs where its content is kept before the import may be confirmed.
      await page.getByTestId('row-classification-1-level').selectOption('top_secret');
      const confirm = page.getByTestId('import-confirm');
      await poll(
        () => confirm.isDisabled(),
        (off) => off,
        { what: 'the confirm button off while the reference is missing' },
      );
      await page.getByTestId('row-classification-1-reference').fill('Sổ đăng ký văn bản mật số 03');
      await poll(
        () => confirm.isEnabled(),
        (on) => on,
        { what: 'the confirm button on' },
      );
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/directives/import/confirm'));
      await confirm.click();
      const body = (await sent).postDataJSON() as ConfirmDirectiveImportRequest;
      // The request says the levels, and a tuyệt mật row's words never leave the browser.
      expect(body.directive).toMatchObject({ classification: 'secret' });
      expect(body.tasks[1]).toMatchObject({
        classification: 'top_secret',
        contentReference: 'Sổ đăng ký văn bản mật số 03',
        title: 'Nhiệm vụ tuyệt mật',
        description: '',
      });
      expect(body.tasks.filter((t) => t.classification === 'secret')).toHaveLength(14);
      await page.waitForURL(/\?directive=/, { timeout: 30_000 });
    });
    const directive = await b.t.db.query<{ id: string; classification: string }>(
      `SELECT id, classification FROM directives WHERE number = $1`,
      [number],
    );
    expect(directive.rows[0].classification).toBe('secret');
    // Every task at least its directive's level (the API's rule).
    const levels = await b.t.db.query<{ classification: string; content_reference: string | null; title: string }>(
      `SELECT classification, content_reference, title FROM tasks WHERE directive_id = $1 ORDER BY code`,
      [directive.rows[0].id],
    );
    expect(levels.rows).toHaveLength(15);
    // Row 2 is kept as the record of a tuyệt mật task, with where its content is; the others at the directive's.
    expect(levels.rows[1]).toEqual({
      classification: 'top_secret',
      content_reference: 'Sổ đăng ký văn bản mật số 03',
      title: 'Nhiệm vụ tuyệt mật',
    });
    expect(levels.rows.filter((t) => t.classification === 'secret')).toHaveLength(14);
  });

  it('a classified task is on no board of someone not on its list, even of its own lead agency', async () => {
    const task = await classifiedTask('confidential', ['vanphong']);
    // The control: the Office, on the list, finds it with the same search, so an absent card means something.
    const office = await session('vanphong');
    await showCard(office, task.id, task.code);

    for (const username of ['ban-tuyen-giao', 'thuongvu']) {
      const page = await session(username);
      await withEvidence(page, `classified-hidden-${username}`, async () => {
        // The Standing Committee lands on its review queue: the search is asked of the kanban board.
        if (username === 'thuongvu') {
          await page.getByTestId('view-board').click();
          await page.locator('[data-testid="view-board"][aria-selected="true"]').waitFor();
          await boardReady(page);
        }
        await search(page, task.code);
        await page.getByTestId('empty-clear-filters').waitFor({ state: 'visible' });
        expect(await page.locator(card(task.id)).count()).toBe(0);
        // Nor by its link: the panel says there is no such task.
        await page.goto(`/?task=${task.id}`);
        await boardReady(page);
        await page.getByTestId('drawer-error').waitFor({ state: 'visible' });
        expect(await page.getByTestId('drawer-title').textContent()).not.toContain(task.code);
      });
    }
    // The Standing Committee's dashboard counts without it, and says that classified tasks are left out.
    const committee = await session('thuongvu');
    await committee.goto('/dashboard');
    const hidden = committee.getByTestId('headline-hidden');
    await hidden.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await hidden.textContent()).toMatch(/^\d+ nhiệm vụ mật không hiển thị/);
  });

  it('the inspector opens the access log from the navigation and finds who read a classified task', async () => {
    const task = await classifiedTask('secret', ['vanphong']);
    // A read to find: the Office opens the task (the server records it).
    await b.task(task.id, 'vanphong');

    const page = await session('kiemtra');
    await withEvidence(page, 'access-log', async () => {
      await page.getByTestId('nav-access-log').click();
      const logPage = page.getByTestId('access-log-page');
      await logPage.waitFor({ state: 'visible' });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Nhật ký truy cập tài liệu mật');
      // The first page came: rows, or the word that none match.
      await page
        .locator('[data-testid="access-log-table"], [data-testid="access-log-empty"]')
        .first()
        .waitFor({ state: 'visible' });

      // Narrowed to the task (the drawer's link and a row's code both lead here).
      await page.goto(`/access-log?taskId=${task.id}`);
      const row = page.locator(`[data-testid="access-log-row"][data-task-id="${task.id}"]`).first();
      await row.waitFor({ state: 'visible' });
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('Nguyễn Thị Thu Hà');
      expect(text).toContain(task.code);
      expect(text).toContain('TỐI MẬT');
      await page.getByTestId('access-log-task-chip').getByText(task.code).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('access-log-export').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Nhật ký truy cập \d{2}-\d{2}-\d{4}\.xlsx$/);
      await screenshot(page, 'access-log-inspector');
    });
  });

  it('a tuyệt mật task shows its record and where its content is kept, with no comments, files or reports', async () => {
    const task = await classifiedTask('secret', ['vanphong']);
    // Only the record is kept: the placeholder title, no description, the reference (as the API stores it).
    await b.t.db.query(
      `UPDATE tasks SET classification = 'top_secret', title = 'Nhiệm vụ tuyệt mật', description = '',
                        content_reference = 'Sổ đăng ký văn bản mật số 03, Phòng Cơ yếu' WHERE id = $1`,
      [task.id],
    );
    const page = await session('vanphong');
    await page.goto(`/?task=${task.id}`);
    const drawer = page.getByTestId('task-drawer');
    await withEvidence(page, 'classified-record-only', async () => {
      await drawer.getByTestId('record-only-notice').waitFor({ state: 'visible' });
      expect(await drawer.getByTestId('content-reference').textContent()).toBe(
        'Nội dung lưu tại: Sổ đăng ký văn bản mật số 03, Phòng Cơ yếu',
      );
      expect((await drawer.locator('.drawer-header [data-testid="classification-badge"]').textContent())?.trim()).toBe(
        'TUYỆT MẬT',
      );
      for (const part of [
        'drawer-comments-section',
        'drawer-submissions-section',
        'progress-section',
        'drawer-contributions-section',
      ]) {
        expect(await drawer.getByTestId(part).count()).toBe(0);
      }
      // The record stays: milestones, extensions, history.
      await drawer.getByTestId('drawer-history-section').waitFor();
      await screenshot(page, 'classification-record-only');
    });
  });
});
