import { notOwnDirective } from '../organisations/organisation-errors.js';
import { Inject, Injectable } from '@nestjs/common';
import type { CarryForwardRequest, CarryForwardResultDto } from '@dondoc/contracts';
import { CalendarStore, newTaskOf, taskCode } from '@dondoc/persistence';
import { endOfNextMonth, periodLabel, periodOf } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { toDirectiveDto } from '../directives/directive-dto.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { SeriesRepository } from './series.repository.js';

const taken = (number: string) => new ApiError(409, 'DUPLICATE', `Directive ${number} is already registered`);

/**
 * Chương trình chỉ đạo tháng: the next month's program started from this one. Every item not approved or
 * cancelled becomes a draft of the new program that names the item it carries forward (its history stays
 * on the old one, which records where it went); the Office edits the drafts and assigns them as usual.
 */
@Injectable()
export class CarryForwardUseCase {
  constructor(
    private readonly repo: SeriesRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
  ) {}

  async execute(
    user: AuthUser,
    directiveId: string,
    input: CarryForwardRequest,
    requestId: string | null,
  ): Promise<CarryForwardResultDto> {
    const from = await this.repo.directive(directiveId);
    if (!from || !(await this.repo.clearedForDirective(from, user.id))) throw ApiError.notFound('Directive');
    if (from.organisation_id !== user.organisationId) throw notOwnDirective();
    if (from.kind !== 'monthly_program') {
      throw new ApiError(
        409,
        'NOT_MONTHLY_PROGRAM',
        'Only a monthly program (chương trình chỉ đạo tháng) can be carried forward into the next one',
      );
    }
    const actor = toActor(user);
    const result = await this.changes.transaction(async (tx) => {
      const program = await this.repo.insertProgram(tx.manager, { ...input, from, createdBy: user.id });
      if (!program) throw taken(input.number);
      const items = await this.repo.unfinished(tx.manager, directiveId);
      // Carrying writes on every item: the caller must be cleared for each classified one.
      if (
        (
          await this.repo.clearedOnly(
            items.map((task) => ({ task })),
            user.id,
          )
        ).length < items.length
      ) {
        throw ApiError.forbidden(
          'Chương trình có nhiệm vụ mật bạn không có tên trong danh sách tiếp cận / ' +
            'Some items are classified and you are not on their access lists',
        );
      }
      const carried = [];
      for (const [i, old] of items.entries()) {
        // Proposed: the end of the month after the item's own; the Office edits it before assigning.
        const dueDate = old.due_date ? endOfNextMonth(old.due_date) : null;
        const draft = {
          ...newTaskOf(taskCode(input.number, i), {
            title: old.title,
            description: old.description ?? '',
            deliverableType: old.deliverable_type,
            field: old.field,
            leadAgencyId: old.lead_agency_id,
            coordinatingAgencyIds: old.coordinating_agency_ids,
            dueDate,
            deadlineText: dueDate ? periodLabel(periodOf(dueDate, 'month')) : old.deadline_text,
          }),
          decidingAuthority: old.deciding_authority,
          isKey: old.is_key,
          carriedFromTaskId: old.id,
          // Carried with its level and its own access list, never its directive's wider one.
          classification: old.classification,
          contentReference: old.content_reference,
          inheritAccess: false,
        };
        const [task] = await tx.create(program.id, [draft], actor, { data: { carriedFromTaskId: old.id }, requestId });
        await this.repo.copyTaskAccess(tx.manager, old.id, task.id, user.id);
        const noted = await tx.apply({
          kind: 'CARRIED_FORWARD',
          taskId: old.id,
          actor,
          from: old.state,
          data: { toTaskId: task.id, toDirectiveId: program.id },
          requestId,
        });
        if (!noted) throw new Error(`carry-forward: ${old.code} moved while locked`);
        carried.push({ fromTaskId: old.id, task });
      }
      return { program, carried };
    });
    const now = new Date();
    const p = result.program;
    return {
      directive: toDirectiveDto(p),
      // Items the caller is not cleared for were carried too, but are not named to them.
      tasks: (await this.repo.clearedOnly(result.carried, user.id)).map((c) => ({
        fromTaskId: c.fromTaskId,
        task: toSummary(c.task, actor, now, summaryViewOf(this.config, this.calendars)),
      })),
    };
  }
}
