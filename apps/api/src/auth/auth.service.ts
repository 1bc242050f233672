import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginRequest, LoginResponse, UserDto } from '@dondoc/contracts';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { AuthRepository } from './auth.repository.js';
import { PasswordService } from './password.service.js';

interface TokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class AuthService {
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
    };
    return { accessToken, expiresAt: expiresAt.toISOString(), user: dto };
  }

  async logout(user: AuthUser): Promise<void> {
    await this.repo.revokeSession(user.sessionId);
  }

  async authenticate(token: string): Promise<AuthUser | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string') return undefined;
    if (!/^[0-9a-f-]{36}$/.test(claims.sid) || !/^[0-9a-f-]{36}$/.test(claims.sub)) return undefined;
    return this.repo.findLiveSession(claims.sid, claims.sub);
  }
}
