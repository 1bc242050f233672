import { Injectable } from '@nestjs/common';
import type {
  CreateOrganisationRequest,
  OrganisationDto,
  OrganisationKind,
  UpdateOrganisationRequest,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { unknownOrganisation } from './organisation-errors.js';
import { OrganisationsRepository, type OrganisationRow } from './organisations.repository.js';

/** The kind of the agency that stands for a committee among its parent's agencies. */
const STANDING_AGENCY_KIND: Record<Exclude<OrganisationKind, 'province'>, string> = {
  district: 'district_committee',
  directly_under: 'party_committee',
  grassroots: 'grassroots_committee',
};

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

  /** The organisation `id` if it is the caller's own or below it; otherwise `UNKNOWN_ORGANISATION`. */
  async within(user: AuthUser, id: string): Promise<OrganisationRow> {
    const found = await this.repo.within(id, user.organisationPath);
    if (!found) throw unknownOrganisation();
    return found;
  }

  /**
   * An administrator makes a committee under their own or one below it. Its agency among the parent's agencies
   * comes with it, so the parent's Office can give it work at once; its Office and other accounts are filed in it
   * through `POST /api/admin/users` with its `organisationId`.
   */
  async create(admin: AuthUser, input: CreateOrganisationRequest): Promise<OrganisationDto> {
    const parent = await this.within(admin, input.parentId);
    // The Party's own shape: district-level committees and those directly under the province stand right under
    // it; a grassroots organisation stands under any committee but has none below it (its cells are not kept here).
    const fits = input.kind === 'grassroots' ? parent.kind !== 'grassroots' : parent.kind === 'province';
    if (!fits) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        input.kind === 'grassroots'
          ? 'Tổ chức cơ sở đảng không có cấp ủy trực thuộc / A grassroots organisation has no committee below it'
          : 'Huyện, thành, thị ủy và đảng ủy trực thuộc ở ngay dưới Tỉnh ủy / District-level committees and those directly under the province stand right under it',
        [{ path: 'parentId', message: 'not a parent this kind of committee may have' }],
      );
    }
    const created = await this.repo.create({
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: input.parentId,
      sortOrder: input.sortOrder ?? null,
      agencyKind: STANDING_AGENCY_KIND[input.kind],
    });
    if (!created) {
      throw new ApiError(409, 'DUPLICATE', `Mã "${input.code}" đã có / The code "${input.code}" is taken`);
    }
    return toOrganisationDto(created);
  }

  async update(admin: AuthUser, id: string, input: UpdateOrganisationRequest): Promise<OrganisationDto> {
    await this.within(admin, id);
    return toOrganisationDto(await this.repo.update(id, input));
  }
}
