import { Body, Controller, Delete, Get, Param, ParseIntPipe, Put, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  calendarChangeResultSchema,
  calendarQuerySchema,
  calendarResponseSchema,
  calendarSpanQuerySchema,
  calendarSpanSchema,
  saveCalendarYearRequestSchema,
  type CalendarChangeResult,
  type CalendarQuery,
  type CalendarResponse,
  type CalendarSpanDto,
  type CalendarSpanQuery,
  type SaveCalendarYearRequest,
} from '@dondoc/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { ALL_ROLES, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiError } from '../common/api-error.js';
import { requestIdOf } from '../common/request-id.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { CalendarService } from './calendar.service.js';
import { ChangeCalendarUseCase } from './change-calendar.use-case.js';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () => new ApiError(400, 'VALIDATION_FAILED', 'The year must be a number such as 2027'),
});

function checkYear(year: number): number {
  if (year < 1990 || year > 2100) throw new ApiError(400, 'VALIDATION_FAILED', 'The year must be within 1990–2100');
  return year;
}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly change: ChangeCalendarUseCase,
  ) {}

  @ApiEndpoint({
    summary: 'The working calendar: its settings and, for each year asked, the days off and days worked in force',
    query: calendarQuerySchema,
    ok: { schema: calendarResponseSchema },
  })
  @Roles(...ALL_ROLES)
  @Get()
  get(@Query(new ZodPipe(calendarQuerySchema)) query: CalendarQuery): Promise<CalendarResponse> {
    return this.calendar.get(query);
  }

  @ApiEndpoint({
    summary: 'Working days from one date to another, or the date a number of working days away',
    query: calendarSpanQuerySchema,
    ok: { schema: calendarSpanSchema },
  })
  @Roles(...ALL_ROLES)
  @Get('span')
  span(@Query(new ZodPipe(calendarSpanQuerySchema)) query: CalendarSpanQuery): Promise<CalendarSpanDto> {
    return this.calendar.span(query);
  }

  @ApiEndpoint({
    summary:
      "Enter a year's official schedule (days off, compensatory days, Saturdays worked) and its announcing document; " +
      'pending reminders and escalations move with it',
    body: saveCalendarYearRequestSchema,
    ok: { schema: calendarChangeResultSchema },
    errors: { 403: ['FORBIDDEN'] },
  })
  @Roles('office', 'admin')
  @Put('years/:year')
  save(
    @CurrentUser() user: AuthUser,
    @Param('year', yearPipe) year: number,
    @Body(new ZodPipe(saveCalendarYearRequestSchema)) body: SaveCalendarYearRequest,
    @Req() req: Request,
  ): Promise<CalendarChangeResult> {
    return this.change.save(user, checkYear(year), body, requestIdOf(req));
  }

  @ApiEndpoint({
    summary: "Withdraw a year's official schedule: the computed holidays apply again, and pending actions move back",
    ok: { schema: calendarChangeResultSchema },
    errors: { 400: ['VALIDATION_FAILED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] },
  })
  @Roles('office', 'admin')
  @Delete('years/:year')
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('year', yearPipe) year: number,
    @Req() req: Request,
  ): Promise<CalendarChangeResult> {
    return this.change.withdraw(user, checkYear(year), requestIdOf(req));
  }
}
