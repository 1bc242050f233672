import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CalendarStore,
  TaskChangeWriter,
  type AppliedChange,
  type ChangeActor,
  type NewTask,
  type TaskChange,
  type TaskRow,
} from '@dondoc/persistence';
import type { WorkingCalendar } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { SignalBus } from '../redis/signal-bus.service.js';

/** A transaction in which changes go through the writer next to the caller's own rows (a comment, a request). */
export interface ChangeTransaction {
  manager: EntityManager;
  /** The working calendar in force, under its shared lock for the rest of the transaction. */
  calendar(): Promise<WorkingCalendar>;
  lock(taskId: string, expectedVersion?: number): Promise<TaskRow | undefined>;
  apply(change: TaskChange): Promise<AppliedChange | undefined>;
  /** Masks what notifications already say of a task just classified. */
  redactNotifications(taskId: string): Promise<void>;
  create(
    directiveId: string,
    tasks: NewTask[],
    actor: ChangeActor,
    options?: { data?: Record<string, unknown>; requestId?: string | null; skipExisting?: boolean },
  ): Promise<TaskRow[]>;
}

/**
 * The API's door to the task-change writer. After a commit that wrote a change it wakes the worker's
 * relay, which moves the schedule into Redis and tells the recipients' browsers, rather than waiting for
 * the relay's timer.
 */
@Injectable()
export class TaskChangesService {
  private readonly writer: TaskChangeWriter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: SignalBus,
    private readonly calendars: CalendarStore,
  ) {
    this.writer = new TaskChangeWriter(calendars);
  }

  /** One change on its own: one statement, hence one transaction. */
  async apply(change: TaskChange): Promise<AppliedChange | undefined> {
    const applied = await this.writer.apply(this.db, change);
    if (applied) this.bus.nudgeSchedule();
    return applied;
  }

  async transaction<T>(work: (tx: ChangeTransaction) => Promise<T>): Promise<T> {
    let wrote = false;
    const result = await this.db.transaction((manager) =>
      work({
        manager,
        calendar: () => this.calendars.current(manager),
        lock: (taskId, expectedVersion) => this.writer.lock(manager, taskId, expectedVersion),
        apply: async (change) => {
          const applied = await this.writer.apply(manager, change);
          wrote ||= applied !== undefined;
          return applied;
        },
        redactNotifications: (taskId) => this.writer.redactNotifications(manager, taskId),
        create: async (directiveId, tasks, actor, options) => {
          const rows = await this.writer.create(manager, directiveId, tasks, actor, options);
          wrote ||= rows.length > 0;
          return rows;
        },
      }),
    );
    // Committed: only now may the relay look for what was written.
    if (wrote) this.bus.nudgeSchedule();
    return result;
  }
}
