import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createAgencyRequestSchema,
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateAgencyRequestSchema,
  updateUserRequestSchema,
  type AgencyDto,
  type CreateAgencyRequest,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateAgencyRequest,
  type UpdateUserRequest,
  type UserDto,
} from '@dondoc/contracts';
import { AgenciesService } from '../agencies/agencies.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { UsersAdminService } from './users-admin.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: UsersAdminService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get('users')
  listUsers(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post('users')
  @ApiZodBody(createUserRequestSchema)
  createUser(@Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(body);
  }

  @Patch('users/:id')
  @ApiZodBody(updateUserRequestSchema)
  updateUser(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(admin, id, body);
  }

  @Post('users/:id/reset-password')
  @ApiZodBody(resetPasswordRequestSchema)
  @HttpCode(204)
  async resetPassword(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(resetPasswordRequestSchema)) body: ResetPasswordRequest,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password);
  }

  @Get('agencies')
  listAgencies(): Promise<AgencyDto[]> {
    return this.agencies.list(true);
  }

  @Post('agencies')
  @ApiZodBody(createAgencyRequestSchema)
  createAgency(@Body(new ZodPipe(createAgencyRequestSchema)) body: CreateAgencyRequest): Promise<AgencyDto> {
    return this.agencies.create(body);
  }

  @Patch('agencies/:id')
  @ApiZodBody(updateAgencyRequestSchema)
  updateAgency(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateAgencyRequestSchema)) body: UpdateAgencyRequest,
  ): Promise<AgencyDto> {
    return this.agencies.update(id, body);
  }
}
