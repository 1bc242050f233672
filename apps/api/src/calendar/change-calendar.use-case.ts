import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarChangeResult, SaveCalendarYearRequest } from '@dondoc/contracts';
import { CalendarStore, policyFor } from '@dondoc/persistence';
import type { CalendarDay, TaskState } from '@dondoc/workflow';
import { DataSource } from 'typeorm';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { CalendarRepository } from './calendar.repository.js';
import { recalendar } from './calendar-reschedule.js';
import { CalendarService } from './calendar.service.js';

/**
 * The Office enters (or withdraws) a year's official schedule. In one transaction, under the calendar's exclusive
 * lock: the entry is added, and every open task whose effective deadline or pending actions the new calendar puts
 * elsewhere changes through the writer (its history says what moved; the moved actions are new jobs, the old ones
 * cancelled for the relay to remove), so nothing fires on a day that has become a day off.
 */
@Injectable()
export class ChangeCalendarUseCase {
  private readonly logger = new Logger(ChangeCalendarUseCase.name);

  constructor(
    private readonly calendars: CalendarStore,
    private readonly repo: CalendarRepository,
    private readonly changes: TaskChangesService,
    private readonly reads: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  save(user: AuthUser, year: number, req: SaveCalendarYearRequest, requestId: string | null) {
    provinceOnly(user);
    const days = checkDays(year, req.days, this.calendars.settings.weekendDays);
    return this.change(user, year, { days, source: req.source, cleared: false }, requestId);
  }

  async withdraw(user: AuthUser, year: number, requestId: string | null): Promise<CalendarChangeResult> {
    provinceOnly(user);
    const entries = await this.calendars.entries(this.db, year);
    if (!entries[0] || entries[0].cleared) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        `Năm ${year} chưa có lịch nghỉ chính thức / Year ${year} has no official schedule to withdraw`,
      );
    }
    return this.change(user, year, { days: [], source: null, cleared: true }, requestId);
  }

  private async change(
    user: AuthUser,
    year: number,
    entry: { days: CalendarDay[]; source: string | null; cleared: boolean },
    requestId: string | null,
  ): Promise<CalendarChangeResult> {
    const actor = toActor(user);
    const started = Date.now();
    const rescheduled = await this.changes.transaction(async (tx) => {
      await this.calendars.lockForChange(tx.manager);
      await this.calendars.add(tx.manager, { year, ...entry, enteredBy: actor.userId });
      const calendar = await this.calendars.current(tx.manager);
      const counts = { tasks: 0, actions: 0, effectiveDueDates: 0 };
      if (!calendar.settings.enabled) return counts;
      for (const t of await this.repo.openTasks(tx.manager, actor.userId)) {
        const plan = recalendar(
          { ...t, state: t.state as TaskState, policy: policyFor(this.config.escalation, t.escalation_policy) },
          calendar,
        );
        if (plan.effectiveDueDate === undefined && !plan.cancel.length) continue;
        // Locked, then changed in the state it is in now (a START may have come in since the read).
        const locked = await tx.lock(t.id);
        if (!locked) continue;
        const applied = await tx.apply({
          kind: 'CALENDAR_CHANGED',
          taskId: t.id,
          actor,
          from: locked.state,
          set: plan.effectiveDueDate !== undefined ? { effectiveDueDate: plan.effectiveDueDate } : undefined,
          data: {
            year,
            calendarRevision: calendar.revision,
            ...(plan.effectiveDueDate !== undefined
              ? { effectiveDueDate: { from: t.effective_due_date, to: plan.effectiveDueDate } }
              : {}),
            moved: plan.moved,
          },
          schedule: { cancelRungs: [], cancelActionIds: plan.cancel, add: plan.add },
          requestId,
        });
        // Every task moves; the answer counts only those the caller is cleared for.
        if (!applied || !t.cleared) continue;
        counts.tasks++;
        counts.actions += plan.cancel.length;
        if (plan.effectiveDueDate !== undefined) counts.effectiveDueDates++;
      }
      return counts;
    });
    this.logger.log(
      `calendar ${year} ${entry.cleared ? 'withdrawn' : 'entered'}: ${rescheduled.tasks} tasks, ` +
        `${rescheduled.actions} actions moved in ${Date.now() - started} ms`,
    );
    return { year: await this.reads.year(year), rescheduled };
  }
}

/** The entry's days: each in the year, once; a day worked (làm bù) must be a weekly day off. */
function checkDays(year: number, days: SaveCalendarYearRequest['days'], weekend: readonly number[]): CalendarDay[] {
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!d.date.startsWith(`${year}-`)) problems.push({ path: `days.${i}.date`, message: `not in ${year}` });
    if (seen.has(d.date)) problems.push({ path: `days.${i}.date`, message: `${d.date} is listed twice` });
    seen.add(d.date);
    if (d.kind === 'work' && !weekend.includes(new Date(`${d.date}T00:00:00Z`).getUTCDay())) {
      problems.push({
        path: `days.${i}.kind`,
        message: `${d.date} is a working day already: only a weekly day off is worked instead`,
      });
    }
  });
  if (problems.length) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'Lịch nghỉ không hợp lệ / The schedule is not valid: ' + problems.map((p) => p.message).join('; '),
      problems,
    );
  }
  return [...days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ ...d }));
}

/** One working calendar for the whole province: the top committee's Office (or the administrator) enters it. */
function provinceOnly(user: AuthUser): void {
  if (!user.organisationPath.includes('.')) return;
  throw new ApiError(
    403,
    'FORBIDDEN',
    'Lịch làm việc do Văn phòng Tỉnh ủy nhập / The working calendar is entered by the provincial Office',
  );
}
