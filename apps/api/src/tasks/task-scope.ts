import type { Actor } from '@dondoc/workflow';

/**
 * The visibility rule (`canRead` in libs/workflow) as SQL, applied in every query that touches tasks: an agency sees the tasks it
 * leads or coordinates once they leave the Office's drafts; the Office, the Standing Committee and the
 * inspector see their committee's and every committee's below it (at the top, all), and the tasks given to their
 * committee from above; anyone else sees nothing. On top of the role's rule, a classified task is seen only by the
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

/**
 * The directives a user (a placeholder) may see: those of their committee's line (its own, the committees below
 * it and those above it, whose directives its tasks come from; never a sibling's), and of those the unclassified
 * ones or the classified ones whose list names them.
 */
export function directiveClearance(alias: string, user: string): string {
  return `(${alias}.organisation_id IN (SELECT o.id FROM users u JOIN organisations uo ON uo.id = u.organisation_id
      JOIN organisations o ON o.path <@ uo.path OR o.path @> uo.path WHERE u.id = ${user})
    AND ${directiveLevelClearance(alias, user)})`;
}

/**
 * Need to know alone, for the directive of a task the reader already sees: its committee is then always in the
 * reader's line (the task's own, or the one above that gave it), so the title needs only the directive's list.
 * Keeps the line's lookup off the hot reads (the task page, every transition).
 */
export function directiveLevelClearance(alias: string, user: string): string {
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
    case 'inspector': {
      if (!actor.organisationPath) return { sql: 'FALSE', params: [] };
      // The top sees everything: no condition, so the province's queries keep the plans they had.
      if (isTop(actor)) return { sql: 'TRUE', params: [] };
      const subtree = organisationSubtreeSql(`${alias}.organisation_id`, `$${param}`);
      if (!actor.organisationAgencyId) return { sql: subtree, params: [actor.organisationPath] };
      return {
        sql: `(${subtree} OR ${memberSql(alias, `$${param + 1}`)})`,
        params: [actor.organisationPath, actor.organisationAgencyId],
      };
    }
    case 'agency':
      if (!actor.agencyId) return { sql: 'FALSE', params: [] };
      return { sql: memberSql(alias, `$${param}`), params: [actor.agencyId] };
    case 'admin':
      return { sql: 'FALSE', params: [] };
  }
  // A role read from storage or a token may be anything: what is not listed sees nothing.
  return { sql: 'FALSE', params: [] };
}

/** The agency (a placeholder) leads or coordinates the task, and the task has left the Office's drafts. */
function memberSql(alias: string, agency: string): string {
  // `@>`, not `= ANY(...)`: the GIN index on coordinating_agency_ids serves only the array operators, and
  // without it an agency's tasks were a scan of the whole table (the OR leaves no other way).
  return `(${alias}.state <> 'drafted' AND (${alias}.lead_agency_id = ${agency} OR ${alias}.coordinating_agency_ids @> ARRAY[${agency}::uuid]))`;
}

/**
 * `column` (an organisation id) is the user's (a placeholder) committee or one below it: for the Office's own
 * objects that are read by user id (periods, frozen reports, incidents).
 */
export function userSubtreeSql(column: string, user: string): string {
  return `${column} IN (SELECT o.id FROM users u JOIN organisations uo ON uo.id = u.organisation_id
      JOIN organisations o ON o.path <@ uo.path WHERE u.id = ${user})`;
}

/** The top organisation (the province): its path is one label. */
export function isTop(actor: Actor): boolean {
  return !!actor.organisationPath && !actor.organisationPath.includes('.');
}

/**
 * `column` (an organisation id) is the committee whose path is `path` (a placeholder) or one below it. As `= ANY`
 * of an array worked out once, not `IN (SELECT ...)`: an index condition, so that beside the test of the agency
 * standing for the committee (an OR) PostgreSQL reads a district's 40,000 tasks by index instead of all 1,000,000
 * (a district's dashboard: 4.3 s, scale bench 2026-12-06).
 */
export function organisationSubtreeSql(column: string, path: string): string {
  return `${column} = ANY (ARRAY(SELECT o.id FROM organisations o WHERE o.path <@ ${path}::ltree))`;
}

/**
 * The rows of the actor's committee and below (`column` an organisation id), as a condition with its
 * parameters from `param`; no condition at the top.
 */
export function organisationScope(actor: Actor, param: number, column: string): { sql: string; params: unknown[] } {
  if (!actor.organisationPath) return { sql: 'FALSE', params: [] };
  if (isTop(actor)) return { sql: 'TRUE', params: [] };
  return { sql: organisationSubtreeSql(column, `$${param}`), params: [actor.organisationPath] };
}

/**
 * The committee's line: its own, those below it and those above it (`column` an organisation id). Directives and
 * agencies of the committees above are what its tasks come from; a sibling's are not its business.
 */
export function organisationLineScope(actor: Actor, param: number, column: string): { sql: string; params: unknown[] } {
  if (!actor.organisationPath) return { sql: 'FALSE', params: [] };
  if (isTop(actor)) return { sql: 'TRUE', params: [] };
  return {
    sql: `${column} IN (SELECT o.id FROM organisations o WHERE o.path <@ $${param}::ltree OR o.path @> $${param}::ltree)`,
    params: [actor.organisationPath],
  };
}
