import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConfirmDirectiveImportRequest } from '@dondoc/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectiveRow } from '../directives/directives.repository.js';

const DIRECTIVE_COLUMNS = `id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, classification,
  content_reference, created_at`;

@Injectable()
export class DirectiveImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The registry the parser matches names against: the user's committee's active agencies only. */
  activeAgencies(userId: string): Promise<{ id: string; code: string; name: string }[]> {
    return this.db.query(
      `SELECT id, code, name FROM agencies
        WHERE active AND organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = $1) ORDER BY name`,
      [userId],
    );
  }

  /**
   * Inserts the directive unless its number is taken. ON CONFLICT waits for a concurrent insert of the same
   * number to commit or roll back, so of two simultaneous confirms exactly one gets a row.
   */
  async insertDirective(
    m: EntityManager,
    d: ConfirmDirectiveImportRequest['directive'],
    userId: string,
    accessUserIds: readonly string[],
  ): Promise<DirectiveRow | undefined> {
    const rows: DirectiveRow[] = await m.query(
      `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by, classification,
                               content_reference)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (organisation_id, number) DO NOTHING
       RETURNING ${DIRECTIVE_COLUMNS}`,
      [
        d.number,
        d.kind,
        d.title,
        d.issuedOn ?? null,
        d.issuer ?? null,
        d.signer ?? null,
        d.place ?? null,
        userId,
        d.classification ?? 'normal',
        d.contentReference ?? null,
      ],
    );
    const directive = rows[0];
    if (directive && directive.classification !== 'normal' && accessUserIds.length) {
      await m.query(
        `INSERT INTO classified_access (directive_id, user_id, granted_by)
         SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
        [directive.id, [...new Set(accessUserIds)], userId],
      );
    }
    return directive;
  }
}
