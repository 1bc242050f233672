import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarStore,
  createDueInstances,
  TaskChangeWriter,
  type CreatedInstance,
  type RunInstanceTx,
} from '@dondoc/persistence';
import { DataSource } from 'typeorm';
import { RelayService } from '../schedule/relay.service.js';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { RecurrenceRepository } from './recurrence.repository.js';

/**
 * Recurring work: every active series gets the instance of each period opened by `now` that it lacks.
 * Reads the series and their instances afresh on every pass; the unique (series, period) index makes a
 * pass that races another, or repeats one a killed worker left half done, create nothing twice.
 */
@Injectable()
export class RecurrenceService {
  private readonly logger = new Logger(RecurrenceService.name);
  private readonly writer: TaskChangeWriter;
  private readonly calendars: CalendarStore;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: RecurrenceRepository,
    private readonly relay: RelayService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.calendars = new CalendarStore(config.calendar);
    this.writer = new TaskChangeWriter(this.calendars);
  }

  private readonly run: RunInstanceTx = (work) =>
    this.db.transaction((manager) =>
      work({
        manager,
        calendar: () => this.calendars.current(manager),
        create: (directiveId, tasks, actor, options) => this.writer.create(manager, directiveId, tasks, actor, options),
        apply: (change) => this.writer.apply(manager, change),
      }),
    );

  async createDue(now: Date): Promise<CreatedInstance[]> {
    const series = await this.repo.activeSeries();
    if (!series.length) return [];
    const existing = await this.repo.existingKeys(series.map((s) => s.id));
    const created: CreatedInstance[] = [];
    for (const s of series) {
      try {
        created.push(
          ...(await createDueInstances(this.run, s, existing.get(s.id) ?? new Set(), now, this.config.escalation)),
        );
      } catch (e) {
        // One series' problem (its lead agency removed, say) must not hold back the others; the next tick retries.
        this.logger.error(`series ${s.code}: ${(e as Error).message}`);
      }
    }
    if (created.length) {
      this.logger.log(`created ${created.length} recurring instances`);
      // The new deadlines' schedule and the lead agencies' notifications go out now, not at the relay's next tick.
      this.relay.kick();
    }
    return created;
  }
}
