import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationKind } from '@dondoc/contracts';
import { DataSource } from 'typeorm';

export interface OrganisationRow {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  parent_id: string | null;
  /** The ltree path as text: labels joined by dots. */
  path: string;
  agency_id: string | null;
  sort_order: number | null;
}

const COLUMNS = 'o.id, o.code, o.name, o.kind, o.parent_id, o.path::text AS path, o.agency_id, o.sort_order';

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The user's organisation and every organisation below it, top first, siblings in their set order then by
   * code. Nothing for an unknown user. The subtree is one `<@` on the path (GiST index), the rule every
   * organisation-scoped read follows.
   */
  /** One organisation, if it is `path` or below it. */
  async within(id: string, path: string): Promise<OrganisationRow | undefined> {
    const rows: OrganisationRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM organisations o WHERE o.id = $1 AND o.path <@ $2::ltree`,
      [id, path],
    );
    return rows[0];
  }

  /**
   * A committee and, in the same transaction, the agency standing for it among its parent's agencies (the lead
   * the parent gives work to). Undefined when the code is taken by a committee or an agency.
   */
  create(c: {
    code: string;
    name: string;
    kind: OrganisationKind;
    parentId: string;
    sortOrder: number | null;
    agencyKind: string;
  }): Promise<OrganisationRow | undefined> {
    return this.db.transaction(async (m) => {
      const taken: unknown[] = await m.query(
        `SELECT 1 FROM organisations WHERE code = $1 UNION ALL SELECT 1 FROM agencies WHERE code = $1`,
        [c.code],
      );
      if (taken.length) return undefined;
      const agency: { id: string }[] = await m.query(
        `INSERT INTO agencies (code, name, kind, organisation_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [c.code, c.name, c.agencyKind, c.parentId],
      );
      const rows: OrganisationRow[] = await m.query(
        `INSERT INTO organisations AS o (code, name, kind, parent_id, agency_id, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [c.code, c.name, c.kind, c.parentId, agency[0].id, c.sortOrder],
      );
      return rows[0];
    });
  }

  /** Renames a committee (its standing agency with it) or moves it among its siblings. */
  update(id: string, c: { name?: string; sortOrder?: number | null }): Promise<OrganisationRow> {
    return this.db.transaction(async (m) => {
      // In a CTE: TypeORM answers a bare UPDATE with [rows, count].
      const rows: OrganisationRow[] = await m.query(
        `WITH o AS (UPDATE organisations SET name = coalesce($2, name),
                      sort_order = CASE WHEN $3 THEN $4::int ELSE sort_order END, updated_at = now()
                    WHERE id = $1 RETURNING *)
         SELECT ${COLUMNS} FROM o`,
        [id, c.name ?? null, c.sortOrder !== undefined, c.sortOrder ?? null],
      );
      if (c.name && rows[0].agency_id) {
        await m.query(`UPDATE agencies SET name = $2, updated_at = now() WHERE id = $1`, [rows[0].agency_id, c.name]);
      }
      return rows[0];
    });
  }

  subtreeOf(userId: string): Promise<OrganisationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS}
         FROM users u
         JOIN organisations mine ON mine.id = u.organisation_id
         JOIN organisations o ON o.path <@ mine.path
        WHERE u.id = $1
        ORDER BY nlevel(o.path), o.sort_order NULLS LAST, o.code`,
      [userId],
    );
  }
}
