import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserDto } from '@dondoc/contracts';
import { DataSource } from 'typeorm';
import { organisationSubtreeSql } from '../tasks/task-scope.js';

interface Row {
  id: string;
  username: string;
  full_name: string;
  role: UserDto['role'];
  agency_id: string | null;
  position: UserDto['position'];
  active: boolean;
  email: string | null;
  organisation_id: string;
}

const toDto = (r: Row): UserDto => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  role: r.role,
  agencyId: r.agency_id,
  position: r.position ?? null,
  active: r.active,
  email: r.email,
  organisationId: r.organisation_id,
});

const COLUMNS = 'id, username, full_name, role, agency_id, position, active, email, organisation_id';
/** The accounts an administrator manages: those of their committee and the committees below it. */
const IN_SUBTREE = organisationSubtreeSql('organisation_id', '$1');

@Injectable()
export class UsersAdminRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(path: string): Promise<UserDto[]> {
    const rows = await this.db.query<Row[]>(
      `SELECT ${COLUMNS} FROM users WHERE ${IN_SUBTREE} ORDER BY role, username`,
      [path],
    );
    return rows.map(toDto);
  }

  /** An account of the subtree at `path`; undefined for any other. */
  async findById(id: string, path: string): Promise<UserDto | undefined> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM users WHERE ${IN_SUBTREE} AND id = $2`, [path, id]);
    return rows[0] ? toDto(rows[0]) : undefined;
  }

  /** The committee of an agency of the subtree at `path` that is active; undefined for any other. */
  async agencyOrganisation(agencyId: string, path: string): Promise<string | undefined> {
    const rows: { organisation_id: string }[] = await this.db.query(
      `SELECT organisation_id FROM agencies WHERE active AND id = $2 AND ${IN_SUBTREE}`,
      [path, agencyId],
    );
    return rows[0]?.organisation_id;
  }

  async usernameTaken(username: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM users WHERE username = $1`, [username]);
    return rows.length > 0;
  }

  async insert(u: {
    username: string;
    fullName: string;
    role: string;
    agencyId: string | null;
    organisationId: string;
    position: string | null;
    email: string | null;
    passwordHash: string;
  }): Promise<UserDto> {
    const rows: Row[] = await this.db.query(
      // An agency's account is its head unless said otherwise: the agency's only account keeps every power.
      `INSERT INTO users (username, full_name, role, agency_id, password_hash, email, position, organisation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [u.username, u.fullName, u.role, u.agencyId, u.passwordHash, u.email, u.position, u.organisationId],
    );
    return toDto(rows[0]);
  }

  /** Changes and, when access shrinks, the end of every live session, together. */
  async update(
    id: string,
    u: {
      fullName: string;
      role: string;
      agencyId: string | null;
      organisationId: string;
      active: boolean;
      email: string | null;
      position: string | null;
    },
    revokeSessions: boolean,
  ): Promise<UserDto> {
    return this.db.transaction(async (m) => {
      const rows: Row[] = await m.query(
        `WITH u AS (UPDATE users SET full_name = $2, role = $3, agency_id = $4, active = $5, email = $6, updated_at = now(),
                      position = $7, organisation_id = $8
                      WHERE id = $1 RETURNING ${COLUMNS})
         SELECT * FROM u`,
        [id, u.fullName, u.role, u.agencyId, u.active, u.email, u.position, u.organisationId],
      );
      if (revokeSessions) {
        await m.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      }
      return toDto(rows[0]);
    });
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
      await m.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    });
  }
}
