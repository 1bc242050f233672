import type { INestApplication } from '@nestjs/common';
import { routeTable } from '../common/route-table.js';
import type { AccessAction } from './accessed-item.js';
import { RECORDS_ACCESS, type RecordsAccessSpec } from './records-access.metadata.js';

/**
 * Every route of the application ("GET /api/tasks/:id") with the action its reads are recorded under, or null
 * when it records none: the tests check that no route showing tasks is left unmarked.
 */
export function recordedRoutes(app: INestApplication): Map<string, AccessAction | null> {
  return routeTable(
    app,
    (handler) => (Reflect.getMetadata(RECORDS_ACCESS, handler) as RecordsAccessSpec | undefined)?.action ?? null,
  );
}
