import { ROLE_ACCOUNTS } from '@dondoc/api';
import {
  DEMO_AGENCIES,
  SYSTEM_ACTOR,
  CalendarStore,
  TaskChangeWriter,
  createDataSource,
  type ChangeActor,
} from '@dondoc/persistence';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { makeTask } from './support/fixtures.js';
import { CALENDAR_OFF, prepareDatabase, testDatabaseUrl } from './support/test-app.js';

/** The one writer of task changes, on the real schema: what one change writes, and what it refuses. */
describe('TaskChangeWriter', () => {
  let ds: DataSource;
  let pool: pg.Pool;
  // The suites' calendar is off (see test-app.ts): a deadline ends on its own day.
  const writer = new TaskChangeWriter(new CalendarStore(CALENDAR_OFF));
  let office: ChangeActor;
  let lead: ChangeActor;

  const user = async (username: string): Promise<ChangeActor> => {
    const rows: { id: string; role: string; agency_id: string | null }[] = await ds.query(
      `SELECT id, role, agency_id FROM users WHERE username = $1`,
      [username],
    );
    return { userId: rows[0].id, role: rows[0].role, agencyId: rows[0].agency_id };
  };
  const counts = async (taskId: string) => {
    const rows: Record<string, number>[] = await ds.query(
      `SELECT (SELECT count(*)::int FROM task_events WHERE task_id = $1) AS history,
              (SELECT count(*)::int FROM notifications WHERE task_id = $1) AS notifications,
              (SELECT count(*)::int FROM outbox WHERE task_id = $1) AS outbox,
              (SELECT count(*)::int FROM scheduled_actions WHERE task_id = $1) AS schedule`,
      [taskId],
    );
    return rows[0];
  };

  /** The demo province's own accounts: one per role, one per agency (apps/api/src/seed). */
  const DEMO_USERNAMES = [...ROLE_ACCOUNTS.map((u) => u.username), ...DEMO_AGENCIES.map((a) => a.code)];

  beforeAll(async () => {
    await prepareDatabase();
    ds = createDataSource({ url: testDatabaseUrl(), poolSize: 2 });
    await ds.initialize();
    pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    office = await user('vanphong');
    lead = await user('ban-tuyen-giao');
  });

  afterAll(async () => {
    await ds?.destroy();
    await pool?.end();
  });

  it('writes the task, one history row, the schedule, the notifications and one outbox row naming the recipients', async () => {
    const task = await makeTask(pool, { state: 'in_progress', coordinating: ['ban-dan-van'] });
    const applied = await writer.apply(ds, {
      kind: 'CANCEL',
      taskId: task.id,
      actor: office,
      from: 'in_progress',
      expect: { version: task.version },
      set: { state: 'cancelled' },
      comment: 'Không còn phù hợp',
      schedule: { cancelRungs: ['remind_before', 'overdue', 'escalate', 'review_reminder'], add: [] },
      requestId: 'req-writer-1',
    });
    expect(applied).toBeDefined();
    expect(applied!.task).toMatchObject({ id: task.id, state: 'cancelled', version: task.version + 1 });
    const history: { event: string; from_state: string; to_state: string; comment: string; task_version: number }[] =
      await ds.query(`SELECT event, from_state, to_state, comment, task_version FROM task_events WHERE task_id = $1`, [
        task.id,
      ]);
    expect(history).toEqual([
      {
        event: 'CANCEL',
        from_state: 'in_progress',
        to_state: 'cancelled',
        comment: 'Không còn phù hợp',
        task_version: task.version + 1,
      },
    ]);
    // By agency or role, and over the demo province's own accounts: other suites add, move and disable
    // accounts while this one runs.
    const told: { who: string; body: string; username: string }[] = await ds.query(
      `SELECT coalesce(a.code, u.role) AS who, n.body, u.username
         FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN agencies a ON a.id = u.agency_id
        WHERE n.task_id = $1 AND u.username = ANY($2) ORDER BY 1`,
      [task.id, DEMO_USERNAMES],
    );
    // CANCEL: lead, coordinators, Office and Standing Committee; never the author (the only Office user).
    // The author, the only Office account of the demo province, never is.
    const groups = [...new Set(told.map((r) => r.who))];
    expect(groups).toEqual(['ban-dan-van', 'ban-tuyen-giao', 'standing_committee']);
    expect(told.map((r) => r.username)).not.toContain('vanphong');
    expect(told.every((r) => r.body === 'Không còn phù hợp')).toBe(true);
    const outbox: { kind: string; payload: Record<string, unknown>; request_id: string }[] = await ds.query(
      `SELECT kind, payload, request_id FROM outbox WHERE task_id = $1`,
      [task.id],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'CANCEL', request_id: 'req-writer-1' });
    expect(outbox[0].payload).toMatchObject({ v: 1, change: 'CANCEL', taskId: task.id, taskVersion: task.version + 1 });
    expect([...(outbox[0].payload.recipients as string[])].sort()).toEqual([...applied!.recipients].sort());
    // Three of the demo's accounts; accounts other suites add to the same agencies meanwhile are theirs to check.
    const demo: { id: string }[] = await ds.query(`SELECT id FROM users WHERE username = ANY($1)`, [DEMO_USERNAMES]);
    const demoIds = new Set(demo.map((r) => r.id));
    expect(applied!.recipients.filter((id) => demoIds.has(id))).toHaveLength(3);
  });

  it('writes nothing at all when the task is no longer the version or the state the change was decided on', async () => {
    const task = await makeTask(pool, { state: 'assigned' });
    const before = await counts(task.id);
    const stale = await writer.apply(ds, {
      kind: 'START',
      taskId: task.id,
      actor: lead,
      from: 'assigned',
      expect: { version: task.version - 1 },
      set: { state: 'in_progress' },
    });
    const wrongState = await writer.apply(ds, {
      kind: 'COMMENT',
      taskId: task.id,
      actor: lead,
      from: 'in_progress',
      comment: 'x',
    });
    expect(stale).toBeUndefined();
    expect(wrongState).toBeUndefined();
    expect(await counts(task.id)).toEqual(before);
  });

  it('refuses to change state or deadline without an expected version', async () => {
    const task = await makeTask(pool, { state: 'assigned' });
    await expect(
      writer.apply(ds, {
        kind: 'START',
        taskId: task.id,
        actor: lead,
        from: 'assigned',
        set: { state: 'in_progress' },
      }),
    ).rejects.toThrow(/without an expected version/);
    await expect(
      writer.apply(ds, {
        kind: 'EDIT',
        taskId: task.id,
        actor: office,
        from: 'assigned',
        set: { dueDate: '2031-01-01' },
      }),
    ).rejects.toThrow(/without an expected version/);
  });

  it('makes a change with a dedupe key once, however often it is applied', async () => {
    const task = await makeTask(pool, { state: 'in_progress' });
    const change = {
      kind: 'remind_before' as const,
      taskId: task.id,
      actor: SYSTEM_ACTOR,
      from: 'in_progress' as const,
      historyEvent: 'REMINDED',
      dedupeKey: `writer-spec-${task.id}-remind`,
    };
    const first = await writer.apply(ds, change);
    const second = await writer.apply(ds, change);
    expect(first!.eventId).not.toBeNull();
    expect(first!.recipients).toHaveLength(1);
    expect(second!.eventId).toBeNull();
    expect(second!.recipients).toEqual([]);
    expect(await counts(task.id)).toEqual({ history: 1, notifications: 1, outbox: 1, schedule: 0 });
  });

  it('records an action fired 40 days late (lateness past 32 bits of milliseconds)', async () => {
    const task = await makeTask(pool, { state: 'in_progress' });
    const jobId = `writer-late-${task.id}`;
    await writer.apply(ds, {
      kind: 'EDIT',
      taskId: task.id,
      actor: office,
      from: 'in_progress',
      schedule: {
        cancelRungs: [],
        add: [
          {
            rung: 'overdue',
            offset: 'PT0S',
            version: 1,
            level: 1,
            audiences: ['lead_agency', 'office'],
            job_id: jobId,
            due_at: new Date(Date.now() - 40 * 86_400_000).toISOString(),
          },
        ],
      },
    });
    const action: { id: string }[] = await ds.query(`SELECT id FROM scheduled_actions WHERE job_id = $1`, [jobId]);
    const latenessMs = 40 * 86_400_000;
    const fired = await writer.apply(ds, {
      kind: 'overdue',
      taskId: task.id,
      actor: SYSTEM_ACTOR,
      from: 'in_progress',
      historyEvent: 'ESCALATED',
      set: { escalationLevel: { atLeast: 1 } },
      dedupeKey: jobId,
      firedAction: { id: action[0].id, firedAt: new Date(), latenessMs },
    });
    expect(fired!.task.escalation_level).toBe(1);
    const row: { status: string; lateness_ms: string }[] = await ds.query(
      `SELECT status, lateness_ms FROM scheduled_actions WHERE id = $1`,
      [action[0].id],
    );
    expect(row[0]).toEqual({ status: 'done', lateness_ms: String(latenessMs) });
  });

  it('creates drafts with their CREATE rows and tells nobody', async () => {
    const directive: { id: string }[] = await ds.query(`SELECT id FROM directives WHERE number = '07-CTr/TU'`);
    const code = `WR-${process.pid}-${Date.now().toString(36)}`;
    const [row] = await writer.create(
      ds,
      directive[0].id,
      [
        {
          code,
          title: 'Đề án thử',
          description: '',
          deliverableType: 'de_an',
          field: 'economy',
          leadAgencyId: lead.agencyId,
          coordinatingAgencyIds: [],
          dueDate: null,
          deadlineText: null,
          searchText: code.toLowerCase(),
        },
      ],
      office,
    );
    expect(row).toMatchObject({ code, state: 'drafted', version: 1 });
    expect(await counts(row.id)).toEqual({ history: 1, notifications: 0, outbox: 1, schedule: 0 });
  });
});
