import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgencyEntity } from '@dondoc/persistence';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesRepository } from './agencies.repository.js';
import { AgenciesService } from './agencies.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity]), OrganisationsModule],
  controllers: [AgenciesController],
  providers: [AgenciesService, AgenciesRepository],
  exports: [AgenciesService, AgenciesRepository],
})
export class AgenciesModule {}
