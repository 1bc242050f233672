import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TaskDetailDto } from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { TaskDetailService } from './task-detail.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TaskDetailController {
  constructor(private readonly detail: TaskDetailService) {}

  @Roles(...TASK_READERS)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<TaskDetailDto> {
    return this.detail.get(user, id);
  }
}
