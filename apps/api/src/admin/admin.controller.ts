import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  agencyOrderRequestSchema,
  createAgencyRequestSchema,
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateAgencyRequestSchema,
  updateUserRequestSchema,
  type AgencyDto,
  type AgencyOrderRequest,
  type CreateAgencyRequest,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateAgencyRequest,
  type UpdateUserRequest,
  type UserDto,
  userSchema,
  agencySchema,
} from '@dondoc/contracts';
import { z } from 'zod';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { AgenciesService } from '../agencies/agencies.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { UsersAdminService } from './users-admin.service.js';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: UsersAdminService,
    private readonly agencies: AgenciesService,
  ) {}

  @ApiEndpoint({ summary: 'Every account, with e-mail and status', ok: { schema: z.array(userSchema) } })
  @Get('users')
  listUsers(): Promise<UserDto[]> {
    return this.users.list();
  }

  @ApiEndpoint({
    summary: 'Create an account',
    body: createUserRequestSchema,
    ok: { status: 201, schema: userSchema },
    errors: { 400: ['WEAK_PASSWORD', 'UNKNOWN_AGENCY'], 409: ['DUPLICATE'] },
  })
  @Post('users')
  createUser(@Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<UserDto> {
    return this.users.create(body);
  }

  @ApiEndpoint({
    summary: 'Change an account: name, role, agency, e-mail, active',
    body: updateUserRequestSchema,
    ok: { schema: userSchema },
    errors: { 400: ['UNKNOWN_AGENCY'], 409: ['CONFLICT'] },
  })
  @Patch('users/:id')
  updateUser(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserDto> {
    return this.users.update(admin, id, body);
  }

  @ApiEndpoint({
    summary: "Set a new password for an account (ends the account's sessions)",
    body: resetPasswordRequestSchema,
    ok: { status: 204 },
    errors: { 400: ['WEAK_PASSWORD'] },
  })
  @Post('users/:id/reset-password')
  @HttpCode(204)
  async resetPassword(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(resetPasswordRequestSchema)) body: ResetPasswordRequest,
  ): Promise<void> {
    await this.users.resetPassword(id, body.password);
  }

  @ApiEndpoint({ summary: 'Every agency, disabled ones too', ok: { schema: z.array(agencySchema) } })
  @Get('agencies')
  listAgencies(): Promise<AgencyDto[]> {
    return this.agencies.list(true);
  }

  @ApiEndpoint({
    summary: 'Set the official order of agencies, the one every list, export and document follows',
    body: agencyOrderRequestSchema,
    ok: { schema: z.array(agencySchema) },
    errors: { 400: ['UNKNOWN_AGENCY'] },
  })
  @Put('agencies/order')
  setAgencyOrder(@Body(new ZodPipe(agencyOrderRequestSchema)) body: AgencyOrderRequest): Promise<AgencyDto[]> {
    return this.agencies.setOrder(body);
  }

  @ApiEndpoint({
    summary: 'Register an agency',
    body: createAgencyRequestSchema,
    ok: { status: 201, schema: agencySchema },
    errors: { 409: ['DUPLICATE'] },
  })
  @Post('agencies')
  createAgency(@Body(new ZodPipe(createAgencyRequestSchema)) body: CreateAgencyRequest): Promise<AgencyDto> {
    return this.agencies.create(body);
  }

  @ApiEndpoint({
    summary: 'Rename, reclassify, disable or enable an agency',
    body: updateAgencyRequestSchema,
    ok: { schema: agencySchema },
  })
  @Patch('agencies/:id')
  updateAgency(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateAgencyRequestSchema)) body: UpdateAgencyRequest,
  ): Promise<AgencyDto> {
    return this.agencies.update(id, body);
  }
}
