import { agencyId } from '../e2e/support/fixtures.js';
import { poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// Recurring work and the monthly program carried forward, on the Office's "Việc định kỳ" page: a series made
// there gets this period's instance at once; a monthly program's unfinished item becomes a draft of the next.

jest.setTimeout(240_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

describe('the recurring work page', () => {
  it('the Office adds a series and carries a monthly program forward', async () => {
    const office = await b.t.as('vanphong');
    const suffix = `${process.pid}-${Date.now().toString(36)}`;
    // A monthly program of our own with one unfinished item, and a directive for the series.
    const program = await b.t.http
      .post('/api/directives')
      .set(office)
      .send({ number: `CTr-T11/${suffix}`, kind: 'monthly_program', title: 'Chương trình tháng thử' });
    expect(program.status).toBe(201);
    const item = await b.t.http
      .post('/api/tasks')
      .set(office)
      .send({
        directiveId: program.body.id,
        title: `Việc tháng chưa xong ${suffix}`,
        deliverableType: 'bao_cao',
        field: 'economy',
      });
    expect(item.status).toBe(201);
    const lead = await agencyId(b.t.db, 'ban-to-chuc');
    // The series on a directive of its own: its instances are unfinished work the carry-forward would take too.
    const conclusion = await b.t.http
      .post('/api/directives')
      .set(office)
      .send({ number: `KL-DK/${suffix}`, kind: 'conclusion', title: 'Kết luận thử việc định kỳ' });
    expect(conclusion.status).toBe(201);

    const page = await b.newPage();
    await signIn(page, 'vanphong');
    await page.goto('/recurring');
    const view = page.getByTestId('recurring-page');
    await view.waitFor();
    await withEvidence(page, 'recurring-series', async () => {
      await view.getByTestId('series-directive').selectOption(conclusion.body.id);
      const form = view.getByTestId('series-form');
      await form.waitFor();
      const title = `Báo cáo tháng ${suffix}`;
      await form.getByTestId('series-title').fill(title);
      await form.getByTestId('series-lead').selectOption(lead);
      await form.getByTestId('series-frequency').selectOption('month');
      await form.getByTestId('series-due-day').fill('25');
      await form.getByTestId('series-starts').fill('2026-01-01');
      await form.getByTestId('series-submit').click();
      await view.getByTestId('series-row').filter({ hasText: title }).waitFor();
      // The current period's instance exists at once, assigned to the lead agency.
      const instances = await poll(
        () =>
          b.t.db.query<{ state: string; lead_agency_id: string }>(
            `SELECT t.state, t.lead_agency_id FROM tasks t JOIN task_series s ON s.id = t.series_id WHERE s.template->>'title' = $1`,
            [title],
          ),
        (r) => r.rows.length > 0,
        { what: 'the series’ instances' },
      );
      expect(instances.rows.every((r) => r.state === 'assigned' && r.lead_agency_id === lead)).toBe(true);
    });

    await withEvidence(page, 'recurring-carry-forward', async () => {
      await view.getByTestId('series-directive').selectOption(program.body.id);
      const carry = view.getByTestId('carry-form');
      await carry.waitFor();
      const inputs = carry.locator('input');
      await inputs.nth(0).fill(`CTr-T12/${suffix}`);
      await inputs.nth(1).fill('Chương trình tháng sau');
      await inputs.nth(2).fill('2026-12-01');
      await carry.getByTestId('carry-submit').click();
      await carry.getByTestId('carry-result').waitFor();
      expect(await carry.getByTestId('carry-result').innerText()).toContain('1 bản nháp');
    });
    const copies = await b.t.db.query<{ state: string }>(`SELECT state FROM tasks WHERE carried_from_task_id = $1`, [
      item.body.id,
    ]);
    expect(copies.rows).toEqual([{ state: 'drafted' }]);
  });
});
