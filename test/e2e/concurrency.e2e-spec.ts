import { makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ROUNDS = 5;
const RACERS = 20;

describe('two Standing Committee members approving at the same moment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '20' });
  });
  afterAll(() => t.close());

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    `round %i: ${RACERS} parallel APPROVE → exactly one 200, the rest 409, one history row`,
    async () => {
      const task = await makeTask(t.db, { state: 'submitted' });
      const committee = await t.as('thuongvu');
      const responses = await Promise.all(
        Array.from({ length: RACERS }, () =>
          t.http
            .post(`/api/tasks/${task.id}/transitions`)
            .set(committee)
            .send({ event: 'APPROVE', expectedVersion: task.version }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(RACERS - 1);
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body.code).toBe('VERSION_CONFLICT');

      const history = await t.db.query(`SELECT event FROM task_events WHERE task_id = $1`, [task.id]);
      expect(history.rows).toEqual([{ event: 'APPROVE' }]);
      const row = await t.db.query(`SELECT state, version FROM tasks WHERE id = $1`, [task.id]);
      expect(row.rows[0]).toEqual({ state: 'approved', version: task.version + 1 });
      const decided = await t.db.query(`SELECT decision FROM submissions WHERE task_id = $1`, [task.id]);
      expect(decided.rows).toEqual([{ decision: 'approved' }]);
    },
  );

  it('APPROVE racing RETURN: one wins, the history agrees with the final state', async () => {
    const task = await makeTask(t.db, { state: 'submitted' });
    const committee = await t.as('thuongvu');
    const send = (event: string) =>
      t.http
        .post(`/api/tasks/${task.id}/transitions`)
        .set(committee)
        .send({ event, expectedVersion: task.version, comment: 'Bổ sung số liệu' });
    const responses = await Promise.all([send('APPROVE'), send('RETURN'), send('APPROVE'), send('RETURN')]);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    const winner = responses.find((r) => r.status === 200)!;
    const history = await t.db.query(`SELECT to_state FROM task_events WHERE task_id = $1`, [task.id]);
    expect(history.rows).toEqual([{ to_state: winner.body.state }]);
  });
});

describe('history is immutable in the database itself', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses UPDATE, DELETE and TRUNCATE on task_events, even for the table owner', async () => {
    const row = await t.db.query<{ id: string }>(`SELECT id FROM task_events LIMIT 1`);
    expect(row.rows).toHaveLength(1);
    await expect(t.db.query(`UPDATE task_events SET comment = 'sửa' WHERE id = $1`, [row.rows[0].id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM task_events WHERE id = $1`, [row.rows[0].id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE task_events`)).rejects.toThrow(/append-only/);
  });
});
