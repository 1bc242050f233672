import { Injectable } from '@nestjs/common';
import type { OrganisationDto } from '@dondoc/contracts';
import { OrganisationsRepository, type OrganisationRow } from './organisations.repository.js';

/** A path label is its organisation's code with `-` written `_` (codes have no `_`, so this reads back exactly). */
export function toOrganisationDto(r: OrganisationRow): OrganisationDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    path: r.path.split('.').map((label) => label.replaceAll('_', '-')),
    agencyId: r.agency_id,
    sortOrder: r.sort_order,
  };
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly repo: OrganisationsRepository) {}

  /** The caller's organisation and those below it, parents before children. */
  async visibleTo(userId: string): Promise<OrganisationDto[]> {
    return (await this.repo.subtreeOf(userId)).map(toOrganisationDto);
  }
}
