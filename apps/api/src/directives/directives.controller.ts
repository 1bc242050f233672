import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createDirectiveRequestSchema, type CreateDirectiveRequest, type DirectiveDto } from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles, TASK_READERS } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../common/uuid-param.pipe.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { DirectivesService } from './directives.service.js';

@ApiTags('directives')
@ApiBearerAuth()
@Controller('directives')
export class DirectivesController {
  constructor(private readonly directives: DirectivesService) {}

  @Roles(...TASK_READERS)
  @Get()
  list(): Promise<DirectiveDto[]> {
    return this.directives.list();
  }

  @Roles('office')
  @Post()
  @ApiZodBody(createDirectiveRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createDirectiveRequestSchema)) body: CreateDirectiveRequest,
  ): Promise<DirectiveDto> {
    return this.directives.create(user, body);
  }

  @Roles(...TASK_READERS)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): ReturnType<DirectivesService['get']> {
    return this.directives.get(user, id);
  }
}
