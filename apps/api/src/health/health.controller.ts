import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { RedisHealthIndicator } from '../redis/redis.health.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** PostgreSQL must be up (503 otherwise); Redis is reported but only degrades: transitions work without it. */
  @Public()
  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    const result = await this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
    const redis = await this.redis.check('redis');
    return {
      ...result,
      info: { ...result.info, ...(redis.redis.status === 'up' ? redis : {}) },
      details: { ...result.details, ...redis },
    };
  }
}
