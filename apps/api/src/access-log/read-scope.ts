import { AsyncLocalStorage } from 'node:async_hooks';
import { taskItem, type AccessedItem, type Classification } from './accessed-item.js';

const scope = new AsyncLocalStorage<AccessedItem[]>();

/** Runs a route's handler with a place for what its services read (AccessLogInterceptor). */
export function withReadScope<T>(noted: AccessedItem[], run: () => T): T {
  return scope.run(noted, run);
}

/**
 * Adds items a route's answer carries where its result does not show them (a document's rows): recorded with
 * the route's action once it answers. Outside a route marked @RecordsAccess this throws, so a new route that
 * reaches such a service cannot forget the mark without failing its first test.
 */
export function noteReads(items: Iterable<AccessedItem>): void {
  const noted = scope.getStore();
  if (!noted) throw new Error('noteReads outside a route marked @RecordsAccess: the read would go unrecorded');
  for (const item of items) noted.push(item);
}

/** Notes a document's task rows (each with its level) and hands them back, so that a builder's call can wrap them. */
export function notedTasks<T extends readonly { id: string; classification?: Classification }[]>(rows: T): T {
  noteReads(rows.map(taskItem));
  return rows;
}
