import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dataSourceOptions } from '@dondoc/persistence';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Where the reports read: a read replica when `REPORTS_DATABASE_URL` is set, so that a province's whole-table
 * aggregates stay off the primary that takes every transition; otherwise the primary itself. Only reads go
 * here; frozen snapshots and the session check stay on the primary (docs/deployment.md, "Read replica").
 */
@Injectable()
export class ReportsDatabase implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(ReportsDatabase.name);
  readonly source: DataSource;
  readonly replica: boolean;

  constructor(@InjectDataSource() primary: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.replica = config.reportsDatabaseUrl !== undefined;
    this.source = config.reportsDatabaseUrl
      ? new DataSource({
          ...dataSourceOptions({ url: config.reportsDatabaseUrl, poolSize: config.dbPoolSize }),
          // Never migrated from here: a replica follows the primary's schema.
          migrations: [],
          entities: [],
        })
      : primary;
  }

  async onModuleInit(): Promise<void> {
    if (!this.replica) return;
    await this.source.initialize();
    this.log.log('Reports read from REPORTS_DATABASE_URL');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica && this.source.isInitialized) await this.source.destroy();
  }
}
