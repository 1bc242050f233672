import { Global, Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import { AccessLogRepository } from './access-log.repository.js';
import { AccessLogService } from './access-log.service.js';

/**
 * The record of who read which classified item (issue 17). Routes that show tasks carry @RecordsAccess, which
 * binds AccessLogInterceptor to them; it writes their reads. Services that build documents note their rows with
 * `noteReads`. Global, so that every controller's module can build the interceptor.
 */
@Global()
@Module({
  controllers: [AccessLogController],
  providers: [AccessLogRepository, AccessLogService, AccessLogInterceptor],
  exports: [AccessLogService, AccessLogInterceptor],
})
export class AccessLogModule {}
