import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TASK_COLUMNS, type TaskRow } from '@dondoc/persistence';
import type { Actor, Classification } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { directiveClearance, organisationScope, taskScope } from '../tasks/task-scope.js';
import { SERIES_COLUMNS, SERIES_FROM, type SeriesRow, type SeriesTemplate } from '@dondoc/persistence';

export interface DirectiveFacts {
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

export interface NewSeries {
  directiveId: string;
  template: SeriesTemplate;
  frequency: string;
  dueDay: number;
  startsOn: string;
  endsOn: string | null;
  createdBy: string;
}

/**
 * Which series an actor may see: those its role sees (`roleSeriesScope`) under a directive it is cleared for (a
 * series' template is its instances' content: a classified directive's only for the people on its list).
 */
function seriesScope(actor: Actor, param: number): { sql: string; params: unknown[] } {
  const role = roleSeriesScope(actor, param);
  if (role.sql === 'FALSE') return role;
  const cleared = directiveClearance('d', `$${param + role.params.length}::uuid`);
  return { sql: `(${role.sql} AND ${cleared})`, params: [...role.params, actor.userId] };
}

/**
 * The Office, the Standing Committee and the inspector see the series of their committee and those below it; an
 * agency those it leads or coordinates (its instances are its tasks); anyone else none.
 */
function roleSeriesScope(actor: Actor, param: number): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return organisationScope(actor, param, 'd.organisation_id');
    case 'agency':
      if (!actor.agencyId) return { sql: 'FALSE', params: [] };
      return {
        sql: `(s.template->>'leadAgencyId' = $${param}::text OR s.template->'coordinatingAgencyIds' ? $${param}::text)`,
        params: [actor.agencyId],
      };
    case 'admin':
      return { sql: 'FALSE', params: [] };
  }
  // A role read from storage or a token may be anything: what is not listed sees nothing.
  return { sql: 'FALSE', params: [] };
}

