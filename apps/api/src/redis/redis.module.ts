import { Global, Module } from '@nestjs/common';
import { SignalBus } from './signal-bus.service.js';

@Global()
@Module({ providers: [SignalBus], exports: [SignalBus] })
export class RedisModule {}
