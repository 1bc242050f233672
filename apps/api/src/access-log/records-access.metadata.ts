import type { Request } from 'express';
import type { AccessAction, AccessedItem } from './accessed-item.js';

export const RECORDS_ACCESS = 'dondoc:records-access';

/** Which items of an answer were read: from the handler's result, or from the request it answered. */
export type ItemsOf<R> = (result: R, req: Request) => Iterable<AccessedItem>;

export interface RecordsAccessSpec {
  action: AccessAction;
  pick?: ItemsOf<unknown>;
}
