import { SetMetadata, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { directiveItem, fileItem, taskIdItem, type AccessAction } from './accessed-item.js';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import { RECORDS_ACCESS, type ItemsOf, type RecordsAccessSpec } from './records-access.metadata.js';

export { directiveItem, listedTaskItem, reportRows, snapshotRows, taskIdItem, taskItem } from './accessed-item.js';
export { RECORDS_ACCESS, type ItemsOf, type RecordsAccessSpec } from './records-access.metadata.js';

/**
 * Marks a route that shows tasks, directives or files: each classified item of its answer (every task with
 * ACCESS_LOG_ALL) is written to the access log before the answer leaves (AccessLogInterceptor). `pick` names
 * the items; a service may add more while the handler runs (`noteReads`, for documents whose content the
 * answer does not show). Its type is checked against the handler's result.
 *
 * The interceptor is bound here, not globally: a global one put every route (a transition too) through rxjs
 * for nothing.
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
    UseInterceptors(AccessLogInterceptor)(target, key, descriptor);
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
