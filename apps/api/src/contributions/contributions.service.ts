import { Inject, Injectable } from '@nestjs/common';
import type { ContributionDto, ContributionListQuery } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TasksRepository, type TaskDetailRow } from '../tasks/tasks.repository.js';
import { toContributionDtos } from './contribution-dto.js';
import { maySeeContribution, seesAllContributions } from './contribution.rules.js';
import { ContributionsRepository, type ContributionRow, type PartFileRow } from './contributions.repository.js';

const membership = (task: TaskDetailRow) => ({
  organisationId: task.organisation_id,
  leadAgencyId: task.lead_agency_id,
  coordinatingAgencyIds: task.coordinating_agency_ids,
  assigneeUserId: task.assignee_user_id,
});

/** Reading contributions: who sees which is the task's visibility, narrowed to its own for a coordinator. */
@Injectable()
export class ContributionsService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly contributions: ContributionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forTask(user: AuthUser, taskId: string): Promise<ContributionDto[]> {
    const actor = toActor(user);
    const task = await this.tasks.findVisible(actor, taskId);
    if (!task) throw ApiError.notFound('Task');
    const rows = await this.contributions.forTask(
      taskId,
      seesAllContributions(membership(task), actor) ? null : actor.agencyId,
    );
    return this.toDtos(rows);
  }

  async list(user: AuthUser, query: ContributionListQuery): Promise<ContributionDto[]> {
    const rows = await this.contributions.list(toActor(user), {
      mine: query.mine !== undefined,
      asLead: query.asLead !== undefined,
    });
    return this.toDtos(rows);
  }

  async one(id: string): Promise<ContributionDto> {
    const row = await this.contributions.findById(id);
    if (!row) throw ApiError.notFound('Contribution');
    return (await this.toDtos([row]))[0];
  }

  /** The contribution and its task when the actor may see it; 404 otherwise, as for a task it cannot see. */
  async visible(actor: Actor, id: string): Promise<{ contribution: ContributionRow; task: TaskDetailRow }> {
    const contribution = await this.contributions.findById(id);
    const task = contribution && (await this.tasks.findVisible(actor, contribution.task_id));
    if (!contribution || !task || !maySeeContribution(membership(task), contribution.agency_id, actor)) {
      throw ApiError.notFound('Contribution');
    }
    return { contribution, task };
  }

  async file(user: AuthUser, id: string, fileId: string): Promise<PartFileRow> {
    await this.visible(toActor(user), id);
    const file = await this.contributions.findFile(id, fileId);
    if (!file) throw ApiError.notFound('File');
    return file;
  }

  private async toDtos(rows: ContributionRow[]): Promise<ContributionDto[]> {
    const versions = await this.contributions.versions(rows.map((r) => r.id));
    const files = await this.contributions.files(versions.map((v) => v.id));
    return toContributionDtos(rows, versions, files, new Date(), this.config.dueSoonDays);
  }
}

export { membership as taskMembership };
