import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  milestoneDoneRequestSchema,
  milestoneListSchema,
  type MilestoneDoneRequest,
  setMilestonesRequestSchema,
  type MilestoneListDto,
  type SetMilestonesRequest,
} from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { RecordsAccess, taskOfParam } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { MilestonesService } from './milestones.service.js';

@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @ApiEndpoint({
    summary: "A task's milestones (mốc), each with its own deadline status",
    ok: { schema: milestoneListSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', taskOfParam())
  @Get('tasks/:id/milestones')
  list(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) taskId: string): Promise<MilestoneListDto> {
    return this.milestones.list(user, taskId);
  }

  @ApiEndpoint({
    summary: "Set a task's milestones (the whole list): the Office, or the lead agency's people working on it",
    body: setMilestonesRequestSchema,
    ok: { schema: milestoneListSchema },
    errors: {
      400: ['MILESTONE_DATE_INVALID'],
      403: ['FORBIDDEN_ROLE'],
      409: ['INVALID_TRANSITION', 'MILESTONE_ALREADY_DONE', 'VERSION_CONFLICT', 'CLASSIFIED_RECORD_ONLY'],
    },
  })
  @Roles(...TASK_READERS)
  @Put('tasks/:id/milestones')
  set(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) taskId: string,
    @Body(new ZodPipe(setMilestonesRequestSchema)) body: SetMilestonesRequest,
    @Req() req: Request,
  ): Promise<MilestoneListDto> {
    return this.milestones.set(user, taskId, body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: "Mark a milestone reached (the lead agency's people working on the task, or the Office)",
    body: milestoneDoneRequestSchema,
    ok: { schema: milestoneListSchema },
    errors: { 403: ['FORBIDDEN_ROLE'], 409: ['INVALID_TRANSITION', 'MILESTONE_ALREADY_DONE'] },
  })
  @Roles(...TASK_READERS)
  @Post('milestones/:id/done')
  @HttpCode(200)
  done(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodPipe(milestoneDoneRequestSchema)) body: MilestoneDoneRequest,
    @Req() req: Request,
  ): Promise<MilestoneListDto> {
    return this.milestones.markDone(user, id, body.note ?? null, requestIdOf(req));
  }
}
