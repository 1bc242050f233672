import type { MigrationInterface, QueryRunner } from 'typeorm';

const TASKS_USING = (subtree: string) => `(
  ${subtree}
  OR (state <> 'drafted' AND (lead_agency_id = dondoc_scope_agency()
                              OR coordinating_agency_ids @> ARRAY[dondoc_scope_agency()])))`;

/**
 * The tasks policy of 1734500000000 with its committee test as `= ANY` of an array worked out once: PostgreSQL can
 * then read a district's tasks by the index on `organisation_id`, beside the indexes of the agency standing for
 * it (a bitmap OR). As `IN (SELECT ...)` it read every task of the province for each of a district's reads: 4.3 s
 * for a district's dashboard at 1,000,000 tasks (scale bench, 2026-12-06). Same rows, the same deny without a setting.
 */
export class RowSecurityByIndex1734800000000 implements MigrationInterface {
  name = 'RowSecurityByIndex1734800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER POLICY tasks_by_organisation ON tasks USING ${TASKS_USING(
        `organisation_id = ANY (ARRAY(SELECT o.id FROM organisations o WHERE o.path <@ dondoc_scope_path()))`,
      )}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER POLICY tasks_by_organisation ON tasks USING ${TASKS_USING(
        `organisation_id IN (SELECT o.id FROM organisations o WHERE o.path <@ dondoc_scope_path())`,
      )}`,
    );
  }
}
