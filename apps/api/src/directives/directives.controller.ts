import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createDirectiveRequestSchema,
  type CreateDirectiveRequest,
  type DirectiveDetailDto,
  type DirectiveDto,
  directiveSchema,
  directiveDetailSchema,
} from '@dondoc/contracts';
import { z } from 'zod';
import { directiveItem, listedTaskItem, RecordsAccess } from '../access-log/records-access.decorator.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { DirectivesService } from './directives.service.js';

@ApiTags('directives')
@Controller('directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @ApiEndpoint({ summary: 'Every registered directive', ok: { schema: z.array(directiveSchema) } })
  @Roles(...TASK_READERS)
  @RecordsAccess('list', (directives: DirectiveDto[]) => directives.map(directiveItem))
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<DirectiveDto[]> {
    return this.directives.list(user);
  }

  @ApiEndpoint({
    summary: 'Register a directive',
    body: createDirectiveRequestSchema,
    ok: { status: 201, schema: directiveSchema },
    errors: { 400: ['CONTENT_REFERENCE_REQUIRED'], 409: ['DIRECTIVE_EXISTS', 'DUPLICATE'] },
  })
  @Roles('office')
  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createDirectiveRequestSchema)) body: CreateDirectiveRequest,
  ): Promise<DirectiveDto> {
    return this.directives.create(user, body);
  }

  @ApiEndpoint({
    summary: 'A directive with the tasks the caller may see and their progress',
    ok: { schema: directiveDetailSchema },
  })
  @Roles(...TASK_READERS)
  @RecordsAccess('detail', (d: DirectiveDetailDto) => [directiveItem(d), ...d.tasks.map(listedTaskItem)])
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): ReturnType<DirectivesService['get']> {
    return this.directives.get(user, id);
  }
}
