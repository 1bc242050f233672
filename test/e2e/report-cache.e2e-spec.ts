import {
  CalendarStore,
  createDataSource,
  ROOT_ORGANISATION_ID,
  TaskChangeWriter,
  type ChangeActor,
} from '@dondoc/persistence';
import { addAccount, agencyId } from './support/fixtures.js';
import { CALENDAR_OFF, startTestApp, type TestApp } from './support/test-app.js';
import { until } from './support/wait.js';

/**
 * The report views kept per reader and question (apps/api/src/reports/report-cache.ts): answered again only while
 * nothing they read has changed; after a change, computed again, or (when computing them is slow) answered as they
 * were, marked `refreshing`, until the new figures are there. Each suite has its own database and directive.
 */

interface Summary {
  generatedAt: string;
  refreshing?: boolean;
  figures: { total: number };
  keyFigures: { total: number };
  excluded: { drafted: number; cancelled: number };
}

async function newDirective(t: TestApp, office: Record<string, string>, tag: string): Promise<string> {
  const d = await t.http
    .post('/api/directives')
    .set(office)
    .send({ number: `88-CTr/TU-${tag}-${Date.now()}`, kind: 'action_program', title: `Chương trình thử ${tag}` })
    .expect(201);
  return d.body.id;
}

async function newTask(t: TestApp, office: Record<string, string>, directiveId: string, assign = false) {
  const created = await t.http
    .post('/api/tasks')
    .set(office)
    .send({
      directiveId,
      title: 'Xây dựng kế hoạch kiểm tra, giám sát',
      deliverableType: 'ke_hoach',
      field: 'party_building',
      leadAgencyId: await agencyId(t.db, 'ban-tuyen-giao'),
      dueDate: '2031-06-30',
    })
    .expect(201);
  if (!assign) return created.body as { id: string; version: number };
  const assigned = await t.http
    .post(`/api/tasks/${created.body.id}/transitions`)
    .set(office)
    .send({ event: 'ASSIGN', expectedVersion: created.body.version })
    .expect(200);
  return assigned.body as { id: string; version: number };
}

