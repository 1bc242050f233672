import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ReportCache } from './report-cache.js';
import { ReportDocumentsController } from './report-documents.controller.js';
import { ReportDocumentsUseCase } from './report-documents.use-case.js';
import { ReportSnapshotsRepository } from './report-snapshots.repository.js';
import { ReportSnapshotsUseCase } from './report-snapshots.use-case.js';
import { ReportRollUpUseCase } from './report-roll-up.use-case.js';
import { ReportsDatabase } from './reports-database.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [OrganisationsModule],
  controllers: [ReportsController, ReportDocumentsController],
  providers: [
    ReportsDatabase,
    ReportCache,
    ReportsService,
    ReportsRepository,
    ReportSnapshotsRepository,
    ReportSnapshotsUseCase,
    ReportRollUpUseCase,
    ReportDocumentsUseCase,
  ],
  exports: [ReportsDatabase],
})
export class ReportsModule {}
