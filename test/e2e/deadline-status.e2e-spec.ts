import { deadlineStatusCall, localDaySql } from '@dondoc/persistence';
import { deadlineStatus, TASK_STATES, type TaskState } from '@dondoc/workflow';
import fc from 'fast-check';
import pg from 'pg';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

/**
 * `dondoc_deadline_status` (migration 1732900000000, called through `deadlineStatusCall`) against
 * `deadlineStatus()` of libs/workflow, the rule it copies. Instants are drawn near local midnight in
 * Asia/Ho_Chi_Minh (17:00 UTC, give or take milliseconds or minutes) and near the due date, where an
 * off-by-one in the day or the comparison would show.
 */

const DAY_MS = 86_400_000;
const OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh is UTC+7
const LOCAL_MIDNIGHT_UTC_MS = DAY_MS - OFFSET_MS; // 00:00 there is 17:00 UTC the day before
const BATCH = 500;
const BATCHES = 10;

interface Case {
  state: TaskState;
  dueDate: string | null;
  completedAt: Date | null;
  now: Date;
  dueSoonDays: number;
}

const isoDay = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** An offset from an instant: a few milliseconds, a few minutes, or anywhere in the day. */
const jitter = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.integer({ min: -600_000, max: 600_000 }),
  fc.integer({ min: -DAY_MS, max: DAY_MS }),
);

/** An instant near the local midnight that starts the day `days` after the due day. */
const instantAround = (dueDay: number, days: fc.Arbitrary<number>) =>
  fc.tuple(days, jitter).map(([d, j]) => new Date((dueDay + d) * DAY_MS - OFFSET_MS + j));

/** Days from the due day: mostly close to it (both sides of the due-soon window), sometimes far. */
const nearDays = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 2 }) },
  { weight: 3, arbitrary: fc.integer({ min: -35, max: 35 }) },
  { weight: 1, arbitrary: fc.integer({ min: -800, max: 800 }) },
);

const caseArb: fc.Arbitrary<Case> = fc
  // Due days from 1990 to 2060.
  .integer({ min: 7305, max: 32873 })
  .chain((dueDay) =>
    fc.record({
      state: fc.constantFrom(...TASK_STATES),
      dueDate: fc.option(fc.constant(isoDay(dueDay)), { freq: 10 }),
      completedAt: fc.option(instantAround(dueDay, nearDays), { freq: 5 }),
      now: instantAround(dueDay, nearDays),
      dueSoonDays: fc.integer({ min: 0, max: 30 }),
    }),
  );

