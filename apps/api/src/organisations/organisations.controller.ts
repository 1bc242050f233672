import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type OrganisationDto, organisationSchema } from '@dondoc/contracts';
import { z } from 'zod';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ALL_ROLES, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @ApiEndpoint({
    summary: "The caller's organisation and every organisation below it, parents first",
    ok: { schema: z.array(organisationSchema) },
  })
  @Roles(...ALL_ROLES)
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<OrganisationDto[]> {
    return this.organisations.visibleTo(user.id);
  }
}
