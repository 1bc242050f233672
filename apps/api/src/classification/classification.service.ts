import { Injectable } from '@nestjs/common';
import type { AccessListDto, SetAccessListRequest } from '@dondoc/contracts';
import { isClassified } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { notOwnDirective, notOwnTask } from '../organisations/organisation-errors.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { ClassificationRepository, type AccessRow, type ClassifiedItem } from './classification.repository.js';
import { ClassifiedItemsRepository, type ItemFacts } from './classified-items.repository.js';

const conflict = () =>
  new ApiError(
    409,
    'VERSION_CONFLICT',
    'Nhiệm vụ vừa được người khác thay đổi / Someone else changed this task a moment ago; reload it',
  );

/**
 * The need-to-know lists. The Office names who may read a classified directive or task; the Standing Committee
 * and the inspector read the list of what they are cleared for. Role alone clears nobody: every call first finds
 * the item through the caller's own clearance, so an item they may not see answers 404.
 */
@Injectable()
export class ClassificationService {
  constructor(
    private readonly lists: ClassificationRepository,
    private readonly items: ClassifiedItemsRepository,
    private readonly tasks: TasksRepository,
    private readonly changes: TaskChangesService,
  ) {}

  async accessList(user: AuthUser, item: ClassifiedItem): Promise<AccessListDto> {
    const facts = await this.visible(user, item);
    if (!['office', 'standing_committee', 'inspector'].includes(user.role)) {
      throw ApiError.forbidden('Chỉ Văn phòng, Ban Thường vụ và Ủy ban Kiểm tra xem danh sách / Not for your role');
    }
    return toDto(facts, await this.lists.list(item));
  }

  async setAccessList(
    user: AuthUser,
    item: ClassifiedItem,
    body: SetAccessListRequest,
    requestId: string | null,
  ): Promise<AccessListDto> {
    const facts = await this.visible(user, item);
    if (user.role !== 'office') {
      throw ApiError.forbidden(
        'Chỉ Văn phòng Tỉnh ủy quyết định ai được tiếp cận / Only the Office sets the access list',
      );
    }
    if (facts.organisationId !== user.organisationId) {
      throw item.kind === 'task' ? notOwnTask() : notOwnDirective();
    }
    if (!isClassified(facts.classification)) {
      throw new ApiError(
        409,
        'NOT_CLASSIFIED',
        'Nội dung không mật: mọi người có thẩm quyền đều xem được / This item is not classified: there is no access list',
      );
    }
    const ids = [...new Set(body.userIds)];
    await this.checkEligible(item, facts, ids);
    const actor = toActor(user);
    await this.changes.transaction(async (tx) => {
      const { added, removed } = await this.lists.replace(tx.manager, item, ids, user.id);
      if (item.kind === 'task' && (added.length || removed.length)) {
        // The list's history is the task's: who changed it, when, whom it added and removed.
        const locked = await tx.lock(item.id);
        if (!locked) throw conflict();
        const applied = await tx.apply({
          kind: 'ACCESS_LIST_SET',
          taskId: item.id,
          actor,
          from: locked.state,
          data: { added, removed },
          requestId,
        });
        if (!applied) throw conflict();
      }
    });
    return toDto(facts, await this.lists.list(item));
  }

  /** The item as the caller's clearance finds it; 404 when they may not see it. */
  private async visible(user: AuthUser, item: ClassifiedItem): Promise<ItemFacts> {
    const facts =
      item.kind === 'task'
        ? await this.tasks.findVisible(toActor(user), item.id).then((t) =>
            t
              ? {
                  classification: t.classification,
                  organisationId: t.organisation_id,
                  leadAgencyId: t.lead_agency_id,
                  coordinatingAgencyIds: t.coordinating_agency_ids,
                  agencyIds: [],
                }
              : undefined,
          )
        : await this.items.directive(item.id, user.id);
    if (!facts) throw ApiError.notFound(item.kind === 'task' ? 'Task' : 'Directive');
    return facts;
  }

  /**
   * Who may be named: the Standing Committee, the Office and the inspector, and users of the agencies that work on
   * the item (a task's lead and coordinators; for a directive, those of any of its tasks). At least one Office user
   * stays on the list, or nobody could manage it again.
   */
  private async checkEligible(item: ClassifiedItem, facts: ItemFacts, ids: string[]): Promise<void> {
    const users = await this.lists.users(ids);
    const known = new Map(users.map((u) => [u.id, u]));
    const unknown = ids.filter((id) => !known.get(id)?.active);
    if (unknown.length) {
      throw new ApiError(
        400,
        'UNKNOWN_USER',
        `Không có tài khoản đang hoạt động / No active account: ${unknown.join(', ')}`,
      );
    }
    const agencies = new Set(
      item.kind === 'task'
        ? [facts.leadAgencyId, ...facts.coordinatingAgencyIds].filter((a): a is string => !!a)
        : facts.agencyIds,
    );
    const ineligible = users.filter(
      (u) =>
        !(
          ['office', 'standing_committee', 'inspector'].includes(u.role) ||
          (u.role === 'agency' && !!u.agency_id && agencies.has(u.agency_id))
        ),
    );
    if (ineligible.length) {
      throw new ApiError(
        400,
        'ACCESS_USER_NOT_ELIGIBLE',
        'Chỉ thành viên Ban Thường vụ, Văn phòng, Ủy ban Kiểm tra và cán bộ của cơ quan chủ trì, phối hợp được tiếp cận / ' +
          `Only the Standing Committee, the Office, the inspector and the working agencies' users may be named: ${ineligible
            .map((u) => u.id)
            .join(', ')}`,
      );
    }
    if (!users.some((u) => u.role === 'office')) {
      throw new ApiError(
        400,
        'ACCESS_LIST_NEEDS_OFFICE',
        'Danh sách cần ít nhất một cán bộ Văn phòng để quản lý / Keep at least one Office user on the list to manage it',
      );
    }
  }
}

function toDto(facts: ItemFacts, rows: AccessRow[]): AccessListDto {
  return {
    classification: facts.classification,
    users: rows.map((r) => ({
      id: r.user_id,
      fullName: r.full_name,
      role: r.role,
      agencyId: r.agency_id,
      grantedAt: new Date(r.granted_at).toISOString(),
    })),
  };
}
