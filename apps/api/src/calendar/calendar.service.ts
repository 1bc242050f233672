import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CalendarQuery,
  CalendarResponse,
  CalendarSettingsDto,
  CalendarSpanDto,
  CalendarSpanQuery,
  CalendarYearDto,
} from '@dondoc/contracts';
import { CalendarStore } from '@dondoc/persistence';
import { computedDaysOff, localDate, WorkingCalendar, type DayInfo } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const MAX_YEARS = 10;

/** Reading the working calendar: the years as in force, and working-day arithmetic on it. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  settings(): CalendarSettingsDto {
    const s = this.calendars.settings;
    const counting = this.config.escalation.dayCounting ?? {};
    return {
      enabled: s.enabled,
      weekendDays: [...s.weekendDays],
      rollToWorkingDay: s.rollToWorkingDay,
      workdayStart: s.workdayStart,
      dayCounting: {
        remindBefore: counting.remindBefore ?? 'working',
        escalateAfter: counting.escalateAfter ?? 'working',
        reviewReminderAfter: counting.reviewReminderAfter ?? 'working',
      },
    };
  }

  async get(q: CalendarQuery): Promise<CalendarResponse> {
    const from = q.from ?? Number(localDate(new Date()).slice(0, 4));
    const to = q.to ?? from;
    if (to < from || to - from >= MAX_YEARS) {
      throw new ApiError(400, 'VALIDATION_FAILED', `Chọn tối đa ${MAX_YEARS} năm / Ask for 1 to ${MAX_YEARS} years`, [
        { path: 'to', message: `from ${from}: at most ${from + MAX_YEARS - 1}, not before ${from}` },
      ]);
    }
    const calendar = await this.shown();
    const years: CalendarYearDto[] = [];
    for (let y = from; y <= to; y++) years.push(await this.year(y, calendar));
    return { settings: this.settings(), years };
  }

  /** A year as in force on `calendar` (the calendar in force by default), with its entries. */
  async year(year: number, calendar?: WorkingCalendar): Promise<CalendarYearDto> {
    const cal = calendar ?? (await this.shown());
    const entries = await this.calendars.entries(this.db, year);
    const latest = entries[0] && !entries[0].cleared ? entries[0] : null;
    return {
      year,
      official: latest
        ? {
            days: latest.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
            source: latest.source ?? '',
            enteredAt: latest.entered_at.toISOString(),
            enteredByName: latest.entered_by_name,
          }
        : null,
      computed: computedDaysOff(year, this.calendars.settings.weekendDays).map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
      })),
      exceptions: cal.exceptions(year).map(dayInfoDto),
      history: entries.map((e) => ({
        source: e.source,
        enteredAt: e.entered_at.toISOString(),
        enteredByName: e.entered_by_name,
        cleared: e.cleared,
        dayCount: e.days.length,
      })),
    };
  }

  async span(q: CalendarSpanQuery): Promise<CalendarSpanDto> {
    const calendar = await this.calendars.current(this.db);
    try {
      const to = q.to ?? calendar.addWorkingDays(q.from, q.days ?? 0);
      return {
        from: q.from,
        to,
        workingDays: calendar.workingDaysBetween(q.from, to),
        calendarDays: Math.round((Date.parse(to) - Date.parse(q.from)) / 86_400_000),
        effectiveTo: calendar.effectiveDueDate(to),
      };
    } catch (e) {
      if (e instanceof RangeError) throw new ApiError(400, 'VALIDATION_FAILED', e.message);
      throw e;
    }
  }

  /**
   * The calendar the screens show: the one in force, or, when the province has switched the working calendar off,
   * what it would be (the entries are still kept and shown, they just move nothing).
   */
  private async shown(): Promise<WorkingCalendar> {
    if (this.calendars.settings.enabled) return this.calendars.current(this.db);
    return new CalendarStore({ ...this.calendars.settings, enabled: true }).current(this.db);
  }
}

export function dayInfoDto(d: DayInfo) {
  return { date: d.date, working: d.working, reason: d.reason, name: d.name, official: d.official };
}
