import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ROOT_ORGANISATION_ID } from '../organisations/root-organisation.js';

/**
 * Organisations as a tree (issue 20): the province at the top, the committees under it (district, directly
 * under the province, grassroots) to any depth. Every agency, user, directive and task belongs to one.
 *
 * - `path` is an `ltree` of the codes from the top (`-` written `_`: PostgreSQL 15's labels allow no `-`), set
 *   by a trigger from the parent's, so that a subtree is one `<@` test on a GiST index; an organisation does not
 *   move (its code and parent are fixed), so no path below it ever has to be rewritten.
 * - `agency_id`: the agency that stands for this committee among its parent's agencies (Thành ủy Rạch Giá
 *   among the province's), i.e. the lead a parent's task names when it hands work down to this committee.
 * - A task belongs to its directive's organisation, always: a trigger sets it on insert and when a draft moves
 *   to another directive, whatever the statement says, so no writer can file a task under another committee.
 * - A directive belongs to the organisation of the Office user who registers it (a trigger, as for tasks), and its
 *   number is unique within that organisation only.
 * - Existing rows go to the top organisation, which the migration creates; the column default is that constant,
 *   so adding the column to a million tasks rewrites nothing.
 */
export class Organisations1734300000000 implements MigrationInterface {
  name = 'Organisations1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('province','district','directly_under','grassroots')),
        parent_id uuid REFERENCES organisations(id),
        path ltree NOT NULL UNIQUE,
        agency_id uuid UNIQUE REFERENCES agencies(id),
        sort_order integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_top CHECK ((parent_id IS NULL) = (kind = 'province'))
      )`);
    // One top: the province is the only organisation without a parent.
    await q.query(`CREATE UNIQUE INDEX organisations_one_top ON organisations ((true)) WHERE parent_id IS NULL`);
    await q.query(`CREATE INDEX organisations_path_gist ON organisations USING gist (path)`);
    await q.query(`CREATE INDEX organisations_parent ON organisations (parent_id)`);
    await q.query(`
      CREATE FUNCTION dondoc_organisation_path() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent_path ltree;
      BEGIN
        IF TG_OP = 'UPDATE' AND (NEW.code IS DISTINCT FROM OLD.code OR NEW.parent_id IS DISTINCT FROM OLD.parent_id) THEN
          RAISE EXCEPTION 'an organisation keeps its code and its parent' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.parent_id IS NULL THEN
          NEW.path := text2ltree(replace(NEW.code, '-', '_'));
        ELSE
          SELECT path INTO parent_path FROM organisations WHERE id = NEW.parent_id;
          NEW.path := parent_path || text2ltree(replace(NEW.code, '-', '_'));
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER organisations_path BEFORE INSERT OR UPDATE ON organisations
        FOR EACH ROW EXECUTE FUNCTION dondoc_organisation_path()`);
    await q.query(`INSERT INTO organisations (id, code, name, kind) VALUES ($1, 'tinh-uy', 'Tỉnh ủy', 'province')`, [
      ROOT_ORGANISATION_ID,
    ]);

    for (const table of ['agencies', 'users', 'directives', 'tasks']) {
      await q.query(
        `ALTER TABLE ${table} ADD COLUMN organisation_id uuid NOT NULL DEFAULT '${ROOT_ORGANISATION_ID}'
           REFERENCES organisations(id)`,
      );
      await q.query(`CREATE INDEX ${table}_organisation ON ${table} (organisation_id)`);
    }
    // A directive's number is its own committee's: two districts may both issue "15-CTr/HU".
    await q.query(`ALTER TABLE directives DROP CONSTRAINT directives_number_key`);
    await q.query(`ALTER TABLE directives ADD CONSTRAINT directives_number_key UNIQUE (organisation_id, number)`);
    await q.query(`
      CREATE FUNCTION dondoc_task_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT d.organisation_id INTO NEW.organisation_id FROM directives d WHERE d.id = NEW.directive_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tasks_organisation BEFORE INSERT OR UPDATE OF directive_id, organisation_id ON tasks
        FOR EACH ROW EXECUTE FUNCTION dondoc_task_organisation()`);
    // A directive is its registering Office's committee's (the organisation of `created_by`; the top one when no
    // one is named, as the seed's), and does not change committee once it has tasks filed under it.
    await q.query(`
      CREATE FUNCTION dondoc_directive_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.created_by IS NOT NULL THEN
            SELECT u.organisation_id INTO NEW.organisation_id FROM users u WHERE u.id = NEW.created_by;
          END IF;
        ELSIF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
              AND EXISTS (SELECT 1 FROM tasks t WHERE t.directive_id = NEW.id) THEN
          RAISE EXCEPTION 'a directive with tasks keeps its organisation' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER directives_organisation BEFORE INSERT OR UPDATE OF organisation_id ON directives
        FOR EACH ROW EXECUTE FUNCTION dondoc_directive_organisation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS directives_organisation ON directives`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_directive_organisation()`);
    await q.query(`DROP TRIGGER IF EXISTS tasks_organisation ON tasks`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_task_organisation()`);
    await q.query(`ALTER TABLE directives DROP CONSTRAINT directives_number_key`);
    await q.query(`ALTER TABLE directives ADD CONSTRAINT directives_number_key UNIQUE (number)`);
    for (const table of ['tasks', 'directives', 'users', 'agencies']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN organisation_id`);
    }
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP FUNCTION IF EXISTS dondoc_organisation_path()`);
  }
}
