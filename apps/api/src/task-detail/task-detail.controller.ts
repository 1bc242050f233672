import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type TaskDetailDto, taskDetailSchema } from '@dondoc/contracts';
import { RecordsAccess, taskItem } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { TaskDetailService } from './task-detail.service.js';

@ApiTags('tasks')
@Controller('tasks')
export class TaskDetailController {
  constructor(private readonly detail: TaskDetailService) {}

  @ApiEndpoint({
    summary: 'A task with its history, submissions, comments and extension requests',
    ok: { schema: taskDetailSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', (task: TaskDetailDto) => [taskItem(task)])
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<TaskDetailDto> {
    return this.detail.get(user, id);
  }
}