@Injectable()
export class SeriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async directive(id: string, m: EntityManager | DataSource = this.db): Promise<DirectiveFacts | undefined> {
    const rows: DirectiveFacts[] = await m.query(
      `SELECT id, organisation_id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, classification,
              content_reference, created_at
         FROM directives WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * The series row, coded `<directive number>-DK<n>`; n is the directive's next free number (the unique code
   * turns a race between two Offices into a retry).
   */
  async insert(s: NewSeries, number: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const rows: { id: string }[] = await this.db.query(
        `INSERT INTO task_series (directive_id, code, template, frequency, due_day, starts_on, ends_on, created_by)
         SELECT $1, $2 || '-DK' || (count(*) + 1 + $9::int), $3::jsonb, $4, $5, $6::date, $7::date, $8
           FROM task_series WHERE directive_id = $1
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          s.directiveId,
          number,
          JSON.stringify(s.template),
          s.frequency,
          s.dueDay,
          s.startsOn,
          s.endsOn,
          s.createdBy,
          attempt,
        ],
      );
      if (rows[0]) return rows[0].id;
      if (attempt >= 20) throw new Error(`no free series code for directive ${number}`);
    }
  }

  async findById(id: string): Promise<SeriesRow | undefined> {
    const rows: SeriesRow[] = await this.db.query(`SELECT ${SERIES_COLUMNS} FROM ${SERIES_FROM} WHERE s.id = $1`, [id]);
    return rows[0];
  }

  async findVisible(actor: Actor, id: string): Promise<SeriesRow | undefined> {
    const scope = seriesScope(actor, 2);
    const rows: SeriesRow[] = await this.db.query(
      `SELECT ${SERIES_COLUMNS} FROM ${SERIES_FROM} WHERE s.id = $1 AND ${scope.sql}`,
      [id, ...scope.params],
    );
    return rows[0];
  }

  listVisible(actor: Actor, directiveId: string): Promise<SeriesRow[]> {
    const scope = seriesScope(actor, 2);
    return this.db.query(
      `SELECT ${SERIES_COLUMNS} FROM ${SERIES_FROM} WHERE s.directive_id = $1 AND ${scope.sql} ORDER BY s.created_at, s.code`,
      [directiveId, ...scope.params],
    );
  }

  async setActive(id: string, active: boolean): Promise<void> {
    await this.db.query(`UPDATE task_series SET active = $2, updated_at = now() WHERE id = $1`, [id, active]);
  }

  async periodKeys(seriesId: string): Promise<Set<string>> {
    const rows: { period_key: string }[] = await this.db.query(`SELECT period_key FROM tasks WHERE series_id = $1`, [
      seriesId,
    ]);
    return new Set(rows.map((r) => r.period_key));
  }

  /** The instances the actor may see, oldest period first. */
  instances(actor: Actor, seriesId: string): Promise<TaskRow[]> {
    const scope = taskScope(actor, 2);
    return this.db.query(
      `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.series_id = $1 AND ${scope.sql} ORDER BY t.period_key`,
      [seriesId, ...scope.params],
    );
  }

  async visibleInstanceCounts(actor: Actor, seriesIds: readonly string[]): Promise<Map<string, number>> {
    const scope = taskScope(actor, 2);
    const rows: { series_id: string; n: number }[] = await this.db.query(
      `SELECT t.series_id, count(*)::int AS n FROM tasks t WHERE t.series_id = ANY($1::uuid[]) AND ${scope.sql}
        GROUP BY t.series_id`,
      [seriesIds, ...scope.params],
    );
    return new Map(rows.map((r) => [r.series_id, r.n]));
  }

  // --- the monthly program carried forward ---

  /** The new program; undefined when its number is taken (the unique number decides a race). */
  async insertProgram(
    m: EntityManager,
    p: { number: string; title: string; issuedOn: string; from: DirectiveFacts; createdBy: string },
  ): Promise<DirectiveFacts | undefined> {
    const rows: DirectiveFacts[] = await m.query(
      `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by, classification,
                              content_reference)
       VALUES ($1, 'monthly_program', $2, $3::date, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (organisation_id, number) DO NOTHING
       RETURNING id, number, kind, title, issued_on::text AS issued_on, issuer, signer, place, classification,
                 content_reference, created_at`,
      [
        p.number,
        p.title,
        p.issuedOn,
        p.from.issuer,
        p.from.signer,
        p.from.place,
        p.createdBy,
        p.from.classification,
        p.from.content_reference,
      ],
    );
    const program = rows[0];
    // The next program is as secret as this one, and read by the same people.
    if (program && program.classification !== 'normal') {
      await m.query(
        `INSERT INTO classified_access (directive_id, user_id, granted_by)
         SELECT $1, user_id, $3 FROM classified_access WHERE directive_id = $2 ON CONFLICT DO NOTHING`,
        [program.id, p.from.id, p.createdBy],
      );
    }
    return program;
  }

  /** Whether the user sees the directive: its committee's line, and its list when classified. */
  async clearedForDirective(d: Pick<DirectiveFacts, 'id'>, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM directives d WHERE d.id = $1 AND ${directiveClearance('d', '$2::uuid')}`,
      [d.id, userId],
    );
    return rows.length > 0;
  }

  /** The carried items whose task the user is cleared for. */
  async clearedOnly<T extends { task: TaskRow }>(items: T[], userId: string): Promise<T[]> {
    const classified = items.filter((i) => i.task.classification !== 'normal').map((i) => i.task.id);
    if (!classified.length) return items;
    const rows: { task_id: string }[] = await this.db.query(
      `SELECT task_id FROM classified_access WHERE task_id = ANY($1::uuid[]) AND user_id = $2`,
      [classified, userId],
    );
    const cleared = new Set(rows.map((r) => r.task_id));
    return items.filter((i) => i.task.classification === 'normal' || cleared.has(i.task.id));
  }

  /** A carried item keeps the access list of the item it carries forward. */
  async copyTaskAccess(m: EntityManager, fromTaskId: string, toTaskId: string, grantedBy: string): Promise<void> {
    await m.query(
      `INSERT INTO classified_access (task_id, user_id, granted_by)
       SELECT $2, user_id, $3 FROM classified_access WHERE task_id = $1 ON CONFLICT DO NOTHING`,
      [fromTaskId, toTaskId, grantedBy],
    );
  }

  /** The program's items not approved or cancelled, locked so none moves on while they are carried. */
  unfinished(m: EntityManager, directiveId: string): Promise<TaskRow[]> {
    return m.query(
      `SELECT ${TASK_COLUMNS}, t.description FROM tasks t
        WHERE t.directive_id = $1 AND t.state NOT IN ('approved', 'cancelled')
        ORDER BY t.code FOR UPDATE OF t`,
      [directiveId],
    );
  }
}
