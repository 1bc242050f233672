import { Module } from '@nestjs/common';
import { ReportingPeriodsController } from './reporting-periods.controller.js';
import { ReportingPeriodsRepository } from './reporting-periods.repository.js';
import { ReportingPeriodsService } from './reporting-periods.service.js';

/** Kỳ báo cáo: the Office's reporting periods, who has reported and who is urged. */
@Module({
  controllers: [ReportingPeriodsController],
  providers: [ReportingPeriodsRepository, ReportingPeriodsService],
  exports: [ReportingPeriodsRepository],
})
export class ReportingPeriodsModule {}
