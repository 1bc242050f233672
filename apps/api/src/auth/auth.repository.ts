import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Position, Role } from '@dondoc/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user.js';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  agency_id: string | null;
  position: Position | null;
  officers_act_on_all: boolean | null;
  organisation_id: string;
  organisation_path: string;
  organisation_agency_id: string | null;
  active: boolean;
  password_hash: string;
}

/** The person's columns, their agency's setting and their committee: every way of signing in reads the same. */
const USER_COLUMNS = `u.id, u.username, u.full_name, u.role, u.agency_id, u.position, ag.officers_act_on_all,
  u.organisation_id, o.path::text AS organisation_path, o.agency_id AS organisation_agency_id`;
const USER_JOINS = `LEFT JOIN agencies ag ON ag.id = u.agency_id JOIN organisations o ON o.id = u.organisation_id`;

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findUserForLogin(username: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.db.query(
      `SELECT ${USER_COLUMNS}, u.active, u.password_hash FROM users u ${USER_JOINS} WHERE u.username = $1`,
      [username],
    );
    return rows[0];
  }

  async createSession(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.query(`INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, $3)`, [id, userId, expiresAt]);
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  /** One round trip per request: a token counts only while its session is live and its user active. */
  async findLiveSession(
    sessionId: string,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<AuthUser | undefined> {
    const rows: Omit<UserRow, 'password_hash' | 'active'>[] = await manager.query(
      `SELECT ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id ${USER_JOINS}
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return rows[0] && toAuthUser(rows[0], sessionId);
  }

  /** Stores a stream ticket's hash for this session; tickets long expired are cleared on the way. */
  async createStreamTicket(hash: string, sessionId: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `WITH purged AS (DELETE FROM stream_tickets WHERE expires_at < now() - interval '1 hour')
       INSERT INTO stream_tickets (ticket_hash, session_id, user_id, expires_at) VALUES ($1, $2, $3, $4)`,
      [hash, sessionId, userId, expiresAt],
    );
  }

  /** Uses a ticket up (it works once) and gives its user while the ticket is fresh and the session live. */
  async redeemStreamTicket(hash: string): Promise<AuthUser | undefined> {
    const rows: (Omit<UserRow, 'password_hash' | 'active'> & { session_id: string })[] = await this.db.query(
      `WITH used AS (
         DELETE FROM stream_tickets WHERE ticket_hash = $1 RETURNING session_id, user_id, expires_at)
       SELECT ${USER_COLUMNS}, s.id AS session_id
         FROM used JOIN sessions s ON s.id = used.session_id AND s.user_id = used.user_id
         JOIN users u ON u.id = s.user_id ${USER_JOINS}
        WHERE used.expires_at > now() AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [hash],
    );
    return rows[0] && toAuthUser(rows[0], rows[0].session_id);
  }
}

function toAuthUser(r: Omit<UserRow, 'password_hash' | 'active'>, sessionId: string): AuthUser {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role,
    agencyId: r.agency_id,
    position: r.position,
    officersActOnAll: r.officers_act_on_all === true,
    organisationId: r.organisation_id,
    organisationPath: r.organisation_path,
    organisationAgencyId: r.organisation_agency_id,
    sessionId,
  };
}
