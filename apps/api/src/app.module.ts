import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@dondoc/persistence';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AccessLogModule } from './access-log/access-log.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AgenciesModule } from './agencies/agencies.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { AuthModule } from './auth/auth.module.js';
import { MilestonesModule } from './milestones/milestones.module.js';
import { PeopleModule } from './people/people.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { ContributionsModule } from './contributions/contributions.module.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DirectiveImportModule } from './directive-import/directive-import.module.js';
import { DirectivesModule } from './directives/directives.module.js';
import { ExtensionsModule } from './extensions/extensions.module.js';
import { redactAccessToken } from './events/access-token.js';
import { logTransport, requestLogOptions } from './runtime/logging.js';
import { EventsModule } from './events/events.module.js';
import { HealthModule } from './health/health.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ProgressModule } from './progress/progress.module.js';
import { ReportingPeriodsModule } from './reporting-periods/reporting-periods.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SeriesModule } from './series/series.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ClassificationModule } from './classification/classification.module.js';
import { TaskChangesModule } from './task-changes/task-changes.module.js';
import { TaskDetailModule } from './task-detail/task-detail.module.js';
import { TasksModule } from './tasks/tasks.module.js';

@Global()
@Module({})
class ConfigHolderModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ConfigHolderModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigHolderModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A caller's request id is kept (so it can follow the work into jobs); otherwise we make one.
            genReqId: (req: IncomingMessage) => {
              const given = req.headers['x-request-id'];
              return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
            },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.body.password',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            // One line a request, no headers; GET /api/events may carry the token in its query string
            // (EventSource sends no headers), redacted. Probes at debug; pino-pretty on a terminal.
            ...requestLogOptions(redactAccessToken),
            transport: logTransport(),
            autoLogging: config.env !== 'test',
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.dbPoolSize }),
          retryAttempts: 5,
          retryDelay: 1000,
        }),
        RedisModule,
        AuthModule,
        AgenciesModule,
        OrganisationsModule,
        DirectivesModule,
        DirectiveImportModule,
        CalendarModule,
        ClassificationModule,
        AccessLogModule,
        TaskChangesModule,
        TasksModule,
        TaskDetailModule,
        SubmissionsModule,
        CommentsModule,
        ExtensionsModule,
        SeriesModule,
        PeopleModule,
        MilestonesModule,
        ContributionsModule,
        AdminModule,
        NotificationsModule,
        IncidentsModule,
        EventsModule,
        HealthModule,
        ReportsModule,
        ProgressModule,
        ReportingPeriodsModule,
        MetricsModule,
        // The board on the same origin: every non-API path gets index.html (client-side routes).
        ...(config.webDir
          ? [
              ServeStaticModule.forRoot({
                rootPath: config.webDir,
                exclude: ['/api/{*path}'],
                serveStaticOptions: { index: 'index.html', maxAge: '1h' },
              }),
            ]
          : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
