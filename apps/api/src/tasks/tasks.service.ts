import { Inject, Injectable } from '@nestjs/common';
import type {
  CreateTaskRequest,
  TaskBreakdownDto,
  TaskListQuery,
  TaskSummaryDto,
  UpdateTaskRequest,
} from '@dondoc/contracts';
import { CalendarStore, newTaskOf, searchTextOf, type TaskRowUpdate } from '@dondoc/persistence';
import {
  canEditDraft,
  higherClassification,
  isClassified,
  isRecordOnly,
  localDate,
  type Classification,
} from '@dondoc/workflow';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { notOwnDirective } from '../organisations/organisation-errors.js';
import { ApiError } from '../common/api-error.js';
import { checkContentReference, recordOnlyRefusal } from '../classification/classification-rules.js';
import { ClassificationRepository } from '../classification/classification.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { addInitialMilestones, checkMilestoneDates } from '../milestones/initial-milestones.js';
import { JsonBuffers, TaskPageJson } from './task-page-json.js';
import { toSummary, summaryViewOf, viewedFields } from './task-summary.js';
import { TasksRepository } from './tasks.repository.js';
import { checkBreakdown, rollUp } from './task-breakdown.rules.js';

const conflict = () => new ApiError(409, 'VERSION_CONFLICT', 'Someone else changed this task a moment ago; reload it');

