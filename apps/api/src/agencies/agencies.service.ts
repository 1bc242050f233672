import { Injectable } from '@nestjs/common';
import type { AgencyDto, CreateAgencyRequest, UpdateAgencyRequest } from '@dondoc/contracts';
import type { AgencyEntity } from '@dondoc/persistence';
import { ApiError } from '../common/api-error.js';
import { AgenciesRepository } from './agencies.repository.js';

export function toAgencyDto(a: AgencyEntity): AgencyDto {
  return { id: a.id, code: a.code, name: a.name, kind: a.kind, active: a.active };
}

@Injectable()
export class AgenciesService {
  constructor(private readonly repo: AgenciesRepository) {}

  async list(includeInactive: boolean): Promise<AgencyDto[]> {
    return (await this.repo.list(includeInactive)).map(toAgencyDto);
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
