import { makeTask } from '../e2e/support/fixtures.js';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';

/**
 * History immutability, beyond test/e2e/concurrency.e2e-spec.ts (single-row UPDATE, DELETE, TRUNCATE):
 * the statements that change rows indirectly are refused by the database too, the refusal is the
 * database's own (SQLSTATE 42501), and the guarding triggers are in place and enabled.
 */

describe('history is refused changes by the database itself', () => {
  let t: TestApp;
  let taskId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const task = await makeTask(t.db, { state: 'drafted', lead: 'ban-tuyen-giao' });
    taskId = task.id;
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await t.as('vanphong'))
      .send({ event: 'ASSIGN', expectedVersion: task.version })
      .expect(200);
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (
      await t.db.query(
        `SELECT id, event, from_state, to_state, comment, data, at FROM task_events WHERE task_id = $1`,
        [taskId],
      )
    ).rows;

  it.each([
    [
      'a bulk UPDATE through a CTE',
      `WITH x AS (SELECT id FROM task_events WHERE task_id = $1) UPDATE task_events SET comment = 'sửa' WHERE id IN (SELECT id FROM x)`,
    ],
    [
      'UPDATE ... FROM another table',
      `UPDATE task_events e SET to_state = 'approved' FROM tasks k WHERE k.id = e.task_id AND k.id = $1`,
    ],
    ['DELETE ... USING another table', `DELETE FROM task_events e USING tasks k WHERE k.id = e.task_id AND k.id = $1`],
    [
      'a data-modifying CTE deleting',
      `WITH d AS (DELETE FROM task_events WHERE task_id = $1 RETURNING id) SELECT count(*) FROM d`,
    ],
    [
      'an upsert rewriting a row',
      `INSERT INTO task_events (id, task_id, event, task_version) SELECT id, task_id, 'APPROVE', 99 FROM task_events WHERE task_id = $1 ON CONFLICT (id) DO UPDATE SET event = excluded.event`,
    ],
    [
      'MERGE',
      `MERGE INTO task_events e USING (SELECT $1::uuid AS task_id) s ON e.task_id = s.task_id WHEN MATCHED THEN DELETE`,
    ],
  ])('refuses %s (SQLSTATE 42501, nothing changed)', async (_what, sql) => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    const err = await t.db.query(sql, [taskId]).then(
      () => undefined,
      (e: { code?: string; message: string }) => e,
    );
    expect(err?.message).toMatch(/append-only/);
    expect(err?.code).toBe('42501');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses inside a transaction that would otherwise commit', async () => {
    const before = await snapshot();
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      await expect(c.query(`DELETE FROM task_events WHERE task_id = $1`, [taskId])).rejects.toThrow(/append-only/);
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the guarding triggers exist and are enabled', async () => {
    const triggers = await t.db.query<{ tgname: string; tgenabled: string }>(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'task_events'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers.rows).toEqual([
      { tgname: 'task_events_no_truncate', tgenabled: 'O' },
      { tgname: 'task_events_no_update', tgenabled: 'O' },
    ]);
  });
});
