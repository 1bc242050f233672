import { agencyId, directiveId } from '../e2e/support/fixtures.js';
import { poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The dashboard when its figures are slow to compute (a province at scale; here every computation counts as slow,
// REPORT_CACHE_SYNC_MS=0): after a task changes, the page shows the figures it had at once, says newer ones are being
// computed, and replaces them by itself when they are ready. A database of its own, so no other suite moves a figure.

jest.setTimeout(240_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp({ ownDatabase: true, env: { REPORT_CACHE_SYNC_MS: '0' } });
});

afterAll(async () => {
  await b?.close();
});

it('shows the last figures at once after a change, says newer ones are coming, then shows them', async () => {
  const page = await b.newPage();
  await signIn(page, 'vanphong');
  await page.goto('/dashboard');
  const total = page.locator('.headline-card').first().locator('.figure-big');
  const recomputing = page.getByTestId('dashboard-refreshing').filter({ hasText: 'Đang tính số liệu mới' });
  await withEvidence(page, 'dashboard-refresh', async () => {
    await total.waitFor();
    const before = Number((await total.innerText()).replace(/\D/g, ''));
    expect(before).toBeGreaterThan(0);

    const office = await b.t.as('vanphong');
    const created = await b.t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: await directiveId(b.t.db),
        title: 'Tổng kết công tác dân vận năm',
        deliverableType: 'bao_cao',
        field: 'party_building',
        leadAgencyId: await agencyId(b.t.db, 'ban-dan-van'),
        dueDate: '2031-03-31',
      })
      .expect(201);
    await b.t.http
      .post(`/api/tasks/${created.body.id}/transitions`)
      .set(office)
      .send({ event: 'ASSIGN', expectedVersion: created.body.version })
      .expect(200);

    // Opened again: the figures of before, at once, with the notice.
    await page.reload();
    await recomputing.waitFor();
    expect(Number((await total.innerText()).replace(/\D/g, ''))).toBe(before);
    // The page asks again by itself and shows the new figures.
    await recomputing.waitFor({ state: 'detached', timeout: 30_000 });
    await poll(
      async () => Number((await total.innerText()).replace(/\D/g, '')),
      (n) => n === before + 1,
      { what: 'the new total' },
    );
  });
});
