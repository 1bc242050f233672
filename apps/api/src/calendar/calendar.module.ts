import { Global, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarStore } from '@dondoc/persistence';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';
import { ChangeCalendarUseCase } from './change-calendar.use-case.js';

/** The working calendar: one store per process (its cache follows the entries' revision), for every planner. */
@Global()
@Module({
  controllers: [CalendarController],
  providers: [
    {
      provide: CalendarStore,
      useFactory: (config: AppConfig) => new CalendarStore(config.calendar),
      inject: [APP_CONFIG],
    },
    CalendarRepository,
    CalendarService,
    ChangeCalendarUseCase,
  ],
  exports: [CalendarStore],
})
export class CalendarModule implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(CalendarStore) private readonly calendars: CalendarStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Read at start and every half minute, so the lateness shown follows a change made by another instance. */
  async onModuleInit(): Promise<void> {
    await this.calendars.refresh(this.db).catch(() => undefined);
    this.timer = setInterval(() => void this.calendars.refresh(this.db).catch(() => undefined), 30_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
