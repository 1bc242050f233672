import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConfirmDirectiveImportRequest } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { DirectiveRow } from '../directives/directives.repository.js';
import { searchTextOf } from '../tasks/tasks.service.js';

const DIRECTIVE_COLUMNS = `id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, created_at`;

/** `<directive number>-<NN>`, as the demo seed and `POST /api/tasks` number a directive's tasks. */
export function taskCode(number: string, index: number): string {
  return `${number}-${String(index + 1).padStart(2, '0')}`;
}

@Injectable()
export class DirectiveImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The registry the parser matches names against: active agencies only. */
  activeAgencies(): Promise<{ id: string; code: string; name: string }[]> {
    return this.db.query(`SELECT id, code, name FROM agencies WHERE active ORDER BY name`);
  }

  async directiveIdByNumber(number: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM directives WHERE number = $1`, [number]);
    return rows[0]?.id ?? null;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Inserts the directive unless its number is taken. ON CONFLICT waits for a concurrent insert of the same
   * number to commit or roll back, so of two simultaneous confirms exactly one gets a row.
   */
  async insertDirective(
    m: EntityManager,
    d: ConfirmDirectiveImportRequest['directive'],
    userId: string,
  ): Promise<DirectiveRow | undefined> {
    const rows: DirectiveRow[] = await m.query(
      `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8)
       ON CONFLICT (number) DO NOTHING
       RETURNING ${DIRECTIVE_COLUMNS}`,
      [d.number, d.kind, d.title, d.issuedOn ?? null, d.issuer ?? null, d.signer ?? null, d.place ?? null, userId],
    );
    return rows[0];
  }

  async existingCodes(m: EntityManager, codes: string[]): Promise<string[]> {
    const rows: { code: string }[] = await m.query(`SELECT code FROM tasks WHERE code = ANY($1::text[])`, [codes]);
    return rows.map((r) => r.code);
  }

  /** Every task in `drafted`, with its search text, and a CREATE history row each, as `POST /api/tasks` writes. */
  async insertTasks(
    m: EntityManager,
    directive: { id: string; number: string },
    tasks: ConfirmDirectiveImportRequest['tasks'],
    actor: Actor,
  ): Promise<{ id: string; code: string }[]> {
    const rows = tasks.map((t, i) => {
      const code = taskCode(directive.number, i);
      return {
        ord: i,
        code,
        title: t.title,
        description: t.description ?? '',
        deliverable_type: t.deliverableType,
        field: t.field,
        lead_agency_id: t.leadAgencyId ?? null,
        coordinating_agency_ids: [...new Set(t.coordinatingAgencyIds ?? [])],
        due_date: t.dueDate ?? null,
        deadline_text: t.deadlineText ?? null,
        search_text: searchTextOf({ code, title: t.title, description: t.description }),
      };
    });
    const inserted: { id: string; code: string; ord: number }[] = await m.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(ord int, code text, title text, description text,
           deliverable_type text, field text, lead_agency_id uuid, coordinating_agency_ids uuid[], due_date date,
           deadline_text text, search_text text)),
       ins AS (
         INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                            coordinating_agency_ids, due_date, deadline_text, search_text, created_by)
         SELECT $2, code, title, description, deliverable_type, field, lead_agency_id, coordinating_agency_ids,
                due_date, deadline_text, search_text, $3
           FROM input ORDER BY ord
         RETURNING id, code),
       ev AS (
         INSERT INTO task_events (task_id, event, from_state, to_state, actor_user_id, actor_role, actor_agency_id,
                                  data, task_version)
         SELECT ins.id, 'CREATE', NULL, 'drafted', $3, $4, $5, '{"source": "import"}'::jsonb, 1 FROM ins
         RETURNING id)
       SELECT ins.id, ins.code, input.ord FROM ins JOIN input USING (code) ORDER BY input.ord`,
      [JSON.stringify(rows), directive.id, actor.userId, actor.role, actor.agencyId],
    );
    return inserted.map((r) => ({ id: r.id, code: r.code }));
  }
}
