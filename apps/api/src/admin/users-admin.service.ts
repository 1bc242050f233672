import { Injectable } from '@nestjs/common';
import {
  describePasswordProblems,
  passwordProblems,
  type CreateUserRequest,
  type PasswordContext,
  type UpdateUserRequest,
  type UserDto,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { PasswordService } from '../auth/password.service.js';
import { ApiError } from '../common/api-error.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsersAdminRepository } from './users-admin.repository.js';

@Injectable()
export class UsersAdminService {
  constructor(
    private readonly repo: UsersAdminRepository,
    private readonly passwords: PasswordService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The accounts of the administrator's committee and those below it. */
  list(admin: AuthUser): Promise<UserDto[]> {
    return this.repo.list(admin.organisationPath);
  }

  async create(admin: AuthUser, input: CreateUserRequest): Promise<UserDto> {
    checkPassword(input.password, input);
    const agencyId = input.agencyId ?? null;
    const organisationId = await this.placeOf(admin, input.role, agencyId, input.organisationId);
    if (await this.repo.usernameTaken(input.username)) {
      throw new ApiError(409, 'DUPLICATE', `The username "${input.username}" is taken`);
    }
    return this.repo.insert({
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      agencyId,
      organisationId,
      position: positionFor(input.role, input.position, null),
      email: input.email ?? null,
      passwordHash: await this.passwords.hash(input.password),
    });
  }

  async update(admin: AuthUser, id: string, input: UpdateUserRequest): Promise<UserDto> {
    const current = await this.repo.findById(id, admin.organisationPath);
    if (!current) throw ApiError.notFound('User');
    const next = {
      fullName: input.fullName ?? current.fullName,
      role: input.role ?? current.role,
      agencyId: input.agencyId !== undefined ? input.agencyId : current.agencyId,
      active: input.active ?? current.active ?? true,
      email: input.email !== undefined ? input.email : (current.email ?? null),
      position: null as string | null,
    };
    if (next.role !== 'agency' && input.role && input.agencyId === undefined) next.agencyId = null;
    // Moved to an agency, the account follows it; otherwise it stays in its committee unless told.
    const organisationId = await this.placeOf(
      admin,
      next.role,
      next.agencyId,
      input.organisationId ?? (next.agencyId ? undefined : current.organisationId),
    );
    next.position = positionFor(next.role, input.position, current.position ?? null);
    if (id === admin.id && (!next.active || next.role !== 'admin')) {
      throw new ApiError(409, 'CONFLICT', 'You cannot disable or demote your own administrator account');
    }
    // A head made an officer loses the power to act on every task: the sessions end as for a new role.
    const shrinks =
      !next.active ||
      next.role !== current.role ||
      next.agencyId !== current.agencyId ||
      organisationId !== current.organisationId ||
      (next.position ?? null) !== (current.position ?? null);
    return this.repo.update(id, { ...next, organisationId }, shrinks);
  }

  async resetPassword(admin: AuthUser, id: string, password: string): Promise<void> {
    const user = await this.repo.findById(id, admin.organisationPath);
    if (!user) throw ApiError.notFound('User');
    checkPassword(password, user);
    await this.repo.setPassword(id, await this.passwords.hash(password));
  }

  /**
   * The committee an account is filed in, checked: an agency account's is its agency's (an active agency of the
   * administrator's subtree; naming another committee is refused); any other's is the one named, the
   * administrator's own or one below it, or the administrator's own when none is named.
   */
  private async placeOf(
    admin: AuthUser,
    role: string,
    agencyId: string | null,
    organisationId: string | undefined,
  ): Promise<string> {
    if (role === 'agency' && !agencyId)
      throw new ApiError(400, 'VALIDATION_FAILED', 'An agency account needs its agency');
    if (role !== 'agency' && agencyId)
      throw new ApiError(400, 'VALIDATION_FAILED', 'Only agency accounts belong to an agency');
    if (agencyId) {
      const agencyOrganisation = await this.repo.agencyOrganisation(agencyId, admin.organisationPath);
      if (!agencyOrganisation) throw new ApiError(400, 'UNKNOWN_AGENCY', 'The agency does not exist or is disabled');
      if (organisationId && organisationId !== agencyOrganisation) {
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          'Tài khoản của cơ quan thuộc cấp ủy của cơ quan đó / An agency account is in its agency’s committee',
          [{ path: 'organisationId', message: "must be the agency's committee, or left out" }],
        );
      }
      return agencyOrganisation;
    }
    if (!organisationId) return admin.organisationId;
    return (await this.organisations.within(admin, organisationId)).id;
  }
}

/**
 * The password policy of `@dondoc/contracts` (OWASP ASVS 5.0 V6): a 400 `WEAK_PASSWORD` listing every problem,
 * Vietnamese then English, before anything is written. Accounts made by the demo seed do not pass here.
 */
function checkPassword(password: string, user: PasswordContext): void {
  const problems = passwordProblems(password, { username: user.username, fullName: user.fullName });
  if (problems.length === 0) return;
  throw new ApiError(
    400,
    'WEAK_PASSWORD',
    describePasswordProblems(problems),
    problems.map((p) => ({ path: 'password', message: `${p.message.vi} / ${p.message.en}` })),
  );
}

/**
 * The position a role may have: an agency account is its head, deputy or officer (head when not said: an
 * agency's only account keeps every power); a Standing Committee account its Thường trực or a member; other
 * roles none. A position the role cannot have is refused.
 */
export function positionFor(role: string, given: string | null | undefined, current: string | null): string | null {
  const allowed: Record<string, readonly string[]> = {
    agency: ['head', 'deputy', 'officer'],
    standing_committee: ['standing_board', 'member'],
  };
  const options = allowed[role] ?? [];
  if (given) {
    if (!options.includes(given)) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `Chức danh "${given}" không áp dụng cho vai trò này (position not valid for the role)`,
      );
    }
    return given;
  }
  if (given === null) return role === 'agency' ? 'head' : null;
  if (current && options.includes(current)) return current;
  return role === 'agency' ? 'head' : null;
}
