import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateDirectiveRequest } from '@dondoc/contracts';
import type { Actor, Classification } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { TASK_COLUMNS, type TaskRow } from '@dondoc/persistence';
import { directiveClearance, taskScope } from '../tasks/task-scope.js';

export interface DirectiveRow {
  id: string;
  organisation_id: string;
  number: string;
  kind: string;
  title: string;
  issued_on: string | null;
  issuer: string | null;
  signer: string | null;
  place: string | null;
  classification: Classification;
  content_reference: string | null;
  created_at: Date;
}

const COLUMNS = `id, organisation_id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, classification,
  content_reference, created_at`;

@Injectable()
export class DirectivesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The directives the user is cleared for: every unclassified one, and the classified ones listing them. */
  list(userId: string): Promise<DirectiveRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM directives d WHERE ${directiveClearance('d', '$1::uuid')}
        ORDER BY issued_on DESC NULLS LAST, number`,
      [userId],
    );
  }

  async findById(id: string, userId: string): Promise<DirectiveRow | undefined> {
    const rows: DirectiveRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM directives d WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')}`,
      [id, userId],
    );
    return rows[0];
  }

  /** The directive of that number in the user's organisation (numbers are unique within one committee only). */
  async idByNumber(number: string, userId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM directives WHERE number = $1 AND organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = $2)`,
      [number, userId],
    );
    return rows[0]?.id ?? null;
  }

  /** The directive and, when classified, its access list (`accessUserIds`), in one transaction. */
  async insert(input: CreateDirectiveRequest, userId: string, accessUserIds: readonly string[]): Promise<DirectiveRow> {
    return this.db.transaction(async (m) => {
      const rows: DirectiveRow[] = await m.query(
        `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by, classification,
                                 content_reference)
         VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          input.number,
          input.kind,
          input.title,
          input.issuedOn ?? null,
          input.issuer ?? null,
          input.signer ?? null,
          input.place ?? null,
          userId,
          input.classification ?? 'normal',
          input.contentReference ?? null,
        ],
      );
      if ((input.classification ?? 'normal') !== 'normal') {
        await m.query(
          `INSERT INTO classified_access (directive_id, user_id, granted_by)
           SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
          [rows[0].id, [...new Set(accessUserIds)], userId],
        );
      }
      return rows[0];
    });
  }

  /** Only the tasks the actor may see: progress never leaks other agencies' work. */
  tasks(actor: Actor, directiveId: string): Promise<TaskRow[]> {
    const scope = taskScope(actor, 2);
    return this.db.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.directive_id = $1 AND ${scope.sql} ORDER BY t.code`,
      [directiveId, ...scope.params],
    );
  }
}
