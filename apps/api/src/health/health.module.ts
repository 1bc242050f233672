import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RedisHealthIndicator } from '../redis/redis.health.js';
import { HealthController } from './health.controller.js';
import { MigrationsHealthIndicator } from './migrations.health.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ReportsDatabaseHealthIndicator } from './reports-database.health.js';
import { ShutdownState } from '../runtime/shutdown-state.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ReportsModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, ReportsDatabaseHealthIndicator, MigrationsHealthIndicator, ShutdownState],
  exports: [ShutdownState],
})
export class HealthModule {}
