import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  type LoginRequest,
  type LoginResponse,
  type UserDto,
  loginResponseSchema,
  userSchema,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { ApiError } from '../common/api-error.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import type { AuthUser } from './auth-user.js';
import { ALL_ROLES, CurrentUser, Public, Roles } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Counted per account and per address before the password is checked (login-throttle.ts); a refused
   * attempt is a 429 with Retry-After, the same for an account that exists and one that does not.
   */
  @ApiEndpoint({
    summary: 'Sign in: a bearer token for the other operations',
    public: true,
    body: loginRequestSchema,
    ok: { schema: loginResponseSchema },
    errors: { 401: ['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED'], 429: ['RATE_LIMITED'] },
  })
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest, @Req() req: Request): Promise<LoginResponse> {
    const attempt = await this.throttle.reserve(body.username, req.ip);
    let answer: LoginResponse;
    try {
      answer = await this.auth.login(body);
    } catch (e) {
      // A wrong password, an unknown or disabled account stay counted; our own fault (database down) does not.
      const judged = e instanceof ApiError && (e.code === 'INVALID_CREDENTIALS' || e.code === 'ACCOUNT_DISABLED');
      if (!judged) await this.throttle.refund(attempt);
      throw e;
    }
    await this.throttle.succeeded(attempt);
    return answer;
  }

  @ApiEndpoint({ summary: 'Sign out: ends every session of the caller', ok: { status: 204 } })
  @Roles(...ALL_ROLES)
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @ApiEndpoint({ summary: 'The signed-in account', ok: { schema: userSchema } })
  @Roles(...ALL_ROLES)
  @Get('me')
  me(@CurrentUser() user: AuthUser): UserDto {
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      agencyId: user.agencyId,
      position: user.position,
      organisationId: user.organisationId,
    };
  }
}
