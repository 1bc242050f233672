import { DataSource, type DataSourceOptions } from 'typeorm';
import { ResilientPgClient } from './resilient-pg-client.js';
import { AgencyEntity } from './entities/agency.entity.js';
import { InitialSchema1732300000000 } from './migrations/1732300000000-initial-schema.js';
import { Escalation1732400000000 } from './migrations/1732400000000-escalation.js';
import { UserEmail1732500000000 } from './migrations/1732500000000-user-email.js';
import { ActionRequestId1732700000000 } from './migrations/1732700000000-action-request-id.js';
import { BoardOrderIndex1732800000000 } from './migrations/1732800000000-board-order-index.js';
import { Reports1732600000000 } from './migrations/1732600000000-reports.js';
import { DeadlineStatusFunction1732900000000 } from './migrations/1732900000000-deadline-status-function.js';
import { LatenessBigint1733000000000 } from './migrations/1733000000000-lateness-bigint.js';
import { StreamTickets1733100000000 } from './migrations/1733100000000-stream-tickets.js';
import { ExtensionGrantedDate1733300000000 } from './migrations/1733300000000-extension-granted-date.js';
import { AgencySortOrder1733400000000 } from './migrations/1733400000000-agency-sort-order.js';
import { TaskParts1733500000000 } from './migrations/1733500000000-task-parts.js';
import { WorkingCalendar1733600000000 } from './migrations/1733600000000-working-calendar.js';
import { Classification1733700000000 } from './migrations/1733700000000-classification.js';
import { ScaleIndexes1733800000000 } from './migrations/1733800000000-scale-indexes.js';
import { ReportHistoryIndexes1733900000000 } from './migrations/1733900000000-report-history-indexes.js';
import { StateBoardOrderIndex1734000000000 } from './migrations/1734000000000-state-board-order-index.js';
import { TaskFieldIndex1734100000000 } from './migrations/1734100000000-task-field-index.js';
import { EffectiveDueDateCheck1734200000000 } from './migrations/1734200000000-effective-due-date-check.js';
import { Organisations1734300000000 } from './migrations/1734300000000-organisations.js';
import { OrganisationScopes1734400000000 } from './migrations/1734400000000-organisation-scopes.js';
import { OrganisationRowSecurity1734500000000 } from './migrations/1734500000000-organisation-row-security.js';
import { TaskBreakdown1734600000000 } from './migrations/1734600000000-task-breakdown.js';
import { ScopedReads1734700000000 } from './migrations/1734700000000-scoped-reads.js';
import { RowSecurityByIndex1734800000000 } from './migrations/1734800000000-row-security-by-index.js';

/**
 * The tables read through TypeORM repositories (only agencies, by the API's agencies module); every other
 * table is read and written with SQL in the repositories and the task-change writer. An entity must match the
 * schema the migrations create: test/e2e/entity-schema.e2e-spec.ts compares them.
 */
export const ENTITIES = [AgencyEntity];

export const MIGRATIONS = [
  InitialSchema1732300000000,
  Escalation1732400000000,
  UserEmail1732500000000,
  Reports1732600000000,
  ActionRequestId1732700000000,
  BoardOrderIndex1732800000000,
  DeadlineStatusFunction1732900000000,
  LatenessBigint1733000000000,
  StreamTickets1733100000000,
  ExtensionGrantedDate1733300000000,
  AgencySortOrder1733400000000,
  TaskParts1733500000000,
  WorkingCalendar1733600000000,
  Classification1733700000000,
  ScaleIndexes1733800000000,
  ReportHistoryIndexes1733900000000,
  StateBoardOrderIndex1734000000000,
  TaskFieldIndex1734100000000,
  EffectiveDueDateCheck1734200000000,
  Organisations1734300000000,
  OrganisationScopes1734400000000,
  OrganisationRowSecurity1734500000000,
  TaskBreakdown1734600000000,
  ScopedReads1734700000000,
  RowSecurityByIndex1734800000000,
];

export interface DatabaseConfig {
  url: string;
  poolSize?: number;
  logging?: boolean;
}

/** One place that decides how api, worker, tests and CLI talk to PostgreSQL. Never `synchronize`. */
export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: config.logging ?? false,
    extra: {
      Client: ResilientPgClient,
      max: config.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      // Keep dead connections from a PostgreSQL restart from being handed out forever.
      idleTimeoutMillis: 30000,
      keepAlive: true,
    },
  };
}

export function createDataSource(config: DatabaseConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
