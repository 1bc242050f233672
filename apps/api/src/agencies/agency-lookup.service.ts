import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AgencyLookup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isActive(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM agencies WHERE id = $1 AND active`, [id]);
    return rows.length === 1;
  }

  /** The ids among `ids` that are not active agencies. */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM agencies WHERE id = ANY($1::uuid[]) AND active`,
      [[...new Set(ids)]],
    );
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  }
}
