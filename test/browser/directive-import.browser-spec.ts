import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The import page at the Office's usual 1366 × 768, on a real directive (the 28-KL/TU conclusion: 15 tasks).

jest.setTimeout(180_000);

const CONCLUSION = readFileSync(
  join(__dirname, '../../libs/directive-parser/fixtures/provincial-conclusion-28-KL-TU-q4-2020-news.txt'),
  'utf8',
);

const MONTHLY = readFileSync(
  join(__dirname, '../../libs/directive-parser/fixtures/kien-giang-monthly-program-2021-04.txt'),
  'utf8',
);
// A People's Committee's letter: its agencies (Sở …, UBND thành phố …) are not in the Party registry of the demo.
const LETTER = readFileSync(join(__dirname, '../../libs/directive-parser/src/__layouts__/letter-items.txt'), 'utf8');
// A page of the same program rendered, rotated a little, specked and stamped (test/fixtures/directives).
const SCAN = join(__dirname, '../fixtures/directives/monthly-2021-04-scan.png');

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function proposal(): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, 'vanphong');
  await page.goto('/import');
  await page.getByTestId('import-text').fill(CONCLUSION);
  await page.getByTestId('import-analyse').click();
  await page.getByTestId('import-row-0').waitFor({ timeout: 60_000 });
  return page;
}

