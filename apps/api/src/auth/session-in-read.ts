import { type INestApplication, SetMetadata } from '@nestjs/common';
import { ApiError } from '../common/api-error.js';
import { routeTable } from '../common/route-table.js';
import type { AuthUser } from './auth-user.js';

export const SESSION_IN_READ_KEY = 'dondoc:session-in-read';

/**
 * The handler's first statement checks the session itself ({@link liveSessionSql}), so the guard spends no
 * round trip on it when this process already knows the session. Only for handlers whose first database
 * statement is that read, and which refuse with {@link sessionEnded} when it says the session is gone.
 */
export const SessionCheckedInRead = () => SetMetadata(SESSION_IN_READ_KEY, true);

/**
 * A user taken from this process's memory of a session, not yet confirmed by the database in this request.
 * The handler's read confirms it (or refuses) before anything else happens.
 */
export interface UnconfirmedUser extends AuthUser {
  sessionUnconfirmed: true;
}

export function isUnconfirmed(user: AuthUser): user is UnconfirmedUser {
  return (user as Partial<UnconfirmedUser>).sessionUnconfirmed === true;
}

/**
 * A boolean SQL expression: the session is live and the user is still who memory says (same role, agency,
 * position, agency setting, committee and the agency standing for it). Eight parameters from `first`: session
 * id, user id, role, agency id, position, officers-act-on-all, organisation id, organisation's agency id;
 * {@link liveSessionParams} gives them in order. (A committee's path never changes: code and parent are fixed.)
 */
export function liveSessionSql(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `EXISTS (SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN agencies ag ON ag.id = u.agency_id
       JOIN organisations o ON o.id = u.organisation_id
     WHERE s.id = ${p(0)}::uuid AND s.user_id = ${p(1)}::uuid AND s.revoked_at IS NULL AND s.expires_at > now()
       AND u.active AND u.role = ${p(2)} AND u.agency_id IS NOT DISTINCT FROM ${p(3)}::uuid
       AND u.position IS NOT DISTINCT FROM ${p(4)} AND COALESCE(ag.officers_act_on_all, false) = ${p(5)}::boolean
       AND u.organisation_id = ${p(6)}::uuid AND o.agency_id IS NOT DISTINCT FROM ${p(7)}::uuid)`;
}

export function liveSessionParams(user: AuthUser): unknown[] {
  return [
    user.sessionId,
    user.id,
    user.role,
    user.agencyId,
    user.position,
    user.officersActOnAll,
    user.organisationId,
    user.organisationAgencyId,
  ];
}

export const sessionEnded = () => new ApiError(401, 'UNAUTHENTICATED', 'Your session has ended; sign in again');

/** The routes whose handler checks the session in its own read: the security tests hold each to it. */
export function sessionInReadRoutes(app: INestApplication): string[] {
  const table = routeTable(app, (handler) => Reflect.getMetadata(SESSION_IN_READ_KEY, handler) === true);
  return [...table].filter(([, inRead]) => inRead).map(([route]) => route);
}
