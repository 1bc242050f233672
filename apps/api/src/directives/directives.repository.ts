import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateDirectiveRequest } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { TASK_COLUMNS, type TaskRow } from '@dondoc/persistence';
import { taskScope } from '../tasks/task-scope.js';

export interface DirectiveRow {
  id: string;
  number: string;
  kind: string;
  title: string;
  issued_on: string | null;
  issuer: string | null;
  signer: string | null;
  place: string | null;
  created_at: Date;
}

const COLUMNS = `id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, created_at`;

@Injectable()
export class DirectivesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<DirectiveRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM directives ORDER BY issued_on DESC NULLS LAST, number`);
  }

  async findById(id: string): Promise<DirectiveRow | undefined> {
    const rows: DirectiveRow[] = await this.db.query(`SELECT ${COLUMNS} FROM directives WHERE id = $1`, [id]);
    return rows[0];
  }

  async existsByNumber(number: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM directives WHERE number = $1`, [number]);
    return rows.length > 0;
  }

  async insert(input: CreateDirectiveRequest, userId: string): Promise<DirectiveRow> {
    const rows: DirectiveRow[] = await this.db.query(
      `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        input.number,
        input.kind,
        input.title,
        input.issuedOn ?? null,
        input.issuer ?? null,
        input.signer ?? null,
        input.place ?? null,
        userId,
      ],
    );
    return rows[0];
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