describe('the directive import page', () => {
  it('fits 1366 px: no page-wide scroll, and every row’s “Xóa dòng” is on screen', async () => {
    const page = await proposal();
    await withEvidence(page, 'import-width', async () => {
      // Evaluated in the page (a string: this file compiles without the DOM's types).
      const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
      );
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const remove = page.getByTestId('import-row-0').locator('.import-remove button');
      const box = await remove.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(innerWidth);
      // The whole button shows, not a clipped part of it.
      expect(await remove.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    });
  });

  it('shows why each field was read, and marks a lead it suggested by remit until the Office picks one', async () => {
    const page = await proposal();
    await withEvidence(page, 'import-reasons', async () => {
      // 28-KL/TU names no lead: task (11) is about defence, so the Đảng ủy Quân sự is proposed, marked as a suggestion.
      const row = page.getByTestId('import-row-10');
      const note = page.getByTestId('row-lead-suggested-10');
      expect(await note.textContent()).toMatch(/gợi ý theo lĩnh vực: quốc phòng, quân sự địa phương/u);
      const lead = row.locator('.import-lead select').first();
      expect(await lead.locator('option:checked').textContent()).toBe('Đảng ủy Quân sự tỉnh');

      await row.locator('.import-task details summary').click();
      const reasons = page.getByTestId('row-reasons-10');
      expect(await reasons.locator('[data-reason="numbered-item"]').count()).toBe(1);
      expect(await reasons.locator('[data-reason="lead-by-topic"]').textContent()).toMatch(
        /^Văn bản không nêu; gợi ý theo lĩnh vực/u,
      );
      expect(await reasons.locator('[data-reason="due-document-period"]').textContent()).toMatch(
        /kỳ của văn bản.*3 tháng cuối năm 2020/u,
      );

      // Picking a lead makes it the Office's choice: the suggestion note goes.
      const other = (await b.t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'`))
        .rows[0].id;
      await lead.selectOption(other);
      expect(await note.count()).toBe(0);
    });
  });

  it('reads a scanned page uploaded on the page into the same tasks as the typed text', async () => {
    const typed = await b.newPage();
    await signIn(typed, 'vanphong');
    await typed.goto('/import');
    await typed.getByTestId('import-text').fill(MONTHLY);
    await typed.getByTestId('import-analyse').click();
    await typed.getByTestId('import-row-0').waitFor({ timeout: 60_000 });
    const titles = async (page: Page) =>
      page
        .locator('[data-testid^="import-row-"] .import-task > textarea')
        .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value));
    const expected = await titles(typed);

    const page = await b.newPage();
    await signIn(page, 'vanphong');
    await page.goto('/import');
    await withEvidence(page, 'import-scan', async () => {
      await page.getByTestId('import-file').setInputFiles(SCAN);
      await page.getByTestId('import-analyse').click();
      // Tesseract reads the page in the API's OCR worker: seconds, not milliseconds.
      await page.getByTestId('import-row-0').waitFor({ timeout: 150_000 });
      expect(await page.getByTestId('import-ocr-warning').textContent()).toMatch(/OCR/);
      const read = await titles(page);
      // OCR may misread a word; each task must still be there, recognisably (most of its first words).
      const words = (s: string) => s.toLowerCase().split(/\s+/).slice(0, 6);
      const found = expected.filter((title) =>
        read.some((r) => words(title).filter((w) => words(r).includes(w)).length >= 4),
      );
      expect({ expected: expected.length, read: read.length, found: found.length }).toEqual({
        expected: 4,
        read: 4,
        found: 4,
      });
    });
  });

  it("proposes the agencies a People's Committee letter names that the registry lacks as new, never dropping them", async () => {
    const page = await b.newPage();
    await signIn(page, 'vanphong');
    await page.goto('/import');
    await page.getByTestId('import-text').fill(LETTER);
    await page.getByTestId('import-analyse').click();
    await page.getByTestId('import-row-0').waitFor({ timeout: 60_000 });
    await withEvidence(page, 'import-new-agencies', async () => {
      const panel = page.getByTestId('import-new-agencies');
      expect(await panel.locator('h3').textContent()).toMatch(/^Đề xuất \d+ cơ quan mới/u);
      const names = await panel.locator('li').allTextContents();
      expect(names).toEqual(
        expect.arrayContaining(['Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'UBND thành phố Cao Lãnh']),
      );
      // The row keeps the name as written.
      expect(await page.getByTestId('import-row-0').locator('.import-lead').textContent()).toMatch(
        /Sở Kế hoạch và Đầu tư/u,
      );
    });
  });

  it('says a number is already registered as it is typed, and will not confirm it', async () => {
    const existing = (
      await b.t.db.query<{ number: string }>(`SELECT number FROM directives ORDER BY created_at LIMIT 1`)
    ).rows[0].number;
    const page = await proposal();
    await withEvidence(page, 'import-number-taken', async () => {
      const number = page.getByTestId('import-number');
      // Spaces and case do not make a new number.
      await number.fill(` ${existing.toLowerCase()} `);
      await page.getByTestId('import-number-taken').waitFor();
      expect(await number.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);

      await number.fill(`${existing}-MỚI-${Date.now().toString(36)}`);
      await poll(
        () => page.getByTestId('import-number-taken').count(),
        (n) => n === 0,
        { what: 'the warning to go once the number is new' },
      );
    });
  });

  it('“Xác nhận và giao” stays off until every row has a lead and a deadline, then creates the tasks assigned', async () => {
    const page = await proposal();
    const lead = (await b.t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'`)).rows[0]
      .id;
    const number = `28-GIAO-${Date.now().toString(36)}/TU`;
    await withEvidence(page, 'import-confirm-assign', async () => {
      await page.getByTestId('import-number').fill(number);
      const assign = page.getByTestId('import-confirm-assign');
      const why = page.getByTestId('import-assign-why');
      expect(await assign.textContent()).toBe('Xác nhận và giao');
      expect(await assign.getAttribute('aria-describedby')).toBe('import-assign-why');

      // Row 1 without a lead: the button is off and says which row.
      const firstLead = page.getByTestId('import-row-0').locator('.import-lead select').first();
      await firstLead.selectOption('');
      await poll(
        () => assign.isDisabled(),
        (off) => off,
        { what: 'the assign button to be disabled' },
      );
      expect(await why.textContent()).toMatch(/dòng 1(,|\s|$).*chưa có cơ quan chủ trì/);

      // The Office completes every row.
      const rows = await page.locator('[data-testid^="import-row-"]').count();
      expect(rows).toBe(15);
      for (let i = 0; i < rows; i++) {
        const row = page.getByTestId(`import-row-${i}`);
        const select = row.locator('.import-lead select').first();
        if (!(await select.inputValue())) await select.selectOption(lead);
        const due = row.locator('.import-due input').first();
        if (!(await due.inputValue())) await due.fill('31/12/2030');
      }
      await poll(
        () => assign.isEnabled(),
        (on) => on,
        { what: 'the assign button to be enabled' },
      );
      expect(await why.textContent()).toContain('giao ngay');
      await assign.click();
      await page.waitForURL(/\?directive=/, { timeout: 30_000 });
    });
    const states = await b.t.db.query<{ state: string; n: number }>(
      `SELECT t.state, count(*)::int AS n FROM tasks t JOIN directives d ON d.id = t.directive_id
        WHERE d.number = $1 GROUP BY t.state`,
      [number],
    );
    expect(states.rows).toEqual([{ state: 'assigned', n: 15 }]);
  });
});
