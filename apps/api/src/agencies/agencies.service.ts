import { Injectable } from '@nestjs/common';
import {
  sortByAgencyOrder,
  type AgencyDto,
  type AgencyOrderRequest,
  type CreateAgencyRequest,
  type UpdateAgencyRequest,
} from '@dondoc/contracts';
import type { AgencyEntity } from '@dondoc/persistence';
import type { AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { AgenciesRepository } from './agencies.repository.js';

export function toAgencyDto(a: AgencyEntity): AgencyDto {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind, active: a.active, organisationId: a.organisationId };
}

@Injectable()
export class AgenciesService {
  constructor(
    private readonly repo: AgenciesRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /**
   * In the official order, for every picker and the admin page: the places the administrator set, then the
   * agencies not placed in Vietnamese order (sorted here: the database's collation, C in the embedded build,
   * would put "Ban Tổ chức" before "Ban cán sự").
   */
  async list(includeInactive: boolean, linePath?: string): Promise<AgencyDto[]> {
    return sortByAgencyOrder(await this.repo.list(includeInactive, linePath), (a) => a).map(toAgencyDto);
  }

  /** An administrator's: the agencies of their committee and those below it, disabled ones too. */
  async listForAdmin(admin: AuthUser): Promise<AgencyDto[]> {
    return sortByAgencyOrder(await this.repo.listSubtree(admin.organisationPath), (a) => a).map(toAgencyDto);
  }

  /**
   * Sets the official order: every agency of the administrator's subtree, disabled ones too, exactly once.
   * Answers every agency in it.
   */
  async setOrder(admin: AuthUser, input: AgencyOrderRequest): Promise<AgencyDto[]> {
    const seen = new Set<string>();
    const twice = [...new Set(input.agencyIds.filter((id) => seen.size === seen.add(id).size))];
    if (twice.length) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `Each agency must be named exactly once; named twice: ${twice.join(', ')}`,
      );
    }
    const { unknown, missing } = await this.repo.setOrder(input.agencyIds, admin.organisationPath);
    if (unknown.length) {
      throw new ApiError(400, 'UNKNOWN_AGENCY', `No such agency: ${unknown.join(', ')}`);
    }
    if (missing.length) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `The order must name every agency, disabled ones too; missing: ${missing.join(', ')}`,
      );
    }
    return this.listForAdmin(admin);
  }

  /** An agency of the administrator's committee, or of one below it when `organisationId` names it. */
  async create(admin: AuthUser, input: CreateAgencyRequest): Promise<AgencyDto> {
    const organisationId = input.organisationId
      ? (await this.organisations.within(admin, input.organisationId)).id
      : admin.organisationId;
    if (await this.repo.findByCode(input.code)) {
      throw new ApiError(409, 'DUPLICATE', `An agency with code "${input.code}" already exists`);
    }
    return toAgencyDto(
      await this.repo.insert({ code: input.code, name: input.name, kind: input.kind ?? 'other', organisationId }),
    );
  }

  async update(admin: AuthUser, id: string, input: UpdateAgencyRequest): Promise<AgencyDto> {
    const updated = await this.repo.update(id, input, admin.organisationPath);
    if (!updated) throw ApiError.notFound('Agency');
    return toAgencyDto(updated);
  }
}
