import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Clock } from '../clock.js';
import { EscalationQueue, toJob } from './escalation-queue.js';
import { QueueErrorLog } from './queue-error-log.js';
import { ESCALATION_QUEUE, type EscalationJobData } from './schedule.constants.js';
import type { PendingAction } from './schedule.repository.js';
import { type TestQueue, openTestQueue, testErrorLog } from '../test-support/real-redis-queue.js';

const action = (n: number, dueInMs: number, now: number, requestId: string | null = null): PendingAction => ({
  id: String(n),
  job_id: `task${n}-remind_before-PT2S-v1`,
  rung: 'remind_before',
  due_at: new Date(now + dueInMs),
  request_id: requestId,
});

describe('toJob', () => {
  it('names the job by its rung, keeps only ids in its data and pins the delay to one instant', () => {
    const now = 1_000_000;
    expect(toJob(action(7, 5000, now, 'req-1'), now, now - 60_000)).toEqual({
      name: 'remind_before',
      data: { actionId: '7', requestId: 'req-1' },
      opts: { jobId: 'task7-remind_before-PT2S-v1', delay: 5000, timestamp: now - 60_000 },
    });
    // An action whose time has passed fires at once.
    const late = toJob(action(8, -5000, now), now, now);
    expect(late.opts.delay).toBe(0);
    expect(late.data).toEqual({ actionId: '8' });
  });
});

describe('EscalationQueue (real Redis, a prefix of its own)', () => {
  let queue: Queue<EscalationJobData>;
  let redis: Redis;
  let errors: QueueErrorLog;

  const wrapper = (offsetMs = 0) => new EscalationQueue(queue, new Clock(offsetMs), errors);

  let t: TestQueue;
  let PREFIX: string;

  beforeAll(async () => {
    t = await openTestQueue('qtest');
    ({ queue, redis, errors, prefix: PREFIX } = t);
  });

  afterEach(async () => {
    await queue.obliterate({ force: true });
  });

  afterAll(async () => {
    await queue?.close();
    // Whatever BullMQ left under the prefix (its meta keys), and nothing else.
    await t.removeAll();
    expect(await redis.scan('0', 'MATCH', `${PREFIX}:*`, 'COUNT', 1000)).toEqual(['0', []]);
    await t.close();
  });

  it('adds delayed jobs once per id, says which exist, and removes them', async () => {
    const q = wrapper();
    const now = Date.now();
    const actions = [action(1, 60_000, now, 'req-a'), action(2, 120_000, now)];
    await q.add(actions);
    await q.add(actions); // the same ids again: no second job
    expect(await q.counts('delayed', 'waiting')).toEqual({ delayed: 2, waiting: 0 });

    const job = await queue.getJob(actions[0].job_id);
    expect(job?.name).toBe('remind_before');
    expect(job?.data).toEqual({ actionId: '1', requestId: 'req-a' });
    expect(job?.opts.delay).toBeGreaterThan(55_000);
    expect(job?.opts.delay).toBeLessThanOrEqual(60_000);

    const ids = [...actions.map((a) => a.job_id), 'never-added'];
    expect(await q.existing(ids)).toEqual(new Set(actions.map((a) => a.job_id)));
    expect(await q.existing([])).toEqual(new Set());

    await q.remove([actions[0].job_id, 'never-added']);
    expect(await q.existing(ids)).toEqual(new Set([actions[1].job_id]));
    expect(await q.counts('delayed')).toEqual({ delayed: 1 });
  });

  it('computes delays on the worker’s clock, and an action already due waits for nothing', async () => {
    // A clock an hour ahead: an action due in an hour and a minute (clock time) is a minute away.
    const offset = 3_600_000;
    const q = wrapper(offset);
    const clockNow = Date.now() + offset;
    await q.add([action(3, 60_000, clockNow), action(4, -1000, clockNow)]);
    const [soon, due] = await Promise.all([queue.getJob(action(3, 0, 0).job_id), queue.getJob(action(4, 0, 0).job_id)]);
    expect(soon?.opts.delay).toBeGreaterThan(55_000);
    expect(soon?.opts.delay).toBeLessThanOrEqual(60_000);
    // BullMQ's timestamp is real time, not the shifted clock.
    expect(Math.abs((soon?.timestamp ?? 0) - Date.now())).toBeLessThan(5_000);
    expect(due?.opts.delay ?? 0).toBe(0);
    expect(await q.counts('waiting')).toEqual({ waiting: 1 });
  });

  it('reads the first delayed job due after an instant, and tells a listener the earliest it added', async () => {
    const q = wrapper();
    const told: number[] = [];
    q.onDelayedAdded = (due) => told.push(due);
    const now = Date.now();
    await q.add([action(5, 90_000, now), action(6, 30_000, now), action(7, -1000, now)]);
    // The action already due is a waiting job, not a delayed one.
    expect(told).toHaveLength(1);
    expect(Math.abs(told[0] - (now + 30_000))).toBeLessThan(5);
    const first = await q.nextDueAfter(Date.now());
    expect(first).toBe(told[0]);
    const second = await q.nextDueAfter(first ?? 0);
    expect(Math.abs((second ?? 0) - (now + 90_000))).toBeLessThan(5);
    expect(await q.nextDueAfter(second ?? 0)).toBeUndefined();
  });

  it('wakes the workers with the marker BullMQ adds when a job is ready', async () => {
    await wrapper().wakeWorkers();
    expect(await redis.zrange(queue.toKey('marker'), '0', '-1', 'WITHSCORES')).toEqual(['0', '0']);
  });

  it('rejects when Redis is away instead of pretending the jobs were removed', async () => {
    const dead = new Queue<EscalationJobData>(ESCALATION_QUEUE, {
      // Nothing listens on port 1; one attempt, then the command fails.
      connection: { host: '127.0.0.1', port: 1, maxRetriesPerRequest: 1, retryStrategy: () => null },
      prefix: PREFIX,
    });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const quiet = testErrorLog();
    const q = new EscalationQueue(dead, new Clock(), quiet);
    await expect(q.remove(['x'])).rejects.toThrow();
    await expect(q.existing(['x'])).rejects.toThrow();
    // The connection failure went to the error log, not to stderr.
    expect(quiet.inOutage).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    quiet.onApplicationShutdown();
    await dead.close().catch(() => undefined);
    jest.restoreAllMocks();
  });
});
