import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { liveResponseSchema, healthResponseSchema } from '@dondoc/contracts';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { Public } from '../auth/auth.decorators.js';
import { RedisHealthIndicator } from '../redis/redis.health.js';
import { MigrationsHealthIndicator } from './migrations.health.js';
import { ReportsDatabaseHealthIndicator } from './reports-database.health.js';
import { ServiceUnavailableException } from '@nestjs/common';
import { ShutdownState } from '../runtime/shutdown-state.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly reportsDatabase: ReportsDatabaseHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** Liveness: the process answers. Nothing external, so a database outage never gets the API restarted. */
  @ApiEndpoint({
    summary: 'Liveness: the process answers (nothing external is checked)',
    public: true,
    ok: { schema: liveResponseSchema },
  })
  @Public()
  @Get('live')
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * Readiness: PostgreSQL answers and every migration of this build is applied (503 otherwise). Redis is
   * reported, not required: transitions succeed without it and the reconciler catches up afterwards. So is the
   * reports' read replica, when configured.
   */
  @ApiEndpoint({
    summary: 'Readiness: PostgreSQL answers and every migration is applied; Redis reported',
    public: true,
    ok: { schema: healthResponseSchema },
  })
  @Public()
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    if (this.shutdown.draining) {
      throw new ServiceUnavailableException({
        status: 'error',
        details: { shutdown: { status: 'down', message: 'draining before shutdown' } },
      });
    }
    const result = await this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.migrations.check('migrations'),
    ]);
    const redis = await this.redis.check('redis');
    const replica = await this.reportsDatabase.check('reportsDatabase');
    return { ...result, details: { ...result.details, ...redis, ...replica } };
  }

  /** PostgreSQL must be up (503 otherwise); Redis is reported but only degrades: transitions work without it. */
  @ApiEndpoint({
    summary: 'Health: PostgreSQL must be up; Redis reported',
    public: true,
    ok: { schema: healthResponseSchema },
  })
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
