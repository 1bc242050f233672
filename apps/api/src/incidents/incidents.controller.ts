import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type IncidentDto, incidentSchema } from '@dondoc/contracts';
import { z } from 'zod';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';
import { IncidentsRepository } from './incidents.repository.js';

/** Escalation steps that failed after every retry: the Office sees and closes them. */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsRepository) {}

  @ApiEndpoint({
    summary: 'Escalation steps that failed after every retry, still open',
    ok: { schema: z.array(incidentSchema) },
  })
  @Roles('office', 'standing_committee', 'inspector')
  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<IncidentDto[]> {
    return (await this.incidents.open(user.id)).map((r) => ({
      id: r.id,
      taskId: r.task_id,
      taskCode: r.code,
      rung: r.rung,
      dueAt: r.due_at.toISOString(),
      attempts: r.attempts,
      message: r.message,
      createdAt: r.created_at.toISOString(),
    }));
  }

  @ApiEndpoint({
    summary: 'Close an incident once handled',
    params: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } },
    ok: { status: 204 },
    errors: { 404: ['NOT_FOUND'] },
  })
  @Roles('office')
  @Post(':id/resolve')
  @HttpCode(204)
  async resolve(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id) || !(await this.incidents.resolve(id, user.id))) throw ApiError.notFound('Incident');
  }
}
