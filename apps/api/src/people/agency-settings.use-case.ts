import { Injectable } from '@nestjs/common';
import type { AgencySettingsDto, AgencySettingsRequest } from '@dondoc/contracts';
import { isAgencyHead } from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { TaskChangesService } from '../task-changes/task-changes.service.js';
import { PeopleRepository } from './people.repository.js';

/**
 * An agency's working settings: its head lets officers work on every task it leads (or not), the Office
 * names its monitoring officer. An agency's users see only their own agency's settings.
 */
@Injectable()
export class AgencySettingsUseCase {
  constructor(
    private readonly people: PeopleRepository,
    private readonly changes: TaskChangesService,
  ) {}

  async read(user: AuthUser, agencyId: string): Promise<AgencySettingsDto> {
    const actor = toActor(user);
    if (actor.role === 'agency' && actor.agencyId !== agencyId) throw ApiError.notFound('Agency');
    const s = await this.people.settings(agencyId, undefined, actor.role === 'agency' ? undefined : actor);
    if (!s) throw ApiError.notFound('Agency');
    return s;
  }

  async update(user: AuthUser, agencyId: string, body: AgencySettingsRequest): Promise<AgencySettingsDto> {
    const actor = toActor(user);
    if (actor.role === 'agency' && actor.agencyId !== agencyId) throw ApiError.notFound('Agency');
    if (body.officersActOnAll !== undefined && !(isAgencyHead(actor) && actor.agencyId === agencyId)) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        "Chỉ lãnh đạo cơ quan quyết định việc này (only the agency's head or deputy)",
      );
    }
    if (body.monitoringUserId !== undefined && actor.role !== 'office') {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        'Chỉ Văn phòng Tỉnh ủy phân công chuyên viên theo dõi (only the Office)',
      );
    }
    // Not a task change: no history row; the transaction only keeps the check and the write together.
    return this.changes.transaction(async (tx) => {
      const agency = await this.people.lockAgency(tx.manager, agencyId);
      if (!agency) throw ApiError.notFound('Agency');
      // An agency's follow-up is its own committee's Office's; one above sees it but does not name the clerk.
      if (actor.role === 'office' && agency.organisation_id !== actor.organisationId) {
        throw ApiError.notFound('Agency');
      }
      if (body.monitoringUserId) {
        const u = await this.people.findActive(tx.manager, body.monitoringUserId);
        if (!u || u.role !== 'office' || u.organisation_id !== agency.organisation_id) {
          throw new ApiError(400, 'UNKNOWN_USER', 'Chuyên viên theo dõi không hợp lệ (not an active Office user)');
        }
      }
      await this.people.updateSettings(tx.manager, agencyId, body);
      const s = await this.people.settings(agencyId, tx.manager);
      if (!s) throw ApiError.notFound('Agency');
      return s;
    });
  }
}
