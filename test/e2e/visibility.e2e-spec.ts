import { taskScope } from '@dondoc/api';
import { canRead, TASK_STATES, type Actor, type Role, type TaskState } from '@dondoc/workflow';
import { ROOT_ORGANISATION_ID } from '@dondoc/persistence';
import pg from 'pg';
import { agencyId, makeTask } from './support/fixtures.js';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

/**
 * The visibility rule, one table of cases (in the spirit of immich's access tests), checked against both of
 * its forms: `canRead` in libs/workflow and `taskScope`, the SQL every query of tasks is filtered by.
 */
type Relation = 'lead' | 'coordinating' | 'none';
interface Case {
  role: Role | 'unknown';
  relation: Relation;
  state: TaskState;
  sees: boolean;
}

const RULE: Record<Role | 'unknown', (relation: Relation, state: TaskState) => boolean> = {
  office: () => true,
  standing_committee: () => true,
  inspector: () => true,
  // An agency sees what it leads or coordinates, once the Office's draft has been assigned.
  agency: (relation, state) => relation !== 'none' && state !== 'drafted',
  admin: () => false,
  unknown: () => false,
};

const CASES: Case[] = (Object.keys(RULE) as (Role | 'unknown')[]).flatMap((role) =>
  (['lead', 'coordinating', 'none'] as Relation[]).flatMap((relation) =>
    TASK_STATES.map((state) => ({ role, relation, state, sees: RULE[role](relation, state) })),
  ),
);

describe('one visibility rule: canRead and taskScope agree with one table of cases', () => {
  let db: pg.Pool;
  const tasks = new Map<TaskState, string>();
  const agencies: Record<Relation, string> = { lead: '', coordinating: '', none: '' };

  beforeAll(async () => {
    await prepareDatabase();
    db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    agencies.lead = await agencyId(db, 'ban-tuyen-giao');
    agencies.coordinating = await agencyId(db, 'ban-dan-van');
    agencies.none = await agencyId(db, 'ban-noi-chinh');
    for (const state of TASK_STATES) {
      const t = await makeTask(db, { state, lead: 'ban-tuyen-giao', coordinating: ['ban-dan-van'] });
      tasks.set(state, t.id);
    }
  });

  afterAll(async () => {
    await db?.end();
  });

  const actorOf = (c: Case): Actor => ({
    userId: '00000000-0000-4000-8000-000000000001',
    role: c.role as Role,
    // Non-agency roles carry an agency id too, so that only the role can explain what they see.
    agencyId: agencies[c.relation] || agencies.lead,
    // The province's own people (committees below it: test/e2e/organisation-access).
    organisationId: ROOT_ORGANISATION_ID,
    organisationPath: 'tinh_uy',
  });

  it('has a case for every role, relation and state', () => {
    expect(CASES).toHaveLength(6 * 3 * TASK_STATES.length);
    expect(CASES.filter((c) => c.sees).length).toBeGreaterThan(0);
  });

  it.each(CASES)('$role, $relation, $state → sees: $sees', async (c) => {
    const actor = actorOf(c);
    const facts = {
      state: c.state,
      leadAgencyId: agencies.lead,
      coordinatingAgencyIds: [agencies.coordinating],
    };
    expect(canRead(facts, actor)).toBe(c.sees);
    const scope = taskScope(actor, 2);
    const rows = await db.query(`SELECT t.id FROM tasks t WHERE t.id = $1 AND ${scope.sql}`, [
      tasks.get(c.state),
      ...scope.params,
    ]);
    expect(rows.rowCount === 1).toBe(c.sees);
  });
});
