import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema, type LoginRequest, type LoginResponse, type UserDto } from '@dondoc/contracts';
import type { Request } from 'express';
import { ApiError } from '../common/api-error.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
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
  @Public()
  @Post('login')
  @ApiZodBody(loginRequestSchema)
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

  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser): Promise<void> {
    await this.auth.logout(user);
  }

  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Get('me')
  me(@CurrentUser() user: AuthUser): UserDto {
    return { id: user.id, username: user.username, fullName: user.fullName, role: user.role, agencyId: user.agencyId };
  }
}
