import { CalendarStore } from '@dondoc/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { CreateDirectiveRequest, DirectiveDto, DirectiveProgress, TaskSummaryDto } from '@dondoc/contracts';
import { TASK_STATES, type TaskState } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { DirectivesRepository, type DirectiveRow } from './directives.repository.js';

function toDto(r: DirectiveRow): DirectiveDto {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    title: r.title,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    signer: r.signer,
    place: r.place,
    createdAt: r.created_at.toISOString(),
  };
}

@Injectable()
export class DirectivesService {
  constructor(
    private readonly repo: DirectivesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async list(): Promise<DirectiveDto[]> {
    return (await this.repo.list()).map(toDto);
  }

  async get(
    user: AuthUser,
    id: string,
  ): Promise<DirectiveDto & { tasks: TaskSummaryDto[]; progress: DirectiveProgress }> {
    const directive = await this.repo.findById(id);
    if (!directive) throw ApiError.notFound('Directive');
    const actor = toActor(user);
    const now = new Date();
    const tasks = (await this.repo.tasks(actor, id)).map((r) =>
      toSummary(r, actor, now, summaryViewOf(this.config, this.calendars)),
    );
    const byState = Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as Record<TaskState, number>;
    for (const t of tasks) byState[t.state] += 1;
    return {
      ...toDto(directive),
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
    if (await this.repo.existsByNumber(input.number)) {
      throw new ApiError(409, 'DUPLICATE', `Directive ${input.number} is already registered`);
    }
    return toDto(await this.repo.insert(input, user.id));
  }
}