@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly agencies: AgenciesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
    private readonly access: ClassificationRepository,
  ) {}

  /** The tasks the caller may see, in board order, as JSON text: PostgreSQL builds each card, this process adds what depends on the reader and today. */
  async listJson(user: AuthUser, query: TaskListQuery): Promise<TaskPageJson> {
    const actor = toActor(user);
    const now = new Date();
    const view = summaryViewOf(this.config, this.calendars);
    const out = new JsonBuffers().write('{"items":[');
    const shown: { id: string; classification: Classification }[] = [];
    const { total, capped } = await this.tasks.eachCard(
      actor,
      query,
      localDate(now),
      this.config.dueSoonDays,
      (rows) => {
        for (const row of rows) {
          if (shown.length) out.write(',');
          // `{…card}` + `{…viewed}` → one object: the card's closing brace and the other's opening one go.
          out.write(row.card).unwriteLast().write(',');
          out.write(JSON.stringify(viewedFields(row, actor, now, view)), true);
          shown.push({ id: row.id, classification: row.classification });
        }
      },
    );
    out.write(`],"total":${total},"limit":${query.limit},"offset":${query.offset}`);
    out.write(query.countUpTo === undefined ? '}' : `,"totalCapped":${capped}}`);
    return new TaskPageJson(shown, out.end());
  }

  async create(user: AuthUser, input: CreateTaskRequest): Promise<TaskSummaryDto> {
    const directive = await this.tasks.directiveFor(input.directiveId, user.id);
    if (directive === undefined) throw new ApiError(400, 'UNKNOWN_DIRECTIVE', 'The directive does not exist');
    if (directive.organisation_id !== user.organisationId) throw notOwnDirective();
    const level = higherClassification(input.classification ?? 'normal', directive.classification);
    checkContentReference(level, input.contentReference);
    await this.checkAgencies(user, input.leadAgencyId ?? null, input.coordinatingAgencyIds ?? []);
    checkMilestoneDates(input.dueDate, input.milestones ?? []);
    const actor = toActor(user);
    let dueException: string | null = null;
    if (input.parentTaskId) {
      const parent = await this.tasks.findVisible(actor, input.parentTaskId);
      if (!parent)
        throw new ApiError(400, 'UNKNOWN_PARENT_TASK', 'Không tìm thấy nhiệm vụ cấp trên / No such task above');
      dueException = checkBreakdown(parent, actor, input);
    }
    // Above its directive's level, a task starts with its own list (the default and its author), not the directive's.
    const ownList = level !== directive.classification;
    const row = await this.changes.transaction(async (tx) => {
      const code = input.code ?? (await this.tasks.nextCode(tx.manager, input.directiveId, directive.number));
      if ((await this.tasks.codesTaken(tx.manager, [code])).length) {
        throw new ApiError(409, 'DUPLICATE', `A task with code "${code}" already exists`);
      }
      const draft = {
        ...newTaskOf(code, input),
        classification: level,
        contentReference: input.contentReference ?? null,
        inheritAccess: !ownList,
        parentTaskId: input.parentTaskId ?? null,
        dueException,
      };
      const [created] = await tx.create(input.directiveId, [draft], actor, {
        data: input.parentTaskId ? { parentTaskId: input.parentTaskId, dueException } : undefined,
      });
      if (ownList && isClassified(level)) {
        const defaults = await this.access.defaultUserIds(
          this.config.classifiedDefaultAccess,
          user.organisationId,
          tx.manager,
        );
        await this.access.add(tx.manager, { kind: 'task', id: created.id }, [user.id, ...defaults], user.id);
      }
      // A new directive's tasks have the configured ladder; its own override is read when it matters (assign).
      await addInitialMilestones(tx, created, input.milestones ?? [], actor, this.config.escalation, null);
      return (await tx.lock(created.id)) ?? created;
    });
    return toSummary(row, actor, new Date(), summaryViewOf(this.config, this.calendars));
  }

  /** The sub-tasks the caller sees of a task broken down below, and the parent's figures from them. */
  async breakdown(user: AuthUser, id: string): Promise<TaskBreakdownDto> {
    const actor = toActor(user);
    if (!(await this.tasks.findVisible(actor, id))) throw ApiError.notFound('Task');
    const now = new Date();
    const view = summaryViewOf(this.config, this.calendars);
    const items = (await this.tasks.subTasks(actor, id)).map((r) => toSummary(r, actor, now, view));
    return { taskId: id, rollUp: rollUp(items), items };
  }

  async updateDraft(user: AuthUser, id: string, input: UpdateTaskRequest): Promise<TaskSummaryDto> {
    const actor = toActor(user);
    const current = await this.tasks.findVisible(actor, id);
    if (!current) throw ApiError.notFound('Task');
    // Role before state, as for transitions: only the Office may ever edit, and only a draft.
    const filed = { organisationId: current.organisation_id };
    if (!canEditDraft({ state: 'drafted', ...filed }, actor)) {
      throw new ApiError(403, 'FORBIDDEN', "Only the task's own Office edits it");
    }
    if (!canEditDraft({ state: current.state, ...filed }, actor)) {
      throw new ApiError(
        409,
        'TASK_NOT_EDITABLE',
        'Only a drafted task can be edited; this one has already been assigned',
      );
    }
    if (input.expectedVersion !== current.version) {
      throw new ApiError(409, 'VERSION_CONFLICT', 'The task changed since you loaded it; reload it and try again');
    }
    if (isRecordOnly(current.classification) && (input.title !== undefined || input.description !== undefined)) {
      throw recordOnlyRefusal();
    }
    await this.checkAgencies(user, input.leadAgencyId ?? null, input.coordinatingAgencyIds ?? []);
    const { expectedVersion, ...changes } = input;
    const title = changes.title ?? current.title;
    const description = changes.description ?? current.description;
    const written = await this.changes.apply({
      kind: 'EDIT',
      taskId: id,
      actor,
      from: 'drafted',
      expect: { version: expectedVersion },
      set: {
        title,
        description,
        deliverableType: changes.deliverableType,
        field: changes.field,
        leadAgencyId: changes.leadAgencyId,
        coordinatingAgencyIds:
          changes.coordinatingAgencyIds !== undefined ? [...new Set(changes.coordinatingAgencyIds)] : undefined,
        deadlineText: changes.deadlineText,
        ...deadlineRuleSet(changes),
        searchText: searchTextOf({ code: current.code, title, description }),
      },
      data: { changed: Object.keys(changes) },
    });
    if (!written) throw conflict();
    return toSummary(written.task, actor, new Date(), summaryViewOf(this.config, this.calendars));
  }

  /** The user's committee's own agencies: the task is in it (its directive's, checked before). */
  private async checkAgencies(user: AuthUser, lead: string | null, coordinating: readonly string[]): Promise<void> {
    const unknown = await this.agencies.unknownIds([...(lead ? [lead] : []), ...coordinating], user.organisationId);
    if (unknown.length) throw new ApiError(400, 'UNKNOWN_AGENCY', `Unknown or disabled agency: ${unknown.join(', ')}`);
    if (lead && coordinating.includes(lead)) {
      throw new ApiError(400, 'VALIDATION_FAILED', 'The lead agency cannot also be a coordinating agency');
    }
  }
}

/**
 * The deadline a draft edit sets: a date, N working days (fixed at ASSIGN) or continuous work; giving one way
 * clears the others, so a draft never holds two deadlines.
 */
export function deadlineRuleSet(c: Omit<UpdateTaskRequest, 'expectedVersion'>): TaskRowUpdate {
  if (c.continuous) return { dueDate: null, deadlineWorkingDays: null, deadlineFrom: null, continuous: true };
  if (c.deadlineWorkingDays) {
    return {
      dueDate: null,
      deadlineWorkingDays: c.deadlineWorkingDays,
      deadlineFrom: c.deadlineFrom ?? 'assigned',
      continuous: false,
    };
  }
  if (c.dueDate) return { dueDate: c.dueDate, deadlineWorkingDays: null, deadlineFrom: null, continuous: false };
  return {
    dueDate: c.dueDate,
    deadlineWorkingDays: c.deadlineWorkingDays,
    ...(c.deadlineFrom !== undefined ? { deadlineFrom: c.deadlineFrom } : {}),
    ...(c.continuous === false ? { continuous: false } : {}),
  };
}
