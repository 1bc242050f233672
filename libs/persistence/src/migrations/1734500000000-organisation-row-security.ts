import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role a committee's reads run under when the database itself is to hold the line (issue 20). */
export const SCOPED_ROLE = 'dondoc_scoped';

/**
 * Row-level security by committee, the second line behind the query layer's `taskScope` (issue 20). Under the
 * role `dondoc_scoped`, a session that has set `dondoc.org_path` (the committee's `ltree` path) and, when its
 * committee stands for an agency above, `dondoc.org_agency`, sees:
 * - the tasks of its committee and of every committee below it, and the tasks given to its committee from above
 *   (once out of the Office's drafts);
 * - the directives of its line: its own, those below and those above it.
 * Nothing at all when the setting is missing: deny by default. The owner and the superuser are not subject to it
 * (migrations, the worker, the seed), so the policies cost the application nothing until it takes the role.
 */
export class OrganisationRowSecurity1734500000000 implements MigrationInterface {
  name = 'OrganisationRowSecurity1734500000000';

  public async up(q: QueryRunner): Promise<void> {
    // Roles belong to the cluster, not the database: every test database shares one, and two migrating at once
    // may both find it missing (the loser's CREATE fails on the catalog's unique index).
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${SCOPED_ROLE}') THEN
          CREATE ROLE ${SCOPED_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${SCOPED_ROLE}`);
    await q.query(`GRANT SELECT ON organisations, agencies, classified_access TO ${SCOPED_ROLE}`);
    await q.query(`GRANT SELECT, UPDATE ON tasks, directives TO ${SCOPED_ROLE}`);
    // The committee's path, or NULL when the session has none (then every test below is NULL: no row).
    await q.query(`
      CREATE FUNCTION dondoc_scope_path() RETURNS ltree LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('dondoc.org_path', true), '')::ltree $$`);
    await q.query(`
      CREATE FUNCTION dondoc_scope_agency() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT NULLIF(current_setting('dondoc.org_agency', true), '')::uuid $$`);
    await q.query(`ALTER TABLE tasks ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tasks_by_organisation ON tasks TO ${SCOPED_ROLE}
        USING (
          organisation_id IN (SELECT o.id FROM organisations o WHERE o.path <@ dondoc_scope_path())
          OR (state <> 'drafted' AND (lead_agency_id = dondoc_scope_agency()
                                      OR coordinating_agency_ids @> ARRAY[dondoc_scope_agency()])))
        WITH CHECK (organisation_id IN (SELECT o.id FROM organisations o WHERE o.path <@ dondoc_scope_path())
          OR lead_agency_id = dondoc_scope_agency())`);
    await q.query(`ALTER TABLE directives ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY directives_by_organisation ON directives TO ${SCOPED_ROLE}
        USING (organisation_id IN (SELECT o.id FROM organisations o
                                    WHERE o.path <@ dondoc_scope_path() OR o.path @> dondoc_scope_path()))
        WITH CHECK (organisation_id IN (SELECT o.id FROM organisations o WHERE o.path <@ dondoc_scope_path()))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS directives_by_organisation ON directives`);
    await q.query(`DROP POLICY IF EXISTS tasks_by_organisation ON tasks`);
    await q.query(`ALTER TABLE directives DISABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tasks DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_scope_agency()`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_scope_path()`);
    await q.query(`REVOKE ALL ON tasks, directives, organisations, agencies, classified_access FROM ${SCOPED_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${SCOPED_ROLE}`);
    // The role stays: other databases of the cluster may still grant it.
  }
}
