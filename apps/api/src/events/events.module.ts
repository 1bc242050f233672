import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EventHub } from './event-hub.service.js';
import { EventsAuthGuard } from './events-auth.guard.js';
import { EventsController } from './events.controller.js';
import { EventsRepository } from './events.repository.js';

@Module({
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [EventHub, EventsRepository, EventsAuthGuard],
  exports: [EventHub],
})
export class EventsModule {}
