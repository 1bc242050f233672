import { Queue, Worker } from 'bullmq';
import { Clock } from '../clock.js';
import type { WorkerConfig } from '../config/worker-config.js';
import { DueWaker } from './due-waker.js';
import { EscalationQueue } from './escalation-queue.js';
import { QueueErrorLog } from './queue-error-log.js';
import { ESCALATION_QUEUE, type EscalationJobData } from './schedule.constants.js';
import type { PendingAction } from './schedule.repository.js';
import { type TestQueue, openTestQueue, testConnection } from '../test-support/real-redis-queue.js';

const action = (n: number, dueAt: number): PendingAction => ({
  id: String(n),
  job_id: `task${n}-remind_before-PT${n}S-v1`,
  rung: 'remind_before',
  due_at: new Date(dueAt),
  request_id: null,
});

describe('DueWaker (real Redis, a prefix of its own)', () => {
  let queue: Queue<EscalationJobData>;
  let errors: QueueErrorLog;

  let t: TestQueue;
  let PREFIX: string;

  beforeAll(async () => {
    t = await openTestQueue('wtest');
    ({ queue, errors, prefix: PREFIX } = t);
  });

  afterEach(async () => {
    await queue.obliterate({ force: true });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('wakes the workers at each due time, never before, and no job runs early', async () => {
    const q = new EscalationQueue(queue, new Clock(), errors);
    const wakes: number[] = [];
    const wakeWorkers = q.wakeWorkers.bind(q);
    q.wakeWorkers = () => {
      wakes.push(Date.now());
      return wakeWorkers();
    };
    const ran = new Map<string, { at: number; due: number }>();
    const worker = new Worker<EscalationJobData>(
      ESCALATION_QUEUE,
      (job) => {
        ran.set(job.id ?? '', { at: Date.now(), due: job.timestamp + (job.opts.delay ?? 0) });
        return Promise.resolve();
      },
      { connection: testConnection(), prefix: PREFIX, concurrency: 5 },
    );
    const waker = new DueWaker(q, { wakeAtDue: true } as WorkerConfig);
    try {
      await worker.waitUntilReady();
      waker.onApplicationBootstrap();
      const start = Date.now() + 600;
      const actions = Array.from({ length: 8 }, (_, i) => action(i + 1, start + i * 137));
      await q.add(actions);
      for (let i = 0; i < 100 && ran.size < actions.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(ran.size).toBe(actions.length);
      for (const a of actions) {
        const due = a.due_at.getTime();
        // The timer rang at or after each due time...
        expect(wakes.some((w) => w >= due && w - due < 250)).toBe(true);
        // ...and the job ran no earlier than its time, by BullMQ's record and by the processor's clock.
        const r = ran.get(a.job_id);
        expect(r?.due).toBe(due);
        expect(r?.at).toBeGreaterThanOrEqual(due);
        expect((await queue.getJob(a.job_id))?.processedOn).toBeGreaterThanOrEqual(due);
      }
      expect(wakes.every((w) => actions.some((a) => w >= a.due_at.getTime()))).toBe(true);
    } finally {
      waker.beforeApplicationShutdown();
      await worker.close();
    }
  });

  it('a wake-up before the due time promotes nothing', async () => {
    const q = new EscalationQueue(queue, new Clock(), errors);
    let ranAt: number | undefined;
    const worker = new Worker<EscalationJobData>(
      ESCALATION_QUEUE,
      () => {
        ranAt = Date.now();
        return Promise.resolve();
      },
      { connection: testConnection(), prefix: PREFIX },
    );
    try {
      await worker.waitUntilReady();
      const due = Date.now() + 1500;
      await q.add([action(20, due)]);
      await new Promise((r) => setTimeout(r, 300));
      await q.wakeWorkers();
      await new Promise((r) => setTimeout(r, 300));
      expect(ranAt).toBeUndefined();
      for (let i = 0; i < 100 && ranAt === undefined; i++) await new Promise((r) => setTimeout(r, 50));
      expect(ranAt).toBeGreaterThanOrEqual(due);
    } finally {
      await worker.close();
    }
  });

  it('keeps the earliest wake-up, and cuts a far one short instead of overflowing the timer', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const wakeWorkers = jest.fn(() => Promise.resolve());
      const nextDueAfter = jest.fn(() => Promise.resolve(undefined));
      const q = { wakeWorkers, nextDueAfter } as unknown as EscalationQueue;
      const waker = new DueWaker(q, { wakeAtDue: true } as WorkerConfig);
      waker.wakeAt(Date.now() + 40 * 86_400_000); // 40 days: past setTimeout's range
      jest.advanceTimersByTime(180_000); // the timer was cut short and set again, three times
      expect(wakeWorkers).not.toHaveBeenCalled();
      const soon = Date.now() + 5000;
      waker.wakeAt(soon);
      waker.wakeAt(soon + 4000); // later than the one set: ignored
      jest.advanceTimersByTime(4_999);
      expect(wakeWorkers).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(wakeWorkers).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(3_600_000);
      expect(wakeWorkers).toHaveBeenCalledTimes(1);
      waker.beforeApplicationShutdown();
    } finally {
      jest.useRealTimers();
    }
  });
});
