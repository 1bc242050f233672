import type { Actor } from '@dondoc/workflow';

/** A user id no account has: no need-to-know list names it. */
export const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The same role and agency, cleared for no classified item: `taskScope` then admits exactly the unclassified tasks
 * the role sees. For what many readers share (a frozen report, a live event checked once per kind of reader).
 */
export function unclearedActor(actor: Actor): Actor {
  return { ...actor, userId: NOBODY };
}
