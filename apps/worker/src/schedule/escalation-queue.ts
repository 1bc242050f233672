import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobType, Queue } from 'bullmq';
import { Clock } from '../clock.js';
import { QueueErrorLog } from './queue-error-log.js';
import { ESCALATION_QUEUE, type EscalationJobData } from './schedule.constants.js';
import type { PendingAction } from './schedule.repository.js';

/**
 * The job for an action. `timestamp` is pinned to the instant the delay was computed from: BullMQ would
 * otherwise stamp each job of a large addBulk when it gets to it, and every job would fire that much late.
 */
export function toJob(a: PendingAction, now: number, realNow: number) {
  return {
    name: a.rung,
    data: { actionId: String(a.id), ...(a.request_id ? { requestId: a.request_id } : {}) } satisfies EscalationJobData,
    opts: { jobId: a.job_id, delay: Math.max(0, a.due_at.getTime() - now), timestamp: realNow },
  };
}

/**
 * The worker's one handle on the BullMQ queue of escalation actions: the relay and the reconciler add and
 * remove jobs through it, the health server reads its depths; nothing else touches BullMQ's queue or its
 * keys. Job ids are the actions' `job_id` (deterministic, no `:`), so adding an existing job is a no-op.
 */
@Injectable()
export class EscalationQueue {
  /** Told the earliest real due time of each batch of delayed jobs added here (the DueWaker listens). */
  onDelayedAdded?: (dueRealMs: number) => void;

  constructor(
    @InjectQueue(ESCALATION_QUEUE) private readonly queue: Queue<EscalationJobData>,
    private readonly clock: Clock,
    errors: QueueErrorLog,
  ) {
    // Without a listener BullMQ prints every error (connection lost, keys flushed) to stderr.
    queue.on('error', (e: Error) => errors.report('queue', e));
  }

  /** Delayed jobs for these actions, each due at its `due_at` on the worker's clock; existing ids are kept. */
  async add(actions: readonly PendingAction[]): Promise<void> {
    if (!actions.length) return;
    const now = this.clock.now();
    const realNow = this.clock.toReal(now);
    const jobs = actions.map((a) => toJob(a, now, realNow));
    await this.queue.addBulk(jobs);
    if (this.onDelayedAdded) {
      let first = Infinity;
      for (const j of jobs) if (j.opts.delay > 0 && j.opts.delay < first) first = j.opts.delay;
      if (first < Infinity) this.onDelayedAdded(realNow + first);
    }
  }

  /**
   * Removes the jobs with these ids (an id Redis does not hold is already gone). A job that is running
   * right now stays, and finds its action cancelled when it looks; Redis being away rejects, so the caller
   * does not mark anything removed.
   */
  async remove(jobIds: readonly string[]): Promise<void> {
    await Promise.all(
      jobIds.map((id) =>
        this.queue.remove(id).catch((e: Error & { code?: unknown }) => {
          // BullMQ's refusals carry a numeric code; anything else is Redis failing.
          if (typeof e.code !== 'number') throw e;
        }),
      ),
    );
  }

  /** Which of these job ids Redis holds (one pipelined EXISTS per id). */
  async existing(jobIds: readonly string[]): Promise<Set<string>> {
    if (!jobIds.length) return new Set();
    const client = await this.queue.getBackend().client;
    const pipeline = client.pipeline();
    for (const id of jobIds) pipeline.runCommand('exists', [this.queue.toKey(id)]);
    const replies = (await pipeline.exec()) ?? [];
    const found = new Set<string>();
    jobIds.forEach((id, i) => {
      const [error, reply] = replies[i] ?? [];
      if (error) throw error;
      if (reply === 1) found.add(id);
    });
    return found;
  }

  /**
   * The real due time (ms) of the first delayed job due after `afterRealMs`, if any. BullMQ scores a delayed
   * job `due * 0x1000 + a counter` in its delayed set.
   */
  async nextDueAfter(afterRealMs: number): Promise<number | undefined> {
    const client = await this.queue.getBackend().client;
    const reply = (await client.runCommand('zrangebyscore', [
      this.queue.toKey('delayed'),
      (Math.floor(afterRealMs) + 1) * 0x1000,
      '+inf',
      'WITHSCORES',
      'LIMIT',
      0,
      1,
    ])) as string[];
    return reply.length ? Math.floor(Number(reply[1]) / 0x1000) : undefined;
  }

  /**
   * Adds the marker BullMQ itself adds when a job is ready to take (member "0", score 0, in the queue's
   * marker set): a worker blocked on the marker returns at once and moves to active what is due by its own
   * clock, or nothing, and blocks again.
   */
  async wakeWorkers(): Promise<void> {
    const client = await this.queue.getBackend().client;
    await client.runCommand('zadd', [this.queue.toKey('marker'), 0, '0']);
  }

  /**
   * A key of ours beside the queue's: Redis lost its data (FLUSHALL, a restart without persistence) when it
   * is gone. Not a job id any action can have (those start with the task id).
   */
  private get sentinelKey(): string {
    return this.queue.toKey('schedule-sentinel');
  }

  /** Marks this Redis as holding the schedule the reconciler is about to rebuild. */
  async plantSentinel(): Promise<void> {
    const client = await this.queue.getBackend().client;
    await client.set(this.sentinelKey, String(Date.now()));
  }

  /** False when Redis has lost what it held since the sentinel was planted. */
  async sentinelPresent(): Promise<boolean> {
    const client = await this.queue.getBackend().client;
    return (await client.get(this.sentinelKey)) !== null;
  }

  /** Jobs per state, for the metrics. */
  counts<S extends JobType>(...states: S[]): Promise<Record<string, number>> {
    return this.queue.getJobCounts(...states);
  }
}
