import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';

@Module({ controllers: [NotificationsController], providers: [NotificationsRepository] })
export class NotificationsModule {}
