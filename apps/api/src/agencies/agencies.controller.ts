import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AgencyDto } from '@dondoc/contracts';
import { ALL_ROLES, Roles } from '../auth/auth.decorators.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Roles(...ALL_ROLES)
  @Get()
  list(): Promise<AgencyDto[]> {
    return this.agencies.list(false);
  }
}
