import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';

/**
 * The record of who read which classified item (issue 17). Routes that show tasks carry @RecordsAccess; the
 * global interceptor writes their reads. Services that build documents note their rows with `noteReads`.
 */
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogRepository, AccessLogService, { provide: APP_INTERCEPTOR, useClass: AccessLogInterceptor }],
  exports: [AccessLogService],
})
export class AccessLogModule {}
