import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module.js';
import { CarryForwardUseCase } from './carry-forward.use-case.js';
import { SeriesController } from './series.controller.js';
import { SeriesRepository } from './series.repository.js';
import { SeriesService } from './series.service.js';

/** Recurring work (series and their instances) and the monthly program carried forward. */
@Module({
  imports: [AgenciesModule],
  controllers: [SeriesController],
  providers: [SeriesRepository, SeriesService, CarryForwardUseCase],
})
export class SeriesModule {}
