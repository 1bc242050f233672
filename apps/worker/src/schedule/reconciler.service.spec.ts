import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { Clock } from '../clock.js';
import type { WorkerConfig } from '../config/worker-config.js';
import type { WorkerMetrics } from '../metrics/worker-metrics.js';
import { EscalationQueue } from './escalation-queue.js';
import { QueueErrorLog } from './queue-error-log.js';
import { ReconcilerService } from './reconciler.service.js';
import type { EscalationJobData } from './schedule.constants.js';
import type { ReconcileAction, ScheduleRepository } from './schedule.repository.js';
import { type TestQueue, openTestQueue } from '../test-support/real-redis-queue.js';

/** PostgreSQL's side, in memory: keyset pages by id, and the ids marked dispatched. */
class FakeSchedule {
  readonly marked: string[] = [];
  constructor(readonly rows: ReconcileAction[]) {}
  pendingAfter(afterId: string, limit: number): Promise<ReconcileAction[]> {
    return Promise.resolve(this.rows.filter((r) => BigInt(r.id) > BigInt(afterId)).slice(0, limit));
  }
  markDispatched(ids: string[]): Promise<void> {
    this.marked.push(...ids);
    return Promise.resolve();
  }
}

describe('ReconcilerService (real Redis, a prefix of its own)', () => {
  let queue: Queue<EscalationJobData>;
  let redis: Redis;
  let errors: QueueErrorLog;
  let repairs: Counter;

  const N = 4321; // three pages of 2,000, the last one short, and chunks of 500 in flight
  const rows = (): ReconcileAction[] =>
    Array.from({ length: N }, (_, i) => ({
      id: String(i + 1),
      job_id: `task${i + 1}-remind_before-P3D-v1`,
      rung: 'remind_before',
      due_at: new Date(Date.now() + 3_600_000 + i),
      request_id: null,
      undispatched: i % 3 === 0,
    }));
  const reconciler = (schedule: FakeSchedule) =>
    new ReconcilerService(
      new EscalationQueue(queue, new Clock(), errors),
      schedule as unknown as ScheduleRepository,
      {} as WorkerConfig,
      { reconcilerRepairs: repairs } as unknown as WorkerMetrics,
    );
  const repaired = async () => (await repairs.get()).values[0]?.value ?? 0;

  let t: TestQueue;

  beforeAll(async () => {
    t = await openTestQueue('rtest');
    ({ queue, redis, errors } = t);
  });

  beforeEach(() => {
    repairs = new Counter({ name: 'dondoc_reconciler_repairs_total', help: 'x', registers: [] });
  });

  afterEach(async () => {
    await queue.obliterate({ force: true });
    await redis.del(queue.toKey('schedule-sentinel'));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('puts back every job once, marks what the relay had not handed over, and a second pass adds nothing', async () => {
    const schedule = new FakeSchedule(rows());
    const r = reconciler(schedule);
    // An empty Redis (no sentinel): every job is missing.
    expect(await r.reconcile()).toMatchObject({ actions: N });
    expect(await redis.zcard(queue.toKey('delayed'))).toBe(N);
    expect(await repaired()).toBe(N);
    const undispatched = schedule.rows.filter((a) => a.undispatched).map((a) => a.id);
    expect([...schedule.marked].sort()).toEqual([...undispatched].sort());
    const sample = await queue.getJob(schedule.rows[1234].job_id);
    expect(sample?.data).toEqual({ actionId: '1235' });
    expect(sample?.timestamp && sample.timestamp + (sample.opts.delay ?? 0)).toBe(schedule.rows[1234].due_at.getTime());

    // Redis held everything (the sentinel is there): nothing added, nothing counted, no job twice.
    expect(await r.reconcile()).toMatchObject({ actions: N });
    expect(await repaired()).toBe(N);
    expect(await redis.zcard(queue.toKey('delayed'))).toBe(N);
  });

  it('after a loss, a job put back meanwhile stays one job; with the sentinel, only the missing are repairs', async () => {
    const schedule = new FakeSchedule(rows());
    const q = new EscalationQueue(queue, new Clock(), errors);
    // The relay handed some over after the flush, before the reconciler ran (no sentinel yet). Only the
    // actions it had not handed over are asked about; the others are added again, which changes nothing.
    const relayed = schedule.rows.slice(0, 100).filter((a) => a.undispatched);
    await q.add(relayed);
    await reconciler(schedule).reconcile();
    expect(await redis.zcard(queue.toKey('delayed'))).toBe(N);
    expect(await repaired()).toBe(N - relayed.length);

    // Some jobs lost (a Redis restored from an old snapshot keeps the sentinel): only those are put back.
    const lost = schedule.rows.filter((_, i) => i % 97 === 5).map((a) => a.job_id);
    await q.remove(lost);
    const before = await repaired();
    await reconciler(schedule).reconcile();
    expect((await repaired()) - before).toBe(lost.length);
    expect(await redis.zcard(queue.toKey('delayed'))).toBe(N);
  });
});
