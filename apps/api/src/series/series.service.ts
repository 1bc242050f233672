import { notOwnDirective } from '../organisations/organisation-errors.js';
import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateTaskSeriesRequest,
  TaskSeriesDto,
  TaskSeriesInstancesDto,
  UpdateTaskSeriesRequest,
} from '@dondoc/contracts';
import {
  firstPeriod,
  isRecurrenceFrequency,
  localDate,
  nextPeriod,
  periodByKey,
  periodDueDate,
  periodLabel,
  periodLabelEn,
  periodsOpened,
  type Actor,
  type Period,
  isRecordOnly,
} from '@dondoc/workflow';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { CalendarStore, createDueInstances, type RunInstanceTx, type SeriesRow } from '@dondoc/persistence';
import { SeriesRepository } from './series.repository.js';
import { recordOnlyRefusal } from '../classification/classification-rules.js';

function periodDto(p: Period, dueDay: number) {
  return {
    key: p.key,
    label: periodLabel(p),
    labelEn: periodLabelEn(p),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    dueDate: periodDueDate(p, dueDay),
  };
}

/** Nhiệm vụ định kỳ: the Office sets a task to recur; the worker (and the creation itself) make its instances. */
@Injectable()
export class SeriesService {
  constructor(
    private readonly repo: SeriesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  /** The writer through the API's door, so the relay is woken once the instance is committed. */
  private readonly run: RunInstanceTx = (work) =>
    this.changes.transaction((tx) =>
      work({
        manager: tx.manager,
        calendar: () => tx.calendar(),
        // The API's transaction hands the options to the writer as they are (skipExisting included).
        create: (directiveId, tasks, actor, options) => tx.create(directiveId, tasks, actor, options),
        apply: (change) => tx.apply(change),
      }),
    );

  async create(user: AuthUser, directiveId: string, input: CreateTaskSeriesRequest): Promise<TaskSeriesDto> {
    const directive = await this.repo.directive(directiveId);
    // A classified directive the caller is not cleared for does not exist for them.
    if (!directive || !(await this.repo.clearedForDirective(directive, user.id))) throw ApiError.notFound('Directive');
    if (directive.organisation_id !== user.organisationId) throw notOwnDirective();
    // A series' template is content: a tuyệt mật directive keeps none.
    if (isRecordOnly(directive.classification)) throw recordOnlyRefusal();
    const coordinating = [...new Set(input.coordinatingAgencyIds ?? [])];
    const unknown = await this.agencies.unknownIds([input.leadAgencyId, ...coordinating], user.organisationId);
    if (unknown.length) throw new ApiError(400, 'UNKNOWN_AGENCY', `Unknown or disabled agency: ${unknown.join(', ')}`);
    if (coordinating.includes(input.leadAgencyId)) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The lead agency cannot also be a coordinating agency');
    }
    const id = await this.repo.insert(
      {
        directiveId,
        template: {
          title: input.title,
          description: input.description ?? '',
          deliverableType: input.deliverableType,
          field: input.field,
          leadAgencyId: input.leadAgencyId,
          coordinatingAgencyIds: coordinating,
        },
        frequency: input.frequency,
        dueDay: input.dueDay,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        createdBy: user.id,
      },
      directive.number,
    );
    // The period open now gets its instance at once, by the worker's own path; later ones come from the worker.
    const series = (await this.repo.findById(id))!;
    await createDueInstances(this.run, series, new Set(), new Date(), this.config.escalation);
    return this.toDto(toActor(user), series);
  }

  async list(user: AuthUser, directiveId: string): Promise<TaskSeriesDto[]> {
    const directive = await this.repo.directive(directiveId);
    if (!directive || !(await this.repo.clearedForDirective(directive, user.id))) throw ApiError.notFound('Directive');
    const actor = toActor(user);
    const rows = await this.repo.listVisible(actor, directiveId);
    const counts = await this.repo.visibleInstanceCounts(
      actor,
      rows.map((r) => r.id),
    );
    return rows.map((r) => this.dto(r, counts.get(r.id) ?? 0));
  }

  async update(user: AuthUser, id: string, input: UpdateTaskSeriesRequest): Promise<TaskSeriesDto> {
    const actor = toActor(user);
    const visible = await this.repo.findVisible(actor, id);
    if (!visible) throw ApiError.notFound('Series');
    if (visible.organisation_id !== user.organisationId) throw notOwnDirective();
    await this.repo.setActive(id, input.active);
    const series = (await this.repo.findById(id))!;
    // Resumed: the periods opened while it was stopped get their instances now, as the worker would.
    if (series.active) {
      await createDueInstances(this.run, series, await this.repo.periodKeys(id), new Date(), this.config.escalation);
    }
    return this.toDto(actor, series);
  }

  async instances(user: AuthUser, id: string): Promise<TaskSeriesInstancesDto> {
    const actor = toActor(user);
    const series = await this.repo.findVisible(actor, id);
    if (!series) throw ApiError.notFound('Series');
    const now = new Date();
    const rows = await this.repo.instances(actor, id);
    return {
      series: this.dto(series, rows.length),
      instances: rows.map((r) => ({
        period: periodDto(periodByKey(r.period_key!, series.frequency)!, series.due_day),
        task: toSummary(r, actor, now, summaryViewOf(this.config, this.calendars)),
      })),
    };
  }

  private async toDto(actor: Actor, series: SeriesRow): Promise<TaskSeriesDto> {
    const counts = await this.repo.visibleInstanceCounts(actor, [series.id]);
    return this.dto(series, counts.get(series.id) ?? 0);
  }

  private dto(s: SeriesRow, instanceCount: number): TaskSeriesDto {
    if (!isRecurrenceFrequency(s.frequency))
      throw new Error(`series ${s.code}: unknown frequency ${String(s.frequency)}`);
    const schedule = { frequency: s.frequency, dueDay: s.due_day, startsOn: s.starts_on, endsOn: s.ends_on };
    const opened = periodsOpened(schedule, localDate(new Date()));
    const next = opened.length ? nextPeriod(opened[opened.length - 1]) : firstPeriod(schedule);
    const ended = s.ends_on !== null && next.startsOn > s.ends_on;
    const t = s.template;
    return {
      id: s.id,
      directiveId: s.directive_id,
      code: s.code,
      title: t.title,
      description: t.description,
      deliverableType: t.deliverableType,
      field: t.field,
      leadAgencyId: t.leadAgencyId,
      coordinatingAgencyIds: t.coordinatingAgencyIds,
      frequency: s.frequency,
      dueDay: s.due_day,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
      active: s.active,
      instanceCount,
      nextPeriod: s.active && !ended ? periodDto(next, s.due_day) : null,
      createdAt: s.created_at.toISOString(),
      updatedAt: s.updated_at.toISOString(),
    };
  }
}
