import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  agencySettingsRequestSchema,
  agencySettingsSchema,
  peopleQuerySchema,
  personListSchema,
  setTaskPeopleRequestSchema,
  taskSummarySchema,
  type AgencySettingsDto,
  type AgencySettingsRequest,
  type PeopleQuery,
  type SetTaskPeopleRequest,
  type TaskSummaryDto,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { AgencySettingsUseCase } from './agency-settings.use-case.js';
import { PeopleRepository } from './people.repository.js';
import { SetTaskPeopleUseCase } from './set-task-people.use-case.js';

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(
    private readonly people: PeopleRepository,
    private readonly setPeople: SetTaskPeopleUseCase,
    private readonly settings: AgencySettingsUseCase,
  ) {}

  @ApiEndpoint({
    summary:
      "People the caller may name on a task: everyone for the Office and the Committee, an agency's own people for it",
    query: peopleQuerySchema,
    ok: { schema: personListSchema },
  })
  @Roles(...TASK_READERS)
  @Get('people')
  async list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(peopleQuerySchema)) query: PeopleQuery,
  ): Promise<{ items: Awaited<ReturnType<PeopleRepository['list']>> }> {
    return { items: await this.people.list(toActor(user), query) };
  }

  @ApiEndpoint({
    summary:
      "Name a task's people (6 rõ): the lead agency's head its officer and leader; the Office the monitoring officer, authority and key flag",
    body: setTaskPeopleRequestSchema,
    ok: { schema: taskSummarySchema },
    errors: {
      400: ['UNKNOWN_USER'],
      403: ['FORBIDDEN_ROLE', 'NOT_OWN_TASK'],
      409: ['INVALID_TRANSITION', 'VERSION_CONFLICT'],
    },
  })
  @Roles(...TASK_READERS)
  @Patch('tasks/:id/people')
  setTaskPeople(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(setTaskPeopleRequestSchema)) body: SetTaskPeopleRequest,
    @Req() req: Request,
  ): Promise<TaskSummaryDto> {
    return this.setPeople.execute(user, taskId, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: "An agency's working settings (its own for an agency's users)",
    ok: { schema: agencySettingsSchema },
  })
  @Roles(...TASK_READERS)
  @Get('agencies/:id/settings')
  readSettings(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) agencyId: string,
  ): Promise<AgencySettingsDto> {
    return this.settings.read(user, agencyId);
  }

  @ApiEndpoint({
    summary: "Change an agency's working settings: officers on every task (its head), monitoring officer (the Office)",
    body: agencySettingsRequestSchema,
    ok: { schema: agencySettingsSchema },
    errors: { 400: ['UNKNOWN_USER'], 403: ['FORBIDDEN_ROLE'] },
  })
  @Roles('office', 'agency')
  @Patch('agencies/:id/settings')
  updateSettings(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) agencyId: string,
    @Body(new ZodPipe(agencySettingsRequestSchema)) body: AgencySettingsRequest,
  ): Promise<AgencySettingsDto> {
    return this.settings.update(user, agencyId, body);
  }
}
