import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AgencyEntity } from '@dondoc/persistence';
import { In, Repository } from 'typeorm';
import { organisationSubtreeSql } from '../tasks/task-scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AgenciesRepository {
  constructor(@InjectRepository(AgencyEntity) private readonly repo: Repository<AgencyEntity>) {}

  /**
   * By name then code in the database's collation; AgenciesService puts them in the official order. With a
   * committee's path, only the agencies of its line: its own, those below and those above it (which lead the tasks
   * its work comes from); a sibling's are none of its business.
   */
  async list(includeInactive: boolean, linePath?: string): Promise<AgencyEntity[]> {
    const where = includeInactive ? {} : { active: true };
    if (!linePath) return this.repo.find({ where, order: { name: 'ASC', code: 'ASC' } });
    const line: { id: string }[] = await this.repo.query(
      `SELECT id FROM organisations WHERE path <@ $1::ltree OR path @> $1::ltree`,
      [linePath],
    );
    return this.repo.find({
      where: { ...where, organisationId: In(line.map((o) => o.id)) },
      order: { name: 'ASC', code: 'ASC' },
    });
  }

  /** Every agency of the committee at `path` and of those below it, disabled ones too: an administrator's. */
  async listSubtree(path: string): Promise<AgencyEntity[]> {
    const orgs: { id: string }[] = await this.repo.query(`SELECT id FROM organisations WHERE path <@ $1::ltree`, [
      path,
    ]);
    return this.repo.find({
      where: { organisationId: In(orgs.map((o) => o.id)) },
      order: { name: 'ASC', code: 'ASC' },
    });
  }

  findById(id: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { code } });
  }

  insert(values: { code: string; name: string; kind: string; organisationId: string }): Promise<AgencyEntity> {
    return this.repo.save(this.repo.create(values));
  }

  /** Changes an agency of the subtree at `path`; null for any other. */
  async update(
    id: string,
    values: Partial<Pick<AgencyEntity, 'name' | 'kind' | 'active'>>,
    path: string,
  ): Promise<AgencyEntity | null> {
    const inSubtree: unknown[] = await this.repo.query(
      `SELECT 1 FROM agencies a WHERE a.id = $1 AND ${organisationSubtreeSql('a.organisation_id', '$2')}`,
      [id, path],
    );
    if (!inSubtree.length) return null;
    await this.repo.update({ id }, values);
    return this.findById(id);
  }

  /**
   * Sets the official order in one transaction: `ids[0]` gets place 1, and so on. The table is locked against
   * writes first, so an agency registered meanwhile cannot slip between the check and the update. Answers the
   * ids that are no agency and the agencies `ids` leaves out (by name); nothing is written unless both are empty.
   * The order is of the agencies of the subtree at `path`: an administrator's; any other agency is unknown.
   */
  setOrder(ids: readonly string[], path: string): Promise<{ unknown: string[]; missing: string[] }> {
    return this.repo.manager.transaction(async (m) => {
      await m.query(`LOCK TABLE agencies IN SHARE ROW EXCLUSIVE MODE`);
      const all: { id: string; name: string }[] = await m.query(
        `SELECT a.id, a.name FROM agencies a WHERE ${organisationSubtreeSql('a.organisation_id', '$1')}`,
        [path],
      );
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

  /**
   * Whether `id` is an active agency (of that committee, when `organisationId` is given: a committee's task is led
   * and coordinated by its own agencies, among them those standing for the committees below it).
   */
  async isActive(id: string, organisationId?: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM agencies WHERE id = $1 AND active AND ($2::uuid IS NULL OR organisation_id = $2)`,
      [id, organisationId ?? null],
    );
    return rows.length === 1;
  }

  /** The ids among `ids` that are not active agencies (of that committee, when given). */
  async unknownIds(ids: readonly string[], organisationId?: string): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.repo.query(
      `SELECT id FROM agencies WHERE id = ANY($1::uuid[]) AND active AND ($2::uuid IS NULL OR organisation_id = $2)`,
      [[...new Set(ids)], organisationId ?? null],
    );
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  }
}
