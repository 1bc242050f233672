import type { AuthUser } from './auth-user.js';

/** Bounded: a flood of sign-ins must not grow the process without limit. */
const MAX_SESSIONS = 20_000;

/**
 * Sessions this process confirmed with the database lately, by session id. A hint only: a handler that uses
 * it confirms the session in its own first statement, so a stale entry costs a refusal, never an access.
 */
export class SessionMemory {
  private readonly users = new Map<string, AuthUser>();

  get(sessionId: string): AuthUser | undefined {
    return this.users.get(sessionId);
  }

  remember(sessionId: string, user: AuthUser | undefined): void {
    this.users.delete(sessionId);
    if (!user) return;
    // Insertion order is age: the oldest entry goes first when full.
    if (this.users.size >= MAX_SESSIONS) this.users.delete(this.users.keys().next().value as string);
    this.users.set(sessionId, user);
  }
}
