// `npm run screenshots`: the pictures of the user guide (docs/images/*.png, 1366×768 and 390×844, Vietnamese UI),
// taken from the real built board on a throwaway copy of the demo province, so they follow the interface
// instead of going stale. Needs PostgreSQL (DATABASE_URL, default the loopback server with trust auth)
// and Redis (REDIS_URL, default 127.0.0.1:6379) like the tests; creates and drops `dondoc_shots_<pid>`.
// Exits non-zero, naming the pictures it could not take, when the interface no longer has what a
// picture needs.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, signIn, startStack } from '../test/browser/support/throwaway-stack.mjs';

const OUT = resolve(process.env.SCREENSHOT_DIR ?? 'docs/images');
const VIEWPORT = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
mkdirSync(OUT, { recursive: true });

const stack = await startStack({ prefix: 'dondoc_shots' });
const browser = await launchChromium();
const taken = [];
const failed = [];

async function newPage() {
  const context = await browser.newContext({
    baseURL: stack.baseUrl,
    viewport: VIEWPORT,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

/** `<name>.png` at 1366×768 and `<name>-390.png` on a phone (390×844), the same screen in the same state. */
async function shot(page, name, { phone = true } = {}) {
  // Fonts load asynchronously; a picture taken before them shows fallback glyphs for the diacritics.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  taken.push(name);
  if (!phone) return;
  await page.setViewportSize(PHONE);
  // Media queries switch the layout; give React and the virtualised lists a frame to follow.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUT, `${name}-390.png`) });
  taken.push(`${name}-390`);
  await page.setViewportSize(VIEWPORT);
  await page.waitForTimeout(200);
}

/** One picture or a few that belong together; a failure is reported and the others still run. */
async function step(name, fn) {
  try {
    await fn();
  } catch (err) {
    failed.push(`${name}: ${String(err?.message ?? err).split('\n')[0]}`);
  }
}

async function oneTask(sql, params = []) {
  const { rows } = await stack.db.query(sql, params);
  if (!rows[0]) throw new Error(`no demo task for: ${sql}`);
  return rows[0];
}

const leadTask = (state) =>
  oneTask(
    `SELECT t.id, t.code, a.code AS agency FROM tasks t JOIN agencies a ON a.id = t.lead_agency_id
      WHERE t.state = $1 AND a.code = 'ban-tuyen-giao' ORDER BY t.due_date NULLS LAST, t.code LIMIT 1`,
    [state],
  ).catch(() =>
    oneTask(
      `SELECT t.id, t.code, a.code AS agency FROM tasks t JOIN agencies a ON a.id = t.lead_agency_id
        JOIN users u ON u.username = a.code WHERE t.state = $1 ORDER BY t.due_date NULLS LAST, t.code LIMIT 1`,
      [state],
    ),
  );

/** Types a search and waits for the board to show its answer (the list request carrying `q`). */
async function search(page, text) {
  const answered = page.waitForResponse(
    (r) => /\/api\/tasks\?/.test(r.url()) && new URL(r.url()).searchParams.has('q'),
  );
  await page.locator('input[name="q"]').fill(text);
  await answered;
  await page.locator('[data-testid="board"][data-ready="true"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid^="task-card-"]').first().waitFor({ state: 'visible' });
}

async function api(path, username, body) {
  const login = await fetch(`${stack.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo12345' }),
  });
  const { accessToken } = await login.json();
  const res = await fetch(`${stack.baseUrl}/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path} as ${username}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * A few things happen to the agency first, as on any working day, so that its board and its
 * notifications have something to show: the Office assigns it a draft, the Standing Committee returns
 * the work it had submitted.
 */
async function aDayOfWork() {
  const agency = await oneTask(`SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'`);
  const draft = await oneTask(`SELECT id FROM tasks WHERE state = 'drafted' ORDER BY code LIMIT 1`);
  const d = await api(`/tasks/${draft.id}`, 'vanphong');
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await api(`/tasks/${draft.id}/transitions`, 'vanphong', {
    event: 'ASSIGN',
    expectedVersion: d.version,
    leadAgencyId: agency.id,
    dueDate: d.dueDate ?? due,
  });
  const submitted = await oneTask(
    `SELECT t.id FROM tasks t WHERE t.state = 'submitted' AND t.lead_agency_id = $1 ORDER BY t.code LIMIT 1`,
    [agency.id],
  ).catch(() => null);
  // An extension request waits for the Standing Committee next to the submissions.
  const asking = await oneTask(
    `SELECT t.id FROM tasks t WHERE t.state = 'in_progress' AND t.lead_agency_id = $1
        AND NOT EXISTS (SELECT 1 FROM extension_requests x WHERE x.task_id = t.id AND x.status = 'open')
      ORDER BY t.code DESC LIMIT 1`,
    [agency.id],
  ).catch(() => null);
  if (asking) {
    const later = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await api(`/tasks/${asking.id}/extension-requests`, 'ban-tuyen-giao', {
      requestedDueDate: later,
      reason: 'Chờ số liệu điều tra của Cục Thống kê tỉnh, dự kiến có vào cuối quý.',
    });
  }
  if (submitted) {
    const s = await api(`/tasks/${submitted.id}`, 'thuongvu');
    await api(`/tasks/${submitted.id}/transitions`, 'thuongvu', {
      event: 'RETURN',
      expectedVersion: s.version,
      comment: 'Đề nghị bổ sung số liệu năm 2025 và ý kiến của các cơ quan phối hợp.',
    });
  }
}

async function openAction(page, id, event) {
  await page.getByTestId(`task-actions-${id}`).click();
  await page.getByTestId(`action-${event}`).click();
  await page.getByTestId('transition-dialog').waitFor({ state: 'visible' });
}

try {
  await step('login', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.locator('input[name="username"]').fill('vanphong');
    await shot(page, 'login');
  });

  await step('office', async () => {
    const page = await newPage();
    await signIn(page, 'vanphong');
    await shot(page, 'board-office');
    const task = await leadTask('in_progress');
    // Without diacritics on purpose: the search folds them, which is what the guide shows.
    await search(page, 'du lich');
    await shot(page, 'board-search');
    await page.goto(`/?task=${task.id}`);
    await page.getByTestId('task-drawer').waitFor({ state: 'visible' });
    await shot(page, 'drawer');
  });

  await step('office list', async () => {
    const page = await newPage();
    await signIn(page, 'vanphong');
    await page.goto('/?view=list');
    await page.getByTestId('task-row').first().waitFor({ state: 'visible' });
    await shot(page, 'list');
    // The directive with the most drafts: what the Office assigns in one go after an import.
    const directive = await oneTask(
      `SELECT directive_id AS id FROM tasks WHERE state = 'drafted' GROUP BY directive_id ORDER BY count(*) DESC LIMIT 1`,
    );
    await page.goto(`/?view=list&directive=${directive.id}`);
    await page.getByTestId('task-row').first().waitFor({ state: 'visible' });
    await page.getByTestId('select-all').check();
    await page.getByTestId('bulk-assign').click();
    await page.getByTestId('bulk-dialog').waitFor({ state: 'visible' });
    await shot(page, 'list-bulk-assign');
  });

  await step('office dashboard', async () => {
    const page = await newPage();
    await signIn(page, 'vanphong');
    await page.goto('/dashboard');
    await page.getByTestId('dashboard').waitFor({ state: 'visible' });
    await page.locator('.recharts-surface').first().waitFor({ state: 'visible' });
    await shot(page, 'dashboard');
  });

  await step('office import', async () => {
    const page = await newPage();
    await signIn(page, 'vanphong');
    await page.goto('/import');
    await page.getByTestId('import-page').waitFor({ state: 'visible' });
    const text = readFileSync(
      resolve('../shared/fixtures/directives/provincial-conclusion-28-KL-TU-q4-2020-news.txt'),
      'utf8',
    );
    await page.getByTestId('import-text').fill(text);
    await page.getByTestId('import-analyse').click();
    await page.getByTestId('import-confirm').waitFor({ state: 'visible' });
    await shot(page, 'import');
  });

  await step('admin', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('demo12345');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('accounts-table').waitFor({ state: 'visible' });
    await shot(page, 'admin');
  });

  await step('agency', async () => {
    await aDayOfWork();
    const task = await leadTask('in_progress');
    const page = await newPage();
    await signIn(page, task.agency);
    await shot(page, 'board-agency');
    await page.goto(`/?task=${task.id}`);
    await page.getByTestId('task-actions-bar').waitFor({ state: 'visible' });
    await shot(page, 'drawer-actions');
    await page.goto('/');
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor({ state: 'visible' });
    await search(page, task.code);
    await openAction(page, task.id, 'SUBMIT');
    const dialog = page.getByTestId('transition-dialog');
    await dialog.locator('textarea[name="note"]').fill('Báo cáo kết quả thực hiện, kèm dự thảo kế hoạch.');
    await dialog.locator('input[type="file"][name="files"]').setInputFiles({
      name: 'Dự thảo kế hoạch.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      ),
    });
    await shot(page, 'dialog-submit');
    await page.keyboard.press('Escape');
    await page.getByTestId('transition-dialog').waitFor({ state: 'hidden' });
    await page.locator('input[name="q"]').fill('');
    // The unfiltered list may come from the cache (no request): wait for the URL, then the board.
    await page.waitForURL((u) => !u.searchParams.has('q'));
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor({ state: 'visible' });
    await page.getByTestId('notifications-bell').click();
    await page.getByText('Được giao nhiệm vụ').first().waitFor({ state: 'visible' });
    await shot(page, 'notifications');
  });

  await step('standing committee', async () => {
    const page = await newPage();
    await signIn(page, 'thuongvu');
    await page.getByTestId('view-review').click();
    await page.getByTestId('work-queues').waitFor({ state: 'visible' });
    await page.getByTestId('extension-queue-item').first().waitFor({ state: 'visible' });
    await shot(page, 'review-standing-committee');
    await page.getByTestId('view-board').click();
    const task = await leadTask('submitted');
    await search(page, task.code);
    await openAction(page, task.id, 'RETURN');
    await page
      .getByTestId('transition-dialog')
      .locator('textarea[name="comment"]')
      .fill('Đề nghị bổ sung lộ trình thực hiện và dự kiến kinh phí; gửi lại trước ngày 15.');
    await shot(page, 'dialog-return');
  });

  await step('inspector', async () => {
    const page = await newPage();
    await signIn(page, 'kiemtra');
    await shot(page, 'board-inspector');
  });
} finally {
  await browser.close();
  await stack.close();
}

console.log(`screenshots: ${taken.length} written to ${OUT}: ${taken.join(', ')}`);
if (failed.length) {
  console.error(`screenshots not taken (${failed.length}):\n  ${failed.join('\n  ')}`);
  process.exitCode = 1;
}
