import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { LoginRequest, LoginResponse, UserDto } from '@dondoc/contracts';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { AuthRepository } from './auth.repository.js';
import { PasswordService } from './password.service.js';
import { SessionMemory } from './session-memory.js';
import type { UnconfirmedUser } from './session-in-read.js';

/** A stream ticket opens one event stream, within this long of being issued. */
export const STREAM_TICKET_TTL_MS = 60_000;
const TICKET = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface TokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class AuthService {
  private readonly sessions = new SessionMemory();

  constructor(
    private readonly repo: AuthRepository,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(input: LoginRequest): Promise<LoginResponse> {
    const user = await this.repo.findUserForLogin(input.username);
    if (!user) {
      await this.passwords.burn(input.password);
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (!(await this.passwords.verify(user.password_hash, input.password))) {
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
    }
    if (!user.active) throw new ApiError(401, 'ACCOUNT_DISABLED', 'This account is disabled; ask the administrator');
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.tokenTtlMinutes * 60_000);
    await this.repo.createSession(sessionId, user.id, expiresAt);
    const claims: TokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.tokenTtlMinutes * 60 });
    const dto: UserDto = {
      id: user.id,
      username: user.username,
      fullName: user.full_name,
      role: user.role,
      agencyId: user.agency_id,
      position: user.position,
      organisationId: user.organisation_id,
    };
    return { accessToken, expiresAt: expiresAt.toISOString(), user: dto };
  }

  async logout(user: AuthUser): Promise<void> {
    this.sessions.remember(user.sessionId, undefined);
    await this.repo.revokeSession(user.sessionId);
  }

  /**
   * The token's user while its session is live. With `inRead`, a session this process confirmed before is
   * answered from memory, unconfirmed: the handler's own read confirms it ({@link SessionCheckedInRead}).
   */
  async authenticate(token: string, inRead = false): Promise<AuthUser | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return undefined;
    if (!/^[0-9a-f-]{36}$/.test(claims.sid) || !/^[0-9a-f-]{36}$/.test(claims.sub)) return undefined;
    if (inRead) {
      const known = this.sessions.get(claims.sid);
      if (known?.id === claims.sub) {
        const unconfirmed: UnconfirmedUser = { ...known, sessionUnconfirmed: true };
        return unconfirmed;
      }
    }
    const user = await this.repo.findLiveSession(claims.sid, claims.sub);
    this.sessions.remember(claims.sid, user);
    return user;
  }

  /** A handler's read found memory stale: the database says who the session's user is now, if still live. */
  async reconfirm(sessionId: string, userId: string, manager?: EntityManager): Promise<AuthUser | undefined> {
    const user = await this.repo.findLiveSession(sessionId, userId, manager);
    this.sessions.remember(sessionId, user);
    return user;
  }

  /** Whether the session behind a signed-in user still holds (not logged out, not expired, user active). */
  async sessionLive(user: AuthUser): Promise<boolean> {
    return (await this.repo.findLiveSession(user.sessionId, user.id)) !== undefined;
  }

  /**
   * A ticket for `GET /api/events?ticket=`: EventSource cannot send the bearer header, and a long-lived token
   * in a URL would be kept by logs, proxies and histories. Random, single use, valid for a minute.
   */
  async issueStreamTicket(user: AuthUser): Promise<{ ticket: string; expiresAt: string }> {
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + STREAM_TICKET_TTL_MS);
    await this.repo.createStreamTicket(sha256(ticket), user.sessionId, user.id, expiresAt);
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  async redeemStreamTicket(ticket: string): Promise<AuthUser | undefined> {
    if (!TICKET.test(ticket)) return undefined;
    return this.repo.redeemStreamTicket(sha256(ticket));
  }
}