describe('deadline status: the SQL function equals deadlineStatus()', () => {
  let db: pg.Pool;
  let compared = 0;
  beforeAll(async () => {
    await prepareDatabase();
    db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
  });
  afterAll(() => db.end());

  async function sqlStatuses(cases: readonly Case[]): Promise<(string | null)[]> {
    const status = deadlineStatusCall({
      state: 'x.state',
      dueDate: 'x.due_date',
      doneDay: localDaySql('x.completed_at'),
      today: localDaySql('x.now'),
      dueSoonDays: 'x.due_soon_days',
    });
    const { rows } = await db.query<{ status: string | null }>(
      `SELECT ${status} AS status
         FROM unnest($1::text[], $2::date[], $3::timestamptz[], $4::timestamptz[], $5::int[])
              WITH ORDINALITY AS x(state, due_date, completed_at, now, due_soon_days, i)
        ORDER BY x.i`,
      [
        cases.map((c) => c.state),
        cases.map((c) => c.dueDate),
        cases.map((c) => c.completedAt?.toISOString() ?? null),
        cases.map((c) => c.now.toISOString()),
        cases.map((c) => c.dueSoonDays),
      ],
    );
    return rows.map((r) => r.status);
  }

  it(`agrees on ${BATCH * BATCHES} drawn cases, local-midnight and due-date boundaries included`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: BATCH, maxLength: BATCH }), async (cases) => {
        const sql = await sqlStatuses(cases);
        compared += cases.length;
        const wrong = cases.flatMap((c, i) => {
          const ts = deadlineStatus(c, c.now, { dueSoonDays: c.dueSoonDays });
          return sql[i] === ts ? [] : [`SQL ${String(sql[i])}, deadlineStatus() ${String(ts)}: ${JSON.stringify(c)}`];
        });
        if (wrong.length)
          throw new Error(`${wrong.length} of ${cases.length} differ:\n${wrong.slice(0, 5).join('\n')}`);
      }),
      {
        numRuns: BATCHES,
        // The message names the cases that differ: shrinking a batch would only take time, and printing it all
        // would bury them.
        endOnFailure: true,
        reporter: (run) => {
          if (run.failed) throw new Error(`${String(run.errorInstance)}\n(fast-check seed ${run.seed})`);
        },
      },
    );
    expect(compared).toBeGreaterThanOrEqual(1000);
  });

  it('draws both sides of every boundary', async () => {
    const cases = fc.sample(caseArb, 2000);
    const sql = await sqlStatuses(cases);
    const seen = new Set(sql.map(String));
    expect([...seen].sort()).toEqual(['due_soon', 'late', 'not_due', 'null', 'on_time', 'overdue']);
    // Instants within a second of local midnight, on either side of it.
    const nearMidnight = cases.filter((c) => {
      const ms = (((c.now.getTime() - LOCAL_MIDNIGHT_UTC_MS) % DAY_MS) + DAY_MS) % DAY_MS;
      return ms < 1000 || ms > DAY_MS - 1000;
    });
    expect(nearMidnight.length).toBeGreaterThan(100);
  });

  it('decides the known cases at local midnight', async () => {
    const at = (iso: string) => new Date(iso);
    const cases: Case[] = [
      // Due 2024-03-10: 23:59:59.999 local on the 10th is still the due day, 00:00 on the 11th is overdue.
      {
        state: 'in_progress',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-10T16:59:59.999Z'),
        dueSoonDays: 0,
      },
      {
        state: 'in_progress',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-10T17:00:00.000Z'),
        dueSoonDays: 0,
      },
      // Approved at 23:59:59.999 local on the due day: on time; a millisecond later: late.
      {
        state: 'approved',
        dueDate: '2024-03-10',
        completedAt: at('2024-03-10T16:59:59.999Z'),
        now: at('2024-04-01T00:00:00Z'),
        dueSoonDays: 7,
      },
      {
        state: 'approved',
        dueDate: '2024-03-10',
        completedAt: at('2024-03-10T17:00:00.000Z'),
        now: at('2024-03-01T00:00:00Z'),
        dueSoonDays: 7,
      },
      // Approved without a completion time: judged as of now.
      {
        state: 'approved',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-10T17:00:00.000Z'),
        dueSoonDays: 7,
      },
      // Exactly dueSoonDays ahead, and one more day.
      {
        state: 'assigned',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-02T17:00:00.000Z'),
        dueSoonDays: 7,
      },
      {
        state: 'assigned',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-02T16:59:59.999Z'),
        dueSoonDays: 7,
      },
      {
        state: 'cancelled',
        dueDate: '2024-03-10',
        completedAt: null,
        now: at('2024-03-02T16:59:59.999Z'),
        dueSoonDays: 7,
      },
      { state: 'drafted', dueDate: null, completedAt: null, now: at('2024-03-02T16:59:59.999Z'), dueSoonDays: 7 },
    ];
    expect(await sqlStatuses(cases)).toEqual([
      'due_soon',
      'overdue',
      'on_time',
      'late',
      'late',
      'due_soon',
      'not_due',
      null,
      null,
    ]);
    expect(cases.map((c) => deadlineStatus(c, c.now, { dueSoonDays: c.dueSoonDays }))).toEqual(
      await sqlStatuses(cases),
    );
  });
});
