import { Module } from '@nestjs/common';

/** The record of who read which classified item (issue 17): filled in by the access-log work. */
@Module({})
export class AccessLogModule {}