describe('report views answered again while nothing has changed', () => {
  let t: TestApp;
  let office: Record<string, string>;
  let directiveId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { ownDatabase: true });
    office = await t.as('vanphong');
    directiveId = await newDirective(t, office, 'CACHE');
  });
  afterAll(() => t?.close());

  const summary = async (headers = office) =>
    (await t.http.get('/api/reports/summary').query({ directiveId }).set(headers).expect(200)).body as Summary;

  it('answers the same figures again, then the figures of now once a task has changed', async () => {
    const drafted = await newTask(t, office, directiveId);
    const first = await summary();
    expect(first.excluded.drafted).toBe(1);
    expect(first.figures.total).toBe(0);
    // Nothing changed: the same answer, computed at the same moment.
    const again = await summary();
    expect(again).toEqual(first);
    expect(again.refreshing).toBeUndefined();

    await t.http
      .post(`/api/tasks/${drafted.id}/transitions`)
      .set(office)
      .send({ event: 'ASSIGN', expectedVersion: drafted.version })
      .expect(200);
    const now = await summary();
    expect(now.figures.total).toBe(1);
    expect(now.excluded.drafted).toBe(0);
    expect(Date.parse(now.generatedAt)).toBeGreaterThan(Date.parse(first.generatedAt));
  });

  it('sees a change committed after the figures were computed under a history id below the last one', async () => {
    const task = await newTask(t, office, directiveId, true);
    const before = await summary();
    const ds = createDataSource({ url: t.config.databaseUrl, poolSize: 2 });
    await ds.initialize();
    const writer = new TaskChangeWriter(new CalendarStore(CALENDAR_OFF));
    const me = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`)).rows[0].id;
    const actor: ChangeActor = { userId: me, role: 'office', agencyId: null };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let applied!: () => void;
    const written = new Promise<void>((r) => (applied = r));
    try {
      // The change takes its history id, then waits uncommitted.
      const change = ds.transaction(async (em) => {
        const r = await writer.apply(em, {
          kind: 'PEOPLE_SET',
          taskId: task.id,
          actor,
          from: 'assigned',
          set: { isKey: true },
          data: { isKey: true },
        });
        expect(r?.eventId).toBeTruthy();
        applied();
        await held;
      });
      await written;
      // Another change commits meanwhile, with a later id: the last id is now above the waiting one.
      await newTask(t, office, directiveId);
      const during = await summary();
      expect(during.keyFigures.total).toBe(before.keyFigures.total);
      expect(during.excluded.drafted).toBe(before.excluded.drafted + 1);
      release();
      await change;
      // The last id has not moved, but the waiting one is now there: computed again.
      const after = await summary();
      expect(after.keyFigures.total).toBe(before.keyFigures.total + 1);
    } finally {
      release();
      await ds.destroy();
    }
  });

  it('answers each reader from their own figures: a classified task counts only for those on its list', async () => {
    // Two Office accounts: the one who classifies is on the list, the other is not.
    const clerk = await addAccount(t.db, `vp-clerk-${Date.now()}`, 'office', ROOT_ORGANISATION_ID);
    const secret = (
      await t.http
        .post('/api/directives')
        .set(office)
        .send({
          number: `89-CTr/TU-M-${Date.now()}`,
          kind: 'action_program',
          title: 'Chương trình mật',
          classification: 'secret',
        })
        .expect(201)
    ).body.id as string;
    await newTask(t, office, secret, true);
    const all = async (who: string) =>
      (
        await t.http
          .get('/api/reports/summary')
          .set(await t.as(who))
          .expect(200)
      ).body as Summary & {
        hidden: number;
      };
    const cleared = await all('vanphong');
    const notCleared = await all(clerk);
    expect(notCleared.hidden).toBe(cleared.hidden + 1);
    expect(notCleared.figures.total).toBe(cleared.figures.total - 1);
  });

  it('answers readers who see alike from one computation', async () => {
    // Two Office accounts on no list: the same figures, so one computation serves both.
    const one = await addAccount(t.db, `vp-one-${Date.now()}`, 'office', ROOT_ORGANISATION_ID);
    const two = await addAccount(t.db, `vp-two-${Date.now()}`, 'office', ROOT_ORGANISATION_ID);
    const first = await summary(await t.as(one));
    const second = await summary(await t.as(two));
    expect(second).toEqual(first);
    expect(second.generatedAt).toBe(first.generatedAt);
  });

  it('shows a renamed agency at once: names are part of what the figures read', async () => {
    const agency = await agencyId(t.db, 'ban-tuyen-giao');
    const name = async () =>
      (
        (await t.http.get('/api/reports/by-agency').query({ directiveId }).set(office).expect(200)).body as {
          rows: { agencyId: string; agencyName: string }[];
        }
      ).rows.find((r) => r.agencyId === agency)?.agencyName;
    const old = await name();
    expect(old).toBeTruthy();
    await t.http
      .patch(`/api/admin/agencies/${agency}`)
      .set(await t.as('admin'))
      .send({ name: `${old} (đổi tên)` })
      .expect(200);
    expect(await name()).toBe(`${old} (đổi tên)`);
  });
});

describe('report views that are slow to compute, after a change', () => {
  let t: TestApp;
  let office: Record<string, string>;
  let directiveId: string;

  // Every computation counts as slow: after a change, the figures are answered as they were while new ones come.
  beforeAll(async () => {
    t = await startTestApp({ REPORT_CACHE_SYNC_MS: '0' }, { ownDatabase: true });
    office = await t.as('vanphong');
    directiveId = await newDirective(t, office, 'SLOW');
  });
  afterAll(() => t?.close());

  const summary = async () =>
    (await t.http.get('/api/reports/summary').query({ directiveId }).set(office).expect(200)).body as Summary;

  it('answers the figures it has, marked refreshing, then the new ones once computed', async () => {
    const first = await summary();
    expect(first.figures.total).toBe(0);
    await newTask(t, office, directiveId, true);
    const stale = await summary();
    expect(stale).toEqual({ ...first, refreshing: true });
    const fresh = await until('the new figures', async () => {
      const s = await summary();
      return s.refreshing ? undefined : s;
    });
    expect(fresh.figures.total).toBe(1);
    expect(Date.parse(fresh.generatedAt)).toBeGreaterThan(Date.parse(first.generatedAt));
  });

  it('computes a question never asked before, whatever the setting', async () => {
    const other = await newDirective(t, office, 'SLOW2');
    await newTask(t, office, other, true);
    const s = (await t.http.get('/api/reports/summary').query({ directiveId: other }).set(office).expect(200))
      .body as Summary;
    expect(s.figures.total).toBe(1);
    expect(s.refreshing).toBeUndefined();
  });
});
