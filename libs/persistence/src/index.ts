export { AgencyEntity } from './entities/agency.entity.js';
export { AttachmentEntity } from './entities/attachment.entity.js';
export { CommentEntity } from './entities/comment.entity.js';
export { DirectiveEntity } from './entities/directive.entity.js';
export { OutboxEntity } from './entities/outbox.entity.js';
export { SessionEntity } from './entities/session.entity.js';
export { SubmissionEntity } from './entities/submission.entity.js';
export { TaskEventEntity } from './entities/task-event.entity.js';
export { TaskEntity } from './entities/task.entity.js';
export { UserEntity } from './entities/user.entity.js';
export { ENTITIES, MIGRATIONS, createDataSource, dataSourceOptions, type DatabaseConfig } from './data-source.js';
export { foldVietnamese } from './search-text.js';
export {
  DEMO_AGENCIES,
  DEMO_DIRECTIVES,
  DEMO_TASKS,
  type SeedAgency,
  type SeedDirective,
  type SeedTask,
} from './seed/demo-province.data.js';
