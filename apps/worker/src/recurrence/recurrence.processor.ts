import { Injectable, Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Clock } from '../clock.js';
import { QueueErrorLog } from '../schedule/queue-error-log.js';
import { RECURRENCE_QUEUE } from './recurrence.constants.js';
import { RecurrenceService } from './recurrence.service.js';

/** The tick only hands the worker's now to the service, which re-reads the database. */
@Injectable()
@Processor(RECURRENCE_QUEUE, { concurrency: 1 })
export class RecurrenceProcessor extends WorkerHost {
  private readonly logger = new Logger(RecurrenceProcessor.name);

  constructor(
    private readonly recurrence: RecurrenceService,
    private readonly clock: Clock,
    private readonly errors: QueueErrorLog,
  ) {
    super();
  }

  async process(): Promise<number> {
    return (await this.recurrence.createDue(this.clock.date())).length;
  }

  @OnWorkerEvent('failed')
  onFailed(_job: unknown, error: Error): void {
    // The next tick tries again: a pass is idempotent.
    this.logger.warn(`recurrence tick failed: ${error.message}`);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.errors.report('worker', error);
  }
}
