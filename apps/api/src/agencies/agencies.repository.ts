import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AgencyEntity } from '@dondoc/persistence';
import { Repository } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AgenciesRepository {
  constructor(@InjectRepository(AgencyEntity) private readonly repo: Repository<AgencyEntity>) {}

  /** By name then code in the database's collation; AgenciesService puts them in the official order. */
  list(includeInactive: boolean): Promise<AgencyEntity[]> {
    return this.repo.find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC', code: 'ASC' } });
  }

  findById(id: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { code } });
  }

  insert(values: { code: string; name: string; kind: string }): Promise<AgencyEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(
    id: string,
    values: Partial<Pick<AgencyEntity, 'name' | 'kind' | 'active'>>,
  ): Promise<AgencyEntity | null> {
    await this.repo.update({ id }, values);
    return this.findById(id);
  }

  /**
   * Sets the official order in one transaction: `ids[0]` gets place 1, and so on. The table is locked against
   * writes first, so an agency registered meanwhile cannot slip between the check and the update. Answers the
   * ids that are no agency and the agencies `ids` leaves out (by name); nothing is written unless both are empty.
   */
  setOrder(ids: readonly string[]): Promise<{ unknown: string[]; missing: string[] }> {
    return this.repo.manager.transaction(async (m) => {
      await m.query(`LOCK TABLE agencies IN SHARE ROW EXCLUSIVE MODE`);
      const all: { id: string; name: string }[] = await m.query(`SELECT id, name FROM agencies`);
      const known = new Set(all.map((a) => a.id));
      const named = new Set(ids);
      const unknown = ids.filter((id) => !known.has(id));
      const missing = all.filter((a) => !named.has(a.id)).map((a) => a.name);
      if (unknown.length || missing.length) return { unknown, missing };
      await m.query(
        `UPDATE agencies a SET sort_order = o.place, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, place)
          WHERE a.id = o.id AND a.sort_order IS DISTINCT FROM o.place::int`,
        [[...ids]],
      );
      return { unknown, missing };
    });
  }

  async isActive(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows: unknown[] = await this.repo.query(`SELECT 1 FROM agencies WHERE id = $1 AND active`, [id]);
    return rows.length === 1;
  }

  /** The ids among `ids` that are not active agencies. */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.repo.query(
      `SELECT id FROM agencies WHERE id = ANY($1::uuid[]) AND active`,
      [[...new Set(ids)]],
    );
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  }
}
