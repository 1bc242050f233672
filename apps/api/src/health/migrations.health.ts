import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { MIGRATIONS } from '@dondoc/persistence';
import { DataSource } from 'typeorm';

/** Ready only when this build's migrations are all applied: an instance must not serve an older schema. */
@Injectable()
export class MigrationsHealthIndicator {
  private readonly expected = MIGRATIONS.map((m) => new m().name ?? m.name);

  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async check(key: string) {
    const session = this.indicators.check(key);
    try {
      const rows: { name: string }[] = await this.db.query(`SELECT name FROM schema_migrations`);
      const applied = new Set(rows.map((r) => r.name));
      const pending = this.expected.filter((n) => !applied.has(n));
      return pending.length
        ? session.down({ applied: applied.size, pending, message: 'run `npm run migrate` before serving' })
        : session.up({ applied: applied.size });
    } catch (e) {
      return session.down({ message: `cannot read schema_migrations: ${(e as Error).message}` });
    }
  }
}
