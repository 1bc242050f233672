import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@dondoc/persistence';
import { Clock } from './clock.js';
import { redisOptions } from '@dondoc/contracts';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker-config.js';
import { EscalationProcessor, escalationProcessorFor } from './escalation/escalation.processor.js';
import { ActionsRepository } from './escalation/actions.repository.js';
import { EscalationService } from './escalation/escalation.service.js';
import { LatenessRecorder } from './escalation/lateness.recorder.js';
import { MailRepository } from './mail/mail.repository.js';
import { MailService } from './mail/mail.service.js';
import { WorkerMetrics } from './metrics/worker-metrics.js';
import { BusPublisher } from './redis/bus-publisher.service.js';
import { DueWaker } from './schedule/due-waker.js';
import { EscalationQueue } from './schedule/escalation-queue.js';
import { QueueErrorLog } from './schedule/queue-error-log.js';
import { ReconcilerService } from './schedule/reconciler.service.js';
import { RelayService } from './schedule/relay.service.js';
import { ESCALATION_QUEUE } from './schedule/schedule.constants.js';
import { ScheduleRepository } from './schedule/schedule.repository.js';
import { RECURRENCE_QUEUE } from './recurrence/recurrence.constants.js';
import { RecurrenceProcessor } from './recurrence/recurrence.processor.js';
import { RecurrenceQueue } from './recurrence/recurrence-queue.js';
import { RecurrenceRepository } from './recurrence/recurrence.repository.js';
import { RecurrenceService } from './recurrence/recurrence.service.js';

@Global()
@Module({})
class WorkerConfigModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerConfigModule,
      providers: [{ provide: WORKER_CONFIG, useValue: config }],
      exports: [WORKER_CONFIG],
    };
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.register(config),
        // JSON lines like the API's, so one log pipeline reads both.
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { app: 'worker', pid: process.pid },
            // pino-pretty on a terminal (`npm start`), JSON elsewhere; LOG_FORMAT=json|pretty decides.
            transport:
              process.env.LOG_FORMAT === 'pretty' ||
              (process.env.LOG_FORMAT !== 'json' &&
                process.stdout.isTTY &&
                !['production', 'test'].includes(process.env.NODE_ENV ?? ''))
                ? {
                    target: 'pino-pretty',
                    options: {
                      translateTime: 'SYS:HH:MM:ss',
                      ignore: 'pid,hostname,app,context',
                      messageFormat: 'worker {if context}{context}{end}: {msg}',
                      singleLine: true,
                    },
                  }
                : undefined,
            // Nest's module inventory at start-up is for debugging.
            hooks: {
              logMethod(args, method, level) {
                const context = (args[0] as { context?: unknown } | undefined)?.context;
                if (level === 30 && (context === 'InstanceLoader' || context === 'NestFactory')) {
                  if (this.isLevelEnabled('debug')) this.debug(...args);
                  return;
                }
                method.apply(this, args);
              },
            },
          },
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: config.databaseUrl, poolSize: config.dbPoolSize }),
          retryAttempts: 10,
          retryDelay: 1000,
        }),
        BullModule.forRoot({
          prefix: config.queuePrefix,
          // BullMQ's production guidance: workers block on Redis, so commands must never give up.
          connection: { ...redisOptions(config.redisUrl), maxRetriesPerRequest: null, enableOfflineQueue: true },
          defaultJobOptions: {
            attempts: config.jobAttempts,
            backoff: { type: 'exponential', delay: config.jobBackoffMs },
            removeOnComplete: { age: 24 * 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
          },
        }),
        BullModule.registerQueue({ name: ESCALATION_QUEUE }),
        BullModule.registerQueue({ name: RECURRENCE_QUEUE }),
      ],
      providers: [
        { provide: Clock, useValue: new Clock(config.clockOffsetMs) },
        ActionsRepository,
        EscalationService,
        // Concurrency and lock timing from the validated configuration (see escalationProcessorFor).
        { provide: EscalationProcessor, useClass: escalationProcessorFor(config) },
        LatenessRecorder,
        { provide: WorkerMetrics, useFactory: () => new WorkerMetrics() },
        QueueErrorLog,
        EscalationQueue,
        DueWaker,
        BusPublisher,
        ScheduleRepository,
        RelayService,
        ReconcilerService,
        MailRepository,
        MailService,
        RecurrenceRepository,
        RecurrenceService,
        RecurrenceQueue,
        RecurrenceProcessor,
      ],
      exports: [
        EscalationService,
        EscalationQueue,
        DueWaker,
        BusPublisher,
        RelayService,
        ReconcilerService,
        LatenessRecorder,
        Clock,
        MailService,
        WorkerMetrics,
        RecurrenceService,
      ],
    };
  }
}
