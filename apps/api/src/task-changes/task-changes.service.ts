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
import { isRecordOnly, TASK_EVENTS, type WorkingCalendar } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { RECORD_ONLY_REASON, recordOnlyRefusal } from '../classification/classification-rules.js';
import { SignalBus } from '../redis/signal-bus.service.js';

/** Changes that bring content a tuyệt mật task may not hold: only its record is kept in the system. */
const CONTENT_KINDS: ReadonlySet<string> = new Set([
  'COMMENT',
  'DELIVERABLE_UPLOADED',
  'EXTENSION_REQUESTED',
  'CONTRIBUTION_REQUESTED',
  'CONTRIBUTION_SUBMITTED',
  'MILESTONES_SET',
  'PROGRESS_REPORTED',
]);
const TRANSITIONS: ReadonlySet<string> = new Set(TASK_EVENTS);

/** A user's transition with words of its own (a return's reason) brings content too; the stand-in reason does not. */
function carriesContent(change: TaskChange): boolean {
  if (CONTENT_KINDS.has(change.kind)) return true;
  const comment = change.comment?.trim();
  return TRANSITIONS.has(change.kind) && !!comment && comment !== RECORD_ONLY_REASON;
}

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
    // Content needs the level read under the row's lock, hence a transaction of its own.
    if (carriesContent(change)) return this.transaction((tx) => tx.apply(change));
    const applied = await this.writer.apply(this.db, change);
    if (applied) this.bus.nudgeSchedule();
    return applied;
  }

  /**
   * Services refuse content for a tuyệt mật task as soon as they read it, but the level may be raised between that
   * read and their transaction. Here, under the task's row lock, the level read is the one the change commits with.
   */
  private async refuseRecordOnlyContent(
    manager: EntityManager,
    change: TaskChange,
    locked: ReadonlyMap<string, TaskRow>,
  ): Promise<void> {
    if (!carriesContent(change)) return;
    const row = locked.get(change.taskId) ?? (await this.writer.lock(manager, change.taskId));
    if (row && isRecordOnly(row.classification)) throw recordOnlyRefusal();
  }

  async transaction<T>(work: (tx: ChangeTransaction) => Promise<T>): Promise<T> {
    let wrote = false;
    const result = await this.db.transaction((manager) => {
      // Rows this transaction holds the lock of: their level cannot change before it commits.
      const locked = new Map<string, TaskRow>();
      return work({
        manager,
        calendar: () => this.calendars.current(manager),
        lock: async (taskId, expectedVersion) => {
          const row = await this.writer.lock(manager, taskId, expectedVersion);
          if (row) locked.set(taskId, row);
          return row;
        },
        apply: async (change) => {
          await this.refuseRecordOnlyContent(manager, change, locked);
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
      });
    });
    // Committed: only now may the relay look for what was written.
    if (wrote) this.bus.nudgeSchedule();
    return result;
  }
}
