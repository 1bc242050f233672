import { localDate } from '@dondoc/workflow';
import { agencyId, makeTask } from './support/fixtures.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

/**
 * `GET /api/tasks` answers with cards PostgreSQL builds as JSON (the reader-, day- and calendar-dependent
 * fields added by the API). Each card must be exactly the task's summary as every other answer builds it
 * (`toSummary`, seen here through `GET /api/tasks/:id`), for every kind of reader.
 */
describe('the board read: cards built by PostgreSQL are the tasks’ own summaries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = async (username: string) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };

  it('every card equals the summary part of the task’s own page, for the Office, an agency and the Standing Committee', async () => {
    // Timestamps with microseconds (a card cuts them to milliseconds, as the summary does), progress, a late
    // approval, a continuous key task with contributions and an open extension request, besides the demo province's variety.
    const approved = await makeTask(t.db, { state: 'approved', dueDate: '2025-01-10' });
    await t.db.query(
      `UPDATE tasks SET completed_at = '2025-02-03 16:59:59.999999+00', updated_at = '2025-02-03 17:00:00.000999+00'
        WHERE id = $1`,
      [approved.id],
    );
    const working = await makeTask(t.db, { state: 'in_progress', coordinating: ['ban-dan-van', 'ban-to-chuc'] });
    await t.db.query(
      `UPDATE tasks SET progress_percent = 40, progress_at = '2026-03-04 05:06:07.891999+07', is_key = true,
              continuous = true, deadline_working_days = 15 WHERE id = $1`,
      [working.id],
    );
    const requester = await t.db.query<{ id: string }>(
      `SELECT id FROM users WHERE agency_id = $1 ORDER BY username LIMIT 1`,
      [await agencyId(t.db, 'ban-tuyen-giao')],
    );
    await t.db.query(
      `INSERT INTO extension_requests (task_id, current_due_date, requested_due_date, reason, requested_by, created_at)
       VALUES ($1, '2030-12-31', '2031-03-31', 'Chờ số liệu quý', $2, '2026-05-06 07:08:09.123456+07')`,
      [working.id, requester.rows[0].id],
    );

    await t.db.query(
      `INSERT INTO contributions (task_id, agency_id, status)
       VALUES ($1, $2, 'accepted'), ($1, $3, 'submitted')`,
      [working.id, await agencyId(t.db, 'ban-dan-van'), await agencyId(t.db, 'ban-to-chuc')],
    );

    const covered = { extension: 0, milestone: 0, contributions: 0, progress: 0, completed: 0, allowed: 0 };
    for (const username of ['vanphong', 'ban-tuyen-giao', 'thuongvu']) {
      const auth = await login(username);
      const page = await t.http.get('/api/tasks?limit=10000').set(auth).expect(200);
      expect(page.headers['content-type']).toMatch(/^application\/json/);
      expect(page.body).toEqual(expect.objectContaining({ limit: 10000, offset: 0 }));
      expect(page.body.items.length).toBeGreaterThan(0);
      expect(page.body.total).toBe(page.body.items.length);
      const cards = page.body.items as Record<string, unknown>[];
      // Eight task pages at a time: one by one, the hundreds of reads took over a minute on a loaded machine.
      const details: Record<string, unknown>[] = [];
      for (let i = 0; i < cards.length; i += 8) {
        const got = await Promise.all(
          cards.slice(i, i + 8).map((card) =>
            t.http
              .get(`/api/tasks/${card.id as string}`)
              .set(auth)
              .expect(200),
          ),
        );
        details.push(...got.map((r) => r.body as Record<string, unknown>));
      }
      for (const [i, card] of cards.entries()) {
        const detail = { body: details[i] };
        const summary = Object.fromEntries(Object.keys(card).map((k) => [k, detail.body[k]]));
        expect({ username, card }).toEqual({ username, card: summary });
        expect(Object.keys(card).sort()).toEqual(Object.keys(page.body.items[0] as object).sort());
        covered.extension += card.openExtensionRequest ? 1 : 0;
        covered.milestone += card.nextMilestone ? 1 : 0;
        covered.contributions += card.contributions ? 1 : 0;
        covered.progress += card.progressAt ? 1 : 0;
        covered.completed += card.completedAt ? 1 : 0;
        covered.allowed += (card.allowedEvents as string[]).length ? 1 : 0;
      }
    }
    // The comparison saw every kind of field filled in, not only nulls.
    for (const [what, n] of Object.entries(covered)) expect({ what, some: n > 0 }).toEqual({ what, some: true });
  }, 180_000);

  it('an agency’s board holds only its own tasks, and a deep page tells the total', async () => {
    const auth = await login('ban-tuyen-giao');
    const mine = await agencyId(t.db, 'ban-tuyen-giao');
    const all = await t.http.get('/api/tasks?limit=10000').set(auth).expect(200);
    for (const card of all.body.items as { leadAgencyId: string; coordinatingAgencyIds: string[] }[]) {
      expect(card.leadAgencyId === mine || card.coordinatingAgencyIds.includes(mine)).toBe(true);
    }
    const second = await t.http.get('/api/tasks?limit=2&offset=2').set(auth).expect(200);
    expect(second.body.total).toBe(all.body.total);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual(
      all.body.items.slice(2, 4).map((c: { id: string }) => c.id),
    );
  });

  it('lead= and attention=true pick exactly the cards the board used to narrow to in the browser', async () => {
    const escalated = await makeTask(t.db, { state: 'in_progress', dueDate: '2099-12-31' });
    await t.db.query(`UPDATE tasks SET escalation_level = 2 WHERE id = $1`, [escalated.id]);
    const settled = await makeTask(t.db, { state: 'approved', dueDate: '2099-12-31' });
    await t.db.query(`UPDATE tasks SET escalation_level = 1 WHERE id = $1`, [settled.id]);
    type Card = {
      id: string;
      leadAgencyId: string | null;
      deadlineStatus: string;
      escalationLevel: number;
      state: string;
    };
    const ids = (cards: Card[]) => cards.map((c) => c.id);
    const auth = await login('vanphong');
    const all = (await t.http.get('/api/tasks?limit=10000').set(auth).expect(200)).body.items as Card[];
    const lead = await agencyId(t.db, 'ban-tuyen-giao');
    const led = await t.http.get(`/api/tasks?limit=10000&lead=${lead}`).set(auth).expect(200);
    const expectedLed = all.filter((c) => c.leadAgencyId === lead);
    expect(expectedLed.length).toBeGreaterThan(0);
    expect(all.some((c) => c.leadAgencyId !== lead)).toBe(true);
    expect(ids(led.body.items)).toEqual(ids(expectedLed));
    expect(led.body.total).toBe(expectedLed.length);

    // needsAttention() of apps/web/src/board/board-model.ts.
    const owed = (c: Card) =>
      c.deadlineStatus === 'overdue' || (c.escalationLevel > 0 && c.state !== 'approved' && c.state !== 'cancelled');
    const attention = await t.http.get('/api/tasks?limit=10000&attention=true').set(auth).expect(200);
    const expectedAttention = all.filter(owed);
    expect(expectedAttention.some((c) => c.deadlineStatus === 'overdue')).toBe(true);
    expect(ids(expectedAttention)).toContain(escalated.id);
    expect(ids(attention.body.items)).toEqual(ids(expectedAttention));
    expect(ids(attention.body.items)).not.toContain(settled.id);

    await t.http.get('/api/tasks?attention=false').set(auth).expect(400);
    await t.http.get('/api/tasks?lead=ban-tuyen-giao').set(auth).expect(400);
  });

  it('pages after the first (cards built after OFFSET) hold the same cards, in the same order, as one page', async () => {
    const auth = await login('vanphong');
    const all = await t.http.get('/api/tasks?limit=10000').set(auth).expect(200);
    const walked: unknown[] = [];
    for (let offset = 0; offset < all.body.total; offset += 7) {
      const page = await t.http.get(`/api/tasks?limit=7&offset=${offset}`).set(auth).expect(200);
      expect(page.body.total).toBe(all.body.total);
      walked.push(...(page.body.items as unknown[]));
    }
    expect(walked.length).toBeGreaterThan(14);
    expect(walked).toEqual(all.body.items);
  });

  it('countUpTo counts only so far: past it the total is the cap and says so, never less than the page shows', async () => {
    const auth = await login('vanphong');
    const all = await t.http.get('/api/tasks?limit=10000').set(auth).expect(200);
    const n = all.body.total as number;
    expect(n).toBeGreaterThan(12);
    const page = (q: string) => t.http.get(`/api/tasks?${q}`).set(auth).expect(200);

    // More match than the cap: the total is the cap, flagged.
    const capped = await page('limit=3&countUpTo=8');
    expect(capped.body).toMatchObject({ total: 8, totalCapped: true, limit: 3, offset: 0 });
    expect(capped.body.items).toEqual(all.body.items.slice(0, 3));
    // A cap at or above the count: the exact count, not flagged.
    expect((await page(`limit=3&countUpTo=${n}`)).body).toMatchObject({ total: n, totalCapped: false });
    expect((await page(`limit=3&countUpTo=${n + 50}`)).body).toMatchObject({ total: n, totalCapped: false });
    // One below the count: capped.
    expect((await page(`limit=3&countUpTo=${n - 1}`)).body).toMatchObject({ total: n - 1, totalCapped: true });
    // A short page knows its total without counting.
    expect((await page(`limit=10000&countUpTo=2`)).body).toMatchObject({ total: n, totalCapped: false });
    // The cap never falls below the page's own end: offset 6 + limit 3 shows 9 of them.
    const deep = await page('limit=3&offset=6&countUpTo=2');
    expect(deep.body).toMatchObject({ total: 9, totalCapped: true });
    expect(deep.body.items).toEqual(all.body.items.slice(6, 9));
    // Without countUpTo the answer is as before: exact, and no flag.
    const plain = await page('limit=3');
    expect(plain.body.total).toBe(n);
    expect(plain.body).not.toHaveProperty('totalCapped');

    await t.http.get('/api/tasks?countUpTo=0').set(auth).expect(400);
    await t.http.get('/api/tasks?countUpTo=many').set(auth).expect(400);
  });

  it('a deadline-status filter finds exactly the tasks whose cards have those statuses, whatever the combination', async () => {
    // The filter also narrows by state and due date (deadlineStatusNarrowingSql); these tasks sit on each side
    // of every boundary it draws: today, the due-soon window, a deadline moved past today by a day off, drafts
    // and cancelled work with deadlines, approval on and after the day.
    const today = localDate(new Date());
    const day = (offset: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    for (const offset of [-1, 0, 1, 6, 7, 8, 30]) await makeTask(t.db, { state: 'in_progress', dueDate: day(offset) });
    const movedByDayOff = await makeTask(t.db, { state: 'assigned', dueDate: day(-1) });
    await t.db.query(`UPDATE tasks SET effective_due_date = $2::date WHERE id = $1`, [movedByDayOff.id, day(1)]);
    // The narrowing rests on the day a deadline ends never being before the deadline: the database holds it.
    await expect(
      t.db.query(`UPDATE tasks SET effective_due_date = $2::date WHERE id = $1`, [movedByDayOff.id, day(-2)]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'tasks_effective_due_date_check' });
    await makeTask(t.db, { state: 'drafted', dueDate: day(-3) });
    await makeTask(t.db, { state: 'cancelled', dueDate: day(-3) });
    for (const done of [-2, 1]) {
      const approved = await makeTask(t.db, { state: 'approved', dueDate: day(0) });
      await t.db.query(`UPDATE tasks SET completed_at = $2::date + time '03:00' WHERE id = $1`, [
        approved.id,
        day(done),
      ]);
    }
    const office = await login('vanphong');
    const all: { id: string; deadlineStatus: string | null }[] = (
      await t.http.get('/api/tasks').query({ limit: 10_000 }).set(office).expect(200)
    ).body.items;
    const moved = all.find((c) => c.id === movedByDayOff.id);
    expect(moved?.deadlineStatus).toBe('due_soon');
    const statuses = ['not_due', 'due_soon', 'overdue', 'on_time', 'late'];
    for (const s of statuses) expect(all.some((c) => c.deadlineStatus === s)).toBe(true);
    for (let mask = 1; mask < 1 << statuses.length; mask++) {
      const chosen = statuses.filter((_, i) => mask & (1 << i));
      const res = await t.http
        .get('/api/tasks')
        .query({ deadlineStatus: chosen.join(','), limit: 10_000 })
        .set(office)
        .expect(200);
      const expected = all.filter((c) => chosen.includes(c.deadlineStatus ?? '')).map((c) => c.id);
      expect({ chosen, ids: (res.body.items as { id: string }[]).map((c) => c.id) }).toEqual({ chosen, ids: expected });
      expect(res.body.total).toBe(expected.length);
    }
  });
});
