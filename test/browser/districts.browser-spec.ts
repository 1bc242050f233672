import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../e2e/support/test-app.js';
import { poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The tree on the screen (issue 20), on the demo's two cities: the province's Office reads the table by district
// and narrows the dashboard to one city; the city's Office opens the task the province gave it and finds its
// breakdown rolled up, opens a sub-task and goes back up. A database of its own: the demo with its districts.

jest.setTimeout(240_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp({ demoDistricts: true });
});

afterAll(async () => {
  await b?.close();
});

async function session(username: string, path: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  await page.goto(path);
  return page;
}

describe('committees on the screen', () => {
  it('the province reads the table by district and narrows the dashboard to one city', async () => {
    const page = await session('vanphong', '/dashboard');
    await withEvidence(page, 'districts-dashboard', async () => {
      const table = page.getByTestId('dashboard-by-organisation');
      await table.waitFor({ state: 'visible', timeout: 30_000 });
      await page.getByTestId('organisation-row-thanh-uy-rach-gia').waitFor();
      await page.getByTestId('organisation-row-thanh-uy-phu-quoc').waitFor();
      expect(await table.locator('h2').textContent()).toBe('Theo cấp ủy trực thuộc');
      // Rạch Giá's row counts the tasks filed in its subtree: the two of its plan breaking down the province's task
      // (which is the province's own, under 07-CTr/TU).
      const rachGia = page.getByTestId('organisation-row-thanh-uy-rach-gia');
      expect(await rachGia.locator('td').first().textContent()).toBe('2');

      await rachGia.getByRole('button', { name: 'Thành ủy Rạch Giá' }).click();
      await page.waitForURL(/org=[0-9a-f-]{36}/);
      const select = page.getByTestId('dashboard-organisation-select');
      const org = new URL(page.url()).searchParams.get('org');
      await poll(
        () => select.inputValue(),
        (v) => v === org,
        { what: 'the picker showing the city' },
      );
      expect(await select.locator('option:checked').textContent()).toContain('Thành ủy Rạch Giá');
      // The whole dashboard is the city's now: its two tasks; the table by district goes, nothing is below the city.
      await page.locator('.headline-card .figure-big', { hasText: /^2$/ }).first().waitFor();
      await table.waitFor({ state: 'detached' });
      // The box follows the URL, which the click changes (a navigation): click, then wait for both.
      const alone = page.getByTestId('dashboard-organisation-alone');
      // The figures are asked again for the city alone: without `subtree=false` the box would change nothing.
      const asked = page.waitForRequest((r) => /\/api\/reports\/summary\?.*subtree=false/.test(r.url()));
      await alone.click();
      await asked;
      await page.waitForURL(/alone=1/);
      await poll(
        () => alone.isChecked(),
        (checked) => checked,
        { what: 'the box checked from the URL' },
      );
    });
  });

  it("the city's Office finds its breakdown rolled up on the task the province gave it, and walks down and up", async () => {
    const parent = await b.t.db.query<{ id: string; code: string }>(
      `SELECT p.id, p.code FROM tasks p WHERE EXISTS (SELECT 1 FROM tasks s WHERE s.parent_task_id = p.id)`,
    );
    expect(parent.rows).toHaveLength(1);
    const subs = await b.t.db.query<{ id: string; code: string }>(
      `SELECT id, code FROM tasks WHERE parent_task_id = $1 ORDER BY code`,
      [parent.rows[0].id],
    );
    const page = await session('vanphong-rachgia', `/?task=${parent.rows[0].id}`);
    await withEvidence(page, 'districts-breakdown', async () => {
      const section = page.getByTestId('drawer-sub-tasks');
      await section.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await section.locator('h3').textContent()).toBe('Nhiệm vụ cấp dưới');
      for (const s of subs.rows) await page.getByTestId(`sub-task-${s.code}`).waitFor();
      expect(await page.getByTestId('sub-tasks-counts').textContent()).toContain(`${subs.rows.length} nhiệm vụ`);
      expect(await page.getByTestId('sub-tasks-percent').textContent()).toMatch(/^\d+%$/);

      await page.getByTestId(`sub-task-${subs.rows[0].code}`).getByRole('button').click();
      await page.waitForURL(new RegExp(`task=${subs.rows[0].id}`));
      await page.getByTestId('drawer-code').filter({ hasText: subs.rows[0].code }).waitFor();
      await page.getByTestId('sub-tasks-parent').click();
      await page.waitForURL(new RegExp(`task=${parent.rows[0].id}`));
      await page.getByTestId('drawer-code').filter({ hasText: parent.rows[0].code }).waitFor();
    });
  });

  it('the administrator adds a ward under a city and files its Office in it', async () => {
    const page = await b.newPage();
    await page.goto('/login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await withEvidence(page, 'districts-admin', async () => {
      const panel = page.getByTestId('committees-panel');
      await panel.getByTestId('committee-row-thanh-uy-rach-gia').waitFor({ state: 'visible', timeout: 30_000 });
      await panel.getByTestId('committee-create').click();
      const dialog = page.getByTestId('create-committee-dialog');
      const rachGia = (
        await b.t.db.query<{ id: string }>(`SELECT id FROM organisations WHERE code = 'thanh-uy-rach-gia'`)
      ).rows[0].id;
      await dialog.locator('select[name="parentId"]').selectOption(rachGia);
      await dialog.locator('input[name="code"]').fill('dang-uy-phuong-an-hoa');
      await dialog.locator('input[name="name"]').fill('Đảng ủy phường An Hòa');
      await dialog.locator('select[name="kind"]').selectOption('grassroots');
      await dialog.getByTestId('committee-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.getByTestId('committee-notice').textContent()).toBe('Đã thêm Đảng ủy phường An Hòa.');
      await panel.getByTestId('committee-row-dang-uy-phuong-an-hoa').waitFor();
      const ward = await b.t.db.query<{ id: string; path: string; standing: string }>(
        `SELECT o.id, o.path::text AS path, a.organisation_id AS standing
           FROM organisations o JOIN agencies a ON a.id = o.agency_id WHERE o.code = 'dang-uy-phuong-an-hoa'`,
      );
      expect(ward.rows[0]).toMatchObject({
        path: 'tinh_uy.thanh_uy_rach_gia.dang_uy_phuong_an_hoa',
        standing: rachGia,
      });

      // Its Office, filed in it from the accounts panel.
      await page.getByTestId('account-create').click();
      const account = page.getByTestId('create-account-dialog');
      await account.locator('input[name="username"]').fill('vp-phuong-an-hoa');
      await account.locator('input[name="fullName"]').fill('Văn phòng Đảng ủy phường An Hòa');
      await account.locator('select[name="role"]').selectOption('office');
      await account.locator('select[name="organisationId"]').selectOption(ward.rows[0].id);
      await account.locator('input[name="password"]').fill('sông Cái chiều nay lặng gió');
      await account.getByTestId('account-submit').click();
      await account.waitFor({ state: 'hidden' });
      const filed = await b.t.db.query(`SELECT organisation_id FROM users WHERE username = 'vp-phuong-an-hoa'`);
      expect(filed.rows[0].organisation_id).toBe(ward.rows[0].id);
    });
  });

  it("the city's Office gives part of the province's task to one of its agencies from the task's panel", async () => {
    const parent = await b.t.db.query<{ id: string; due: string }>(
      `SELECT p.id, p.due_date::text AS due FROM tasks p WHERE EXISTS (SELECT 1 FROM tasks s WHERE s.parent_task_id = p.id)`,
    );
    const { id, due } = parent.rows[0];
    const page = await session('vanphong-rachgia', `/?task=${id}`);
    await withEvidence(page, 'districts-break-down', async () => {
      const form = page.getByTestId('break-down-form');
      await form.waitFor({ state: 'visible', timeout: 30_000 });
      const plan = (await b.t.db.query<{ id: string }>(`SELECT id FROM directives WHERE number = '45-KH/ThU'`)).rows[0]
        .id;
      const lead = (
        await b.t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-dan-van-thanh-uy-rach-gia'`)
      ).rows[0].id;
      await form.locator('select[name="directiveId"]').selectOption(plan);
      await form.locator('input[name="title"]').fill('Tổ chức hội nghị quán triệt tại các phường');
      await form.locator('select[name="leadAgencyId"]').selectOption(lead);
      // Ten days after the parent's deadline: the reason is asked for, and kept.
      const later = new Date(Date.parse(`${due}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
      const [y, m, d] = later.split('-');
      await form.getByTestId('transition-due-date').fill(`${d}/${m}/${y}`);
      await form.getByTestId('break-down-submit').click();
      await form.getByRole('alert').filter({ hasText: 'ghi rõ lý do' }).waitFor();
      await form.locator('textarea[name="dueException"]').fill('Chờ các phường tổ chức xong đại hội chi bộ.');
      await form.getByTestId('break-down-submit').click();
      const made = await poll(
        () =>
          b.t.db.query<{ code: string; state: string; due_exception: string }>(
            `SELECT code, state, due_exception FROM tasks WHERE parent_task_id = $1 AND title = 'Tổ chức hội nghị quán triệt tại các phường'`,
            [id],
          ),
        (r) => r.rows.length === 1 && r.rows[0].state === 'assigned',
        { what: 'the sub-task made and assigned' },
      );
      expect(made.rows[0].due_exception).toBe('Chờ các phường tổ chức xong đại hội chi bộ.');
      await page.getByTestId(`sub-task-${made.rows[0].code}`).waitFor();
    });
  });
});
