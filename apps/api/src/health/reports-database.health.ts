import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReportsDatabase } from '../reports/reports-database.js';

/**
 * The reports' read replica, when one is configured: reported, never required, like Redis: without it only the
 * reports fail, so readiness must not take the whole API out of rotation. Says how far behind the primary it is.
 */
@Injectable()
export class ReportsDatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly reports: ReportsDatabase,
  ) {}

  async check(key: string) {
    if (!this.reports.replica) return {};
    const session = this.indicators.check(key);
    try {
      const started = Date.now();
      const [row] = await this.reports.source.query<{ standby: boolean; lag: number | null }[]>(
        `SELECT pg_is_in_recovery() AS standby,
                extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag`,
      );
      return session.up({
        responseTime: Date.now() - started,
        standby: row?.standby ?? false,
        // Seconds since the last replayed change: reports are at most this far behind (null: not a standby).
        lagSeconds: row?.lag === null || row?.lag === undefined ? null : Math.round(row.lag * 10) / 10,
      });
    } catch (e) {
      return session.down({ message: `Reports' read replica unreachable: ${(e as Error).message}` });
    }
  }
}
