import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AgencyEntity } from '@dondoc/persistence';
import { Repository } from 'typeorm';

@Injectable()
export class AgenciesRepository {
  constructor(@InjectRepository(AgencyEntity) private readonly repo: Repository<AgencyEntity>) {}

  list(includeInactive: boolean): Promise<AgencyEntity[]> {
    return this.repo.find({ where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
  }

  findById(id: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.repo.findOne({ where: { code } });
  }

  insert(values: { code: string; name: string; kind: string }): Promise<AgencyEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(
    id: string,
    values: Partial<Pick<AgencyEntity, 'name' | 'kind' | 'active'>>,
  ): Promise<AgencyEntity | null> {
    await this.repo.update({ id }, values);
    return this.findById(id);
  }
}
