import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../e2e/support/test-app.js';
import { poll, screenshot, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';
import { withAgencyOrderLock } from '../e2e/support/agency-order-lock.js';

// The administrator's accounts screen against the built app (apps/web/dist) and a real listening API. The
// account it creates has a name of this run's own, so a rerun on the same database never collides.

jest.setTimeout(180_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

const suffix = `${process.pid}-${Date.now().toString(36)}`;
const USERNAME = `kiem-thu-${suffix}`;
const FULL_NAME = 'Trần Thị Thu Hà';
const PASSPHRASE = 'sông Hương chiều nay lặng gió';

/** Signs in through the form; the administrator has no board to wait for, so the caller waits for its page. */
async function signInThroughForm(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByTestId('login-submit').click();
}

async function adminPage(): Promise<Page> {
  const page = await b.newPage();
  await signInThroughForm(page, 'admin');
  await page.getByTestId('accounts-table').waitFor({ state: 'visible' });
  return page;
}

const createDialog = (page: Page) => page.getByTestId('create-account-dialog');
const meter = (page: Page) => createDialog(page).getByRole('meter');

async function openCreate(page: Page): Promise<void> {
  await page.getByTestId('account-create').click();
  await createDialog(page).waitFor({ state: 'visible' });
}

async function accountActive(username: string): Promise<boolean | undefined> {
  const r = await b.t.db.query<{ active: boolean }>(`SELECT active FROM users WHERE username = $1`, [username]);
  return r.rows[0]?.active;
}

function login(username: string, password: string) {
  return b.t.http.post('/api/auth/login').send({ username, password });
}

describe('the administrator’s accounts screen in Chromium', () => {
  let page: Page;
  /** The created account's password, once the reset test has changed it. */
  let password = PASSPHRASE;

  beforeAll(async () => {
    page = await adminPage();
  });

  it('the administrator signs in and lands on /admin, with the “Quản trị” link and no task board', async () => {
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.getByTestId('nav-admin').textContent()).resolves.toBe('Quản trị');
    expect(await page.locator('.app-nav a[href="/"]').count()).toBe(0);
    await page.getByTestId('account-row-vanphong').waitFor({ state: 'visible' });
    const cells = await page.getByTestId('account-row-vanphong').locator('td').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['vanphong', expect.any(String), 'Văn phòng Tỉnh ủy']);
    expect(await page.getByTestId('board').count()).toBe(0);
    await screenshot(page, 'admin-accounts');
  });

  it('typing 12345678 shows the meter at its lowest, with the “common password” problem', async () => {
    await openCreate(page);
    await createDialog(page).locator('input[name="password"]').fill('12345678');
    await withEvidence(page, 'admin-meter-common', async () => {
      await poll(
        () => page.getByTestId('strength-meter').getAttribute('data-problems'),
        (codes) => codes === 'COMMON',
        { what: 'the meter to name the common password' },
      );
    });
    await expect(meter(page).getAttribute('aria-valuenow')).resolves.toBe('0');
    await expect(meter(page).getAttribute('aria-valuemin')).resolves.toBe('0');
    await expect(meter(page).getAttribute('aria-valuemax')).resolves.toBe('4');
    await expect(meter(page).getAttribute('aria-valuetext')).resolves.toBe('Rất yếu');
    await expect(page.getByTestId('strength-label').textContent()).resolves.toBe('Rất yếu');
    expect(await meter(page).locator('.is-lit').count()).toBe(1);
    const verdict = page.getByTestId('strength-problems');
    await expect(verdict.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(verdict.textContent()).resolves.toContain('là một mật khẩu phổ biến, dễ bị đoán');
    await expect(verdict.textContent()).resolves.toContain('Máy chủ sẽ từ chối');
    // The server is the judge: the meter warns, it does not block.
    expect(await page.getByTestId('account-submit').isEnabled()).toBe(true);
    await screenshot(page, 'admin-meter-weak');
  });

  it('creating an account with a weak password shows the server’s refusal inline and keeps the form', async () => {
    const dialog = createDialog(page);
    await dialog.locator('input[name="username"]').fill(USERNAME);
    await dialog.locator('input[name="fullName"]').fill(FULL_NAME);
    await dialog.locator('select[name="role"]').selectOption('inspector');
    await dialog.locator('input[name="email"]').fill(`${USERNAME}@tinhuy.vn`);
    await dialog.locator('input[name="password"]').fill('12345678');
    await page.getByTestId('account-submit').click();

    const alert = dialog.getByTestId('admin-error');
    await alert.waitFor({ state: 'visible' });
    await expect(alert.getAttribute('data-code')).resolves.toBe('WEAK_PASSWORD');
    await expect(alert.getAttribute('role')).resolves.toBe('alert');
    await expect(alert.textContent()).resolves.toContain('là một mật khẩu phổ biến, dễ bị đoán');
    await expect(dialog.locator('input[name="username"]').inputValue()).resolves.toBe(USERNAME);
    await expect(dialog.locator('input[name="fullName"]').inputValue()).resolves.toBe(FULL_NAME);
    await expect(dialog.locator('select[name="role"]').inputValue()).resolves.toBe('inspector');
    await expect(dialog.locator('input[name="password"]').inputValue()).resolves.toBe('12345678');
    expect(await page.getByTestId('account-submit').isEnabled()).toBe(true);
    expect(await accountActive(USERNAME)).toBeUndefined();
    await screenshot(page, 'admin-create-refused');
  });

  it('a strong passphrase creates the account, which then signs in', async () => {
    const dialog = createDialog(page);
    await dialog.locator('input[name="password"]').fill(PASSPHRASE);
    await poll(
      () => page.getByTestId('strength-meter').getAttribute('data-refused'),
      (refused) => refused === 'false',
      { what: 'the meter to accept the passphrase' },
    );
    await expect(page.getByTestId('strength-problems').textContent()).resolves.toBe('Mật khẩu đạt chính sách.');
    expect(Number(await meter(page).getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3);
    await page.getByTestId('account-submit').click();

    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toBe(`Đã tạo tài khoản ${USERNAME}.`);
    const row = page.getByTestId(`account-row-${USERNAME}`);
    await row.waitFor({ state: 'visible' });
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 6)).toEqual([
      USERNAME,
      FULL_NAME,
      'Ủy ban Kiểm tra',
      '—',
      `${USERNAME}@tinhuy.vn`,
      'Đang hoạt động',
    ]);
    expect(await accountActive(USERNAME)).toBe(true);

    // The new account signs in through the form and reaches its board (the Inspection Committee reads tasks).
    const own = await b.newPage();
    await signIn(own, USERNAME, PASSPHRASE);
    await expect(own.getByTestId('current-user').textContent()).resolves.toContain(FULL_NAME);
  });

  it('editing the account: an agency account needs its agency, and the list shows the one chosen', async () => {
    const row = page.getByTestId(`account-row-${USERNAME}`);
    await row.getByTestId('account-edit').click();
    const dialog = page.getByTestId('edit-account-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('select[name="role"]').selectOption('agency');
    await dialog.getByTestId('account-submit').click();
    await expect(dialog.locator('.field-error').textContent()).resolves.toBe(
      'Tài khoản Cơ quan, đơn vị phải chọn cơ quan.',
    );
    const agency = await b.t.db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agencies WHERE active ORDER BY name LIMIT 1`,
    );
    await dialog.locator('select[name="agencyId"]').selectOption(agency.rows[0].id);
    await dialog.getByTestId('account-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(
      () => row.locator('td').nth(3).textContent(),
      (name) => name === agency.rows[0].name,
      { what: 'the row to show the chosen agency' },
    );
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('Cơ quan, đơn vị');
  });

  it('resetting the password: one holding the person’s name is flagged and refused; a passphrase is set', async () => {
    await page.getByTestId(`account-row-${USERNAME}`).getByTestId('account-reset-password').click();
    const dialog = page.getByTestId('reset-password-dialog');
    await dialog.waitFor({ state: 'visible' });
    const input = dialog.locator('input[name="password"]');
    await expect(input.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    // The meter knows the account's name (Trần Thị Thu Hà): "Trần" in a long password gets it refused.
    await input.fill('cô Trần đi chợ Đông Ba sáng nay');
    await poll(
      () => dialog.getByTestId('strength-meter').getAttribute('data-problems'),
      (codes) => codes?.includes('CONTAINS_NAME') ?? false,
      { what: 'the meter to flag the person’s name' },
    );
    await dialog.getByTestId('account-submit').click();
    await expect(dialog.getByTestId('admin-error').getAttribute('data-code')).resolves.toBe('WEAK_PASSWORD');
    await expect(input.inputValue()).resolves.toBe('cô Trần đi chợ Đông Ba sáng nay');

    const next = 'mưa bụi bay trên phố cổ Hội An';
    await input.fill(next);
    const reset = page.waitForResponse((r) => r.url().endsWith('/reset-password'));
    await dialog.getByTestId('account-submit').click();
    expect((await reset).status()).toBe(204);
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toBe(`Đã đặt lại mật khẩu cho ${USERNAME}.`);
    expect((await login(USERNAME, PASSPHRASE)).status).toBe(401);
    expect((await login(USERNAME, next)).status).toBe(200);
    password = next;
  });

  it('disabling the account is a PATCH the list shows, its open session ends, and it can no longer sign in', async () => {
    // A session opened before the account is disabled.
    const own = await b.newPage();
    await signIn(own, USERNAME, password);
    const row = page.getByTestId(`account-row-${USERNAME}`);
    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/api/admin/users/'));
    await row.getByTestId('account-toggle-active').click();
    expect((await patch).postDataJSON()).toEqual({ active: false });

    await page.locator(`[data-testid="account-row-${USERNAME}"][data-active="false"]`).waitFor({ state: 'visible' });
    await expect(row.getByTestId('account-status').textContent()).resolves.toBe('Đã khóa');
    await expect(row.getByTestId('account-toggle-active').textContent()).resolves.toBe('Mở khóa');
    await expect(page.getByTestId('admin-notice').textContent()).resolves.toBe(`Đã khóa tài khoản ${USERNAME}.`);
    expect(await accountActive(USERNAME)).toBe(false);
    expect((await login(USERNAME, password)).status).toBe(401);
    await screenshot(page, 'admin-account-disabled');

    // The session it already had no longer opens anything: the next load goes back to the sign-in form.
    await own.reload();
    await own.waitForURL(/\/login/);
    await own.locator('input[name="username"]').waitFor({ state: 'visible' });
  });

  it('the administrator’s own row offers no “Khóa” (the server would refuse it), and says why', async () => {
    const own = page.getByTestId('account-row-admin').getByTestId('account-toggle-active');
    await expect(own.isDisabled()).resolves.toBe(true);
    await expect(own.getAttribute('title')).resolves.toBe('Không thể tự khóa tài khoản bạn đang đăng nhập');
    // Everyone else's stays available.
    await expect(
      page.getByTestId(`account-row-${USERNAME}`).getByTestId('account-toggle-active').isDisabled(),
    ).resolves.toBe(false);
  });
});

describe('the administrator’s agencies in Chromium', () => {
  let page: Page;
  const CODE = `kiem-thu-${suffix}`;
  const NAME = `Ban Kiểm thử ${suffix}`;
  const codes = () => page.getByTestId('agencies-table').locator('td.admin-username').allTextContents();
  const notice = (text: string) =>
    page.locator('[data-testid="agency-notice"]', { hasText: text }).waitFor({ state: 'visible' });
  const focused = () => page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null');

  beforeAll(async () => {
    page = await adminPage();
    await page.getByTestId('agencies-table').waitFor({ state: 'visible' });
  });
  afterAll(async () => {
    await b?.t.db.query(`DELETE FROM agencies WHERE code = $1`, [CODE]);
  });

  it('creating an agency adds it to the list; disabling it is a PATCH the row and the pickers show', async () => {
    await page.getByTestId('agency-create').click();
    const dialog = page.getByTestId('create-agency-dialog');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('input[name="code"]').fill(CODE);
    await dialog.locator('input[name="name"]').fill(NAME);
    await dialog.locator('select[name="kind"]').selectOption('office');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/admin/agencies'),
    );
    await dialog.getByTestId('agency-submit').click();
    expect((await created).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await notice(`Đã thêm cơ quan ${NAME}.`);
    const row = page.getByTestId(`agency-row-${CODE}`);
    await row.waitFor({ state: 'visible' });
    await expect(row.locator('td').nth(3).textContent()).resolves.toBe('Văn phòng');

    const patch = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/api/admin/agencies/'));
    await row.getByTestId('agency-toggle-active').click();
    expect((await patch).postDataJSON()).toEqual({ active: false });
    await page.locator(`[data-testid="agency-row-${CODE}"][data-active="false"]`).waitFor({ state: 'visible' });
    await expect(row.getByTestId('agency-status').textContent()).resolves.toBe('Ngừng hoạt động');
    await notice(`Đã ngừng hoạt động cơ quan ${NAME}.`);
    const db = await b.t.db.query<{ active: boolean; kind: string }>(
      `SELECT active, kind FROM agencies WHERE code = $1`,
      [CODE],
    );
    expect(db.rows[0]).toEqual({ active: false, kind: 'office' });
    const pickers = await b.t.http.get('/api/agencies').set(await b.t.as('vanphong'));
    expect(pickers.body.map((a: { code: string }) => a.code)).not.toContain(CODE);
    await screenshot(page, 'admin-agency-disabled');
  });

  it('moves an agency up from the keyboard, saves the whole order, and the order shows after a reload', async () => {
    await withAgencyOrderLock(b.t.db, 'set', async () => {
      await page.reload();
      await page.getByTestId('agencies-table').waitFor({ state: 'visible' });
      const before = await codes();
      const at = before.indexOf('van-phong');
      expect(at).toBeGreaterThan(1);

      // Twice with Enter: focus stays on the agency moved, so the second press moves it again.
      await page.getByTestId('agency-up-van-phong').focus();
      await page.keyboard.press('Enter');
      await poll(focused, (id) => id === 'agency-up-van-phong', { what: 'focus on the agency moved' });
      await page.keyboard.press('Enter');
      const moved = [...before];
      moved.splice(at, 1);
      moved.splice(at - 2, 0, 'van-phong');
      expect(await codes()).toEqual(moved);
      await expect(page.getByTestId('agencies-table').getAttribute('data-dirty')).resolves.toBe('true');
      await expect(page.getByTestId('agency-row-van-phong').locator('td').first().textContent()).resolves.toBe(
        String(at - 1),
      );

      const put = page.waitForResponse(
        (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/admin/agencies/order'),
      );
      await page.getByTestId('agency-order-save').click();
      const answer = await put;
      expect(answer.status()).toBe(200);
      expect(((await answer.json()) as { code: string }[]).map((a) => a.code)).toEqual(moved);
      expect((answer.request().postDataJSON() as { agencyIds: string[] }).agencyIds).toHaveLength(moved.length);
      // The notice comes once the lists are fetched again, a moment after the answer.
      await notice('Đã lưu thứ tự chính thức của các cơ quan.');
      const place = await b.t.db.query<{ sort_order: number }>(
        `SELECT sort_order FROM agencies WHERE code = 'van-phong'`,
      );
      expect(place.rows[0].sort_order).toBe(at - 1);

      await page.reload();
      await page.getByTestId('agencies-table').waitFor({ state: 'visible' });
      expect(await codes()).toEqual(moved);
      await expect(page.getByTestId('agencies-table').getAttribute('data-dirty')).resolves.toBe('false');
      await screenshot(page, 'admin-agency-order');
    });
  });
});

describe('another role and /admin', () => {
  it('an office user opening /admin sees the no-access message, not a network error', async () => {
    const page = await b.newPage();
    await signIn(page, 'vanphong');
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/admin/')) refused.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/admin');
    const panel = page.getByTestId('admin-forbidden');
    await panel.waitFor({ state: 'visible' });
    await expect(panel.getAttribute('role')).resolves.toBe('alert');
    await expect(panel.textContent()).resolves.toContain('Bạn không có quyền truy cập trang này');
    // The page does not ask the API for what it knows will be refused.
    expect(refused).toEqual([]);
    await screenshot(page, 'admin-forbidden');
  });
});
