import { Module } from '@nestjs/common';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsRepository } from './incidents.repository.js';

@Module({ controllers: [IncidentsController], providers: [IncidentsRepository] })
export class IncidentsModule {}
