import { SetMetadata } from '@nestjs/common';
import type { ReportSnapshotDto } from '@dondoc/contracts';
import type { Request } from 'express';
import { directiveItem, fileItem, taskIdItem, type AccessAction, type AccessedItem } from './accessed-item.js';

export { directiveItem, listedTaskItem, taskIdItem, taskItem } from './accessed-item.js';

export const RECORDS_ACCESS = 'dondoc:records-access';

/** Which items of an answer were read: from the handler's result, or from the request it answered. */
export type ItemsOf<R> = (result: R, req: Request) => Iterable<AccessedItem>;

export interface RecordsAccessSpec {
  action: AccessAction;
  pick?: ItemsOf<unknown>;
}

/**
 * Marks a route that shows tasks, directives or files: each classified item of its answer (every task with
 * ACCESS_LOG_ALL) is written to the access log before the answer leaves (AccessLogInterceptor). `pick` names
 * the items; a service may add more while the handler runs (`noteReads`, for documents whose content the
 * answer does not show). Its type is checked against the handler's result.
 */
export function RecordsAccess<R = unknown>(action: AccessAction, pick?: ItemsOf<R>) {
  return <T extends (...args: never[]) => R | Promise<R>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    SetMetadata<string, RecordsAccessSpec>(RECORDS_ACCESS, { action, pick: pick as ItemsOf<unknown> | undefined })(
      target,
      key,
      descriptor,
    );
  };
}

const param = (req: Request, name: string): string => {
  const value = req.params[name];
  if (typeof value !== 'string') throw new Error(`RecordsAccess: the route has no :${name}`);
  return value;
};

/** The task named by a path parameter (`/tasks/:id/...`): the handler answered, so the caller sees it. */
export const taskOfParam =
  (name = 'id'): ItemsOf<unknown> =>
  (_result, req) => [taskIdItem(param(req, name))];

/** The directive named by a path parameter. */
export const directiveOfParam =
  (name = 'id'): ItemsOf<unknown> =>
  (_result, req) => [directiveItem({ id: param(req, name) })];

/** The file named by `:fileId` (and its task by `taskParam`, when the path names it). */
export const fileOfParams =
  (taskParam?: string): ItemsOf<unknown> =>
  (_result, req) => [fileItem(param(req, 'fileId'), taskParam ? param(req, taskParam) : undefined)];

/** The tasks a selection names (`{ taskIds }`): the export refuses the whole selection unless the caller sees each. */
export const tasksOfBody: ItemsOf<unknown> = (_result, req) =>
  ((req.body as { taskIds?: unknown })?.taskIds as string[]).map(taskIdItem);

/** The task rows of a report list (escalations, review queue). */
export const reportRows = (r: { items: readonly { taskId: string }[] }): AccessedItem[] =>
  r.items.map((i) => taskIdItem(i.taskId));

/** The task rows a frozen report carries. */
export const snapshotRows = (s: ReportSnapshotDto): AccessedItem[] => [
  ...reportRows(s.figures.escalations),
  ...reportRows(s.figures.reviewQueue),
];
