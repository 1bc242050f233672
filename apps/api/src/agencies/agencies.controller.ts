import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AgencyDto, agencySchema } from '@dondoc/contracts';
import { z } from 'zod';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { ALL_ROLES, CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @ApiEndpoint({ summary: 'Active agencies (for pickers and names)', ok: { schema: z.array(agencySchema) } })
  @Roles(...ALL_ROLES)
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<AgencyDto[]> {
    // At the top, every agency; below it, the committee's line (the path has more than one label).
    return this.agencies.list(false, user.organisationPath.includes('.') ? user.organisationPath : undefined);
  }
}
