import type pg from 'pg';

export async function agencyId(db: pg.Pool, code: string): Promise<string> {
  const r = await db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = $1`, [code]);
  if (!r.rows[0]) throw new Error(`no agency ${code}`);
  return r.rows[0].id;
}

export async function directiveId(db: pg.Pool, number = '07-CTr/TU'): Promise<string> {
  const r = await db.query<{ id: string }>(`SELECT id FROM directives WHERE number = $1`, [number]);
  return r.rows[0].id;
}

/**
 * A committee under `parentId` (issue 20); `standsFor`: the code of the agency that stands for it among its
 * parent's agencies (the lead a parent's task names when it hands work down), if any.
 */
export async function addCommittee(
  db: pg.Pool,
  c: { code: string; name: string; kind: string; parentId: string; standsFor?: string | null },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO organisations (code, name, kind, parent_id, agency_id)
     VALUES ($1, $2, $3, $4, (SELECT id FROM agencies WHERE code = $5)) RETURNING id`,
    [c.code, c.name, c.kind, c.parentId, c.standsFor ?? null],
  );
  return r.rows[0].id;
}

/** An agency of a committee. */
export async function addAgency(db: pg.Pool, code: string, name: string, organisationId: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    `INSERT INTO agencies (code, name, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
    [code, name, organisationId],
  );
  return r.rows[0].id;
}

/**
 * An account in a committee with the demo password (the Office's hash, so the suites' login helper signs it in); an
 * agency's user is its head unless `position` says otherwise.
 */
export async function addAccount(
  db: pg.Pool,
  username: string,
  role: string,
  organisationId: string,
  opts: { agencyId?: string | null; position?: string | null } = {},
): Promise<string> {
  await db.query(
    `INSERT INTO users (username, full_name, role, password_hash, organisation_id, agency_id, position)
     SELECT $1, $1, $2, password_hash, $3, $4, COALESCE($5, CASE WHEN $2 = 'agency' THEN 'head' END)
       FROM users WHERE username = 'vanphong'`,
    [username, role, organisationId, opts.agencyId ?? null, opts.position ?? null],
  );
  return username;
}

let counter = 0;

/**
 * A fresh task of our own, moved through the lifecycle with plain SQL to the wanted state, so a
 * suite never depends on (or disturbs) the demo data other suites read.
 */
export async function makeTask(
  db: pg.Pool,
  opts: {
    state: 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
    lead?: string;
    coordinating?: string[];
    dueDate?: string;
    withPendingSubmission?: boolean;
    /** Directive number (default 07-CTr/TU). */
    directive?: string;
  },
): Promise<{ id: string; version: number }> {
  const lead = await agencyId(db, opts.lead ?? 'ban-tuyen-giao');
  const coordinating = await Promise.all((opts.coordinating ?? ['ban-dan-van']).map((c) => agencyId(db, c)));
  const directive = await directiveId(db, opts.directive);
  const office = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'vanphong'`);
  const code = `TEST-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const r = await db.query<{ id: string; version: number }>(
    `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, search_text, created_by)
     VALUES ($1, $2, $3, '', 'ke_hoach', 'economy', $4, $5::uuid[], $6::date, 'quý IV-2030', $7, lower($2), $8)
     RETURNING id, version`,
    [
      directive,
      code,
      // Unique across the Jest workers and the files of one worker (the counter restarts with each file): a
      // browser test looks a title up on a board other files share.
      `Kế hoạch thử nghiệm ${code.slice(5)}`,
      lead,
      coordinating,
      opts.dueDate ?? '2030-12-31',
      opts.state,
      office.rows[0].id,
    ],
  );
  const id = r.rows[0].id;
  if (opts.withPendingSubmission ?? opts.state === 'submitted') {
    const leadUser = await db.query<{ id: string }>(`SELECT id FROM users WHERE agency_id = $1 LIMIT 1`, [lead]);
    await db.query(
      `INSERT INTO submissions (task_id, seq, revision, note, submitted_by) VALUES ($1, 1, 0, 'Dự thảo', $2)`,
      [id, leadUser.rows[0].id],
    );
  }
  return r.rows[0];
}
