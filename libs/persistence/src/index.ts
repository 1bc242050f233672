export { AgencyEntity } from './entities/agency.entity.js';
export { ROOT_ORGANISATION_ID } from './organisations/root-organisation.js';
export { SCOPED_ROLE } from './migrations/1734500000000-organisation-row-security.js';
export { ENTITIES, MIGRATIONS, createDataSource, dataSourceOptions, type DatabaseConfig } from './data-source.js';
export {
  deadlineStatusCall,
  deadlineStatusNarrowingSql,
  localDaySql,
  taskDeadlineStatusSql,
  type DeadlineStatusArgs,
} from './deadline-status.sql.js';
// Moved to @dondoc/contracts; re-exported until the last importer from here has switched.
export {
  DEMO_AGENCIES,
  DEMO_DIRECTIVES,
  DEMO_PROVINCE_NAME,
  DEMO_TASKS,
  type SeedAgency,
  type SeedDirective,
  type SeedTask,
} from './seed/demo-province.data.js';
export {
  SYSTEM_ACTOR,
  TaskChangeWriter,
  type AppliedChange,
  type ChangeActor,
  type NewTask,
  type ScheduleChange,
  type ScheduledActionInput,
  type TaskChange,
  type TaskRowUpdate,
} from './task-changes/task-change.writer.js';
export { TASK_COLUMNS, taskColumns, type OpenExtensionCell, type TaskRow } from './task-changes/task-row.js';
export { notificationTextSql } from './notifications/classified-notification.sql.js';
export { actionFiredChange, type FiringAction } from './task-changes/action-fired-change.js';
export { searchTextOf, taskCode } from './task-changes/task-identity.js';
export { newTaskOf } from './task-changes/new-task-of.js';
export {
  DEADLINE_RUNGS,
  deadlineLadder,
  escalationPolicyOf,
  policyFor,
  scheduledActionRow,
} from './task-changes/deadline-ladder.js';
export {
  SERIES_COLUMNS,
  SERIES_FROM,
  createDueInstances,
  instanceOf,
  type CreatedInstance,
  type InstanceTx,
  type RunInstanceTx,
  type SeriesRow,
  type SeriesTemplate,
} from './task-changes/series-instances.js';
export { CalendarStore, calendarSettingsOf, dayCountingOf, type CalendarEntryRow } from './calendar/calendar.store.js';
