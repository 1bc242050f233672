import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  agencyOrderRequestSchema,
  createAgencyRequestSchema,
  createOrganisationRequestSchema,
  organisationSchema,
  updateOrganisationRequestSchema,
  type CreateOrganisationRequest,
  type OrganisationDto,
  type UpdateOrganisationRequest,
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
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsersAdminService } from './users-admin.service.js';

@ApiTags('admin')
@Roles('admin')
@Controller('admin')
export class AdminController {
  constructor(
    private readonly users: UsersAdminService,
    private readonly agencies: AgenciesService,
    private readonly organisations: OrganisationsService,
  ) {}

  @ApiEndpoint({
    summary: 'Make a committee under yours (with the agency that stands for it among its parent’s agencies)',
    body: createOrganisationRequestSchema,
    ok: { status: 201, schema: organisationSchema },
    errors: { 400: ['UNKNOWN_ORGANISATION'], 409: ['DUPLICATE'] },
  })
  @Post('organisations')
  createOrganisation(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(createOrganisationRequestSchema)) body: CreateOrganisationRequest,
  ): Promise<OrganisationDto> {
    return this.organisations.create(admin, body);
  }

  @ApiEndpoint({
    summary: 'Rename a committee, or set its place among its siblings (its code and parent are kept)',
    body: updateOrganisationRequestSchema,
    ok: { schema: organisationSchema },
    errors: { 400: ['UNKNOWN_ORGANISATION'] },
  })
  @Patch('organisations/:id')
  updateOrganisation(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateOrganisationRequestSchema)) body: UpdateOrganisationRequest,
  ): Promise<OrganisationDto> {
    return this.organisations.update(admin, id, body);
  }

  @ApiEndpoint({
    summary: 'The accounts of your committee and the committees below it, with e-mail and status',
    ok: { schema: z.array(userSchema) },
  })
  @Get('users')
  listUsers(@CurrentUser() admin: AuthUser): Promise<UserDto[]> {
    return this.users.list(admin);
  }

  @ApiEndpoint({
    summary: 'Create an account in your committee or one below it',
    body: createUserRequestSchema,
    ok: { status: 201, schema: userSchema },
    errors: { 400: ['WEAK_PASSWORD', 'UNKNOWN_AGENCY', 'UNKNOWN_ORGANISATION'], 409: ['DUPLICATE'] },
  })
  @Post('users')
  createUser(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<UserDto> {
    return this.users.create(admin, body);
  }

  @ApiEndpoint({
    summary: 'Change an account: name, role, agency, committee, e-mail, active',
    body: updateUserRequestSchema,
    ok: { schema: userSchema },
    errors: { 400: ['UNKNOWN_AGENCY', 'UNKNOWN_ORGANISATION'], 409: ['CONFLICT'] },
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
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(resetPasswordRequestSchema)) body: ResetPasswordRequest,
  ): Promise<void> {
    await this.users.resetPassword(admin, id, body.password);
  }

  @ApiEndpoint({
    summary: 'The agencies of your committee and the committees below it, disabled ones too',
    ok: { schema: z.array(agencySchema) },
  })
  @Get('agencies')
  listAgencies(@CurrentUser() admin: AuthUser): Promise<AgencyDto[]> {
    return this.agencies.listForAdmin(admin);
  }

  @ApiEndpoint({
    summary: 'Set the official order of agencies, the one every list, export and document follows',
    body: agencyOrderRequestSchema,
    ok: { schema: z.array(agencySchema) },
    errors: { 400: ['UNKNOWN_AGENCY'] },
  })
  @Put('agencies/order')
  setAgencyOrder(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(agencyOrderRequestSchema)) body: AgencyOrderRequest,
  ): Promise<AgencyDto[]> {
    return this.agencies.setOrder(admin, body);
  }

  @ApiEndpoint({
    summary: 'Register an agency of your committee or of one below it',
    body: createAgencyRequestSchema,
    ok: { status: 201, schema: agencySchema },
    errors: { 400: ['UNKNOWN_ORGANISATION'], 409: ['DUPLICATE'] },
  })
  @Post('agencies')
  createAgency(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(createAgencyRequestSchema)) body: CreateAgencyRequest,
  ): Promise<AgencyDto> {
    return this.agencies.create(admin, body);
  }

  @ApiEndpoint({
    summary: 'Rename, reclassify, disable or enable an agency',
    body: updateAgencyRequestSchema,
    ok: { schema: agencySchema },
  })
  @Patch('agencies/:id')
  updateAgency(
    @CurrentUser() admin: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(updateAgencyRequestSchema)) body: UpdateAgencyRequest,
  ): Promise<AgencyDto> {
    return this.agencies.update(admin, id, body);
  }
}
