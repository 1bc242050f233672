import { Injectable } from '@nestjs/common';
import {
  sortByVietnamese,
  type AgencyDto,
  type CreateAgencyRequest,
  type UpdateAgencyRequest,
} from '@dondoc/contracts';
import type { AgencyEntity } from '@dondoc/persistence';
import { ApiError } from '../common/api-error.js';
import { AgenciesRepository } from './agencies.repository.js';

export function toAgencyDto(a: AgencyEntity): AgencyDto {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind, active: a.active };
}

@Injectable()
export class AgenciesService {
  constructor(private readonly repo: AgenciesRepository) {}

  /**
   * In Vietnamese order, for every picker and the admin page: the database's collation (C in the embedded
   * build) would put "Ban Tổ chức" before "Ban cán sự".
   */
  async list(includeInactive: boolean): Promise<AgencyDto[]> {
    return sortByVietnamese(await this.repo.list(includeInactive), (a) => a.name).map(toAgencyDto);
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
