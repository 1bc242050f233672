import { Injectable } from '@nestjs/common';
import {
  sortByAgencyOrder,
  type AgencyDto,
  type AgencyOrderRequest,
  type CreateAgencyRequest,
  type UpdateAgencyRequest,
} from '@dondoc/contracts';
import type { AgencyEntity } from '@dondoc/persistence';
import { ApiError } from '../common/api-error.js';
import { AgenciesRepository } from './agencies.repository.js';

export function toAgencyDto(a: AgencyEntity): AgencyDto {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind, active: a.active, organisationId: a.organisationId };
}

@Injectable()
export class AgenciesService {
  constructor(private readonly repo: AgenciesRepository) {}

  /**
   * In the official order, for every picker and the admin page: the places the administrator set, then the
   * agencies not placed in Vietnamese order (sorted here: the database's collation, C in the embedded build,
   * would put "Ban Tổ chức" before "Ban cán sự").
   */
  async list(includeInactive: boolean, linePath?: string): Promise<AgencyDto[]> {
    return sortByAgencyOrder(await this.repo.list(includeInactive, linePath), (a) => a).map(toAgencyDto);
  }

  /** Sets the official order: every agency, disabled ones too, exactly once. Answers every agency in it. */
  async setOrder(input: AgencyOrderRequest): Promise<AgencyDto[]> {
    const seen = new Set<string>();
    const twice = [...new Set(input.agencyIds.filter((id) => seen.size === seen.add(id).size))];
    if (twice.length) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `Each agency must be named exactly once; named twice: ${twice.join(', ')}`,
      );
    }
    const { unknown, missing } = await this.repo.setOrder(input.agencyIds);
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
    return this.list(true);
  }

  async create(input: CreateAgencyRequest): Promise<AgencyDto> {
    if (await this.repo.findByCode(input.code)) {
      throw new ApiError(409, 'DUPLICATE', `An agency with code "${input.code}" already exists`);
    }
    return toAgencyDto(await this.repo.insert({ code: input.code, name: input.name, kind: input.kind ?? 'other' }));
  }

  async update(id: string, input: UpdateAgencyRequest): Promise<AgencyDto> {
    const updated = await this.repo.update(id, input);
    if (!updated) throw ApiError.notFound('Agency');
    return toAgencyDto(updated);
  }
}
