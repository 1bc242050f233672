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

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The user's organisation and every organisation below it, top first, siblings in their set order then by
   * code. Nothing for an unknown user. The subtree is one `<@` on the path (GiST index), the rule every
   * organisation-scoped read follows.
   */
  subtreeOf(userId: string): Promise<OrganisationRow[]> {
    return this.db.query(
      `SELECT o.id, o.code, o.name, o.kind, o.parent_id, o.path::text AS path, o.agency_id, o.sort_order
         FROM users u
         JOIN organisations mine ON mine.id = u.organisation_id
         JOIN organisations o ON o.path <@ mine.path
        WHERE u.id = $1
        ORDER BY nlevel(o.path), o.sort_order NULLS LAST, o.code`,
      [userId],
    );
  }
}
