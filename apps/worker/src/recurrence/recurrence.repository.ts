import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERIES_COLUMNS, SERIES_FROM, type SeriesRow } from '@dondoc/persistence';

@Injectable()
export class RecurrenceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  activeSeries(): Promise<SeriesRow[]> {
    return this.db.query(`SELECT ${SERIES_COLUMNS} FROM ${SERIES_FROM} WHERE s.active ORDER BY s.created_at, s.id`);
  }

  /** The periods each series has an instance of. */
  async existingKeys(seriesIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const rows: { series_id: string; period_key: string }[] = await this.db.query(
      `SELECT series_id, period_key FROM tasks WHERE series_id = ANY($1::uuid[])`,
      [seriesIds],
    );
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const keys = out.get(r.series_id) ?? new Set<string>();
      keys.add(r.period_key);
      out.set(r.series_id, keys);
    }
    return out;
  }
}
