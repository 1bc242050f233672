import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROOT_ORGANISATION_ID } from '../organisations/root-organisation.js';

/**
 * The Office's own objects that are not tasks belong to a committee too (issue 20): a reporting period and a
 * frozen report are their opening Office's committee's, so that a district neither closes the province's period
 * nor reads its frozen figures. Filed by a trigger from the user who made them, as directives are; the top
 * organisation (a constant default, no rewrite) for what existed before and for a period opened by the system.
 * And a user of an agency is always that agency's committee's.
 */
export class OrganisationScopes1734400000000 implements MigrationInterface {
  name = 'OrganisationScopes1734400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION dondoc_filed_by_author() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE author uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
      BEGIN
        IF author IS NOT NULL THEN
          SELECT u.organisation_id INTO NEW.organisation_id FROM users u WHERE u.id = author;
        END IF;
        RETURN NEW;
      END $$`);
    for (const [table, author] of [
      ['reporting_periods', 'opened_by'],
      ['report_snapshots', 'created_by'],
    ] as const) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN organisation_id uuid NOT NULL DEFAULT '${ROOT_ORGANISATION_ID}'
           REFERENCES organisations(id)`,
      );
      await q.query(`CREATE INDEX ${table}_organisation ON ${table} (organisation_id)`);
      await q.query(`
        CREATE TRIGGER ${table}_organisation BEFORE INSERT ON ${table}
          FOR EACH ROW EXECUTE FUNCTION dondoc_filed_by_author('${author}')`);
    }
    // An agency's people are its committee's: a user's committee follows their agency, whatever a statement says.
    await q.query(`
      CREATE FUNCTION dondoc_user_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.agency_id IS NOT NULL THEN
          SELECT a.organisation_id INTO NEW.organisation_id FROM agencies a WHERE a.id = NEW.agency_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER users_organisation BEFORE INSERT OR UPDATE OF agency_id, organisation_id ON users
        FOR EACH ROW EXECUTE FUNCTION dondoc_user_organisation()`);
    // Each committee opens its own "Tháng 12/2026".
    await q.query(`ALTER TABLE reporting_periods DROP CONSTRAINT reporting_periods_kind_starts_on_ends_on_key`);
    await q.query(
      `ALTER TABLE reporting_periods ADD CONSTRAINT reporting_periods_period_key UNIQUE (organisation_id, kind, starts_on, ends_on)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS users_organisation ON users`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_user_organisation()`);
    await q.query(`ALTER TABLE reporting_periods DROP CONSTRAINT reporting_periods_period_key`);
    await q.query(
      `ALTER TABLE reporting_periods ADD CONSTRAINT reporting_periods_kind_starts_on_ends_on_key UNIQUE (kind, starts_on, ends_on)`,
    );
    for (const table of ['report_snapshots', 'reporting_periods']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_organisation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN organisation_id`);
    }
    await q.query(`DROP FUNCTION IF EXISTS dondoc_filed_by_author()`);
  }
}
