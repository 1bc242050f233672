import type { Page } from 'playwright-core';
import { boardReady, poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The kanban board reads a first page per column (COLUMN_PAGE, 100 cards) with the column's count, and the
// rest as the column is scrolled to its end or its "more" button is pressed. 250 assigned tasks of one
// agency, found by a search word only they carry, so the demo data never decides an outcome.

jest.setTimeout(180_000);

const TASKS = 250;
const WORD = 'phantrang';

let b: BrowserApp;
let ids: string[];

/**
 * `count` tasks of ban-tuyen-giao in `state`, found by the search word `word` only they carry, due a day apart
 * from 2031-01-02 on, with codes `<code>-001`…; their ids in board order.
 */
async function insertTasks(count: number, state: string, word: string, code: string): Promise<string[]> {
  const rows = await b.t.db.query<{ id: string }>(
    `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, search_text, created_by)
     SELECT (SELECT id FROM directives ORDER BY number LIMIT 1), $4 || '-' || lpad(g::text, 4, '0'),
            'Phân trang ' || g, '', 'ke_hoach', 'economy', (SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'),
            '{}', DATE '2031-01-01' + g, 'quý I-2031', $2, $3 || ' ' || lower($4) || '-' || lpad(g::text, 4, '0'),
            (SELECT id FROM users WHERE username = 'vanphong')
       FROM generate_series(1, $1::int) g
     RETURNING id`,
    [count, state, word, code],
  );
  return rows.rows.map((r) => r.id);
}

beforeAll(async () => {
  b = await startBrowserApp();
  ids = await insertTasks(TASKS, 'assigned', WORD, 'PT');
});

afterAll(async () => {
  await b?.close();
});

const count = (page: Page, state: string) => page.getByTestId(`count-${state}`).innerText();
const more = (page: Page, state: string) => page.getByTestId(`more-${state}`);
/** The limits of the column reads the page sends for `state` on the searched board, each once (polls repeat them). */
function limitsAsked(page: Page, state: string): number[] {
  const asked: number[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    const limit = Number(url.searchParams.get('limit'));
    const ours = url.pathname === '/api/tasks' && url.searchParams.get('q') === WORD;
    if (ours && url.searchParams.get('state') === state && !asked.includes(limit)) asked.push(limit);
  });
  return asked;
}

async function agencyBoard(): Promise<{ page: Page; asked: number[] }> {
  const page = await b.newPage();
  const asked = limitsAsked(page, 'assigned');
  await signIn(page, 'ban-tuyen-giao');
  await page.goto(`/?q=${WORD}`);
  await boardReady(page);
  return { page, asked };
}

describe('a board column read a page at a time', () => {
  it('shows the column’s whole count, reads 100 cards first, the next ones at the end of the column, then the rest', async () => {
    const { page, asked } = await agencyBoard();
    await withEvidence(page, 'board-columns-paging', async () => {
      await poll(
        () => count(page, 'assigned'),
        (n) => n === String(TASKS),
        { what: 'the count of 250' },
      );
      expect(asked).toEqual([100]);
      await expect(more(page, 'assigned').innerText()).resolves.toBe('Xem thêm (còn 150 nhiệm vụ)');
      // Virtualised: a screenful of cards, not the hundred read.
      const drawn = await page.locator('[data-testid="column-assigned"] [data-testid^="task-card-"]').count();
      expect(drawn).toBeGreaterThan(0);
      expect(drawn).toBeLessThan(40);

      // Scrolled to its end, the column reads its next page by itself.
      await page
        .locator('[data-testid="column-assigned"] .column-scroll')
        .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await poll(
        () => more(page, 'assigned').innerText(),
        (s) => s === 'Xem thêm (còn 50 nhiệm vụ)',
        {
          what: 'the second page read on scrolling',
        },
      );
      expect(asked).toEqual([100, 200]);
      expect(await count(page, 'assigned')).toBe(String(TASKS));

      // The button reads the rest, and goes.
      await more(page, 'assigned').click();
      await more(page, 'assigned').waitFor({ state: 'detached' });
      expect(asked).toEqual([100, 200, 300]);
      const last = page.locator(`[data-testid="task-card-${ids[TASKS - 1]}"]`);
      await page
        .locator('[data-testid="column-assigned"] .column-scroll')
        .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await last.waitFor({ state: 'visible' });
      expect(await count(page, 'assigned')).toBe(String(TASKS));
    });
  });

  it('a card moved out of a paged column leaves its count and joins the other column’s at once', async () => {
    const { page } = await agencyBoard();
    await withEvidence(page, 'board-columns-move', async () => {
      await poll(
        () => count(page, 'assigned'),
        (n) => n === String(TASKS),
        { what: 'the count of 250' },
      );
      const before = Number(await count(page, 'in_progress'));
      const first = ids[0];
      await page.getByTestId(`task-actions-${first}`).click();
      await page.getByTestId('action-START').click();
      // START may ask for confirmation: confirm whenever the dialog is up, until the server has it.
      await poll(
        async () => {
          const confirm = page.getByTestId('dialog-confirm');
          if (await confirm.isVisible()) await confirm.click();
          return b.task(first);
        },
        (t) => t.state === 'in_progress',
        { what: 'START on the server', interval: 300 },
      );
      await poll(
        () => count(page, 'assigned'),
        (n) => n === String(TASKS - 1),
        { what: 'assigned 249' },
      );
      await poll(
        () => count(page, 'in_progress'),
        (n) => n === String(before + 1),
        { what: 'in progress +1' },
      );
      await page.locator(`[data-testid="column-in_progress"] [data-testid="task-card-${first}"]`).waitFor();
      // After every column is read again (the next poll), the counts are the server's and still agree.
      await page.reload();
      await boardReady(page);
      await poll(
        () => count(page, 'assigned'),
        (n) => n === String(TASKS - 1),
        { what: 'assigned 249 after reload' },
      );
      expect(await count(page, 'in_progress')).toBe(String(before + 1));
    });
  });

  it('a column of more than 1,000 cards says "1000+": the server counts no further', async () => {
    const many = 1_100;
    const word = 'demtoida';
    await insertTasks(many, 'approved', word, 'DT');
    const page = await b.newPage();
    const caps: (string | null)[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (
        url.pathname === '/api/tasks' &&
        url.searchParams.get('q') === word &&
        url.searchParams.get('state') === 'approved'
      )
        caps.push(url.searchParams.get('countUpTo'));
    });
    await signIn(page, 'ban-tuyen-giao');
    await page.goto(`/?q=${word}`);
    await boardReady(page);
    await withEvidence(page, 'board-columns-count-cap', async () => {
      await poll(
        () => count(page, 'approved'),
        (n) => n === '1000+',
        { what: 'the approved count capped at 1000+' },
      );
      expect(caps.length).toBeGreaterThan(0);
      expect(new Set(caps)).toEqual(new Set(['1000']));
      await expect(page.getByTestId('count-approved').getAttribute('aria-label')).resolves.toBe('hơn 1000 nhiệm vụ');
      await expect(more(page, 'approved').innerText()).resolves.toBe('Xem thêm (còn hơn 900 nhiệm vụ)');
      // A column under the cap still has its exact count.
      expect(await count(page, 'assigned')).toBe('0');
    });
  });
});
