import type { CalendarResponse } from '@dondoc/contracts';
import { screenshot, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The "Lịch làm việc" page: the Office enters next year's official schedule (a day off, with the announcing
// document) and sees it listed as official; an agency reads the same list with no way to change it.

jest.setTimeout(240_000);

let b: BrowserApp;
const year = new Date().getUTCFullYear() + 1;

/** A Wednesday in mid-June of `y`: a working day in every computed schedule (no holiday falls in June). */
function juneWednesday(y: number): string {
  const d = new Date(Date.UTC(y, 5, 10));
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const dayOff = juneWednesday(year);
const typed = `${dayOff.slice(8, 10)}/${dayOff.slice(5, 7)}/${dayOff.slice(0, 4)}`;

async function withdrawNextYear(): Promise<void> {
  // Whatever an earlier run left: the year starts from the computed defaults (a year with no entry may refuse).
  await b.t.http
    .delete(`/api/calendar/years/${year}`)
    .set(await b.t.as('vanphong'))
    .then(
      () => undefined,
      () => undefined,
    );
}

beforeAll(async () => {
  b = await startBrowserApp();
  await withdrawNextYear();
});

afterAll(async () => {
  if (b) await withdrawNextYear();
  await b?.close();
});

describe('the working calendar page', () => {
  it('the Office enters a day off for next year with its source and sees it listed as official', async () => {
    const page = await b.newPage();
    await signIn(page, 'vanphong');
    // Opened once or twice a year: the link is in the ☰ menu.
    await page.getByTestId('app-menu-button').click();
    await page.getByTestId('nav-calendar').click();
    await page.waitForURL('**/calendar');
    const view = page.getByTestId('calendar-page');
    await view.locator('xpath=self::*[@data-ready="true"]').waitFor();

    await withEvidence(page, 'calendar-enter', async () => {
      await view.getByTestId('calendar-year').selectOption(String(year));
      await view
        .getByTestId('calendar-in-force')
        .filter({ hasText: String(year) })
        .waitFor();
      await view.getByTestId('calendar-edit-open').click();
      const editor = view.getByTestId('calendar-editor');
      await editor.waitFor();
      // The edit starts from the computed defaults (Tết Dương lịch and the rest are already there).
      expect(await editor.getByTestId('calendar-edit-row').count()).toBeGreaterThan(3);
      await editor.getByTestId('calendar-add-day').click();
      const row = editor.getByTestId('calendar-edit-row').last();
      await row.getByTestId('calendar-edit-date').fill(typed);
      await row.getByTestId('calendar-edit-kind').selectOption('off');
      await row.getByTestId('calendar-edit-name').fill('Nghỉ thử nghiệm');
      await screenshot(page, 'working-calendar-editor');

      // No source: refused before anything is sent.
      await editor.getByTestId('calendar-save').click();
      await editor.getByRole('alert').first().waitFor();
      await editor.getByTestId('calendar-edit-source').fill(`Thông báo ${process.pid}/TB-LĐTBXH`);
      await editor.getByTestId('calendar-save').click();

      await view.getByTestId('calendar-result').waitFor();
      const entered = view.locator(`[data-testid="calendar-day"][data-date="${dayOff}"]`);
      await entered.waitFor();
      expect(await entered.getAttribute('data-official')).toBe('true');
      expect(await entered.innerText()).toContain('Nghỉ thử nghiệm');
      expect(await view.getByTestId('calendar-source').innerText()).toContain(`Thông báo ${process.pid}/TB-LĐTBXH`);
      expect(await view.getByTestId('calendar-history').locator('li').count()).toBeGreaterThan(0);
      await screenshot(page, 'working-calendar-office');
    });

    const res = await b.t.http
      .get('/api/calendar')
      .query({ from: year, to: year })
      .set(await b.t.as('vanphong'));
    const saved = (res.body as CalendarResponse).years[0];
    expect(saved.official?.days).toContainEqual({ date: dayOff, kind: 'off', name: 'Nghỉ thử nghiệm' });
  });

  it('an agency reads the calendar with no way to change it', async () => {
    const page = await b.newPage();
    await signIn(page, 'ban-tuyen-giao');
    await page.goto('/calendar');
    const view = page.getByTestId('calendar-page');
    await view.locator('xpath=self::*[@data-ready="true"]').waitFor();
    await withEvidence(page, 'calendar-agency', async () => {
      await view.getByTestId('calendar-year').selectOption(String(year));
      await view
        .getByTestId('calendar-in-force')
        .filter({ hasText: String(year) })
        .waitFor();
      await view.locator(`[data-testid="calendar-day"][data-date="${dayOff}"]`).waitFor();
      expect(await view.getByTestId('calendar-edit-open').count()).toBe(0);
      expect(await view.getByTestId('calendar-withdraw').count()).toBe(0);
      expect(await view.getByTestId('calendar-editor').count()).toBe(0);
      expect(await page.getByTestId('nav-calendar').count()).toBe(0);
    });
  });
});
