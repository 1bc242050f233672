import type { MilestoneListDto } from '@dondoc/contracts';
import type { Page } from 'playwright-core';
import { makeTask } from '../e2e/support/fixtures.js';
import { boardReady, poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The parts of a task on the screen (issue 15): the lead agency's head names its handling officer in the
// panel, the officer finds the task under "Việc của tôi", the Office adds a milestone and the card shows it.
// Tasks are made here; the demo accounts bcsd-ubnd (the agency's head) and bcsd-ubnd.cv1 (an officer) act.

jest.setTimeout(240_000);

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

const card = (id: string) => `[data-testid="task-card-${id}"]`;

async function codeOf(id: string): Promise<string> {
  const r = await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [id]);
  return r.rows[0].code;
}

async function userId(username: string): Promise<string> {
  const r = await b.t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
  return r.rows[0].id;
}

async function session(username: string): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  return page;
}

/** The board narrowed by the URL (columns are virtualised: a fresh task may sit below the fold otherwise). */
async function board(page: Page, query: Record<string, string>): Promise<void> {
  await page.goto(`/?${new URLSearchParams(query).toString()}`);
  await boardReady(page);
}

async function milestonesOf(taskId: string): Promise<MilestoneListDto> {
  const res = await b.t.http.get(`/api/tasks/${taskId}/milestones`).set(await b.t.as('vanphong'));
  if (res.status !== 200) throw new Error(`milestones: ${res.status} ${res.text}`);
  return res.body as MilestoneListDto;
}

