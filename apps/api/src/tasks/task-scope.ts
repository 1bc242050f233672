import type { Actor } from '@dondoc/workflow';

/**
 * The visibility rule (`canRead` in libs/workflow) as SQL, applied in every query that touches tasks: an agency sees the tasks it
 * leads or coordinates once they leave the Office's drafts; the Office, the Standing Committee and the
 * inspector see all; anyone else sees nothing. `param` is the next free placeholder number.
 */
export function taskScope(actor: Actor, param: number, alias = 't'): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'office':
    case 'standing_committee':
    case 'inspector':
      return { sql: 'TRUE', params: [] };
    case 'agency':
      if (!actor.agencyId) return { sql: 'FALSE', params: [] };
      return {
        sql: `(${alias}.state <> 'drafted' AND (${alias}.lead_agency_id = $${param} OR $${param} = ANY(${alias}.coordinating_agency_ids)))`,
        params: [actor.agencyId],
      };
    case 'admin':
      return { sql: 'FALSE', params: [] };
  }
  // A role read from storage or a token may be anything: what is not listed sees nothing.
  return { sql: 'FALSE', params: [] };
}
