import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { CreateDirectiveRequest, DirectiveDto, DirectiveProgress, TaskSummaryDto } from '@dondoc/contracts';
import { isClassified, isRecordOnly, TASK_STATES, type TaskState } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { checkContentReference, RECORD_ONLY_DIRECTIVE_TITLE } from '../classification/classification-rules.js';
import { ClassificationRepository } from '../classification/classification.repository.js';
import { toDirectiveDto } from './directive-dto.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { DirectivesRepository } from './directives.repository.js';

@Injectable()
export class DirectivesService {
  constructor(
    private readonly repo: DirectivesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
    private readonly access: ClassificationRepository,
  ) {}

  async list(user: AuthUser): Promise<DirectiveDto[]> {
    return (await this.repo.list(user.id)).map(toDirectiveDto);
  }

  async get(
    user: AuthUser,
    id: string,
  ): Promise<DirectiveDto & { tasks: TaskSummaryDto[]; progress: DirectiveProgress }> {
    const directive = await this.repo.findById(id, user.id);
    if (!directive) throw ApiError.notFound('Directive');
    const actor = toActor(user);
    const now = new Date();
    const tasks = (await this.repo.tasks(actor, id)).map((r) =>
      toSummary(r, actor, now, summaryViewOf(this.config, this.calendars)),
    );
    const byState = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
    for (const t of tasks) byState[t.state] += 1;
    return {
      ...toDirectiveDto(directive),
      tasks,
      progress: {
        total: tasks.length,
        byState,
        approved: byState.approved,
        overdue: tasks.filter((t) => t.deadlineStatus === 'overdue').length,
      },
    };
  }

  async create(user: AuthUser, input: CreateDirectiveRequest): Promise<DirectiveDto> {
    if (await this.repo.idByNumber(input.number, user.id)) {
      throw new ApiError(409, 'DUPLICATE', `Directive ${input.number} is already registered`);
    }
    const level = input.classification ?? 'normal';
    checkContentReference(level, input.contentReference);
    // Tuyệt mật keeps the record only: the number and kind, never what the document says.
    const record = isRecordOnly(level) ? { ...input, title: RECORD_ONLY_DIRECTIVE_TITLE } : input;
    const access = isClassified(level)
      ? [user.id, ...(await this.access.defaultUserIds(this.config.classifiedDefaultAccess, user.organisationId))]
      : [];
    return toDirectiveDto(await this.repo.insert(record, user.id, access));
  }
}