describe('a task’s parts on the screen', () => {
  it('the head assigns the task to cv1; cv1 finds it under “Việc của tôi”; the Office adds a milestone; the card shows it', async () => {
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: 'bcsd-ubnd', dueDate: '2030-12-31' });
    const other = await makeTask(b.t.db, { state: 'in_progress', lead: 'bcsd-ubnd', dueDate: '2030-12-31' });
    const code = await codeOf(task.id);
    const otherCode = await codeOf(other.id);
    const cv1 = await userId('bcsd-ubnd.cv1');

    // 1. The agency's head names cv1 in the panel's "Phân công".
    const head = await session('bcsd-ubnd');
    await head.goto(`/?task=${task.id}`);
    const drawer = head.getByTestId('task-drawer');
    await drawer.waitFor({ state: 'visible' });
    const form = drawer.getByTestId('people-form');
    await withEvidence(head, 'parts-head-assigns', async () => {
      const assignee = form.getByTestId('people-assignee-select');
      // The pickers list the agency's own people (its officers among them) once they are loaded.
      await assignee.locator(`option[value="${cv1}"]`).waitFor({ state: 'attached' });
      // The Office's pickers are not the head's.
      expect(await form.getByTestId('people-monitoring-select').count()).toBe(0);
      await assignee.selectOption(cv1);
      await form.locator('textarea[name="peopleComment"]').fill('Giao đồng chí Trang xử lý');
      await form.getByTestId('people-save').click();
      await poll(
        () => b.task(task.id),
        (t) => t.assigneeUserId === cv1,
        { what: 'cv1 named on the server' },
      );
      await drawer.getByTestId('people-saved').waitFor();
      expect(await drawer.getByTestId('people-assignee').textContent()).toContain('Phạm Thu Trang');
    });
    const history = (await b.task(task.id)).history.map((h) => h.event);
    expect(history).toContain('PEOPLE_SET');

    // 2. cv1 presses "Việc của tôi": the task assigned to them is there, the agency's unassigned one is not.
    const officer = await session('bcsd-ubnd.cv1');
    await board(officer, { q: code });
    await withEvidence(officer, 'parts-officer-mine', async () => {
      await officer.locator(card(task.id)).waitFor({ state: 'visible' });
      await officer.getByTestId('filter-mine').click();
      await poll(
        () => Promise.resolve(new URL(officer.url()).searchParams.get('mine')),
        (m) => m === '1',
        { what: '“Việc của tôi” in the URL' },
      );
      // The URL changes a render before the button shows it pressed (failed once in CI when read at once).
      await poll(
        () => officer.getByTestId('filter-mine').getAttribute('aria-pressed'),
        (pressed) => pressed === 'true',
        { what: '“Việc của tôi” pressed' },
      );
      const shown = officer.locator(card(task.id));
      await shown.waitFor({ state: 'visible' });
      expect(await shown.getByTestId('card-officer').textContent()).toContain('Phạm Thu Trang');
    });
    // The other task of the agency, assigned to nobody: seen on the agency's board, not under "Việc của tôi".
    await board(officer, { q: otherCode });
    await officer.locator(card(other.id)).waitFor({ state: 'visible' });
    await board(officer, { q: otherCode, mine: '1' });
    await officer.getByTestId('board-empty').waitFor({ state: 'visible' });
    expect(await officer.locator(card(other.id)).count()).toBe(0);
    // "Tôi theo dõi" is the Office's, not an agency's.
    expect(await officer.getByTestId('filter-watching').count()).toBe(0);

    // 3. The Office adds a milestone in the panel's "Mốc thực hiện".
    const office = await session('vanphong');
    await office.goto(`/?task=${task.id}&q=${encodeURIComponent(code)}`);
    const panel = office.getByTestId('task-drawer');
    await panel.waitFor({ state: 'visible' });
    const section = panel.getByTestId('drawer-milestones-section');
    await withEvidence(office, 'parts-office-milestone', async () => {
      await section.getByTestId('milestone-list').waitFor();
      await section.getByTestId('milestones-edit').click();
      await section.getByTestId('milestone-add').click();
      const row = section.getByTestId('milestone-row').last();
      await row.getByTestId('milestone-label-input').fill('Hoàn thành dự thảo kế hoạch');
      // A date after the task's deadline is refused on the screen before the server is asked.
      await row.getByTestId('milestone-date-input').fill('15/01/2031');
      await section.getByTestId('milestones-save').click();
      await section.getByText('Mốc sau hạn của nhiệm vụ').waitFor();
      expect((await milestonesOf(task.id)).items).toHaveLength(0);
      await row.getByTestId('milestone-date-input').fill('31/03/2030');
      await section.getByTestId('milestones-save').click();
      await poll(
        () => milestonesOf(task.id),
        (m) => m.items.length === 1 && m.items[0]?.dueDate === '2030-03-31',
        { what: 'the milestone on the server' },
      );
      const item = section.getByTestId('milestone');
      await item.waitFor();
      expect(await item.textContent()).toContain('Hoàn thành dự thảo kế hoạch');
      expect(await item.getAttribute('data-status')).toBe('open');
    });

    // 4. The card (behind the panel, refreshed by the write) shows the next milestone.
    await panel.getByTestId('drawer-close').click();
    const officeCard = office.locator(card(task.id));
    await withEvidence(office, 'parts-card-milestone', async () => {
      const milestone = officeCard.getByTestId('card-milestone');
      await milestone.waitFor({ state: 'visible' });
      expect((await milestone.textContent())?.trim()).toBe('Mốc 31/03');
      expect(await milestone.getAttribute('data-status')).toBe('not_due');
    });

    // 5. cv1, working on the task assigned to them, marks the milestone reached.
    await officer.goto(`/?task=${task.id}`);
    const cvPanel = officer.getByTestId('task-drawer');
    await cvPanel.waitFor({ state: 'visible' });
    // An officer does not name people: no form for them.
    await cvPanel.getByTestId('people-facts').waitFor();
    expect(await cvPanel.getByTestId('people-form').count()).toBe(0);
    await cvPanel.getByTestId('milestone-done').click();
    await poll(
      () => milestonesOf(task.id),
      (m) => m.items[0]?.doneAt !== null,
      { what: 'the milestone reached on the server' },
    );
    await cvPanel.locator('[data-testid="milestone"][data-status="done_on_time"]').waitFor();
  });

  it('the Office marks a key task; “Trọng tâm” narrows the board and the list to key tasks', async () => {
    const task = await makeTask(b.t.db, { state: 'assigned', lead: 'ban-tuyen-giao', dueDate: '2030-12-31' });
    const code = await codeOf(task.id);
    const office = await session('vanphong');
    await office.goto(`/?task=${task.id}`);
    const drawer = office.getByTestId('task-drawer');
    await drawer.waitFor({ state: 'visible' });
    const form = drawer.getByTestId('people-form');
    await withEvidence(office, 'parts-office-key', async () => {
      await form.getByTestId('people-authority-select').selectOption('standing_board');
      await form.getByTestId('people-key-toggle').check();
      await form.getByTestId('people-save').click();
      await poll(
        () => b.task(task.id),
        (t) => t.isKey && t.decidingAuthority === 'standing_board',
        { what: 'key flag and authority on the server' },
      );
      await drawer.locator('[data-testid="people-key"][data-key="true"]').waitFor();
      expect(await drawer.getByTestId('people-authority').textContent()).toBe('Thường trực Tỉnh ủy');
    });

    await board(office, { q: code, key: '1' });
    await office.locator(card(task.id)).getByTestId('key-badge').waitFor({ state: 'visible' });
    expect(await office.getByTestId('filter-key').getAttribute('aria-pressed')).toBe('true');
    await board(office, { q: code, key: '1', view: 'list' });
    const row = office.locator(`[data-testid="task-row"][data-task-id="${task.id}"]`);
    await row.getByTestId('row-key').waitFor({ state: 'visible' });
    // The agency's head cannot set the Office's keys: the panel offers no such control.
    const agency = await session('ban-tuyen-giao');
    await agency.goto(`/?task=${task.id}`);
    await agency.getByTestId('task-drawer').getByTestId('people-facts').waitFor();
    expect(await agency.getByTestId('people-key-toggle').count()).toBe(0);
  });

  it('the board and the panel offer an action only to those the rules let send it: the officer assigned, the deciding authority', async () => {
    const mine = await makeTask(b.t.db, { state: 'in_progress', lead: 'bcsd-ubnd', dueDate: '2030-12-31' });
    const unassigned = await makeTask(b.t.db, { state: 'in_progress', lead: 'bcsd-ubnd', dueDate: '2030-12-31' });
    const cv1 = await userId('bcsd-ubnd.cv1');
    await b.t.db.query(`UPDATE tasks SET assignee_user_id = $2 WHERE id = $1`, [mine.id, cv1]);
    // The agency's setting as the demo has it: officers work only on the tasks assigned to them.
    await b.t.db.query(`UPDATE agencies SET officers_act_on_all = false WHERE code = 'bcsd-ubnd'`);

    const officer = await session('bcsd-ubnd.cv1');
    /** The events the card's ⋯ menu offers on this task ([] when the card has no menu: nothing to do). */
    const offered = async (page: Page, id: string): Promise<string[]> => {
      await board(page, { q: await codeOf(id) });
      await page.locator(card(id)).waitFor({ state: 'visible' });
      const button = page.getByTestId(`task-actions-${id}`);
      if ((await button.count()) === 0) return [];
      await button.click();
      const menu = page.locator('.task-actions-menu');
      await menu.waitFor({ state: 'visible' });
      const ids = await menu
        .locator('[data-testid^="action-"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
      await page.keyboard.press('Escape');
      return ids.map((x) => x.replace('action-', ''));
    };
    await withEvidence(officer, 'parts-officer-actions', async () => {
      expect(await offered(officer, mine.id)).toEqual(['SUBMIT']);
      expect(await offered(officer, unassigned.id)).toEqual([]);
      // The panel agrees with the card: nothing to send on the task of someone else.
      await officer.goto(`/?task=${unassigned.id}`);
      const drawer = officer.getByTestId('task-drawer');
      await drawer.getByTestId('people-facts').waitFor();
      expect(await drawer.locator('[data-testid^="task-action-"]').count()).toBe(0);
    });
    // The server says the same: the officer may not submit the unassigned task.
    const refused = await b.t.http
      .post(`/api/tasks/${unassigned.id}/transitions`)
      .set(await b.t.as('bcsd-ubnd.cv1'))
      .send({ event: 'SUBMIT', expectedVersion: unassigned.version });
    expect(refused.status).toBe(403);

    // A submitted task the Office decides (by delegation): the Office approves it, the Standing Committee not.
    const delegated = await makeTask(b.t.db, { state: 'submitted', lead: 'bcsd-ubnd', dueDate: '2030-12-31' });
    await b.t.db.query(`UPDATE tasks SET deciding_authority = 'office' WHERE id = $1`, [delegated.id]);
    const committee = await session('thuongvu');
    const office = await session('vanphong');
    await withEvidence(committee, 'parts-authority-actions', async () => {
      expect(await offered(committee, delegated.id)).toEqual([]);
      expect(await offered(office, delegated.id)).toEqual(['APPROVE', 'RETURN']);
    });
  });

  it('an agency head lets officers work on every task; the Office names an agency’s monitoring officer', async () => {
    const agency = (await b.t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-dan-van'`)).rows[0]
      .id;
    const settingsOf = async () =>
      (await b.t.http.get(`/api/agencies/${agency}/settings`).set(await b.t.as('vanphong'))).body as {
        officersActOnAll: boolean;
        monitoringUserId: string | null;
      };
    const before = await settingsOf();
    const head = await session('ban-dan-van');
    // The settings live in the header's ☰ menu, on every page.
    await head.getByTestId('app-menu-button').click();
    await head.getByTestId('agency-settings-open').click();
    const dialog = head.getByTestId('agency-settings-dialog');
    await withEvidence(head, 'parts-head-settings', async () => {
      const box = dialog.getByTestId('officers-act-on-all');
      await box.waitFor();
      expect(await box.isChecked()).toBe(before.officersActOnAll);
      await box.click();
      await poll(settingsOf, (s) => s.officersActOnAll === !before.officersActOnAll, { what: 'the setting saved' });
    });
    await dialog.getByTestId('agency-settings-close').click();
    // Closing the dialog leaves the menu open, with focus back on the button that opened it.
    await dialog.waitFor({ state: 'hidden' });
    expect(await head.evaluate('document.activeElement?.dataset.testid')).toBe('agency-settings-open');
    // An officer has no such button.
    const officer = await session('bcsd-ubnd.cv1');
    expect(await officer.getByTestId('agency-settings-open').count()).toBe(0);

    const office = await session('vanphong');
    await office.getByTestId('app-menu-button').click();
    await office.getByTestId('agency-settings-open').click();
    const row = office.locator('[data-testid="monitoring-row"][data-agency-code="ban-dan-van"]');
    const select = row.getByTestId('monitoring-select');
    await withEvidence(office, 'parts-office-monitoring', async () => {
      await poll(
        () => select.isEnabled(),
        (on) => on,
        { what: 'the row’s settings loaded' },
      );
      // The demo's Office account; the row flips between it and nobody, whatever the demo started with.
      const vanphong = await userId('vanphong');
      const pick = before.monitoringUserId === vanphong ? '' : vanphong;
      await select.locator(`option[value="${vanphong}"]`).waitFor({ state: 'attached' });
      expect(await select.inputValue()).toBe(before.monitoringUserId ?? '');
      await select.selectOption(pick);
      await poll(settingsOf, (s) => s.monitoringUserId === (pick || null), { what: 'the monitoring officer saved' });
    });
  });
});
