import { Injectable, Logger, type Type } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { WorkerConfig } from '../config/worker-config.js';
import { QueueErrorLog } from '../schedule/queue-error-log.js';
import { ESCALATION_QUEUE, type EscalationJobData } from '../schedule/schedule.constants.js';
import { EscalationService } from './escalation.service.js';
import { Clock } from '../clock.js';
import { LatenessRecorder } from './lateness.recorder.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';

/**
 * The job only hands the action id to the service, which re-reads the database before acting. Not a
 * processor by itself: `escalationProcessorFor(config)` makes the one a worker module runs.
 */
@Injectable()
export class EscalationProcessor extends WorkerHost {
  private readonly logger = new Logger(EscalationProcessor.name);

  constructor(
    private readonly escalations: EscalationService,
    private readonly lateness: LatenessRecorder,
    private readonly clock: Clock,
    private readonly metrics: WorkerMetrics,
    private readonly errors: QueueErrorLog,
  ) {
    super();
  }

  async process(job: Job<EscalationJobData>): Promise<string> {
    const started = this.clock.date();
    const result = await this.escalations.fire(job.data.actionId, started);
    if (result.latenessMs !== undefined) this.lateness.record(result.latenessMs);
    this.metrics.actions.inc({ rung: job.name, outcome: result.outcome });
    if (result.outcome === 'fired' && result.latenessMs !== undefined) {
      this.metrics.lateness.observe({ rung: job.name }, result.latenessMs / 1000);
    }
    // requestId ties this line to the HTTP request (and its log lines) that scheduled the action.
    this.logger.log({
      msg: `action ${result.outcome}`,
      jobId: job.id,
      actionId: job.data.actionId,
      rung: job.name,
      latenessMs: result.latenessMs,
      requestId: job.data.requestId,
    });
    return result.outcome;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<EscalationJobData> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) this.metrics.actions.inc({ rung: job.name, outcome: 'failed' });
    this.logger.error({
      msg: `job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`,
      jobId: job.id,
      actionId: job.data.actionId,
      requestId: job.data.requestId,
    });
    try {
      await this.escalations.recordFailure(job.data.actionId, error.message, final);
    } catch (e) {
      this.logger.error(`could not record the failure of ${job.id}: ${(e as Error).message}`);
    }
  }

  /** Lost connections and keys gone after a flush: counted, and one warning per outage (QueueErrorLog). */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.errors.report('worker', error);
  }
}

/**
 * The escalation processor with the validated configuration's worker options. `@Processor`'s options are
 * fixed when it decorates a class (@nestjs/bullmq hands them to `new Worker(...)` as they are), so each
 * worker module decorates a subclass of its own: two workers in one process (the tests) keep their own
 * settings, and nothing reads `process.env` behind the configuration's back.
 */
export function escalationProcessorFor(
  config: Pick<WorkerConfig, 'concurrency' | 'lockMs' | 'stalledIntervalMs'>,
): Type<EscalationProcessor> {
  class ConfiguredEscalationProcessor extends EscalationProcessor {}
  // Applied as a call, not as `@Processor` syntax, so no constructor metadata hides the parent's.
  Processor(ESCALATION_QUEUE, {
    concurrency: config.concurrency,
    // A crashed worker's job is handed to another once its lock lapses and the stall check sees it.
    lockDuration: config.lockMs,
    stalledInterval: config.stalledIntervalMs,
  })(ConfiguredEscalationProcessor);
  return ConfiguredEscalationProcessor;
}
