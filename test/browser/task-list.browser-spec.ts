import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfirmDirectiveImportResponse, Page as ApiPage, TaskSummaryDto } from '@dondoc/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { agencyId, makeTask } from '../e2e/support/fixtures.js';
import { poll, screenshot, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The list view ("Danh sách") against the built app, a real API, PostgreSQL and Redis. Each test imports
// a conclusion of its own (POST /api/directives/import/confirm) and narrows the list to it, so the demo
// data other suites change never decides an outcome.

jest.setTimeout(180_000);

let b: BrowserApp;
let seq = 0;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

interface Row {
  title: string;
  lead?: string;
  dueDate?: string;
}

/** Imports a conclusion of `rows` drafts (each with a lead agency) and returns its id and its tasks. */
async function importConclusion(rows: Row[]): Promise<{ directiveId: string; number: string; taskIds: string[] }> {
  const number = `${process.pid}${Date.now().toString(36)}${++seq}-KL/TU`;
  const leads = new Map<string, string>();
  for (const r of rows) {
    const code = r.lead ?? 'ban-tuyen-giao';
    if (!leads.has(code)) leads.set(code, await agencyId(b.t.db, code));
  }
  const res = await b.t.http
    .post('/api/directives/import/confirm')
    .set(await b.t.as('vanphong'))
    .send({
      directive: { number, kind: 'conclusion', title: `Kết luận thử danh sách ${number}` },
      tasks: rows.map((r) => ({
        title: r.title,
        deliverableType: 'ke_hoach',
        field: 'party_building',
        leadAgencyId: leads.get(r.lead ?? 'ban-tuyen-giao'),
        dueDate: r.dueDate ?? '2031-06-30',
      })),
    });
  if (res.status !== 201) throw new Error(`import confirm: ${res.status} ${res.text}`);
  const body = res.body as ConfirmDirectiveImportResponse;
  return { directiveId: body.directive.id, number, taskIds: body.taskIds };
}

async function listOf(page: Page, query: string, expectedRows: number): Promise<void> {
  await page.goto(`/?view=list&${query}`);
  await page
    .locator(`[data-testid="task-list"][data-rows="${expectedRows}"]`)
    .waitFor({ state: 'visible', timeout: 30_000 });
}

/** The codes of the rows in the DOM, top to bottom. */
function shownCodes(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="task-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));
}

const activeCode = (page: Page) =>
  page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("data-code")');

async function pageAs(username: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  return page;
}

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

const titles = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i + 1}` }));

describe('list view (Danh sách)', () => {
  it('the Office assigns the 15 drafts of an imported conclusion in one dialog', async () => {
    const { directiveId, taskIds } = await importConclusion(titles(15, 'Nhiệm vụ của kết luận'));
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}`, 15);
    await withEvidence(page, 'list-bulk-assign', async () => {
      await page.getByTestId('select-all').check();
      expect(await page.getByTestId('task-list-count').textContent()).toBe('Đã chọn 15 nhiệm vụ');
      await page.getByTestId('bulk-assign').click();
      const dialog = page.getByTestId('bulk-dialog');
      await dialog.waitFor({ state: 'visible' });
      // Every draft has its proposed lead: keep them, one deadline for all.
      expect(await page.getByTestId('bulk-keep-lead').isChecked()).toBe(true);
      await page.getByTestId('bulk-due-date').fill('31/12/2030');
      await page.getByTestId('bulk-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByTestId('toast').textContent()).toBe('Đã giao 15 nhiệm vụ');
      expect(await page.getByTestId('bulk-dialog').count()).toBe(0);
    });
    for (const id of taskIds) {
      const task = await b.task(id);
      expect(task.state).toBe('assigned');
      expect(task.dueDate).toBe('2030-12-31');
    }
    // The list refetched: the selection is gone and the rows show the new state.
    await poll(
      () => page.locator('[data-testid="task-row"] [role="gridcell"]:last-child').allTextContents(),
      (states) => states.length === 15 && states.every((s) => s === 'Đã giao'),
      { what: 'the list showing 15 assigned tasks' },
    );
    expect(await page.getByTestId('task-list-count').textContent()).toBe('15 nhiệm vụ');
  });

  it('the Office moves the deadline of drafts, then cancels them with one reason', async () => {
    const { directiveId, taskIds } = await importConclusion(titles(4, 'Nhiệm vụ đổi hạn'));
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}`, 4);
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-set-due-date').click();
    await page.getByTestId('bulk-due-date').fill('15/03/2031');
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('toast').textContent()).toBe('Đã đổi hạn 4 nhiệm vụ');
    for (const id of taskIds) {
      const task = await b.task(id);
      expect(task.state).toBe('drafted');
      expect(task.dueDate).toBe('2031-03-15');
    }
    // The selection was cleared; select again (the rows now carry their new versions).
    await poll(
      () => page.locator('[data-testid="task-row"] .col-due').allTextContents(),
      (dues) => dues.length === 4 && dues.every((d) => d === '15/03/2031'),
      { what: 'the new deadlines in the list' },
    );
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-cancel').click();
    // A reason is required: nothing is sent without one.
    await page.getByTestId('bulk-confirm').click();
    expect(await page.getByTestId('bulk-dialog').isVisible()).toBe(true);
    await page.getByTestId('bulk-comment').fill('Kết luận đã được thay thế');
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-dialog').waitFor({ state: 'detached' });
    expect(await page.getByTestId('toast').textContent()).toBe('Đã hủy 4 nhiệm vụ');
    for (const id of taskIds) expect((await b.task(id)).state).toBe('cancelled');
  });

  it('a refused bulk action lists each refused task in the dialog and changes nothing', async () => {
    const { directiveId, taskIds } = await importConclusion(titles(3, 'Nhiệm vụ bị từ chối'));
    // One of them is no longer a draft: assigning drafts refuses it, and so the whole batch.
    const first = await b.task(taskIds[0]);
    const moved = await b.t.http
      .post(`/api/tasks/${first.id}/transitions`)
      .set(await b.t.as('vanphong'))
      .send({ event: 'CANCEL', expectedVersion: first.version, comment: 'Trùng nhiệm vụ' });
    expect([200, 201]).toContain(moved.status);
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}&cancelled=1`, 3);
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-assign').click();
    await page.getByTestId('bulk-due-date').fill('31/12/2030');
    await page.getByTestId('bulk-confirm').click();
    const refusals = page.getByTestId('bulk-refusal');
    await refusals.first().waitFor({ state: 'visible' });
    await withEvidence(page, 'list-bulk-refused', async () => {
      expect(await refusals.count()).toBe(1);
      expect(await refusals.first().textContent()).toContain(first.code);
      expect(await page.getByTestId('bulk-dialog').isVisible()).toBe(true);
    });
    for (const id of taskIds.slice(1)) expect((await b.task(id)).state).toBe('drafted');
  });

  it('exports exactly the filtered rows, in the order shown, to Excel', async () => {
    const { directiveId, number } = await importConclusion([
      { title: 'Báo cáo an ninh', lead: 'ban-tuyen-giao' },
      { title: 'Đề án dân vận', lead: 'ban-dan-van' },
      { title: 'Chương trình đào tạo', lead: 'ban-tuyen-giao' },
      { title: 'Kế hoạch ưu tiên', lead: 'ban-dan-van' },
      { title: 'Ủy quyền ký', lead: 'ban-tuyen-giao' },
    ]);
    const lead = await agencyId(b.t.db, 'ban-tuyen-giao');
    const page = await pageAs('vanphong');
    // Narrowed by directive and lead agency (the client-side part of the filters), sorted by title.
    await listOf(page, `directive=${directiveId}&agency=${lead}&sort=title:desc`, 3);
    const shown = await shownCodes(page);
    expect(await page.locator('[data-testid="task-row"] .col-title').allTextContents()).toEqual([
      'Ủy quyền ký',
      'Chương trình đào tạo',
      'Báo cáo an ninh',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    const dir = await mkdtemp(join(tmpdir(), 'dondoc-list-export-'));
    try {
      await download.saveAs(join(dir, 'list.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(join(dir, 'list.xlsx'))) as unknown as ArrayBuffer);
      // Every data row under the header row ("Mã" first): exactly the rows shown, in their order.
      const sheet = wb.worksheets[0];
      let header = 0;
      const codes: string[] = [];
      sheet.eachRow((row, n) => {
        const first = row.getCell(1).text.trim();
        if (!header) {
          if (first === 'Mã') header = n;
        } else if (first) codes.push(first);
      });
      expect(header).toBeGreaterThan(0);
      expect(codes.every((c) => c.startsWith(`${number}-`))).toBe(true);
      expect(codes).toEqual(shown);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the Office sends urging letters for a selection, as one zip of letters', async () => {
    const overdue = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2024-01-15' });
    const code = await codeOf(overdue.id);
    const page = await pageAs('vanphong');
    await listOf(page, `q=${encodeURIComponent(code)}`, 1);
    await page.locator('[data-testid="row-select"]').first().check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bulk-urge').click()]);
    const dir = await mkdtemp(join(tmpdir(), 'dondoc-list-urge-'));
    try {
      await download.saveAs(join(dir, 'letters.zip'));
      const zip = await JSZip.loadAsync(await readFile(join(dir, 'letters.zip')));
      const names = Object.keys(zip.files);
      // One lead agency among the selection: one letter, to it.
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/^Công văn đôn đốc - Ban Tuyên giáo .+\.docx$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A selection with nothing overdue or due soon: said so, no file.
    const later = await makeTask(b.t.db, { state: 'in_progress', lead: 'ban-tuyen-giao', dueDate: '2032-01-15' });
    await listOf(page, `q=${encodeURIComponent(await codeOf(later.id))}`, 1);
    await page.locator('[data-testid="row-select"]').first().check();
    await page.getByTestId('bulk-urge').click();
    await poll(
      () => page.getByTestId('toast').textContent(),
      (text) =>
        text === 'Không có nhiệm vụ nào đã chọn quá hạn hoặc sắp đến hạn, nên không có công văn đôn đốc để lập.',
      { what: 'the nothing-to-urge notice' },
    );
  });

  it('moves with the arrows, selects with Space, opens with Enter, and goes Home/End', async () => {
    const { directiveId } = await importConclusion(titles(6, 'Nhiệm vụ bàn phím'));
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}&sort=code:asc`, 6);
    const codes = await shownCodes(page);
    await page.locator('[data-testid="task-row"][tabindex="0"]').focus();
    await withEvidence(page, 'list-keyboard', async () => {
      expect(await activeCode(page)).toBe(codes[0]);
      await page.keyboard.press('ArrowDown');
      await poll(
        () => activeCode(page),
        (c) => c === codes[1],
        { what: 'the second row focused' },
      );
      await page.keyboard.press('Space');
      expect(await page.locator(`[data-code="${codes[1]}"]`).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('task-list-count').textContent()).toBe('Đã chọn 1 nhiệm vụ');
      await page.keyboard.press('End');
      await poll(
        () => activeCode(page),
        (c) => c === codes[5],
        { what: 'the last row focused' },
      );
      await page.keyboard.press('ArrowUp');
      await poll(
        () => activeCode(page),
        (c) => c === codes[4],
        { what: 'the fifth row focused' },
      );
      await page.keyboard.press('Home');
      await poll(
        () => activeCode(page),
        (c) => c === codes[0],
        { what: 'the first row focused' },
      );
      await page.keyboard.press('Enter');
      const id = await page.locator(`[data-code="${codes[0]}"]`).getAttribute('data-task-id');
      await poll(
        () => Promise.resolve(new URL(page.url()).searchParams.get('task')),
        (task) => task === id,
        { what: 'the task panel opened on the first row' },
      );
    });
  });

  it('sorts by deadline from the header, with the sort in the URL', async () => {
    const { directiveId } = await importConclusion([
      { title: 'Hạn giữa', dueDate: '2031-05-01' },
      { title: 'Hạn muộn', dueDate: '2032-01-15' },
      { title: 'Hạn sớm', dueDate: '2030-09-30' },
    ]);
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}`, 3);
    const titleOrder = () => page.locator('[data-testid="task-row"] .col-title').allTextContents();
    await page.getByTestId('sort-due').click();
    await poll(
      () => titleOrder(),
      (t) => t.join() === 'Hạn sớm,Hạn giữa,Hạn muộn',
      { what: 'ascending deadlines' },
    );
    expect(new URL(page.url()).searchParams.get('sort')).toBe('due:asc');
    expect(await page.locator('[role="columnheader"][aria-sort="ascending"]').textContent()).toContain('Hạn');
    await page.getByTestId('sort-due').click();
    await poll(
      () => titleOrder(),
      (t) => t.join() === 'Hạn muộn,Hạn giữa,Hạn sớm',
      { what: 'descending deadlines' },
    );
    expect(new URL(page.url()).searchParams.get('sort')).toBe('due:desc');
    await screenshot(page, 'list-sorted-by-due');
  });

  it('an agency has the list tab and sees only its own tasks there', async () => {
    const page = await pageAs('ban-tuyen-giao');
    expect(await page.getByTestId('view-list').isVisible()).toBe(true);
    expect(await page.getByTestId('view-review').count()).toBe(0);
    await page.getByTestId('view-list').click();
    const grid = page.getByTestId('task-list');
    await grid.waitFor({ state: 'visible' });
    const res = await b.t.http.get('/api/tasks?limit=10000').set(await b.t.as('ban-tuyen-giao'));
    const own = (res.body as ApiPage<TaskSummaryDto>).items.filter((t) => t.state !== 'cancelled');
    const mine = await agencyId(b.t.db, 'ban-tuyen-giao');
    expect(own.length).toBeGreaterThan(0);
    for (const t of own) expect([t.leadAgencyId, ...t.coordinatingAgencyIds]).toContain(mine);
    await poll(
      () => grid.getAttribute('data-rows'),
      (n) => n === String(own.length),
      { what: 'the agency’s rows' },
    );
    const ownIds = new Set(own.map((t) => t.id));
    const shown = await page
      .locator('[data-testid="task-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id')));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(ownIds.has(id)).toBe(true);
    // No bulk actions for an agency, but the export is there.
    await page.locator('[data-testid="row-select"]').first().check();
    expect(await page.getByTestId('bulk-assign').count()).toBe(0);
    expect(await page.getByTestId('list-export').isVisible()).toBe(true);
  });

  it('keeps only a window of rows in the DOM for a long list (virtualized)', async () => {
    const { directiveId } = await importConclusion(titles(400, 'Nhiệm vụ dài'));
    const page = await pageAs('vanphong');
    await listOf(page, `directive=${directiveId}`, 400);
    const grid = page.getByTestId('task-list');
    await withEvidence(page, 'list-virtualized', async () => {
      expect(await grid.getAttribute('aria-rowcount')).toBe('401');
      const inDom = await page.locator('[data-testid="task-row"]').count();
      expect(inDom).toBeGreaterThan(5);
      expect(inDom).toBeLessThan(60);
      // The end of the list is reachable: End renders the last row, with its place in the whole.
      await page.locator('[data-testid="task-row"][tabindex="0"]').focus();
      await page.keyboard.press('End');
      await page.locator('[data-testid="task-row"][aria-rowindex="401"]').waitFor({ state: 'visible' });
      expect(await page.locator('[data-testid="task-row"]').count()).toBeLessThan(60);
    });
  });
});
