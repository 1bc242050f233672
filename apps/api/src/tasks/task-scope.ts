import type { Actor } from '@dondoc/workflow';

/**
 * The visibility rule (`canRead` in libs/workflow) as SQL, applied in every query that touches tasks: an agency sees the tasks it
 * leads or coordinates once they leave the Office's drafts; the Office, the Standing Committee and the
 * inspector see all; anyone else sees nothing. On top of the role's rule, a classified task is seen only by the
 * people on its access list (`clearance`). `param` is the next free placeholder number.
 */
export function taskScope(actor: Actor, param: number, alias = 't'): { sql: string; params: unknown[] } {
  const role = roleScope(actor, param, alias);
  if (role.sql === 'FALSE') return role;
  const cleared = clearance(alias, `$${param + role.params.length}::uuid`);
  return {
    sql: role.sql === 'TRUE' ? cleared : `(${role.sql} AND ${cleared})`,
    params: [...role.params, actor.userId],
  };
}

/** Need to know: an unclassified task, or one whose access list names the user (`user` a placeholder). */
export function clearance(alias: string, user: string): string {
  return `(${alias}.classification = 'normal' OR EXISTS (SELECT 1 FROM classified_access ca
    WHERE ca.task_id = ${alias}.id AND ca.user_id = ${user}))`;
}

/** The same rule for a directive (its own level and list). */
export function directiveClearance(alias: string, user: string): string {
  return `(${alias}.classification = 'normal' OR EXISTS (SELECT 1 FROM classified_access ca
    WHERE ca.directive_id = ${alias}.id AND ca.user_id = ${user}))`;
}

/**
 * The role's half of `taskScope` alone: what the role would see were every task unclassified. Reports use it to
 * count what the need-to-know lists keep from a reader.
 */
export function roleScope(actor: Actor, param: number, alias = 't'): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return { sql: 'TRUE', params: [] };
    case 'agency':
      if (!actor.agencyId) return { sql: 'FALSE', params: [] };
      // `@>`, not `= ANY(...)`: the GIN index on coordinating_agency_ids serves only the array operators, and
      // without it an agency's tasks were a scan of the whole table (the OR leaves no other way).
      return {
        sql: `(${alias}.state <> 'drafted' AND (${alias}.lead_agency_id = $${param} OR ${alias}.coordinating_agency_ids @> ARRAY[$${param}::uuid]))`,
        params: [actor.agencyId],
      };
    case 'admin':
      return { sql: 'FALSE', params: [] };
  }
  // A role read from storage or a token may be anything: what is not listed sees nothing.
  return { sql: 'FALSE', params: [] };
}
