import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgencySettingsDto, PeopleQuery, PersonDto } from '@dondoc/contracts';
import type { Actor, Position } from '@dondoc/workflow';
import { organisationScope } from '../tasks/task-scope.js';
import { DataSource, type EntityManager } from 'typeorm';

interface PersonRow {
  id: string;
  full_name: string;
  role: string;
  agency_id: string | null;
  position: Position | null;
  active: boolean;
  organisation_id?: string;
}

const toPerson = (r: PersonRow): PersonDto => ({
  id: r.id,
  fullName: r.full_name,
  role: r.role,
  agencyId: r.agency_id,
  position: r.position,
});

@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The people a caller may pick: the Office, the Standing Committee and the inspector see everyone who works
   * on tasks in their committee and those below it, and the inspectors (whom a classified task's access list may
   * name); an agency's user sees its own agency's people and nobody else.
   */
  async list(actor: Actor, q: PeopleQuery): Promise<PersonDto[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`u.active`, `u.role IN ('office','standing_committee','agency','inspector')`];
    if (actor.role === 'agency') {
      if (!actor.agencyId) return [];
      where.push(`u.agency_id = ${p(actor.agencyId)}`);
    } else if (!['office', 'standing_committee', 'inspector'].includes(actor.role)) {
      return [];
    } else {
      const scope = organisationScope(actor, params.length + 1, 'u.organisation_id');
      params.push(...scope.params);
      where.push(scope.sql);
    }
    if (q.agencyId) where.push(`u.agency_id = ${p(q.agencyId)}`);
    if (q.role) where.push(`u.role = ${p(q.role)}`);
    const rows: PersonRow[] = await this.db.query(
      `SELECT u.id, u.full_name, u.role, u.agency_id, u.position, u.active FROM users u
        WHERE ${where.join(' AND ')}
        ORDER BY u.role, CASE u.position WHEN 'head' THEN 0 WHEN 'deputy' THEN 1 WHEN 'standing_board' THEN 0 ELSE 2 END,
                 u.full_name, u.id`,
      params,
    );
    return rows.map(toPerson);
  }

  async findActive(m: EntityManager, id: string): Promise<PersonRow | undefined> {
    const rows: PersonRow[] = await m.query(
      `SELECT id, full_name, role, agency_id, position, active, organisation_id FROM users WHERE id = $1 AND active`,
      [id],
    );
    return rows[0];
  }

  /** The agency's settings; with `actor`, only an agency of the actor's committee or one below it. */
  async settings(
    agencyId: string,
    m: EntityManager = this.db.manager,
    actor?: Actor,
  ): Promise<AgencySettingsDto | undefined> {
    const scope = actor ? organisationScope(actor, 2, 'organisation_id') : { sql: 'TRUE', params: [] };
    const rows: { id: string; officers_act_on_all: boolean; monitoring_user_id: string | null }[] = await m.query(
      `SELECT id, officers_act_on_all, monitoring_user_id FROM agencies WHERE id = $1 AND ${scope.sql}`,
      [agencyId, ...scope.params],
    );
    const r = rows[0];
    return r && { agencyId: r.id, officersActOnAll: r.officers_act_on_all, monitoringUserId: r.monitoring_user_id };
  }

  async updateSettings(
    m: EntityManager,
    agencyId: string,
    set: { officersActOnAll?: boolean; monitoringUserId?: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE agencies SET
         officers_act_on_all = CASE WHEN $2::boolean IS NULL THEN officers_act_on_all ELSE $2 END,
         monitoring_user_id = CASE WHEN $3 THEN $4::uuid ELSE monitoring_user_id END,
         updated_at = now()
       WHERE id = $1`,
      [agencyId, set.officersActOnAll ?? null, set.monitoringUserId !== undefined, set.monitoringUserId ?? null],
    );
  }

  /** Locks the agency and gives its committee; undefined when there is no such agency. */
  async lockAgency(m: EntityManager, agencyId: string): Promise<{ organisation_id: string } | undefined> {
    const rows: { organisation_id: string }[] = await m.query(
      `SELECT organisation_id FROM agencies WHERE id = $1 FOR UPDATE`,
      [agencyId],
    );
    return rows[0];
  }
}
