import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { taskScope } from '../tasks/task-scope.js';

/** The live stream's reads. */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Which of `taskIds` each kind of reader may see, decided by the rule every task list applies
   * (`taskScope`), in one query for all of them. `readers` maps the caller's key (one per role and agency)
   * to an actor of that kind; a key is missing from the answer when its reader sees none of the tasks.
   */
  async visibleTasks(
    taskIds: readonly string[],
    readers: ReadonlyMap<string, Actor>,
  ): Promise<Map<string, Set<string>>> {
    const visible = new Map<string, Set<string>>();
    if (!taskIds.length) return visible;
    const keys: string[] = [];
    const params: unknown[] = [taskIds];
    const parts: string[] = [];
    for (const [key, actor] of readers) {
      const scope = taskScope(actor, params.length + 1);
      if (scope.sql === 'FALSE') continue; // sees no task at all: no need to ask
      params.push(...scope.params);
      parts.push(`SELECT ${keys.length}::int AS k, t.id FROM tasks t WHERE t.id = ANY($1::uuid[]) AND ${scope.sql}`);
      keys.push(key);
    }
    if (!parts.length) return visible;
    const rows: { k: number; id: string }[] = await this.db.query(parts.join(' UNION ALL '), params);
    for (const r of rows) {
      const key = keys[r.k];
      let set = visible.get(key);
      if (!set) visible.set(key, (set = new Set()));
      set.add(r.id);
    }
    return visible;
  }

  /** Of `userIds`, those on the access list of a classified task among `taskIds` (they need a check of their own). */
  async listedUsers(taskIds: readonly string[], userIds: readonly string[]): Promise<Set<string>> {
    if (!taskIds.length || !userIds.length) return new Set();
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT DISTINCT ca.user_id FROM classified_access ca JOIN tasks t ON t.id = ca.task_id
        WHERE ca.task_id = ANY($1::uuid[]) AND ca.user_id = ANY($2::uuid[]) AND t.classification <> 'normal'`,
      [taskIds, userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }
}
