export { createApp } from './bootstrap.js';
export { buildConfig, parseEnv, type AppConfig } from './config/app-config.js';
export { seedDemoProvince, ROLE_ACCOUNTS } from './seed/demo-seed.js';
export { runMigrations } from './runtime/migrate.js';
export { TransitionTaskUseCase } from './tasks/transition-task.use-case.js';
export { taskScope } from './tasks/task-scope.js';
export { previewOpenApiDocument } from './openapi/openapi-preview.js';
export { recordedRoutes } from './access-log/recorded-routes.js';
export { FileSealingService, type SealingReport } from './submissions/file-sealing.service.js';
